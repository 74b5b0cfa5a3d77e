#if defined(__linux__) && defined(__ELF__)
#define _GNU_SOURCE
#endif

#include "CBadgeStartup.h"

#if defined(__linux__) && defined(__ELF__)
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__LP64__)
#define RELOCATION_TABLE_TAG DT_RELA
#define RELOCATION_SIZE_TAG DT_RELASZ
#else
#define RELOCATION_TABLE_TAG DT_REL
#define RELOCATION_SIZE_TAG DT_RELSZ
#endif

/// Whether [start, end) lies inside one loaded, non-writable segment of `info`'s object.
static int inside_read_only_segment(const struct dl_phdr_info *info, uintptr_t start, uintptr_t end) {
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_LOAD || (header->p_flags & PF_W)) continue;
        uintptr_t segment = (uintptr_t)info->dlpi_addr + header->p_vaddr;
        if (start >= segment && end <= segment + header->p_filesz) return 1;
    }
    return 0;
}

/// What was released.
struct release {
    uintptr_t first_page;
    unsigned long bytes;
};

/// Called for the main program first; stops after it.
static int release_in_program(struct dl_phdr_info *info, size_t size, void *release) {
    (void)size;
    const ElfW(Dyn) *dynamic = NULL;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        if (info->dlpi_phdr[index].p_type == PT_DYNAMIC)
            dynamic = (const ElfW(Dyn) *)((uintptr_t)info->dlpi_addr + info->dlpi_phdr[index].p_vaddr);
    }
    if (dynamic == NULL) return 1;
    uintptr_t table = 0, bytes = 0;
    for (const ElfW(Dyn) *entry = dynamic; entry->d_tag != DT_NULL; entry++) {
        if (entry->d_tag == RELOCATION_TABLE_TAG) table = entry->d_un.d_ptr;
        if (entry->d_tag == RELOCATION_SIZE_TAG) bytes = entry->d_un.d_val;
    }
    if (table == 0 || bytes == 0) return 1;
    // The loader may have rewritten the entry to an address, or left it an offset from the load address.
    uintptr_t start = table;
    if (!inside_read_only_segment(info, start, start + bytes)) start = (uintptr_t)info->dlpi_addr + table;
    if (!inside_read_only_segment(info, start, start + bytes)) return 1;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t first = (start + page - 1) & ~(page - 1), last = (start + bytes) & ~(page - 1);
    if (last > first && madvise((void *)first, last - first, MADV_DONTNEED) == 0) {
        struct release *result = release;
        result->first_page = first;
        result->bytes = (unsigned long)(last - first);
    }
    return 1;
}

unsigned long badge_release_relocation_table(uintptr_t *first_page) {
    struct release result = {0, 0};
    dl_iterate_phdr(release_in_program, &result);
    if (first_page != NULL) *first_page = result.first_page;
    return result.bytes;
}

#else

unsigned long badge_release_relocation_table(uintptr_t *first_page) {
    if (first_page != NULL) *first_page = 0;
    return 0;
}

#endif
