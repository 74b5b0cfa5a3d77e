// Code-point helpers. Swift's String operations work on grapheme clusters, so ":" followed by a combining mark
// is not found by `firstIndex(of: ":")` and `hasPrefix` compares canonically equivalent forms. JSON-LD and
// RFC 3986 work on code points, so delimiter handling goes through these helpers.

extension String {
    func scalarHasPrefix(_ p: String) -> Bool { unicodeScalars.starts(with: p.unicodeScalars) }

    func scalarContains(_ c: Unicode.Scalar) -> Bool { unicodeScalars.contains(c) }

    /// Splits at the first `c` if it is not the first scalar: (before, after), or nil (as jsonld.js does).
    func scalarSplitAfterFirst(at c: Unicode.Scalar) -> (String, String)? {
        let u = unicodeScalars
        guard let i = u.firstIndex(of: c), i != u.startIndex else { return nil }
        return (String(u[..<i]), String(u[u.index(after: i)...]))
    }

    func scalarDropFirst(_ n: Int) -> String { String(unicodeScalars.dropFirst(n)) }

    var lastScalar: Unicode.Scalar? { unicodeScalars.last }

    var scalarCount: Int { unicodeScalars.count }
}
