/// A URI reference split into its RFC 3986 components, with reference resolution (§5.2). Used only to place `$id`,
/// `$anchor` and `$ref` inside one schema document; nothing is ever fetched.
struct URIReference: Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits a reference (RFC 3986 Appendix B).
    init(parsing text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        } else {
            fragment = nil
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        } else {
            query = nil
        }
        scheme = nil
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first),
                candidate.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
            {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        } else {
            authority = nil
        }
        path = String(rest)
    }

    /// The reference as text.
    var text: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// The reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against `self` as base (RFC 3986 §5.2.2, strict).
    func resolving(_ reference: URIReference) -> URIReference {
        var t = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: reference.fragment)
        if let s = reference.scheme {
            t.scheme = s
            t.authority = reference.authority
            t.path = Self.removeDotSegments(reference.path)
            t.query = reference.query
            return t
        }
        t.scheme = scheme
        if reference.authority != nil {
            t.authority = reference.authority
            t.path = Self.removeDotSegments(reference.path)
            t.query = reference.query
            return t
        }
        t.authority = authority
        if reference.path.isEmpty {
            t.path = path
            t.query = reference.query ?? query
        } else {
            if reference.path.hasPrefix("/") {
                t.path = Self.removeDotSegments(reference.path)
            } else {
                t.path = Self.removeDotSegments(merge(reference.path))
            }
            t.query = reference.query
        }
        return t
    }

    private func merge(_ relative: String) -> String {
        if authority != nil && path.isEmpty { return "/" + relative }
        if let slash = path.lastIndex(of: "/") { return String(path[...slash]) + relative }
        return relative
    }

    static func removeDotSegments(_ input: String) -> String {
        guard input.contains(".") else { return input }
        var inp = Substring(input)
        var outString = ""
        while !inp.isEmpty {
            if inp.hasPrefix("../") {
                inp = inp.dropFirst(3)
            } else if inp.hasPrefix("./") {
                inp = inp.dropFirst(2)
            } else if inp.hasPrefix("/./") {
                inp = inp.dropFirst(2)
            } else if inp == "/." {
                inp = "/"
            } else if inp.hasPrefix("/../") || inp == "/.." {
                inp = inp == "/.." ? "/" : inp.dropFirst(3)
                if let last = outString.lastIndex(of: "/") { outString = String(outString[..<last]) } else { outString = "" }
            } else if inp == "." || inp == ".." {
                inp = ""
            } else {
                let start = inp.hasPrefix("/") ? inp.index(after: inp.startIndex) : inp.startIndex
                let end = inp[start...].firstIndex(of: "/") ?? inp.endIndex
                outString += inp[..<end]
                inp = inp[end...]
            }
        }
        return outString
    }
}

/// Percent-decodes a URI fragment (invalid escapes are kept as written).
func percentDecode(_ s: String) -> String {
    guard s.contains("%") else { return s }
    var bytes: [UInt8] = []
    let utf8 = Array(s.utf8)
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
    while i < utf8.count {
        if utf8[i] == 0x25, i + 2 < utf8.count, let h = hex(utf8[i + 1]), let l = hex(utf8[i + 2]) {
            bytes.append(h << 4 | l)
            i += 3
        } else {
            bytes.append(utf8[i])
            i += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
