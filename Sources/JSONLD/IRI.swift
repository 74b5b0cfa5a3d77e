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

    typealias Scalars = ArraySlice<Unicode.Scalar>

    /// Splits an IRI reference into its five components (RFC 3986 Appendix B), working on code points.
    static func parse(_ s: String) -> Parts {
        var rest = Scalars(Array(s.unicodeScalars))
        func str(_ x: Scalars) -> String { String(String.UnicodeScalarView(x)) }
        var fragment: String?
        if let h = rest.firstIndex(of: "#") {
            fragment = str(rest[(h + 1)...])
            rest = rest[..<h]
        }
        var query: String?
        if let q = rest.firstIndex(of: "?") {
            query = str(rest[(q + 1)...])
            rest = rest[..<q]
        }
        var scheme: String?
        if let c = rest.firstIndex(of: ":") {
            let cand = rest[..<c]
            if !cand.contains("/"), isScheme(cand) {
                scheme = str(cand)
                rest = rest[(c + 1)...]
            }
        }
        var authority: String?
        if rest.starts(with: ["/", "/"]) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = str(rest[..<end])
            rest = rest[end...]
        }
        return Parts(scheme: scheme, authority: authority, path: str(rest), query: query, fragment: fragment)
    }

    static func isScheme<C: Collection>(_ s: C) -> Bool where C.Element == Unicode.Scalar {
        guard let f = s.first, ("a"..."z").contains(f) || ("A"..."Z").contains(f) else { return false }
        return s.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "."
        }
    }

    /// True if `s` is an absolute IRI (has a scheme).
    package static func isAbsolute(_ s: String) -> Bool {
        var s = s
        return s.withUTF8(isAbsolute(bytes:))
    }

    /// True if the UTF-8 text `bytes` starts with a scheme and a colon. A scheme is ASCII, so its bytes are its
    /// code points.
    private static func isAbsolute(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E else { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// True if `s` is an absolute IRI without characters that are never allowed in IRIs (used by toRdf).
    package static func isWellFormed(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
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

    /// RFC 3986 §5.2.4, on code points.
    static func removeDotSegments(_ path: String) -> String {
        var input = Scalars(Array(path.unicodeScalars))
        var output: [Unicode.Scalar] = []
        while !input.isEmpty {
            if input.starts(with: [".", ".", "/"]) {
                input = input.dropFirst(3)
            } else if input.starts(with: [".", "/"]) {
                input = input.dropFirst(2)
            } else if input.starts(with: ["/", ".", "/"]) {
                input = input.dropFirst(2)
            } else if input.elementsEqual(["/", "."]) {
                input = ["/"]
            } else if input.starts(with: ["/", ".", ".", "/"]) || input.elementsEqual(["/", ".", "."]) {
                input = input.count == 3 ? ["/"] : input.dropFirst(3)
                if let last = output.lastIndex(of: "/") {
                    output.removeSubrange(last...)
                } else {
                    output.removeAll()
                }
            } else if input.elementsEqual(["."]) || input.elementsEqual([".", "."]) {
                input = []
            } else {
                var start = input.startIndex
                if input.first == "/" { start += 1 }
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(contentsOf: input[..<end])
                input = input[end...]
            }
        }
        return String(String.UnicodeScalarView(output))
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
                    if r.path.unicodeScalars.first == "/" {
                        t.path = removeDotSegments(r.path)
                    } else {
                        let merged: String
                        if b.authority != nil && b.path.isEmpty {
                            merged = "/" + r.path
                        } else if let slash = b.path.unicodeScalars.lastIndex(of: "/") {
                            merged = String(b.path.unicodeScalars[...slash]) + r.path
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
