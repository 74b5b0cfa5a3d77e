import Zlib

/// Bakes a text chunk into a PNG datastream, copying every other chunk byte for byte.
///
/// The new chunk goes right after `IHDR`; every `iTXt`, `tEXt` or `zTXt` chunk that carries a badge keyword
/// (of either generation) is dropped. Pixel data is never decoded, and memory stays constant: chunks are
/// copied through one fixed buffer.
struct PNGBadgeWriter {
    let options: BakeOptions

    /// Copies `source` (signature already read) to `sink` with `chunk` baked in.
    func bake(
        _ chunk: PNGTextChunk,
        from reader: inout PNGChunkReader<some ByteSource>,
        to sink: inout some ByteSink
    ) throws(BadgeError) -> BakeReport {
        var report = BakeReport(format: .png, generation: BadgeGeneration(pngKeyword: chunk.keyword) ?? .assertion)
        var buffer = [UInt8](repeating: 0, count: Self.bufferSize)
        try sink.write(pngSignature)
        var sawIEND = false
        while let header = try reader.nextHeader() {
            if header.type == .IHDR {
                guard reader.chunkCount == 1 else { throw BadgeError(.malformedPNG, at: header.offset, "a second IHDR chunk") }
                try copy(header, from: &reader, to: &sink, buffer: &buffer, verify: true)
                try sink.write(PNGChunk(type: .iTXt, data: chunk.serializedData).serialized)
            } else if header.type.isText {
                try copyTextChunk(header, from: &reader, to: &sink, buffer: &buffer, report: &report)
            } else {
                try copy(header, from: &reader, to: &sink, buffer: &buffer, verify: options.verifyAllChecksums)
            }
            if header.type == .IEND {
                sawIEND = true
                break
            }
        }
        guard sawIEND else { throw BadgeError(.truncated, at: reader.source.offset, "the PNG ends before its IEND chunk") }
        // Bytes after IEND are not chunks; keep them as they are.
        while true {
            let count = try rethrowingBadgeError { try buffer.withUnsafeMutableBytes { bytes in try reader.source.read(into: bytes) } }
            if count == 0 { break }
            try rethrowingBadgeError { try buffer.withUnsafeBytes { bytes in try sink.write(UnsafeRawBufferPointer(rebasing: bytes[..<count])) } }
            report.trailingBytes += count
        }
        return report
    }

    /// Drops a text chunk with a badge keyword; copies any other.
    private func copyTextChunk(
        _ header: PNGChunkHeader, from reader: inout PNGChunkReader<some ByteSource>, to sink: inout some ByteSink,
        buffer: inout [UInt8], report: inout BakeReport
    ) throws(BadgeError) {
        let head = try reader.source.read(count: min(header.length, 80))
        guard head.count == min(header.length, 80) else {
            throw BadgeError(.truncated, at: reader.source.offset, "the input ends inside the \(header.type) chunk")
        }
        if let keyword = PNGTextChunk.keyword(in: head[...]), let generation = BadgeGeneration(pngKeyword: keyword) {
            guard options.replaceExisting else {
                throw BadgeError(.alreadyBaked, at: header.offset, "the image already holds \(generation.pngKeyword) data in a \(header.type) chunk")
            }
            try reader.skip(Int64(header.length - head.count) + 4, in: header)
            report.removedChunks.append(.init(type: header.type, keyword: generation.pngKeyword, offset: header.offset))
            return
        }
        try sink.write(header.raw)
        try sink.write(head)
        var crc = CRC32()
        crc.update(header.raw[4...])
        crc.update(head)
        try copyBody(header, remaining: Int64(header.length - head.count), from: &reader, to: &sink, buffer: &buffer, crc: &crc, verify: true)
    }

    /// Copies a whole chunk.
    private func copy(
        _ header: PNGChunkHeader, from reader: inout PNGChunkReader<some ByteSource>, to sink: inout some ByteSink,
        buffer: inout [UInt8], verify: Bool
    ) throws(BadgeError) {
        try sink.write(header.raw)
        var crc = CRC32()
        if verify { crc.update(header.raw[4...]) }
        try copyBody(header, remaining: Int64(header.length), from: &reader, to: &sink, buffer: &buffer, crc: &crc, verify: verify)
    }

    /// Copies the rest of a chunk's data and its CRC, checking the CRC when asked.
    private func copyBody(
        _ header: PNGChunkHeader, remaining: Int64, from reader: inout PNGChunkReader<some ByteSource>,
        to sink: inout some ByteSink, buffer: inout [UInt8], crc: inout CRC32, verify: Bool
    ) throws(BadgeError) {
        var left = remaining + 4
        var dataLeft = remaining
        var stored: [UInt8] = []
        while left > 0 {
            let want = Int(min(Int64(buffer.count), left))
            let got = try rethrowingBadgeError { try buffer.withUnsafeMutableBytes { bytes in
                try reader.source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[..<want]))
            } }
            guard got == want else {
                throw BadgeError(.truncated, at: reader.source.offset, "the input ends inside the \(header.type) chunk")
            }
            try rethrowingBadgeError { try buffer.withUnsafeBytes { bytes in
                let piece = UnsafeRawBufferPointer(rebasing: bytes[..<got])
                try sink.write(piece)
                if verify {
                    let dataPart = Int(min(Int64(got), dataLeft))
                    crc.update(UnsafeRawBufferPointer(rebasing: piece[..<dataPart]))
                    stored += piece[dataPart...]
                }
            } }
            dataLeft = max(0, dataLeft - Int64(got))
            left -= Int64(got)
        }
        if verify, crc.value != bigEndianUInt32(stored) {
            throw BadgeError(.badChecksum, at: header.offset, "\(header.type) chunk CRC does not match its contents")
        }
    }

    /// Walks the chunk structure (signature already read) without reading chunk data, so that a later copy
    /// cannot fail half-way on a malformed stream.
    static func validateStructure(_ reader: inout PNGChunkReader<some ByteSource>) throws(BadgeError) {
        while let header = try reader.nextHeader() {
            if header.type == .IEND { return }
            try reader.skip(Int64(header.length) + 4, in: header)
        }
        throw BadgeError(.truncated, at: reader.source.offset, "the PNG ends before its IEND chunk")
    }

    static let bufferSize = 1 << 20
}

/// What baking did.
public struct BakeReport: Hashable, Sendable {
    /// A badge chunk or element that baking removed.
    public struct RemovedData: Hashable, Sendable {
        /// The PNG chunk type, or nil for SVG.
        public var type: PNGChunkType?
        /// The PNG keyword or SVG element name.
        public var keyword: String
        /// Where it was in the input.
        public var offset: Int64
    }

    /// The image format baked.
    public var format: ImageFormat
    /// The generation baked (which keyword or element was written).
    public var generation: BadgeGeneration
    /// Badge data removed from the input (re-baking replaces).
    public var removedChunks: [RemovedData] = []
    /// Bytes after the PNG's IEND chunk, copied unchanged.
    public var trailingBytes = 0
}
