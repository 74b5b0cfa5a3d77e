import Foundation
import OpenBadgesModel

/// Choices and limits for baking. Every limit has a safe default.
public struct BakeOptions: Sendable {
    /// The generation to bake as; nil (the default) decides from the payload (OB 3.0 credentials bake as
    /// `openbadgecredential`, everything else as `openbadges`).
    public var generation: BadgeGeneration?
    /// Whether existing badge data is replaced (the default) or makes baking fail with
    /// ``BadgeError/Code/alreadyBaked``.
    public var replaceExisting = true
    /// The largest payload accepted, in bytes (default 16 MiB).
    public var maximumPayloadBytes = 16 << 20
    /// Whether the CRC of every copied chunk is checked (default false: chunks that baking does not
    /// interpret are copied byte for byte, unread; `IHDR` and every kept text chunk are always checked).
    public var verifyAllChecksums = false
    /// The most PNG chunks accepted (default 4 194 304).
    public var maximumChunkCount = 1 << 22
    /// The largest input read into memory when it cannot be streamed twice: SVG documents, and PNGs read
    /// from a pipe and written to one (default 256 MiB).
    public var maximumBufferedBytes = 256 << 20
    /// Whether output files are flushed to disk (`fsync`) before they are moved into place (default false).
    /// Either way the output appears complete or not at all to other processes; flushing also makes it
    /// survive a power failure, at the cost of waiting for the disk.
    public var flushToDisk = false
    /// For SVG: remove everything a browser would run (default false), for platforms that re-publish uploaded
    /// SVGs: see ``SVGBadge/SVGBadgeBakeOptions/removeActiveContent``. A document that refers to entities other
    /// than the predefined ones is refused (``BadgeError/Code/malformedSVG``), since they could expand into script.
    public var removeActiveContent = false
    /// PNG: whether bytes after the `IEND` chunk are copied to the output (default false: they are dropped, so
    /// that a second, different badge, such as an SVG appended to the file, cannot travel with the baked one).
    public var keepTrailingData = false
    /// The buffer a PNG is streamed through, in bytes (default 1 MiB, at least 256): the memory a bake needs
    /// whatever the image size. Larger buffers gain nothing measurable; smaller ones cost system calls.
    public var bufferSize = 1 << 20

    /// The default options.
    public init() {}
}

/// Bakes Open Badges data into PNG and SVG images.
///
/// ```swift
/// let baker = BadgeBaker()
/// try baker.bake(assertionJSON, imageAt: plainURL, writingTo: bakedURL)
/// ```
///
/// PNG baking inserts one uncompressed `iTXt` chunk right after `IHDR` and removes any earlier badge chunk;
/// every other chunk is copied byte for byte, and pixels are never decoded. Files are written atomically:
/// the output appears complete or not at all, and the input is never modified.
public struct BadgeBaker: Sendable {
    /// The choices and limits in force.
    public var options: BakeOptions

    /// Makes a baker.
    public init(options: BakeOptions = BakeOptions()) {
        self.options = options
    }

    /// Bakes `payload` into an image held in memory and returns the baked image.
    public func bake(_ payload: String, into image: some Collection<UInt8>) throws(BadgeError) -> [UInt8] {
        let payload = try BakePayload(payload, options: options)
        var sink = MemoryByteSink()
        _ = try bake(payload, from: MemoryByteSource(Array(image)), to: &sink)
        return sink.bytes
    }

    /// Bakes `payload` into the image at `input`, writing the result to `output` atomically.
    ///
    /// Without `overwrite`, an existing `output` makes baking fail with ``BadgeError/Code/outputExists``.
    @discardableResult
    public func bake(_ payload: String, imageAt input: URL, writingTo output: URL, overwrite: Bool = false) throws(BadgeError) -> BakeReport {
        let payload = try BakePayload(payload, options: options)
        let source = try FileByteSource(path: input.path)
        return try AtomicFile.write(to: output.path, overwrite: overwrite, flushToDisk: options.flushToDisk) { sink throws(BadgeError) in
            try bake(payload, from: source, to: &sink)
        }
    }

