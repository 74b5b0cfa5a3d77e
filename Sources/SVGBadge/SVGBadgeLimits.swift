/// Resource limits applied to untrusted SVG input. Every limit has a safe default.
package struct SVGBadgeLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes, as given by the caller (compressed size for `.svgz`). Default 64 MiB.
    package var maximumDocumentBytes: Int
    /// Largest inflated size of a gzip-compressed (`.svgz`) document, in bytes. Default 64 MiB.
    package var maximumInflatedBytes: Int
    /// Deepest element nesting accepted (the root element is depth 1). Default 256.
    package var maximumDepth: Int
    /// Most attributes accepted on one element. Default 1024.
    package var maximumAttributesPerElement: Int
    /// Longest attribute value accepted, in bytes (a compact JWS in `verify` can be large). Default 16 MiB.
    package var maximumAttributeBytes: Int
    /// Most namespace bindings (`xmlns` and `xmlns:` attributes) in scope at once, over all open elements.
    /// Default 10 000 (real documents declare a dozen).
    package var maximumNamespaceBindings: Int
    /// Largest badge payload accepted, in bytes: the badge element's decoded text and CDATA, and its decoded
    /// `verify` attribute, each checked while they are read. Default 16 MiB.
    package var maximumPayloadBytes: Int

    /// Creates limits; every parameter defaults to its safe value.
    package init(
        maximumDocumentBytes: Int = 64 << 20,
        maximumInflatedBytes: Int = 64 << 20,
        maximumDepth: Int = 256,
        maximumAttributesPerElement: Int = 1024,
        maximumAttributeBytes: Int = 16 << 20,
        maximumNamespaceBindings: Int = 10_000,
        maximumPayloadBytes: Int = 16 << 20
    ) {
        self.maximumDocumentBytes = maximumDocumentBytes
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumDepth = maximumDepth
        self.maximumAttributesPerElement = maximumAttributesPerElement
        self.maximumAttributeBytes = maximumAttributeBytes
        self.maximumNamespaceBindings = maximumNamespaceBindings
        self.maximumPayloadBytes = maximumPayloadBytes
    }
}
