import Foundation
import OpenBadgesModel

/// What a payload text is: its kind, the generation and specification version it implies, and
/// anything odd about it.
public struct PayloadClassification: Hashable, Sendable {
    /// The kind of payload, judged by its content.
    public var kind: PayloadKind
    /// The generation the content implies, when it implies one.
    public var generation: BadgeGeneration?
    /// The specification version the content implies, when it can be told.
    public var specVersion: OpenBadgesVersion?
    /// The JSON `id` when it is an absolute http(s) URL: the hosted URL of an OB 0.5–2.0 assertion.
    public var hostedID: String?
    /// Oddities found while classifying.
    public var warnings: [BadgeWarning] = []
    /// The payload decoded by OpenBadgesModel while classifying, or why it could not be decoded (``BakedBadge`` keeps it).
    let decoding: DecodedPayload

    /// Classifies a payload text (surrounding whitespace is ignored), decoding it with `OpenBadgesModel`.
    ///
    /// JSON is recognised by a leading `{` and must parse; a compact JWS is three base64url segments whose
    /// header decodes to a JSON object; a URL must be absolute with an `http` or `https` scheme. The version
    /// comes from the decoded document (its `@context`, or its shape for 0.5 and 1.0 assertions).
    public init(_ text: String) {
        var isRecord = false
        decoding = DecodedPayload(text)
        do {
            switch try decoding.value.get() {
            case .json(let document, _):
                kind = .json
                if case .clrCredential = document { isRecord = true }
                specVersion = document.specVersion
                if let id = document.jsonValue["id"]?.stringValue, Self.isAbsoluteHTTPURL(id) { hostedID = id }
            case .jws(let signed):
                kind = .jws
                if case .clrCredential = signed.document { isRecord = true }
                specVersion = signed.document.specVersion
            case .url(let url) where Self.startsLikeJSON(text):
                // A JSON pointer to a hosted assertion, such as Mozilla's {"verify": {"url": "…"}}.
                kind = .json
                if Self.isAbsoluteHTTPURL(url) { hostedID = url }
            case .url(let url):
                if Self.isAbsoluteHTTPURL(url) {
                    kind = .url
                } else {
                    kind = .unknown
                    warnings.append(BadgeWarning(.relativeURL, "the payload \"\(Self.excerpt(url))\" is not an absolute http(s) URL"))
                }
            }
        } catch {
            // Not a badge document; say whether it is at least JSON.
            let startsLikeJSON = Self.startsLikeJSON(text)
            if startsLikeJSON, case .object? = try? JSONValue(parsing: text) {
                kind = .json
                warnings.append(BadgeWarning(.invalidPayload, "the JSON payload is not a recognisable badge document: \(error)"))
            } else {
                kind = .unknown
                let what = startsLikeJSON ? "starts like JSON but is not a valid JSON object" : "cannot be decoded"
                warnings.append(BadgeWarning(.invalidPayload, "the payload \(what): \(error)"))
            }
        }
        generation = isRecord ? .clr : specVersion.map(BadgeGeneration.init(carrying:))
    }

    /// Whether the first Unicode scalar that is not white space is `{` (scalars, not grapheme clusters: linear
    /// and stopping at the first non-space whatever follows).
    static func startsLikeJSON(_ text: String) -> Bool {
        text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" } == "{"
    }

    /// At most the first 80 Unicode scalars of untrusted text, for a message.
    static func excerpt(_ text: String) -> String {
        let head = text.unicodeScalars.prefix(81)
        guard head.count > 80 else { return text }
        return String(String.UnicodeScalarView(head.prefix(80))) + "…"
    }

    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        // Cheap tests on bytes and scalars first: String's own operations walk grapheme clusters.
        let scheme = text.utf8.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        guard scheme.starts(with: "http://".utf8) || scheme.starts(with: "https://".utf8) else { return false }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace }), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
