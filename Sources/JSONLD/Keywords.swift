import OpenBadgesModel

/// The JSON-LD 1.1 keywords (and the framing ones, which expansion passes through).
private let jsonldKeywords: [String] = [
    "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
    "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
    "@value", "@version", "@vocab", "@default", "@embed", "@explicit", "@omitDefault", "@requireAll",
]

/// The keywords by their length in UTF-8 bytes: a keyword is looked up among the few of its length, without hashing.
private let keywordsByLength: [[CodePointString]] = {
    var table = [[CodePointString]](repeating: [], count: jsonldKeywords.map(\.utf8.count).max()! + 1)
    for keyword in jsonldKeywords { table[keyword.utf8.count].append(CodePointString(keyword)) }
    return table
}()

/// The same, as their strings' representations (two words on 64-bit platforms, empty elsewhere): a keyword that a
/// document writes is mostly a small string, held in place like these, and is found by comparing two integers.
/// This is `CodePointString.hasSameRepresentation(as:)` worked out ahead: asking it of each `CodePointString` in
/// ``keywordsByLength`` instead cost 24,000 more instructions per verified credential (measured), and relying on
/// `==` alone 49,000.
private let keywordRepresentationsByLength: [[(UInt64, UInt64)]] = keywordsByLength.map { keywords in
    MemoryLayout<String>.size == 16 ? keywords.map { unsafeBitCast($0.string, to: (UInt64, UInt64).self) } : []
}

/// Whether `s` is a JSON-LD keyword, comparing code points (UTF-8 bytes), as JSON-LD compares strings.
///
/// Inlined, so that the usual answer (a string not starting with `@`) costs one byte's test where it is asked.
@inline(__always)
func isKeyword(_ s: String) -> Bool { s.utf8.first == UInt8(ascii: "@") && isKeywordStartingWithAt(s) }

/// Whether `s`, which starts with `@`, is a keyword: by its representation when it has a keyword's, or else by its
/// bytes. (The same representation is the same text; the same text may have another representation.)
private func isKeywordStartingWithAt(_ s: String) -> Bool {
    let count = s.utf8.count
    guard count < keywordsByLength.count else { return false }
    if MemoryLayout<String>.size == 16 {
        let representation = unsafeBitCast(s, to: (UInt64, UInt64).self)
        for candidate in keywordRepresentationsByLength[count] where candidate == representation { return true }
    }
    let string = CodePointString(s)
    return keywordsByLength[count].contains { $0 == string }
}

/// Whether an expanded node's member `iri` can stand for a member of plain JSON data: any IRI, and of the keywords
/// only `@id` and `@type` (which `id` and `type` alias). The others (`@included`, `@reverse`, `@graph`, `@index`, …)
/// are JSON-LD constructs, whatever alias brought them there. Compared by code points.
@inlinable
package func isDataMember(_ iri: String) -> Bool {
    iri.utf8.first != UInt8(ascii: "@") || iri.utf8.elementsEqual("@id".utf8) || iri.utf8.elementsEqual("@type".utf8)
}

/// `@` followed only by ASCII letters: reserved for future keywords, ignored with a warning.
func hasKeywordForm(_ s: String) -> Bool {
    guard s.utf8.first == UInt8(ascii: "@"), s.unicodeScalars.count > 1 else { return false }
    return s.unicodeScalars.dropFirst().allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
}
