import Foundation

/// What a payload text is: its kind, the generation and specification version it implies, and
/// anything odd about it.
public struct PayloadClassification: Hashable, Sendable {
    /// The kind of payload, judged by its content.
    public var kind: PayloadKind
    /// The generation the content implies, when it implies one.
    public var generation: BadgeGeneration?
    /// The specification version the content implies, when it can be told.
    public var specVersion: SpecVersion?
    /// Oddities found while classifying.
    public var warnings: [BadgeWarning]

    /// Classifies a payload text (surrounding whitespace is ignored).
    ///
    /// JSON is recognised by a leading `{` and must parse; a compact JWS is three base64url segments whose
    /// header decodes to a JSON object; a URL must be absolute with an `http` or `https` scheme.
    public init(_ text: String) {
        self = PayloadClassifier.classify(text)
    }

    init(kind: PayloadKind, generation: BadgeGeneration?, specVersion: SpecVersion?, warnings: [BadgeWarning] = []) {
        self.kind = kind
        self.generation = generation
        self.specVersion = specVersion
        self.warnings = warnings
    }
}

enum PayloadClassifier {
    static func classify(_ text: String) -> PayloadClassification {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            guard let object = jsonObject(Data(trimmed.utf8)) else {
                return .init(
                    kind: .unknown, generation: nil, specVersion: nil,
                    warnings: [BadgeWarning(.invalidPayload, "the payload starts like JSON but is not a valid JSON object")]
                )
            }
            let version = specVersion(ofJSON: object)
            return .init(kind: .json, generation: version.map(generation(of:)), specVersion: version)
        }
        if let segments = compactJWSSegments(trimmed) {
            let payload = base64URLDecode(segments[1]).flatMap(jsonObject)
            let version = payload.flatMap(specVersion(ofJWTClaims:))
            return .init(kind: .jws, generation: version.map(generation(of:)), specVersion: version)
        }
        if isAbsoluteHTTPURL(trimmed) {
            return .init(kind: .url, generation: nil, specVersion: nil)
        }
        if !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace), !trimmed.contains(":"), trimmed.contains("/") {
            return .init(
                kind: .unknown, generation: nil, specVersion: nil,
                warnings: [BadgeWarning(.relativeURL, "the payload \"\(trimmed)\" is a relative reference, not an absolute URL")]
            )
        }
        return .init(kind: .unknown, generation: nil, specVersion: nil)
    }

    static func generation(of version: SpecVersion) -> BadgeGeneration {
        version == .v3_0 ? .credential : .assertion
    }

    // MARK: JSON

    static func jsonObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data, options: [])) as? [String: Any]
    }

    /// The version a JSON assertion or credential follows, from its `@context` or, failing that, its shape.
    static func specVersion(ofJSON object: [String: Any]) -> SpecVersion? {
        let contexts = contextURLs(object["@context"])
        if contexts.contains(where: isCredentialContext) { return .v3_0 }
        if contexts.contains(where: { $0.hasPrefix("https://w3id.org/openbadges/v2") }) { return .v2_0 }
        if contexts.contains(where: { $0.hasPrefix("https://w3id.org/openbadges/v1") }) { return .v1_1 }
        if contexts.contains(where: { $0.contains("openbadgespec.org/v2") || $0.contains("openbadgespec.org/v1") }) {
            return contexts.contains { $0.contains("/v2") } ? .v2_0 : .v1_1
        }
        if let badge = object["badge"] as? [String: Any], let version = badge["version"] as? String, version.hasPrefix("0.5") {
            return .v0_5
        }
        if object["issued_on"] != nil || object["recipient"] is String && object["verify"] == nil {
            return .v0_5
        }
        if object["verify"] is [String: Any] || object["recipient"] is [String: Any] && object["badge"] != nil {
            return .v1_0
        }
        return nil
    }

    /// The version of a JWT claims set: a VC-JWT (bare credential or `vc` claim) or a signed OB 2.0 assertion.
    static func specVersion(ofJWTClaims claims: [String: Any]) -> SpecVersion? {
        if let vc = claims["vc"] as? [String: Any] {
            return specVersion(ofJSON: vc) ?? .v3_0
        }
        return specVersion(ofJSON: claims)
    }

    static func contextURLs(_ value: Any?) -> [String] {
        switch value {
        case let string as String: [string]
        case let array as [Any]: array.compactMap { $0 as? String }
        default: []
        }
    }

    static func isCredentialContext(_ url: String) -> Bool {
        url.hasPrefix("https://www.w3.org/2018/credentials/") || url.hasPrefix("https://www.w3.org/ns/credentials/")
            || url.contains("purl.imsglobal.org/spec/ob/v3p0") || url.contains("imsglobal.github.io/openbadges-specification/")
    }

    // MARK: JWS and URLs

    /// The three segments of a compact JWS, or nil when `text` is not one.
    static func compactJWSSegments(_ text: String) -> [Substring]? {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, !segments[0].isEmpty, !segments[2].isEmpty else { return nil }
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard segments.allSatisfy({ $0.allSatisfy(alphabet.contains) }) else { return nil }
        guard let header = base64URLDecode(segments[0]).flatMap(jsonObject), header["alg"] is String else { return nil }
        return segments
    }

    static func base64URLDecode(_ segment: Substring) -> Data? {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text.append("=") }
        return Data(base64Encoded: text)
    }

    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
