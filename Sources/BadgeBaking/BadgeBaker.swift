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
    /// The largest input read into memory when it cannot be streamed: SVG documents, and a PNG baked to a
    /// ``BakeOutput/fileDescriptor(_:)`` from an input that cannot be read twice (a pipe), which is read whole
    /// and checked before anything is written (default 256 MiB).
    public var maximumBufferedBytes = 256 << 20
    /// Whether output files are flushed to disk (`fsync`) before they are moved into place (default false).
    /// Either way the output appears complete or not at all to other processes; flushing also makes it
    /// survive a power failure, at the cost of waiting for the disk.
    public var flushToDisk = false
    /// For SVG: remove everything a browser would run (default false), for platforms that re-publish uploaded
    /// SVGs: script and embedding elements, `on*` and `srcdoc` attributes, script URLs, the DOCTYPE and processing
    /// instructions other than the XML declaration are removed. A document that refers to entities other
    /// than the predefined ones is refused (``BadgeError/Code/unremovableActiveContent``), since they could
    /// expand into script.
    public var removeActiveContent = false
    /// PNG: whether bytes after the `IEND` chunk are copied to the output (default false: they are dropped, so
    /// that a second, different badge, such as an SVG appended to the file, cannot travel with the baked one).
    public var keepTrailingData = false
    /// The buffer a PNG is streamed through, in bytes (default 1 MiB, at least 256): the memory a bake needs
    /// whatever the image size. Larger buffers gain nothing measurable; smaller ones cost system calls.
    public var bufferSize = 1 << 20

    /// Told about the temporary file a ``BakeOutput/file(_:overwrite:)`` output is written through: called with
    /// its path right after it is created, and with nil once it has been moved into place or removed (default
    /// nil). The library installs no signal handlers; a command-line tool uses this to remove the temporary
    /// file when a signal ends the process in the middle of a bake.
    public var temporaryFileObserver: (@Sendable (_ temporaryPath: String?) -> Void)?

    /// The default options.
    public init() {}
}

/// Where ``BadgeBaker`` reads the image to bake into.
///
/// ```swift
/// try baker.bake(payload, from: .file(plainURL), to: .file(bakedURL))
/// let report = try baker.bake(payload, from: .bytes(pngBytes), to: .memory)
/// ```
public struct BakeInput: Sendable {
    enum Backing: Sendable {
        case file(URL)
        case bytes([UInt8])
        case fileDescriptor(Int32)
    }

    let backing: Backing

    /// The file at `url`, read with random access (a PNG's pixel data is copied, never decoded); it is never modified.
    public static func file(_ url: URL) -> BakeInput { BakeInput(backing: .file(url)) }

    /// Image bytes held in memory.
    public static func bytes(_ bytes: some Collection<UInt8>) -> BakeInput { BakeInput(backing: .bytes(Array(bytes))) }

    /// An open file descriptor, such as standard input (`0`); it is not closed. A regular file is read with
    /// random access from its start, anything else (a pipe) front to back.
    public static func fileDescriptor(_ descriptor: Int32) -> BakeInput { BakeInput(backing: .fileDescriptor(descriptor)) }

    /// A fresh byte source over the input, from its first byte.
    func source() throws(BadgeError) -> any ByteSource {
        switch backing {
        case .file(let url): try FileByteSource(path: url.path)
        case .bytes(let bytes): MemoryByteSource(bytes)
        case .fileDescriptor(let descriptor): try FileByteSource(descriptor: descriptor, ownsDescriptor: false)
        }
    }
}

/// Where ``BadgeBaker`` writes the baked image.
///
/// Whatever the output, a failed bake leaves nothing half-written: a file is written atomically, a file
/// descriptor receives bytes only once the input has been checked, and memory is returned only on success.
public struct BakeOutput: Sendable {
    enum Backing: Sendable {
        case file(URL, overwrite: Bool)
        case fileDescriptor(Int32)
        case memory
    }

    let backing: Backing

    /// The file at `url`, written atomically: through a temporary file beside it, then moved into place, so it is
    /// complete or absent, never partial. Without `overwrite`, an existing file makes the bake fail with
    /// ``BadgeError/Code/outputExists`` (even one created while the bake ran). A new file gets `0666 & ~umask`; a
    /// replaced one keeps its permission bits. A PNG streams through in constant memory (``BakeOptions/bufferSize``).
    public static func file(_ url: URL, overwrite: Bool = false) -> BakeOutput {
        BakeOutput(backing: .file(url, overwrite: overwrite))
    }