    /// Bakes `payload` into the image at `input`, writing the result to `outputDescriptor`, such as standard
    /// output (`1`).
    ///
    /// Nothing is written unless the whole input is valid: a PNG's chunk structure is checked before it is copied.
    @discardableResult
    public func bake(_ payload: String, imageAt input: URL, toFileDescriptor outputDescriptor: Int32) throws(BadgeError) -> BakeReport {
        let payload = try BakePayload(payload, options: options)
        var probe = try FileByteSource(path: input.path)
        if probe.isRandomAccess, try probe.read(count: pngSignature.count) == pngSignature {
            var reader = PNGChunkReader(source: probe)
            reader.maximumChunkCount = options.maximumChunkCount
            try PNGBadgeWriter.validateStructure(&reader)
            var sink = FileByteSink(descriptor: outputDescriptor)
            return try bake(payload, from: try FileByteSource(path: input.path), to: &sink)
        }
        let (bytes, report) = try bakeBuffered(payload, from: try FileByteSource(path: input.path))
        var sink = FileByteSink(descriptor: outputDescriptor)
        try sink.write(bytes)
        return report
    }

    /// Bakes `payload` into the image read from `inputDescriptor`, such as standard input (`0`), writing the
    /// result to `outputDescriptor`.
    ///
    /// The input is read into memory first (up to ``BakeOptions/maximumBufferedBytes``), so nothing is written
    /// unless it is valid.
    @discardableResult
    public func bake(_ payload: String, fromFileDescriptor inputDescriptor: Int32, toFileDescriptor outputDescriptor: Int32) throws(BadgeError) -> BakeReport {
        let payload = try BakePayload(payload, options: options)
        let (bytes, report) = try bakeBuffered(payload, from: try FileByteSource(descriptor: inputDescriptor, ownsDescriptor: false))
        var sink = FileByteSink(descriptor: outputDescriptor)
        try sink.write(bytes)
        return report
    }

    /// Bakes `payload` into the image read from `inputDescriptor`, such as standard input (`0`), writing the
    /// result to `output` atomically. A PNG streams through with constant memory, even from a pipe.
    @discardableResult
    public func bake(_ payload: String, fromFileDescriptor inputDescriptor: Int32, writingTo output: URL, overwrite: Bool = false) throws(BadgeError) -> BakeReport {
        let payload = try BakePayload(payload, options: options)
        let source = try FileByteSource(descriptor: inputDescriptor, ownsDescriptor: false)
        return try AtomicFile.write(to: output.path, overwrite: overwrite, flushToDisk: options.flushToDisk) { sink throws(BadgeError) in
            try bake(payload, from: source, to: &sink)
        }
    }

    private func bakeBuffered(_ payload: BakePayload, from source: FileByteSource) throws(BadgeError) -> ([UInt8], BakeReport) {
        var source = source
        var bytes: [UInt8] = []
        while true {
            let piece = try source.read(count: 1 << 20)
            bytes += piece
            guard bytes.count <= options.maximumBufferedBytes else {
                throw BadgeError(.inputTooLarge, "the input is over the limit of \(options.maximumBufferedBytes) bytes for buffered baking")
            }
            if piece.count < 1 << 20 { break }
        }
        var memory = MemoryByteSink()
        let report = try bake(payload, from: MemoryByteSource(bytes), to: &memory)
        return (memory.bytes, report)
    }

    func bake(_ payload: BakePayload, from source: some ByteSource, to sink: inout some ByteSink) throws(BadgeError) -> BakeReport {
        var source = source
        let prefix = try source.read(count: ImageFormatSniffer.prefixLength)
        switch try ImageFormatSniffer.sniff(prefix) {
        case .png:
            try PNGChunkReader<MemoryByteSource>.checkSignature(prefix)
            let chunk = PNGTextChunk.uncompressedITXt(keyword: payload.generation.pngKeyword, text: payload.text)
            return try PNGBadgeWriter(options: options).bake(chunk, from: source, to: &sink)
        case .svg:
            return try SVGBadgeAdapter.bake(payload, prefix: prefix, rest: &source, to: &sink, options: options)
        }
    }
}
