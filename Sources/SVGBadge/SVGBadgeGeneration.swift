/// The Open Badges generation of an SVG badge element, which fixes its element name and namespace.
public enum SVGBadgeGeneration: Sendable, Hashable, CaseIterable {
    /// Open Badges 1.x / 2.0: `<openbadges:assertion>` in `http://openbadges.org`.
    case openBadges2
    /// Open Badges 3.0: `<openbadges:credential>` in `https://purl.imsglobal.org/ob/v3p0`.
    case openBadges3
    /// CLR 2.0: `<clr:credential>` in `https://purl.imsglobal.org/clr/v2p0`.
    case clr2

    /// The prefix the specifications use, and the one written when baking.
    public static let prefix = "openbadges"
    /// The OB 1.x/2.0 namespace URI.
    public static let openBadges2NamespaceURI = "http://openbadges.org"
    /// The OB 3.0 namespace URI.
    public static let openBadges3NamespaceURI = "https://purl.imsglobal.org/ob/v3p0"
    /// The CLR 2.0 namespace URI.
    public static let clr2NamespaceURI = "https://purl.imsglobal.org/clr/v2p0"

    /// The element's local name: `assertion` or `credential`.
    public var localName: String {
        switch self {
        case .openBadges2: "assertion"
        case .openBadges3, .clr2: "credential"
        }
    }

    /// The namespace URI the specification binds the element to.
    public var namespaceURI: String {
        switch self {
        case .openBadges2: Self.openBadges2NamespaceURI
        case .openBadges3: Self.openBadges3NamespaceURI
        case .clr2: Self.clr2NamespaceURI
        }
    }

    /// The prefix written when baking: `openbadges`, or `clr` for a CLR record.
    public var bakingPrefix: String { self == .clr2 ? "clr" : Self.prefix }

    /// The qualified name written when baking: `openbadges:assertion`, `openbadges:credential` or `clr:credential`.
    public var qualifiedName: String { "\(bakingPrefix):\(localName)" }
}
