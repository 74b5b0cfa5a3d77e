import OpenBadgesModel

/// RFC 3986 IRI reference parsing and resolution (§5.2), written out because Foundation's URL resolution
/// does not follow RFC 3986 exactly.
package enum IRI {
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        var recomposed: String {
            var s = ""
            if let scheme { s += scheme + ":" }
            if let authority { s += "//" + authority }
            s += path
            if let query { s += "?" + query }
            if let fragment { s += "#" + fragment }
            return s
        }
    }

    typealias Bytes = ArraySlice<UInt8>

    /// Splits an IRI reference into its five components (RFC 3986 Appendix B). It works on the UTF-8 bytes: the
    /// delimiters are ASCII, and UTF-8 never uses an ASCII byte inside a longer code point, so splitting the bytes
    /// splits the code points, and each part is valid UTF-8 again.
    static func parse(_ s: String) -> Parts {
        var rest = Bytes(s.utf8)
        func string(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }
        var fragment: String?
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = string(rest[(hash + 1)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = string(rest[(question + 1)...])
            rest = rest[..<question]
        }
        var scheme: String?
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")) {
            let candidate = rest[..<colon]
            if !candidate.contains(UInt8(ascii: "/")), isScheme(candidate) {
                scheme = string(candidate)
                rest = rest[(colon + 1)...]
            }
        }
        var authority: String?
        if rest.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = string(rest[..<end])
            rest = rest[end...]
        }
        return Parts(scheme: scheme, authority: authority, path: string(rest), query: query, fragment: fragment)
    }

    /// Whether `bytes` is a scheme: an ASCII letter, then scheme characters.
    static func isScheme(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        return bytes.dropFirst().allSatisfy(isSchemeCharacter)
    }

    /// True if `s` is an absolute IRI (has a scheme).
    package static func isAbsolute(_ s: String) -> Bool {
        s.withUTF8Bytes(isAbsolute(bytes:))
    }

    /// True if the UTF-8 text `bytes` starts with a scheme and a colon. A scheme is ASCII, so its bytes are its
    /// code points.
    private static func isAbsolute(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isSchemeCharacter(byte) else { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// A character a scheme may have after its first letter: a letter, a digit, `+`, `-` or `.` (RFC 3986 §3.1).
    private static func isSchemeCharacter(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E
    }

    /// True if `s` is an absolute IRI without characters that are never allowed in IRIs (used by toRdf).
    package static func isWellFormed(_ s: String) -> Bool {
        s.withUTF8Bytes { bytes in
            guard isAbsolute(bytes: bytes) else { return false }
            // Every code point ruled out is ASCII, and in UTF-8 an ASCII byte is always that code point.
            var fragments = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "#"):
                    fragments += 1
                    if fragments > 1 { return false }
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
                    UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"), 0x7F, 0...0x20:
                    return false
                default: continue
                }
            }
            return true
        }
    }

    /// RFC 3986 §5.2.4, on the UTF-8 bytes (the segments are split at ASCII bytes, as in ``parse(_:)``).
    static func removeDotSegments(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var input = Bytes(path.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        while !input.isEmpty {
            if input.starts(with: [dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if input.starts(with: [dot, slash]) {
                input = input.dropFirst(2)
            } else if input.starts(with: [slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if input.elementsEqual([slash, dot]) {
                input = [slash]
            } else if input.starts(with: [slash, dot, dot, slash]) || input.elementsEqual([slash, dot, dot]) {
                input = input.count == 3 ? [slash] : input.dropFirst(3)
                if let last = output.lastIndex(of: slash) {
                    output.removeSubrange(last...)
                } else {
                    output.removeAll()
                }
            } else if input.elementsEqual([dot]) || input.elementsEqual([dot, dot]) {
                input = []
            } else {
                var start = input.startIndex
                if input.first == slash { start += 1 }
                let end = input[start...].firstIndex(of: slash) ?? input.endIndex
                output.append(contentsOf: input[..<end])
                input = input[end...]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2). A nil base returns the reference unchanged.
    package static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = parse(reference)
        let b = parse(base)
        var t = Parts(scheme: nil, authority: nil, path: "", query: nil, fragment: nil)
        if r.scheme != nil {
            t = r
            t.path = removeDotSegments(r.path)
        } else {
            if r.authority != nil {
                t.authority = r.authority
                t.path = removeDotSegments(r.path)
                t.query = r.query
            } else {
                if r.path.isEmpty {
                    t.path = b.path
                    t.query = r.query ?? b.query
                } else {
                    if r.path.utf8.first == UInt8(ascii: "/") {
                        t.path = removeDotSegments(r.path)
                    } else {
                        let merged: String
                        if b.authority != nil && b.path.isEmpty {
                            merged = "/" + r.path
                        } else if let slash = b.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                            merged = String(decoding: b.path.utf8[...slash], as: UTF8.self) + r.path
                        } else {
                            merged = r.path
                        }
                        t.path = removeDotSegments(merged)
                    }
                    t.query = r.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
        }
        t.fragment = r.fragment
        return t.recomposed
    }
}
