import Foundation
import OpenBadgesModel
import PNGValidation
import Testing

@testable import BadgeBaking

@Suite("PNG baking")
struct PNGBakingTests {
    let baker = BadgeBaker()

    /// The input image: several IDATs, text chunks before and after the pixels, an old badge chunk.
    func sourcePNG() -> TestPNG {
        var png = TestPNG(width: 40, height: 30, idatChunkSize: 700)
        png.insert(TextChunkData.tEXt("Software", "test"), at: 1)
        png.insert(PNGChunk(type: PNGChunkType(validating: Array("pHYs".utf8))!, data: [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]), at: 2)
        png.insertBeforeIEND(TextChunkData.iTXt("XML:com.adobe.xmp", "<x:xmpmeta/>"))
        return png
    }

    @Test("tEXt and zTXt are Latin-1: each byte is the code point of the same number")
    func latin1Text() throws {
        // "https://example.org/caf\u{e9}" with é as the single byte 0xE9; and pure ASCII, read as is.
        let url = Array("https://example.org/caf".utf8) + [0xE9]
        for chunk in [PNGChunk(type: .tEXt, data: Array("openbadges".utf8) + [0] + url), TextChunkData.tEXt("openbadges", Payloads.hostedURL)] {
            var png = TestPNG(width: 4, height: 4, idatChunkSize: 64)
            png.insert(chunk, at: 1)
            let badge = try #require(try BadgeExtractor().extract(from: png.bytes))
            #expect(badge.payload == (chunk.data.last == 0xE9 ? "https://example.org/caf\u{e9}" : Payloads.hostedURL))
        }
    }

    @Test("round trip, for every payload kind", arguments: [Payloads.ob2Assertion, Payloads.ob2JWS, Payloads.hostedURL, Payloads.ob3Credential])
    func roundTrip(payload: String) throws {
        let baked = try baker.bake(payload, into: sourcePNG().bytes)
        let badge = try #require(try BadgeExtractor().extract(from: baked))
        #expect(badge.payload == payload)
        #expect(badge.warnings.isEmpty)
        #expect(badge.location == .pngChunk(type: .iTXt, offset: 33))
        #expect(badge.generation == (payload == Payloads.ob3Credential ? .credential : .assertion))
    }

    @Test func writesExactlyTheSpecifiedChunk() throws {
        let baked = try baker.bake(Payloads.ob3Credential, into: sourcePNG().bytes)
        let chunks = try PNGChunk.parseAll(baked)
        #expect(chunks[1].type == .iTXt)
        #expect(chunks[1].data == Array("openbadgecredential".utf8) + [0, 0, 0, 0, 0] + Array(Payloads.ob3Credential.utf8))
    }

