import Foundation

/// Reads Open Badges data out of baked PNG and SVG images.
///
/// ```swift
/// let extractor = BadgeExtractor()
/// if let badge = try extractor.extract(contentsOf: url) {
///     print(badge.payload, badge.kind, badge.specVersion ?? "unknown")
/// }
/// ```
///
/// Files are read with random access: a PNG's pixel data is skipped, not read. A nil result means the image
/// holds no badge data, which is common: some apps and phone photo libraries strip it.
public struct BadgeExtractor: Sendable {
    /// The limits and choices in force.
    public var options: ExtractionOptions

    /// Makes an extractor.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts from a file.
    public func extract(contentsOf url: URL) throws(BadgeError) -> BakedBadge? {
        let source = try FileByteSource(path: url.path)
        return try extract(from: source)
    }

    /// Extracts from an open file descriptor, such as standard input (`0`); it is read to the badge data and
    /// beyond only as far as needed, and not closed.
    public func extract(fileDescriptor: Int32) throws(BadgeError) -> BakedBadge? {
        try extract(from: try FileByteSource(descriptor: fileDescriptor, ownsDescriptor: false))
    }

    /// Extracts from image bytes in memory.
    public func extract(from data: some Collection<UInt8>) throws(BadgeError) -> BakedBadge? {
        try extract(from: MemoryByteSource(Array(data)))
    }

    func extract(from source: some ByteSource) throws(BadgeError) -> BakedBadge? {
        var source = source
        let prefix = try source.read(count: ImageFormatSniffer.prefixLength)
        switch try ImageFormatSniffer.sniff(prefix) {
        case .png:
            try PNGChunkReader<MemoryByteSource>.checkSignature(prefix)
            var reader = PNGChunkReader(source: source)
            return try PNGBadgeReader(options: options).extract(from: &reader)
        case .svg:
            return try SVGBadgeAdapter.extract(prefix: prefix, rest: &source, options: options)
        }
    }
}
