// Code-point helpers. Swift's String operations work on grapheme clusters, so ":" followed by a combining mark
// is not found by `firstIndex(of: ":")` and `hasPrefix` compares canonically equivalent forms. JSON-LD and
// RFC 3986 work on code points, so delimiter handling goes through these helpers.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

import OpenBadgesModel

extension String {
    // UTF-8 never encodes part of one code point as another, so a code point prefix is a byte prefix, and an ASCII
    // code point is found by its byte: these compare bytes.

    func scalarHasPrefix(_ p: String) -> Bool {
        withUTF8Bytes { a in p.withUTF8Bytes { b in a.count >= b.count && (b.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0) } }
    }

    func scalarContains(_ c: Unicode.Scalar) -> Bool {
        guard c.isASCII else { return unicodeScalars.contains(c) }
        return withUTF8Bytes { $0.contains(UInt8(c.value)) }
    }

    /// How IRI expansion and term definitions read a value around its first `:` when that is not its first scalar
    /// (as jsonld.js does): the text before it, and whether `//` follows it, in which case the value is an IRI with
    /// an authority and never a compact IRI. Only the prefix is copied out: the rest is cut by
    /// ``compactIRISuffix(_:)`` when a prefix term asks for it.
    func compactIRISplit() -> (prefix: String, authority: Bool)? {
        withUTF8Bytes { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != 0 else { return nil }
            let authority = bytes.count >= colon + 3 && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/")
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self), authority)
        }
    }

    /// The text after the `:` that ends `prefix` (of ``compactIRISplit()``).
    func compactIRISuffix(_ prefix: String) -> String {
        String(decoding: utf8.dropFirst(prefix.utf8.count + 1), as: UTF8.self)
    }

    func scalarDropFirst(_ n: Int) -> String {
        // ASCII scalars are one byte each (`_:` of a blank node label, say): cut the bytes.
        let bytes = utf8
        if bytes.count >= n, bytes.prefix(n).allSatisfy({ $0 < 0x80 }) { return String(Substring(bytes.dropFirst(n))) }
        return String(unicodeScalars.dropFirst(n))
    }

    var lastScalar: Unicode.Scalar? { unicodeScalars.last }

    var scalarCount: Int { unicodeScalars.count }
}
