/// Options for ``SVGBadgeBaker/bake(_:content:options:)``.
package struct SVGBadgeBakeOptions: Sendable, Hashable {
    /// Whether the output is gzip-compressed.
    package enum OutputCompression: Sendable, Hashable {
        /// Compress the output when the input was compressed (`.svgz` in, `.svgz` out).
        case preserve
        /// Always write plain SVG.
        case none
        /// Always write gzip-compressed SVG.
        case gzip
    }

    /// Resource limits applied to the input.
    package var limits: SVGBadgeLimits
    /// Remove active content: script and embedding elements in any namespace (`script`, `handler`,
    /// `foreignObject`, `iframe`, `object`, `embed`, …), animations that target event handlers, URL attributes or
    /// `srcdoc`, `on*` and `srcdoc` attributes, `javascript:`/`vbscript:` and non-image `data:` URLs in any URL
    /// attribute (after reference decoding, whitespace removal and case folding), the DOCTYPE (with its internal
    /// subset) and processing instructions other than the XML declaration. A document that refers to entities
    /// other than the five predefined ones is refused with ``SVGBadgeError/Code/unremovableActiveContent``.
    /// Off by default; useful for platforms that re-publish uploaded SVGs.
    package var removeActiveContent: Bool
    /// Compression of the output. Default ``OutputCompression/preserve``.
    package var outputCompression: OutputCompression

    /// Creates options; every parameter has a safe default.
    package init(
        limits: SVGBadgeLimits = SVGBadgeLimits(), removeActiveContent: Bool = false,
        outputCompression: OutputCompression = .preserve
    ) {
        self.limits = limits
        self.removeActiveContent = removeActiveContent
        self.outputCompression = outputCompression
    }
}
