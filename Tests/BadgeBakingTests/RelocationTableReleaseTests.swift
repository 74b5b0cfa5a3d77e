import CBadgeSupport
import Foundation
import Testing

/// `badge_release_relocation_table`, which the tools call first: the pages of the loader's relocation table go back to
/// the kernel, and the process goes on. Here it runs in the test process, a position-independent executable too.
@Suite("Relocation table release")
struct RelocationTableReleaseTests {
    #if os(Linux)
        @Test("the table's pages are released, whole pages only, and a second call releases the same pages")
        func releasesTheTable() throws {
            var first: UInt = 0
            let bytes = UInt(badge_release_relocation_table(&first))
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            #expect(bytes > 0, "a PIE executable has a relocation table of more than a page")
            #expect(first % page == 0 && bytes % page == 0)
            // Nothing reads the table after start-up, so its pages stay out of memory.
            #expect(try residentPages(from: first, bytes: bytes) == 0)
            // The mapping is still there: reading a page faults it in again from the file.
            let byte = UnsafePointer<UInt8>(bitPattern: first)!.pointee
            #expect(try residentPages(from: first, bytes: page) == 1)
            _ = byte
            var again: UInt = 0
            #expect(UInt(badge_release_relocation_table(&again)) == bytes && again == first)
            #expect(try residentPages(from: first, bytes: bytes) == 0)
        }

        /// How many of the pages from `address` are resident, from `/proc/self/pagemap` (bit 63 of each entry).
        func residentPages(from address: UInt, bytes: UInt) throws -> Int {
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/pagemap"))
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(address / page * 8))
            let entries = try handle.read(upToCount: Int(bytes / page) * 8) ?? Data()
            return stride(from: 0, to: entries.count, by: 8).filter { entries[entries.startIndex + $0 + 7] & 0x80 != 0 }.count
        }
    #else
        @Test("elsewhere, nothing is released")
        func releasesNothing() {
            var first: UInt = 1
            #expect(badge_release_relocation_table(&first) == 0 && first == 0)
        }
    #endif
}
