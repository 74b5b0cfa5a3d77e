import Zlib

/// The eight bytes every PNG file starts with.
public let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// The largest chunk length the PNG specification allows (2³¹−1).
public let maximumPNGChunkLength = Int(Int32.max)

/// One framed PNG chunk: `length(4) type(4) data(length) crc(4)`, the CRC covering type and data.
public struct PNGChunk: Hashable, Sendable {
    /// The chunk type.
    public var type: PNGChunkType
    /// The chunk data.
    public var data: [UInt8]

    /// Makes a chunk.
    public init(type: PNGChunkType, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// The CRC-32 of the type and data.
    public var crc: UInt32 {
        var crc = CRC32()
        crc.update(type.bytes)
        crc.update(data)
        return crc.value
    }

    /// The chunk framed for writing: length, type, data and CRC.
    public var serialized: [UInt8] {
        var bytes = bigEndianBytes(UInt32(data.count))
        bytes.reserveCapacity(12 + data.count)
        bytes += type.bytes
        bytes += data
        bytes += bigEndianBytes(crc)
        return bytes
    }

    /// Splits a whole PNG file into its chunks, checking the signature, every length and every CRC.
    ///
    /// This reads everything into memory; ``BadgeExtractor`` and ``BadgeBaker`` stream instead.
    public static func parseAll(_ bytes: [UInt8]) throws(BadgeError) -> [PNGChunk] {
        var reader = PNGChunkReader(source: MemoryByteSource(bytes))
        try reader.readSignature()
        var chunks: [PNGChunk] = []
        while let header = try reader.nextHeader() {
            let data = try reader.readData(header)
            let crc = try reader.readCRC(header)
            let chunk = PNGChunk(type: header.type, data: data)
            guard chunk.crc == crc else {
                throw BadgeError(.badChecksum, at: header.offset, "\(header.type) chunk CRC does not match its contents")
            }
            chunks.append(chunk)
            if header.type == .IEND { break }
        }
        guard chunks.last?.type == .IEND else {
            throw BadgeError(.truncated, at: reader.source.offset, "the PNG ends before its IEND chunk")
        }
        return chunks
    }
}

func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
}

func bigEndianUInt32(_ bytes: some Collection<UInt8>) -> UInt32 {
    bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
}

/// The framing of a chunk, read from its 8-byte header.
struct PNGChunkHeader {
    /// The chunk type.
    let type: PNGChunkType
    /// The data length.
    let length: Int
    /// The file offset of the length field (the start of the chunk).
    let offset: Int64
}

/// Reads a PNG datastream chunk by chunk, validating the framing as it goes.
struct PNGChunkReader<Source: ByteSource> {
    var source: Source
    /// How many chunks have been read.
    private(set) var chunkCount = 0
    /// The chunk count above which the stream is refused.
    var maximumChunkCount = Int.max

    init(source: Source) { self.source = source }

    /// Reads and checks the 8-byte signature.
    mutating func readSignature() throws(BadgeError) {
        let bytes = try source.read(count: 8)
        try Self.checkSignature(bytes)
    }

    static func checkSignature(_ bytes: [UInt8]) throws(BadgeError) {
        if bytes.isEmpty { throw BadgeError(.emptyInput, at: 0, "the input is empty") }
        guard bytes.elementsEqual(pngSignature.prefix(bytes.count)) else {
            throw BadgeError(.unsupportedFormat, at: 0, "the input is not a PNG (bad signature)")
        }
        guard bytes.count == 8 else { throw BadgeError(.truncated, at: Int64(bytes.count), "the input ends inside the PNG signature") }
    }

    /// Reads the next chunk header; nil at a clean end of input.
    ///
    /// This runs once per chunk (thousands of times for a large image), so it reads into a fixed buffer and
    /// allocates nothing.
    mutating func nextHeader() throws(BadgeError) -> PNGChunkHeader? {
        let offset = source.offset
        var raw: UInt64 = 0
        let count = try rethrowingBadgeError { try withUnsafeMutableBytes(of: &raw) { try source.read(into: $0) } }
        if count == 0 { return nil }
        guard count == 8 else { throw BadgeError(.truncated, at: offset, "the input ends inside a chunk header") }
        let fields = UInt64(bigEndian: raw)
        let length = Int(fields >> 32)
        guard let type = PNGChunkType(rawValue: UInt32(truncatingIfNeeded: fields)) else {
            let bytes = (0..<4).map { String(UInt8(truncatingIfNeeded: fields >> (24 - 8 * $0)), radix: 16) }
            throw BadgeError(.malformedPNG, at: offset + 4, "invalid chunk type bytes \(bytes)")
        }
        guard length <= maximumPNGChunkLength else {
            throw BadgeError(.invalidLength, at: offset, "\(type) chunk length \(length) is over 2^31-1")
        }
        if let size = source.size, offset + 12 + Int64(length) > size {
            throw BadgeError(
                .truncated, at: offset,
                "\(type) chunk of \(length) bytes runs past the end of the file (\(size) bytes)"
            )
        }
        if chunkCount == 0, type != .IHDR {
            throw BadgeError(.malformedPNG, at: offset, "the first chunk is \(type), not IHDR")
        }
        chunkCount += 1
        guard chunkCount <= maximumChunkCount else {
            throw BadgeError(.tooManyChunks, at: offset, "more than \(maximumChunkCount) chunks")
        }
        return PNGChunkHeader(type: type, length: length, offset: offset)
    }

    /// Reads a chunk's data in full (callers bound `header.length` first).
    mutating func readData(_ header: PNGChunkHeader) throws(BadgeError) -> [UInt8] {
        let data = try source.read(count: header.length)
        guard data.count == header.length else {
            throw BadgeError(.truncated, at: source.offset, "the input ends inside the \(header.type) chunk")
        }
        return data
    }

    /// Reads the rest of a chunk's data after `prefix` bytes were read already.
    mutating func readRest(_ header: PNGChunkHeader, after prefix: [UInt8]) throws(BadgeError) -> [UInt8] {
        var data = prefix
        let rest = try source.read(count: header.length - prefix.count)
        data += rest
        guard data.count == header.length else {
            throw BadgeError(.truncated, at: source.offset, "the input ends inside the \(header.type) chunk")
        }
        return data
    }

    /// Reads the 4-byte CRC that follows the data.
    mutating func readCRC(_ header: PNGChunkHeader) throws(BadgeError) -> UInt32 {
        let bytes = try source.read(count: 4)
        guard bytes.count == 4 else {
            throw BadgeError(.truncated, at: source.offset, "the input ends inside the CRC of the \(header.type) chunk")
        }
        return bigEndianUInt32(bytes)
    }

    /// Skips `count` bytes of the current chunk.
    mutating func skip(_ count: Int64, in header: PNGChunkHeader) throws(BadgeError) {
        guard try source.skip(count) == count else {
            throw BadgeError(.truncated, at: source.offset, "the input ends inside the \(header.type) chunk")
        }
    }
}
