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
    /// Decodes `text` as ``init(text:options:)`` does, giving the outcome as a value.
    public static func decoding(_ text: String, options: JSONParsingOptions = .default) -> Result<BadgePayload, ModelError> {
        do {
            return .success(try BadgePayload(text: text, options: options))
        } catch let error as ModelError {
            return .failure(error)
        } catch {
            return .failure(ModelError(.invalidValue, reason: "\(error)"))
        }
    }

    public init(text: String, options: JSONParsingOptions = .default) throws {
        let trimmed = text.trimmingPayloadWhitespace()
        guard !trimmed.isEmpty else { throw ModelError(.emptyInput, reason: "the payload is empty") }
        // Every test below works on UTF-8 bytes: String's own operations walk grapheme clusters.
        let first = trimmed.utf8.first
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
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
        } else if !trimmed.utf8.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            self = .url(trimmed)
        } else {
            throw ModelError(.unrecognisedDocument, reason: "the payload is neither JSON, a compact JWS nor a URL")
        }
    }

    /// Whether text has the shape of a compact JWS (three non-empty-header base64url segments).
    static func looksLikeJWS(_ s: String) -> Bool {
        guard s.utf8.starts(with: "ey".utf8) else { return false }
        var dots = 0
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            default: return false
            }
        }
        return dots == 2
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
    /// Trims spaces, tabs, line breaks and byte-order marks from both ends, working on UTF-8 bytes (time linear
    /// in what is trimmed; the text is returned as is, not copied, when there is nothing to trim).
    func trimmingPayloadWhitespace() -> String {
        let utf8 = self.utf8
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end {
            if isSpace(utf8[start]) {
                start = utf8.index(after: start)
            } else if utf8[start...].starts(with: bom) {
                start = utf8.index(start, offsetBy: 3)
            } else {
                break
            }
        }
        while start < end {
            let last = utf8.index(before: end)
            if isSpace(utf8[last]) {
                end = last
            } else if utf8.distance(from: start, to: end) >= 3, utf8[utf8.index(end, offsetBy: -3)..<end].elementsEqual(bom) {
                end = utf8.index(end, offsetBy: -3)
            } else {
                break
            }
        }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(Substring(utf8[start..<end]))
    }

    /// At most the first `maximum` Unicode scalars, with "…" when cut: for quoting untrusted text in messages.
    func excerpt(_ maximum: Int = 80) -> String {
        var scalars = unicodeScalars.prefix(maximum + 1)
        guard scalars.count > maximum else { return self }
        scalars = scalars.prefix(maximum)
        return String(String.UnicodeScalarView(scalars)) + "…"
    }
}
