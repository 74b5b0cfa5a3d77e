import Testing

@testable import OpenBadgesModel

/// `withUTF8Bytes` gives a string's UTF-8 bytes, in place or copied, whatever its storage and length.
@Suite("UTF-8 bytes in place")
struct UTF8BytesTests {
    struct Stop: Error {}

    /// Empty, small (inline, up to 15 bytes) and large strings; ASCII, two-, three- and four-byte code points;
    /// decomposed and precomposed forms (which must stay distinct); slices turned into strings.
    static let strings: [String] = {
        let long = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json#caf\u{E9}\u{1F600}\u{20AC}"
        var strings = ["", "a", "caf\u{E9}", "cafe\u{301}", "123456789012345", "1234567890123456", long]
        strings += (0...long.unicodeScalars.count).map { String(String.UnicodeScalarView(long.unicodeScalars.prefix($0))) }
        strings.append(String(long.dropFirst(8)))
        return strings
    }()

    @Test(arguments: strings)
    func bytesAreTheUTF8(_ string: String) throws {
        #expect(string.withUTF8Bytes { Array($0) } == Array(string.utf8))
        #expect(String.utf8Array(of: string) == Array(string.utf8))
        #expect(throws: Stop.self) { try string.withUTF8Bytes { _ in throw Stop() } }
    }

    @Test func canonicallyEquivalentFormsKeepTheirBytes() {
        #expect("caf\u{E9}".withUTF8Bytes { Array($0) } != "cafe\u{301}".withUTF8Bytes { Array($0) })
    }
}
