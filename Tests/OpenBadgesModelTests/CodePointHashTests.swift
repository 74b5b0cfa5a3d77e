import Testing

@testable import OpenBadgesModel

/// The package's string hash is of the UTF-8 bytes (so of the code points), whatever the string's storage.
@Suite("Code point hash")
struct CodePointHashTests {
    @Test func hashIsOfTheBytes() {
        let text = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json#\u{E9}\u{1F600}"
        var hashes = Set<UInt64>()
        for length in 0...text.utf8.count {
            let bytes = Array(text.utf8.prefix(length))
            hashes.insert(CodePointHash.hash(bytes))
            if let string = String(validating: bytes, as: UTF8.self) { #expect(CodePointHash.hash(string) == CodePointHash.hash(bytes)) }
        }
        #expect(hashes.count == text.utf8.count + 1)  // every prefix hashes differently
        #expect(CodePointHash.hash("caf\u{E9}") != CodePointHash.hash("cafe\u{301}"))
    }
}
