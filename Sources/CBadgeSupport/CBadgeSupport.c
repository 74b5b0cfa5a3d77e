#define _GNU_SOURCE
#include "CBadgeSupport.h"

#include <errno.h>
#include <unistd.h>

long badge_copy_file_range(int source, int64_t *sourceOffset, int destination, size_t count) {
#if defined(__linux__)
    off_t offset = (off_t)*sourceOffset;
    ssize_t result = copy_file_range(source, &offset, destination, NULL, count, 0);
    if (result > 0) *sourceOffset = (int64_t)offset;
    return (long)result;
#else
    (void)source; (void)sourceOffset; (void)destination; (void)count;
    errno = ENOSYS;
    return -1;
#endif
}
