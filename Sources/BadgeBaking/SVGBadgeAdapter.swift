/// Connects the SVG layer (module `SVGBadge`) to the unified API.
enum SVGBadgeAdapter {
    static func extract(prefix: [UInt8], rest: inout some ByteSource, options: ExtractionOptions) throws(BadgeError) -> BakedBadge? {
        throw BadgeError(.unsupportedFormat, at: 0, "SVG images are not supported yet")
    }

    static func bake(
        _ payload: BakePayload, prefix: [UInt8], rest: inout some ByteSource, to sink: inout some ByteSink, options: BakeOptions
    ) throws(BadgeError) -> BakeReport {
        throw BadgeError(.unsupportedFormat, at: 0, "SVG images are not supported yet")
    }
}
