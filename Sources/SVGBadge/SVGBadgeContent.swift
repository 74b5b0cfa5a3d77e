/// What to bake into an SVG: the generation, an optional `verify` attribute and an optional body.
///
/// The forms the specifications describe:
/// - OB 2.0 hosted: `verify` = the assertion's `id` (its URL), `body` = the assertion JSON.
/// - OB 2.0 signed: `verify` = the compact JWS, no body.
/// - OB 3.0 embedded proof: `body` = the credential JSON, no `verify`.
/// - OB 3.0 VC-JWT: `verify` = the compact JWS, no body.
public struct SVGBadgeContent: Sendable, Hashable {
    /// Which element and namespace to write.
    public var generation: SVGBadgeGeneration
    /// The `verify` attribute, or `nil` to omit it.
    public var verify: String?
    /// The element body (written as CDATA), or `nil` for an empty element.
    public var body: String?

    /// Creates content from explicit parts; at least one of `verify` and `body` must be non-empty when baking.
    public init(generation: SVGBadgeGeneration, verify: String? = nil, body: String? = nil) {
        self.generation = generation
        self.verify = verify
        self.body = body
    }

    /// Builds content from a payload string, classified by its form (after trimming whitespace):
    /// `{…}` → JSON body (for OB 2.0, `verify` = the JSON's `id` if it is an http(s) URL, else its `verify.url`);
    /// three base64url segments → compact JWS in `verify`; `http(s)://…` → hosted URL in `verify` (OB 2.0 only).
    /// - Throws: ``SVGBadgeError`` with code ``SVGBadgeError/Code/invalidContent`` for anything else.
    public init(generation: SVGBadgeGeneration, payload: String) throws {
        let text = payload.trimmingXMLWhitespace()
        self.generation = generation
        if text.hasPrefix("{") {
            body = text
            if generation == .openBadges2 { verify = PayloadForm.hostedURL(inJSON: text) }
        } else if PayloadForm.isCompactJWS(text) {
            verify = text
        } else if PayloadForm.isHTTPURL(text) && generation == .openBadges2 {
            verify = text
        } else {
            throw SVGBadgeError(
                code: .invalidContent, offset: nil,
                message: generation == .openBadges2
                    ? "payload is neither JSON, a compact JWS nor an http(s) URL"
                    : "OB 3.0 payload is neither JSON nor a compact JWS")
        }
    }
}

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

extension String {
    func trimmingXMLWhitespace() -> String {
        String(decoding: XMLText.trimmed(Array(utf8)), as: UTF8.self)
    }
}
