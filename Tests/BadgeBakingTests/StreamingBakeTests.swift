@testable import BadgeBaking
import Foundation
import OpenBadgesModel
import Testing

/// Baking streams a PNG through one buffer (``ForwardingByteSource``), carrying the unsettled bytes of a chunk
/// header and keyword from one block to the next. Baking with tiny blocks puts a block boundary inside every
/// kind of chunk, header, keyword and CRC; the output must not depend on where the boundaries fall.
@Suite("Streaming bake")
struct StreamingBakeTests {
    static let blockSizes = [256, 257, 263, 300, 509, 1000, 4096, 65_537]

    /// Images with every shape the writer handles: badge chunks to drop (at the start, between IDATs, before
    /// IEND), text chunks to keep (short, long, compressed), IDATs smaller and larger than a block, trailing bytes.
    static func images() -> [(String, [UInt8])] {
        var rebaked = TestPNG(width: 40, height: 40, idatChunkSize: 97)
        rebaked.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion), at: 1)
        rebaked.insert(TextChunkData.tEXt("Comment", String(repeating: "long comment ", count: 80)), at: 2)
        rebaked.insert(TextChunkData.zTXt("openbadges", Payloads.hostedURL), at: 5)
        rebaked.insertBeforeIEND(TextChunkData.iTXt("openbadgecredential", Payloads.ob3Credential, compressed: true))
        rebaked.insertBeforeIEND(TextChunkData.iTXt("Description", "kept", compressed: true))
        var images = [
            ("plain, IDATs of 7 bytes", TestPNG(idatChunkSize: 7).bytes),
            ("plain, one IDAT over several blocks", TestPNG(width: 64, height: 64, idatChunkSize: 1 << 20).bytes),
            ("three badge chunks and kept text chunks", rebaked.bytes),
            ("trailing bytes after IEND", rebaked.bytes + Array(repeating: 0x42, count: 700)),
        ]
        for name in ["example-badge.png", "plain-badge.png"] {
            if let data = FileManager.default.contents(atPath: TestPaths.fixtures.appendingPathComponent(name).path) {
                images.append((name, [UInt8](data)))
            }
        }
        return images
    }

    @Test("The output does not depend on the block size", arguments: blockSizes)
    func blockBoundaries(blockSize: Int) throws {
        for (name, image) in Self.images() {
            let expected = try BadgeBaker().bake(Payloads.ob2JWS, into: image)
            var options = BakeOptions()
            options.bufferSize = blockSize
            let baked = try BadgeBaker(options: options).bake(Payloads.ob2JWS, into: image)
            #expect(baked == expected, "\(name), blocks of \(blockSize) bytes")
            #expect(try BadgeExtractor().extract(from: baked)?.payload == Payloads.ob2JWS, "\(name)")
            let kept = try PNGChunk.parseAll(baked).filter { $0.type != .iTXt || !String(decoding: $0.data.prefix(19), as: UTF8.self).hasPrefix("openbadge") }
            let original = try PNGChunk.parseAll(image).filter { chunk in
                guard chunk.type.isText, let keyword = PNGTextChunk.keyword(in: chunk.data[...]) else { return true }
                return BadgeGeneration(pngKeyword: keyword) == nil
            }
            #expect(kept == original, "\(name): the kept chunks, in order")
        }
    }

    @Test("Errors are the same whatever the block size: truncated at every offset of a re-baked image")
    func truncationAtEveryOffset() throws {
        let image = Self.images()[2].1
        for length in stride(from: 0, to: image.count, by: 3) {
            let prefix = Array(image.prefix(length))
            func outcome(_ blockSize: Int) -> String {
                var options = BakeOptions()
                options.bufferSize = blockSize
                do {
                    return "ok \(try BadgeBaker(options: options).bake(Payloads.hostedURL, into: prefix).count)"
                } catch {
                    return "\(error.code)"
                }
            }
            #expect(outcome(256) == outcome(1 << 20), "prefix of \(length) bytes")
        }
    }

    @Test("A PNG piped into bake streams into the output file, whatever its size against the buffered-input limit")
    func pipeToFile() throws {
        let image = Self.images()[2].1
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = Pipe()
        try #require(image.count < 65_536, "the image fits in the pipe's buffer, so it can be written before it is read")
        pipe.fileHandleForWriting.write(Data(image))
        try pipe.fileHandleForWriting.close()
        var options = BakeOptions()
        options.maximumBufferedBytes = 64
        options.bufferSize = 300
        let output = directory.appendingPathComponent("out.png")
        let report = try BadgeBaker(options: options).bake(
            Payloads.hostedURL, from: .fileDescriptor(pipe.fileHandleForReading.fileDescriptor), to: .file(output))
        #expect(report.removedChunks.count == 3)
        let baked = try [UInt8](Data(contentsOf: output))
        #expect(baked == (try BadgeBaker().bake(Payloads.hostedURL, into: image)))
    }
}