    /// An open file descriptor, such as standard output (`1`); it is not closed. Nothing is written unless the
    /// whole input is valid: a PNG that can be read twice (a file, bytes) is baked once into nothing, with every
    /// check, then streamed; any other input (a pipe, an SVG) is read into memory first, up to
    /// ``BakeOptions/maximumBufferedBytes``.
    public static func fileDescriptor(_ descriptor: Int32) -> BakeOutput { BakeOutput(backing: .fileDescriptor(descriptor)) }

    /// Memory: the baked image is returned in the report's ``BakeReport/bakedImage``.
    public static let memory = BakeOutput(backing: .memory)
}

/// Bakes Open Badges data into PNG and SVG images.
///
/// ```swift
/// let baker = BadgeBaker()
/// try baker.bake(assertionJSON, from: .file(plainURL), to: .file(bakedURL))
/// let baked = try baker.bake(credentialJSON, from: .bytes(pngBytes), to: .memory).bakedImage
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

    /// Bakes `payload` (JSON, a compact JWS or an absolute URL) into the image read from `input`, writing the
    /// baked image to `output`, and says what it did. For ``BakeOutput/memory`` the report carries the baked
    /// image (``BakeReport/bakedImage``).
    @discardableResult
    public func bake(_ payload: String, from input: BakeInput, to output: BakeOutput) throws(BadgeError) -> BakeReport {
        let payload = try BakePayload(payload, options: options)
        switch output.backing {
        case .file(let url, let overwrite):
            let source = try input.source()
            return try AtomicFile.write(
                to: url.path, overwrite: overwrite, flushToDisk: options.flushToDisk, observer: options.temporaryFileObserver
            ) { sink throws(BadgeError) in
                try bake(payload, from: source, to: &sink)
            }
        case .memory:
            var sink = MemoryByteSink()
            var report = try bake(payload, from: try input.source(), to: &sink)
            report.bakedImage = sink.bytes
            return report
        case .fileDescriptor(let descriptor):
            var sink = FileByteSink(descriptor: descriptor)
            if try isPNGReadableTwice(try input.source()) {
                // A first pass bakes into nothing, with every check of the real one, so that a bad chunk (or an
                // image already baked, with replaceExisting off) fails the bake before a byte is written.
                var discarded = DiscardingByteSink()
                _ = try bake(payload, from: try input.source(), to: &discarded)
                return try bake(payload, from: try input.source(), to: &sink)
            }
            var memory = MemoryByteSink()
            let report = try bake(payload, from: BufferedInput(try input.source(), limit: options.maximumBufferedBytes), to: &memory)
            try sink.write(memory.bytes)
            return report
        }
    }

    /// Whether `source` is a PNG that can be read twice (a regular file, bytes); false, having read nothing, when
    /// it is a stream.
    private func isPNGReadableTwice(_ source: some ByteSource) throws(BadgeError) -> Bool {
        if let file = source as? FileByteSource, !file.isRandomAccess { return false }
        var source = source
        return try source.read(count: pngSignature.count) == pngSignature
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

/// Reads a whole input into memory, up to a limit, before it is baked: for outputs that must not see a byte
/// until the input is known to be valid.
struct BufferedInput: ByteSource {
    private var memory: MemoryByteSource

    init(_ source: some ByteSource, limit: Int) throws(BadgeError) {
        var source = source
        var bytes: [UInt8] = []
        while true {
            let piece = try source.read(count: 1 << 20)
            bytes += piece
            guard bytes.count <= limit else {
                throw BadgeError(.inputTooLarge, "the input is over the limit of \(limit) bytes for buffered baking")
            }
            if piece.count < 1 << 20 { break }
        }
        memory = MemoryByteSource(bytes)
    }

    var offset: Int64 { memory.offset }
    var size: Int64? { memory.size }
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int { try memory.read(into: buffer) }
    mutating func skip(_ count: Int64) throws(BadgeError) -> Int64 { try memory.skip(count) }
}
