/// How badge data is carried in an image: which PNG keyword and which SVG element it is baked under.
///
/// This is the one generation type of the package, used by the PNG layer (`BadgeBaking`) and the SVG layer
/// (`SVGBadge`) alike; it lives here, in the dependency-free model module, so that every module and every user of
/// the package's products can name it. It says where the data sits, not which version the data itself is: that
/// is ``OpenBadgesVersion``, read from the payload. Open Badges 0.5 to 2.0 all bake as ``assertion``, and
/// ``init(carrying:)`` is the one mapping from a version to a generation.
public enum BadgeGeneration: String, Hashable, Sendable, Codable, CaseIterable {
    /// Open Badges 0.5 to 2.0 assertions: PNG keyword `openbadges`, SVG element `assertion` in
    /// `http://openbadges.org`.
    case assertion
    /// Open Badges 3.0 credentials: PNG keyword `openbadgecredential`, SVG element `credential` in
    /// `https://purl.imsglobal.org/ob/v3p0`.
    case credential
    /// CLR 2.0 (Comprehensive Learner Record) credentials: PNG keyword `clrcredential`, SVG element `credential`
    /// in `https://purl.imsglobal.org/clr/v2p0`.
    case clr

    /// The generation that carries data of an Open Badges version: 3.0 is a ``credential``, every earlier version
    /// an ``assertion``. (A CLR record is told by its type, not its version.)
    public init(carrying version: OpenBadgesVersion) {
        self = version == .v3_0 ? .credential : .assertion
    }

    /// The version that data baked under this generation has when its payload does not say: 3.0 for a credential
    /// or a CLR record, nil for an assertion (0.5 to 2.0 cannot be told apart by where they are baked).
    public var impliedVersion: OpenBadgesVersion? {
        self == .assertion ? nil : .v3_0
    }

    /// A description for messages: "an OB 0.5–2.0 assertion", "an OB 3.0 credential" or "a CLR 2.0 record".
    public var displayName: String {
        switch self {
        case .assertion: "an OB 0.5–2.0 assertion"
        case .credential: "an OB 3.0 credential"
        case .clr: "a CLR 2.0 record"
        }
    }

    // MARK: PNG

    /// The PNG text keyword this generation bakes under.
    public var pngKeyword: String {
        switch self {
        case .assertion: "openbadges"
        case .credential: "openbadgecredential"
        case .clr: "clrcredential"
        }
    }

    /// The generation that bakes under a PNG keyword, if any (an exact, case-sensitive match).
    @inlinable  // specialized for the caller's bytes: called for every text chunk of every image
    public init?(pngKeyword: some Collection<UInt8>) {
        guard let generation = Self.allCases.first(where: { pngKeyword.elementsEqual($0.pngKeyword.utf8) }) else {
            return nil
        }
        self = generation
    }

    // MARK: SVG

    /// The prefix the specifications use for the SVG element, and the one written when baking OB data.
    public static let svgPrefix = "openbadges"
    /// The OB 1.x/2.0 SVG namespace URI.
    public static let assertionNamespaceURI = "http://openbadges.org"
    /// The OB 3.0 SVG namespace URI.
    public static let credentialNamespaceURI = "https://purl.imsglobal.org/ob/v3p0"
    /// The CLR 2.0 SVG namespace URI.
    public static let clrNamespaceURI = "https://purl.imsglobal.org/clr/v2p0"

    /// The SVG element's local name: `assertion` or `credential`.
    public var svgLocalName: String {
        switch self {
        case .assertion: "assertion"
        case .credential, .clr: "credential"
        }
    }

    /// The namespace URI the specification binds the SVG element to.
    public var svgNamespaceURI: String {
        switch self {
        case .assertion: Self.assertionNamespaceURI
        case .credential: Self.credentialNamespaceURI
        case .clr: Self.clrNamespaceURI
        }
    }

    /// The prefix written when baking: `openbadges`, or `clr` for a CLR record.
    public var svgBakingPrefix: String { self == .clr ? "clr" : Self.svgPrefix }

    /// The SVG element's qualified name written when baking: `openbadges:assertion`, `openbadges:credential`
    /// or `clr:credential`.
    public var svgQualifiedName: String { "\(svgBakingPrefix):\(svgLocalName)" }
}
