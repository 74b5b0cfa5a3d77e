/// The two families of Open Badges data, which bake under different PNG keywords and SVG elements.
public enum BadgeGeneration: String, Hashable, Sendable, Codable, CaseIterable {
    /// Open Badges 0.5 to 2.0 assertions: PNG keyword `openbadges`, SVG element `assertion` in `http://openbadges.org`.
    case assertion
    /// Open Badges 3.0 credentials: PNG keyword `openbadgecredential`, SVG element `credential` in
    /// `https://purl.imsglobal.org/ob/v3p0`.
    case credential

    /// The PNG text keyword this generation bakes under.
    public var pngKeyword: String {
        switch self {
        case .assertion: "openbadges"
        case .credential: "openbadgecredential"
        }
    }

    /// The generation that bakes under a PNG keyword, if any (an exact, case-sensitive match).
    public init?(pngKeyword: some Collection<UInt8>) {
        if pngKeyword.elementsEqual("openbadges".utf8) {
            self = .assertion
        } else if pngKeyword.elementsEqual("openbadgecredential".utf8) {
            self = .credential
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
