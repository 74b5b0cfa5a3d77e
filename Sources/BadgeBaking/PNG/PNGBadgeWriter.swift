import Zlib
import OpenBadgesModel

/// Bakes a text chunk into a PNG datastream, copying every other chunk byte for byte.
///
/// The new chunk goes right after `IHDR`; every `iTXt`, `tEXt` or `zTXt` chunk that carries a badge keyword
/// (of either generation) is dropped. The writer walks the chunk headers in one pass through a
/// ``ForwardingByteSource``, which writes the kept bytes straight from its read buffer: pixel data is never
/// decoded, every byte is read once and written once, and memory stays at one block whatever the image size.
struct PNGBadgeWriter {
    let options: BakeOptions

    /// Copies `source` (whose signature, already read, is written again first) to `sink` with `chunk` baked in.
    func bake<Source: ByteSource, Sink: ByteSink>(
        _ chunk: PNGTextChunk,
        from source: Source,
        to sink: inout Sink
    ) throws(BadgeError) -> BakeReport {
        var report = BakeReport(format: .png, generation: BadgeGeneration(pngKeyword: chunk.keyword) ?? .assertion)
        // A small image needs no more buffer than its own size (the block after it then reads the end of input).
        let blockSize = source.size.map { Int(min(Int64(options.bufferSize), max($0 - source.offset, 0) + 1)) } ?? options.bufferSize
        var reader = PNGChunkReader(source: ForwardingByteSource(source, startingAt: Int64(pngSignature.count), to: sink, blockSize: blockSize))
        reader.maximumChunkCount = options.maximumChunkCount
        try reader.source.insert(pngSignature)
        var sawIEND = false
        while let header = try reader.nextHeader() {
            let end = header.offset + 12 + Int64(header.length)
            if header.type == .IHDR {
                guard reader.chunkCount == 1 else { throw BadgeError(.malformedPNG, at: header.offset, "a second IHDR chunk") }
                reader.source.keep(through: end)
                try readVerified(header, from: &reader)
                try reader.source.insert(PNGChunk(type: .iTXt, data: chunk.serializedData).serialized)
            } else if header.type.isText {
                let head = try reader.source.read(count: min(header.length, 80))
                if let keyword = PNGTextChunk.keyword(in: head[...]), let generation = BadgeGeneration(pngKeyword: keyword) {
                    guard options.replaceExisting else {
                        throw BadgeError(.alreadyBaked, at: header.offset, "the image already holds \(generation.pngKeyword) data in a \(header.type) chunk")
                    }
                    try reader.source.drop(through: end)
                    try reader.skip(Int64(header.length - head.count) + 4, in: header)
                    report.removedChunks.append(.init(type: header.type, generation: generation, offset: header.offset))
                } else {
                    reader.source.keep(through: end)
                    try readVerified(header, from: &reader, after: head)
                }
            } else {
                reader.source.keep(through: end)
                if options.verifyAllChecksums {
                    try readVerified(header, from: &reader)
                } else {
                    try reader.skip(Int64(header.length) + 4, in: header)
                }
            }
            if header.type == .IEND {
                sawIEND = true
                break
            }
        }
        guard sawIEND else { throw BadgeError(.truncated, at: reader.source.offset, "the PNG ends before its IEND chunk") }
        // Bytes after IEND are not chunks: dropped unless asked for (they could carry another badge).
        if options.keepTrailingData {
            report.trailingBytes = Int(try reader.source.forwardRest())
        } else {
            report.droppedTrailingBytes = Int(try reader.source.dropRest())
        }
        sink = reader.source.sink
        return report
    }

    /// Reads the rest of a chunk through a fixed buffer and checks its CRC.
    private func readVerified(_ header: PNGChunkHeader, from reader: inout PNGChunkReader<some ByteSource>, after head: [UInt8] = []) throws(BadgeError) {
        var crc = CRC32()
        crc.update(header.type.bytes)
        crc.update(head)
        var left = header.length - head.count
        while left > 0 {
            let piece = try reader.source.read(count: min(left, 1 << 20))
            guard !piece.isEmpty else { throw BadgeError(.truncated, at: reader.source.offset, "the input ends inside the \(header.type) chunk") }
            crc.update(piece)
            left -= piece.count
        }
        guard try reader.readCRC(header) == crc.value else {
            throw BadgeError(.badChecksum, at: header.offset, "\(header.type) chunk CRC does not match its contents")
        }
    }
}
