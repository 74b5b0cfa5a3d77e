import OpenBadgesModel

/// How an element was recognised as an Open Badges element.
struct BadgeElementMatch {
    var generation: BadgeGeneration
    /// Matched by namespace URI and local name (as opposed to the literal `openbadges:` prefix only).
    var isExact: Bool

    static let svgNamespace = "http://www.w3.org/2000/svg"

    /// Matches `{http://openbadges.org}assertion` and `{https://purl.imsglobal.org/ob/v3p0}credential` with any
    /// prefix, then, as a fallback, `openbadges:assertion` / `openbadges:credential` whatever the prefix is bound to.
    /// A CLR 2.0 `credential` in `https://purl.imsglobal.org/clr/v2p0` is matched by its namespace only.
    static func match(_ name: ResolvedName) -> BadgeElementMatch? {
        // Namespaces first: a CLR `credential` must not be taken for an OB 3.0 one by its local name.
        for generation in BadgeGeneration.allCases where name.local.elementsEqual(generation.svgLocalName.utf8) {
            if name.namespaceURI == generation.svgNamespaceURI { return BadgeElementMatch(generation: generation, isExact: true) }
        }
        for generation in [BadgeGeneration.assertion, .credential] where name.local.elementsEqual(generation.svgLocalName.utf8) {
            if let prefix = name.prefix, prefix.elementsEqual(BadgeGeneration.svgPrefix.utf8) {
                return BadgeElementMatch(generation: generation, isExact: false)
            }
        }
        return nil
    }

    /// Whether a root element name is an SVG root: `svg` in the SVG namespace, or unprefixed `svg` without one.
    static func isSVGRoot(_ name: ResolvedName) -> Bool {
        guard name.local.elementsEqual("svg".utf8) else { return false }
        return name.namespaceURI == svgNamespace || (name.namespaceURI == nil && name.prefix == nil)
    }
}
