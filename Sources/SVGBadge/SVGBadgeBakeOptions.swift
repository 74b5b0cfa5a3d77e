/// Options for ``SVGBadgeBaker/bake(_:content:options:)``.
public struct SVGBadgeBakeOptions: Sendable, Hashable {
    /// Whether the output is gzip-compressed.
    public enum OutputCompression: Sendable, Hashable {
        /// Compress the output when the input was compressed (`.svgz` in, `.svgz` out).
        case preserve
        /// Always write plain SVG.
        case none
        /// Always write gzip-compressed SVG.
        case gzip
    }

    /// Resource limits applied to the input.
    public var limits: SVGBadgeLimits
    /// Remove active content: `<script>`, `<handler>`, `<foreignObject>`, animations of `on*`/`href` attributes,
    /// `on*` event-handler attributes, and `javascript:`/`vbscript:` URLs in `href`/`xlink:href`.
    /// Off by default; useful for platforms that re-publish uploaded SVGs.
    public var removeActiveContent: Bool
    /// Compression of the output. Default ``OutputCompression/preserve``.
    public var outputCompression: OutputCompression

    /// Creates options; every parameter has a safe default.
    public init(
        limits: SVGBadgeLimits = SVGBadgeLimits(), removeActiveContent: Bool = false,
        outputCompression: OutputCompression = .preserve
    ) {
        self.limits = limits
        self.removeActiveContent = removeActiveContent
        self.outputCompression = outputCompression
    }
}
