#ifndef CBADGESTARTUP_H
#define CBADGESTARTUP_H

#include <stdint.h>

/// Gives back to the kernel the resident pages of the running program's own dynamic relocation table (`.rela.dyn`),
/// which the dynamic loader reads once, before `main`, and nothing reads again. Those pages are mapped read-only from
/// the executable file, so dropping them loses nothing: a later read would fault them in again from the file. In a
/// position-independent executable linked with the Swift runtime statically, the table is about 2 MB, read in full at
/// every start; dropped, it no longer counts towards the process's peak resident memory.
///
/// Returns the number of bytes released, from the page at `*first_page` (when `first_page` is not NULL): 0 where this
/// is not an ELF program on Linux, or when the table is not inside a read-only segment of the program (then nothing
/// is touched).
unsigned long badge_release_relocation_table(uintptr_t *first_page);

#endif
