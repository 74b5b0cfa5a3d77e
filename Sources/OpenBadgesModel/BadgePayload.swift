/// The text baked into a badge image, classified and decoded.
///
/// Classification follows the 1EdTech validator: after trimming whitespace, text starting with `{` is JSON; three
/// base64url segments separated by dots is a compact JWS; anything else that is one token is a URL reference (OB 0.5/1.0
/// hosted badges; may be relative, as in Software Carpentry's baked badges).
public enum BadgePayload: Sendable, Equatable {
    /// A JSON document (hosted OB 0.5–2.0 assertion or OB 3.0 credential with an embedded proof).
    case json(BadgeDocument, originalText: String)
    /// A compact JWS (OB 2.0 signed assertion or OB 3.0 VC-JWT).
    case jws(SignedBadge)
    /// A URL reference to a hosted assertion.
    case url(String)

    /// Classifies and decodes payload text.
    /// - Parameters:
    ///   - text: the payload (from an `iTXt`/`tEXt` chunk, an SVG element, or a file).
    ///   - options: JSON limits.
    /// - Throws: ``ModelError`` (`.emptyInput`, JSON, JWS or field errors, `.unrecognisedDocument`).
    public init(text: String, options: JSONParsingOptions = .default) throws {
        let trimmed = text.trimmingPayloadWhitespace()
        guard !trimmed.isEmpty else { throw ModelError(.emptyInput, reason: "the payload is empty") }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            do {
                self = .json(try BadgeDocument(jsonText: trimmed, options: options), originalText: text)
            } catch let error as ModelError where error.code == .unrecognisedDocument {
                // Mozilla's bakery wrote bare pointers such as {"verify": {"url": "…"}}: a hosted assertion's URL.
                guard case .object(let object) = try JSONValue(parsing: trimmed, options: options), object.count == 1,
                    let url = object["verify"]?["url"]?.stringValue
                else { throw error }
                self = .url(url)
            }
        } else if Self.looksLikeJWS(trimmed) {
            self = .jws(try SignedBadge(compact: trimmed, options: options))
        } else if !trimmed.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            self = .url(trimmed)
        } else {
            throw ModelError(.unrecognisedDocument, reason: "the payload is neither JSON, a compact JWS nor a URL")
        }
    }

    /// Whether text has the shape of a compact JWS (three non-empty-header base64url segments).
    static func looksLikeJWS(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].hasPrefix("ey") else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The decoded document, if the payload carried one.
    public var document: BadgeDocument? {
        switch self {
        case .json(let d, _): d
        case .jws(let s): s.document
        case .url: nil
        }
    }
}

extension String {
    /// Trims spaces, tabs, line breaks and byte-order marks from both ends.
    func trimmingPayloadWhitespace() -> String {
        let set: Set<Character> = [" ", "\n", "\r", "\r\n", "\t", "\u{FEFF}"]
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
