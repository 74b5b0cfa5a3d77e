/// An Open Badges specification version, as detected from a document: the version of the *data model* (its
/// `@context`, shape or JWS claims), such as 1.1, 2.0 or 3.0.
///
/// Not to be confused with ``BadgeGeneration``, which says how data is *carried* in an image (the PNG keyword or
/// SVG element); ``BadgeGeneration/init(carrying:)`` is the one mapping from a version to a generation.
///
/// An "unbounded enumeration": new versions can be added without breaking `switch`es.
public struct OpenBadgesVersion: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The version text (`"2.0"`).
    public let rawValue: String

    /// Creates a version.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Pre-specification badges (2011–2012): recipient as a bare string, `issued_on`, `issuer.origin`.
    public static let v0_5 = OpenBadgesVersion("0.5")
    /// Open Badges 1.0 (2013): `uid`, `verify: {type, url}`, no `@context`.
    public static let v1_0 = OpenBadgesVersion("1.0")
    /// Open Badges 1.1 (2015): JSON-LD `@context` `https://w3id.org/openbadges/v1`.
    public static let v1_1 = OpenBadgesVersion("1.1")
    /// Open Badges 2.0 (2017, 2.1 adds no new document shapes): `https://w3id.org/openbadges/v2`.
    public static let v2_0 = OpenBadgesVersion("2.0")
    /// Open Badges 3.0 (2024): W3C Verifiable Credentials.
    public static let v3_0 = OpenBadgesVersion("3.0")

    /// The version text.
    public var description: String { rawValue }

    /// Orders by numeric version.
    public static func < (lhs: OpenBadgesVersion, rhs: OpenBadgesVersion) -> Bool {
        let l = lhs.rawValue.split(separator: ".").map { Int($0) ?? 0 }
        let r = rhs.rawValue.split(separator: ".").map { Int($0) ?? 0 }
        return l.lexicographicallyPrecedes(r)
    }

    /// Encodes as the version string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Decodes from the version string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
