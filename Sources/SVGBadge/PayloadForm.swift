/// Light classification of payload strings; no JSON model, just enough to pick `verify`.
enum PayloadForm {
    static func isHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }

    static func isCompactJWS(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts.allSatisfy { part in
            part.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        }
    }

    /// The top-level `"id"` of a JSON object if it is an http(s) URL, else the string in `"verify": {"url": …}`.
    /// A tiny scanner: it only looks at top-level members and does not validate the rest of the JSON.
    static func hostedURL(inJSON text: String) -> String? {
        var scanner = JSONScanner(Array(text.utf8))
        guard let members = scanner.topLevelStrings() else { return nil }
        if let id = members["id"], isHTTPURL(id) { return id }
        if let url = members["verify.url"], isHTTPURL(url) { return url }
        return nil
    }
}

/// Reads the string-valued members of a JSON object (and of its `verify` object) without building a model.
private struct JSONScanner {
    private let bytes: [UInt8]
    private var i = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func topLevelStrings() -> [String: String]? {
        var out: [String: String] = [:]
        return object(path: "", depth: 0, into: &out) ? out : nil
    }

    private mutating func skipSpace() { while i < bytes.count, XMLText.isWhitespace(bytes[i]) { i += 1 } }

    private mutating func object(path: String, depth: Int, into out: inout [String: String]) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return true }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < bytes.count else { return false }
            let name = path.isEmpty ? key : "\(path).\(key)"
            if bytes[i] == UInt8(ascii: "\"") {
                guard let value = string() else { return false }
                out[name] = value
            } else if bytes[i] == UInt8(ascii: "{") && depth == 0 && key == "verify" {
                guard object(path: name, depth: depth + 1, into: &out) else { return false }
            } else {
                guard skipValue() else { return false }
            }
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return true }
            return false
        }
    }

    private mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(e)
                default: return nil  // keep it small: URLs do not need other escapes
                }
            } else {
                out.append(b)
            }
        }
        return nil
    }

    /// Skips any JSON value (strings, nested containers, literals) without interpreting it.
    private mutating func skipValue() -> Bool {
        var nesting = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                guard i < bytes.count else { return false }
            case UInt8(ascii: "{"), UInt8(ascii: "["): nesting += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if nesting == 0 { return true }
                nesting -= 1
            case UInt8(ascii: ","):
                if nesting == 0 { return true }
            default: break
            }
            i += 1
        }
        return false
    }
}
