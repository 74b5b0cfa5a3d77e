/// Resource limits applied to untrusted SVG input. Every limit has a safe default.
public struct SVGBadgeLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes, as given by the caller (compressed size for `.svgz`). Default 64 MiB.
    public var maxDocumentBytes: Int
    /// Largest inflated size of a gzip-compressed (`.svgz`) document, in bytes. Default 64 MiB.
    public var maxInflatedBytes: Int
    /// Deepest element nesting accepted (the root element is depth 1). Default 256.
    public var maxDepth: Int
    /// Most attributes accepted on one element. Default 1024.
    public var maxAttributesPerElement: Int
    /// Longest attribute value accepted, in bytes (a compact JWS in `verify` can be large). Default 16 MiB.
    public var maxAttributeBytes: Int
    /// Most namespace bindings (`xmlns` and `xmlns:` attributes) in scope at once, over all open elements.
    /// Default 10 000 (real documents declare a dozen).
    public var maxNamespaceBindings: Int
    /// Largest badge payload accepted, in bytes: the badge element's decoded text and CDATA, and its decoded
    /// `verify` attribute, each checked while they are read. Default 16 MiB.
    public var maxPayloadBytes: Int

    /// Creates limits; every parameter defaults to its safe value.
    public init(
        maxDocumentBytes: Int = 64 << 20,
        maxInflatedBytes: Int = 64 << 20,
        maxDepth: Int = 256,
        maxAttributesPerElement: Int = 1024,
        maxAttributeBytes: Int = 16 << 20,
        maxNamespaceBindings: Int = 10_000,
        maxPayloadBytes: Int = 16 << 20
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxInflatedBytes = maxInflatedBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxAttributeBytes = maxAttributeBytes
        self.maxNamespaceBindings = maxNamespaceBindings
        self.maxPayloadBytes = maxPayloadBytes
    }
}
