import OpenBadgesModel

/// The Open Badges element found in an SVG, with its `verify` attribute and body reported separately.
package struct SVGBadgeElement: Sendable, Hashable {
    /// Which generation the element belongs to (by namespace, or by local name for a prefix-only match).
    package var generation: BadgeGeneration
    /// The element's name as written, for example `openbadges:assertion` or `ob:credential`.
    package var qualifiedName: String
    /// The namespace URI the element's prefix was bound to, or `nil` when it was unbound.
    package var namespaceURI: String?
    /// The decoded `verify` attribute, if present (possibly empty).
    package var verify: String?
    /// The element's text and CDATA content, concatenated and trimmed; `nil` when empty.
    package var body: String?
    /// Byte offset of the element's start tag in the (inflated) XML document.
    package var byteOffset: ByteOffset
    /// What was tolerated while reading the element.
    package var warnings: [SVGBadgeWarning]

    /// Creates an element description.
    package init(
        generation: BadgeGeneration,
        qualifiedName: String,
        namespaceURI: String?,
        verify: String?,
        body: String?,
        byteOffset: ByteOffset,
        warnings: [SVGBadgeWarning] = []
    ) {
        self.generation = generation
        self.qualifiedName = qualifiedName
        self.namespaceURI = namespaceURI
        self.verify = verify
        self.body = body
        self.byteOffset = byteOffset
        self.warnings = warnings
    }

    /// The badge data: the body when it is non-empty, otherwise a non-empty `verify` attribute.
    package var payload: String? {
        if let body, !body.isEmpty { return body }
        if let verify, !verify.isEmpty { return verify }
        return nil
    }
}
