import Testing
import Zlib

@Suite struct ZlibTests {
    @Test func roundTrip() throws {
        let text = Array(String(repeating: "openbadges ", count: 1000).utf8)
        let packed = try deflate(text)
        #expect(packed.count < text.count)
        #expect(try inflate(packed, limit: text.count) == text)
    }

    @Test func bombIsCapped() throws {
        let zeros = [UInt8](repeating: 0, count: 10_000_000)
        let packed = try deflate(zeros, level: 9)
        #expect(throws: ZlibError.outputLimitExceeded(limit: 1_000_000)) {
            try inflate(packed, limit: 1_000_000)
        }
    }

    @Test func truncatedAndCorrupt() throws {
        let packed = try deflate(Array("hello, badge".utf8))
        #expect(throws: ZlibError.truncatedStream()) { try inflate(packed.dropLast(3), limit: 100) }
        var corrupt = packed
        corrupt[0] = 0x00
        #expect(throws: (any Error).self) { try inflate(corrupt, limit: 100) }
        #expect(throws: ZlibError.trailingData()) { try inflate(packed + [1, 2, 3], limit: 100) }
    }

    @Test func crcMatchesKnownValue() {
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }
}