    @Test("every other chunk is byte-identical and in order; libpng decodes identical pixels")
    func keepsEverythingElse() throws {
        let source = sourcePNG().bytes
        let baked = try baker.bake(Payloads.ob2Assertion, into: source)
        var expected = try PNGChunk.parseAll(source)
        expected.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion), at: 1)
        #expect(try PNGChunk.parseAll(baked) == expected)
        #expect(baked.count == source.count + 12 + expected[1].data.count)
        #expect(try PNGImageValidator.decode(baked) == PNGImageValidator.decode(source))
    }

    @Test("re-baking replaces: exactly one badge chunk remains, whatever was there before")
    func rebakeReplaces() throws {
        var png = sourcePNG()
        png.insert(TextChunkData.tEXt("openbadges", "https://example.org/legacy"), at: 2)
        png.insert(TextChunkData.zTXt("openbadges", "https://example.org/compressed"), at: 3)
        png.insertBeforeIEND(TextChunkData.iTXt("openbadgecredential", Payloads.ob3Credential))
        let once = try baker.bake(Payloads.ob2Assertion, into: png.bytes)
        let twice = try baker.bake(Payloads.hostedURL, into: once)
        let chunks = try PNGChunk.parseAll(twice)
        let badgeChunks = chunks.filter { chunk in
            chunk.type.isText && (chunk.data.starts(with: Array("openbadges\0".utf8)) || chunk.data.starts(with: Array("openbadgecredential\0".utf8)))
        }
        #expect(badgeChunks == [TextChunkData.iTXt("openbadges", Payloads.hostedURL)])
        #expect(chunks.filter { !badgeChunks.contains($0) } == sourcePNG().chunks)
        let badge = try #require(try BadgeExtractor().extract(from: twice))
        #expect(badge.payload == Payloads.hostedURL)
        #expect(badge.warnings.isEmpty)
    }

    @Test func generationCanBeOverriddenAndExistingDataCanBeRefused() throws {
        var options = BakeOptions()
        options.generation = .credential
        let baked = try BadgeBaker(options: options).bake(Payloads.ob2JWS, into: sourcePNG().bytes)
        #expect(try BadgeExtractor().extract(from: baked)?.location == .pngChunk(type: .iTXt, offset: 33))
        #expect(throws: BadgeError.invalidPayload()) { try BadgeBaker(options: options).bake(Payloads.hostedURL, into: sourcePNG().bytes) }

        var strict = BakeOptions()
        strict.replaceExisting = false
        #expect(throws: BadgeError.alreadyBaked()) { try BadgeBaker(options: strict).bake(Payloads.hostedURL, into: baked) }
    }

    @Test(
        "payloads that are not JSON, a compact JWS or an absolute URL are refused",
        arguments: [
            "", "hello", "{not json", "[1,2]", "relative/path", "ftp://example.org/a", "a.b", "a.b.c d", String(repeating: " ", count: 3),
        ])
    func refusesBadPayloads(payload: String) {
        #expect(throws: BadgeError.invalidPayload()) { try baker.bake(payload, into: sourcePNG().bytes) }
    }

    @Test func payloadSizeLimit() throws {
        var options = BakeOptions()
        options.maximumPayloadBytes = Payloads.ob2Assertion.utf8.count - 1
        #expect(throws: BadgeError.payloadTooLarge()) { try BadgeBaker(options: options).bake(Payloads.ob2Assertion, into: sourcePNG().bytes) }
        options.maximumPayloadBytes += 1
        _ = try BadgeBaker(options: options).bake(Payloads.ob2Assertion, into: sourcePNG().bytes)
    }

    @Test func refusesInvalidChunkStreams() {
        let bytes = sourcePNG().bytes
        #expect(throws: BadgeError.truncated()) { try baker.bake(Payloads.hostedURL, into: bytes.dropLast(12)) }
        #expect(throws: BadgeError.truncated()) { try baker.bake(Payloads.hostedURL, into: bytes.prefix(100)) }
        #expect(throws: BadgeError.emptyInput()) { try baker.bake(Payloads.hostedURL, into: []) }
        #expect(throws: BadgeError.unsupportedFormat()) { try baker.bake(Payloads.hostedURL, into: Array("GIF89a......".utf8)) }
        var badIHDR = bytes
        badIHDR[20] ^= 0xFF
        #expect(throws: BadgeError.badChecksum()) { try baker.bake(Payloads.hostedURL, into: badIHDR) }
        var badType = bytes
        badType[37] = 0
        #expect(throws: BadgeError.malformedPNG()) { try baker.bake(Payloads.hostedURL, into: badType) }
    }

    @Test func checksumsOfCopiedChunksOnRequest() throws {
        var png = sourcePNG()
        var bytes = png.bytes
        let idat = png.offset(ofChunkAt: 3)
        bytes[idat + 20] ^= 0xFF  // corrupt pixel data: copied as is by default
        let baked = try baker.bake(Payloads.hostedURL, into: bytes)
        #expect(baked.count == bytes.count + 12 + "openbadges".utf8.count + 5 + Payloads.hostedURL.utf8.count)
        var options = BakeOptions()
        options.verifyAllChecksums = true
        #expect(throws: BadgeError.badChecksum()) { try BadgeBaker(options: options).bake(Payloads.hostedURL, into: bytes) }
        png = sourcePNG()
        _ = try BadgeBaker(options: options).bake(Payloads.hostedURL, into: png.bytes)
    }

    @Test func trailingBytesAreDroppedUnlessKept() throws {
        let bytes = sourcePNG().bytes + [1, 2, 3]
        let baked = try baker.bake(Payloads.hostedURL, into: bytes)
        #expect(baked.suffix(12) == sourcePNG().bytes.suffix(12))  // ends with IEND
        var options = BakeOptions()
        options.keepTrailingData = true
        #expect(try BadgeBaker(options: options).bake(Payloads.hostedURL, into: bytes).suffix(3) == [1, 2, 3])
    }
}

@Suite("Baking files")
struct FileBakingTests {
    @Test func writesAtomicallyAndNeverOverwritesUnasked() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.png")
        let output = directory.appendingPathComponent("out.png")
        let source = TestPNG(width: 300, height: 300, idatChunkSize: 8192).bytes
        try Data(source).write(to: input)

        let report = try BadgeBaker().bake(Payloads.ob2Assertion, from: .file(input), to: .file(output))
        #expect(report.generation == .assertion)
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.ob2Assertion)
        #expect(try Data(contentsOf: input) == Data(source))

        #expect(throws: BadgeError.outputExists()) {
            try BadgeBaker().bake(Payloads.hostedURL, from: .file(input), to: .file(output))
        }
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.ob2Assertion)
        let replaced = try BadgeBaker().bake(Payloads.hostedURL, from: .file(output), to: .file(output, overwrite: true))
        #expect(replaced.removedChunks.count == 1)
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.hostedURL)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.png", "out.png"])
    }

    @Test func failedBakeLeavesNoOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("truncated.png")
        let output = directory.appendingPathComponent("out.png")
        // Truncated in the middle of its pixel data: the failure comes after output has started.
        let bytes = TestPNG(width: 300, height: 300, idatChunkSize: 8192).bytes
        try Data(bytes.prefix(bytes.count / 2)).write(to: input)
        #expect(throws: BadgeError.truncated()) {
            try BadgeBaker().bake(Payloads.ob2Assertion, from: .file(input), to: .file(output))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["truncated.png"])
    }
}
