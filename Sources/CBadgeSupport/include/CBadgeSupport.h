#ifndef CBADGESUPPORT_H
#define CBADGESUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "CBadgeCleanup.h"

/// Copies up to `count` bytes from `source` at `*sourceOffset` (advanced by the amount copied) to the current
/// position of `destination`, inside the kernel. Returns the bytes copied, or -1 with errno set (ENOSYS where
/// the system has no such call).
long badge_copy_file_range(int source, int64_t *sourceOffset, int destination, size_t count);

#endif
