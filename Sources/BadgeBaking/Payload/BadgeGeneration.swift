/// The families of baked data, which bake under different PNG keywords and SVG elements: Open Badges assertions,
/// Open Badges 3.0 credentials, and CLR 2.0 learner records.
public enum BadgeGeneration: String, Hashable, Sendable, Codable, CaseIterable {
    /// Open Badges 0.5 to 2.0 assertions: PNG keyword `openbadges`, SVG element `assertion` in `http://openbadges.org`.
    case assertion
    /// Open Badges 3.0 credentials: PNG keyword `openbadgecredential`, SVG element `credential` in
    /// `https://purl.imsglobal.org/ob/v3p0`.
    case credential
    /// CLR 2.0 (Comprehensive Learner Record) credentials: PNG keyword `clrcredential`, SVG element `credential` in
    /// `https://purl.imsglobal.org/clr/v2p0`.
    case clr

    /// A description for messages: "an OB 0.5–2.0 assertion", "an OB 3.0 credential" or "a CLR 2.0 record".
    public var displayName: String {
        switch self {
        case .assertion: "an OB 0.5–2.0 assertion"
        case .credential: "an OB 3.0 credential"
        case .clr: "a CLR 2.0 record"
        }
    }

    /// The PNG text keyword this generation bakes under.
    public var pngKeyword: String {
        switch self {
        case .assertion: "openbadges"
        case .credential: "openbadgecredential"
        case .clr: "clrcredential"
        }
    }

    /// The generation that bakes under a PNG keyword, if any (an exact, case-sensitive match).
    public init?(pngKeyword: some Collection<UInt8>) {
        if pngKeyword.elementsEqual("openbadges".utf8) {
            self = .assertion
        } else if pngKeyword.elementsEqual("openbadgecredential".utf8) {
            self = .credential
        } else if pngKeyword.elementsEqual("clrcredential".utf8) {
            self = .clr
        } else {
            return nil
        }
    }
}

/// What a badge payload is, judged by its content.
public enum PayloadKind: String, Hashable, Sendable, Codable {
    /// A JSON object: an assertion or a credential.
    case json
    /// A JWS in compact serialization: a signed assertion or a VC-JWT.
    case jws
    /// An absolute URL: a hosted assertion.
    case url
    /// Anything else.
    case unknown
}
