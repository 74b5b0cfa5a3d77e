import Foundation
import OpenBadgesModel
import Testing
import Zlib

@testable import BadgeBaking

@Suite("PNG extraction")
struct PNGExtractionTests {
    let extractor = BadgeExtractor()

    func extract(_ png: TestPNG) throws -> BakedBadge? {
        try extractor.extract(from: png.bytes)
    }

    @Test(
        "iTXt payloads of every kind are found and classified",
        arguments: [
            ("openbadges", Payloads.ob2Assertion, PayloadKind.json, "2.0"),
            ("openbadges", Payloads.ob2JWS, PayloadKind.jws, "2.0"),
            ("openbadges", Payloads.hostedURL, PayloadKind.url, nil),
            ("openbadgecredential", Payloads.ob3Credential, PayloadKind.json, "3.0"),
        ] as [(String, String, PayloadKind, String?)])
    func findsITXt(keyword: String, payload: String, kind: PayloadKind, version: String?) throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt(keyword, payload), at: 1)
        let badge = try #require(try extract(png))
        #expect(badge.payload == payload)
        #expect(badge.kind == kind)
        #expect(badge.specVersion?.rawValue == version)
        #expect(badge.format == .png)
        #expect(badge.location == .pngChunk(type: .iTXt, offset: 33))
        #expect(badge.generation.pngKeyword == keyword)
        #expect(badge.warnings.isEmpty)
    }

    @Test func findsChunkAfterIDATAndAfterOtherText() throws {
        var png = TestPNG(width: 64, height: 64, idatChunkSize: 100)
        png.insert(TextChunkData.iTXt("XML:com.adobe.xmp", "<x:xmpmeta/>"), at: 1)
        png.insert(TextChunkData.tEXt("Software", "test"), at: 1)
        png.insertBeforeIEND(TextChunkData.iTXt("openbadgecredential", Payloads.ob3Credential))
        let badge = try #require(try extract(png))
        #expect(badge.payload == Payloads.ob3Credential)
        #expect(badge.generation == .credential)
        #expect(badge.location == .pngChunk(type: .iTXt, offset: Int64(png.offset(ofChunkAt: png.chunks.count - 2))))
    }

    @Test func legacyTextChunks() throws {
        var png = TestPNG()
        png.insert(TextChunkData.tEXt("openbadges", Payloads.hostedURL), at: 1)
        var badge = try #require(try extract(png))
        #expect(badge.payload == Payloads.hostedURL)
        #expect(badge.kind == .url)
        #expect(badge.warnings.map(\.code) == [.legacyTextChunk])

        png = TestPNG()
        png.insert(TextChunkData.zTXt("openbadges", Payloads.hostedURL), at: 1)
        badge = try #require(try extract(png))
        #expect(badge.payload == Payloads.hostedURL)
        #expect(badge.location == .pngChunk(type: .zTXt, offset: 33))
    }

    @Test("an iTXt chunk wins over an earlier tEXt one; the rest are reported")
    func preferenceAndDuplicates() throws {
        var png = TestPNG()
        png.insert(TextChunkData.tEXt("openbadges", "https://example.org/old"), at: 1)
        png.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion), at: 2)
        png.insertBeforeIEND(TextChunkData.iTXt("openbadgecredential", Payloads.ob3Credential))
        let badge = try #require(try extract(png))
        #expect(badge.payload == Payloads.ob2Assertion)
        let duplicate = try #require(badge.warnings.first { $0.code == .duplicateBadgeData })
        #expect(duplicate.reason.contains("tEXt openbadges"))
        #expect(duplicate.reason.contains("iTXt openbadgecredential"))
    }

    @Test func compressedITXtAndLanguageTagAreReadWithWarnings() throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion, compressed: true, language: "en", translated: "Abzeichen"), at: 1)
        let badge = try #require(try extract(png))
        #expect(badge.payload == Payloads.ob2Assertion)
        #expect(Set(badge.warnings.map(\.code)) == [.compressedText, .languageTag])
    }

    @Test func keywordMismatchIsReported() throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", Payloads.ob3Credential), at: 1)
        let badge = try #require(try extract(png))
        #expect(badge.specVersion == .v3_0)
        #expect(badge.generation == .assertion)
        #expect(badge.warnings.map(\.code) == [.keywordMismatch])
    }

    @Test(
        "Moodle's malformed iTXt layouts are read through their quirk",
        arguments: [
            "'json'\0''\0\"{'method': 'hosted', 'assertionUrl': 'https://moodle.example.org/badges/assertion.php?b=1'}\"",
            "00json\0''\0{\"method\": \"hosted\", \"assertionUrl\": \"https://moodle.example.org/badges/assertion.php?b=1\"}",
        ])
    func moodleQuirk(rest: String) throws {
        var png = TestPNG()
        png.insertBeforeIEND(PNGChunk(type: .iTXt, data: Array("openbadges\0".utf8) + Array(rest.utf8)))
        let badge = try #require(try extract(png))
        #expect(badge.payload == "https://moodle.example.org/badges/assertion.php?b=1")
        #expect(badge.warnings.map(\.code) == [.bakerQuirk])
    }

    @Test func plainImagesHoldNothing() throws {
        var png = TestPNG()
        png.insert(TextChunkData.tEXt("Software", "openbadges"), at: 1)
        png.insert(TextChunkData.iTXt("openbadgesX", Payloads.ob2Assertion), at: 1)
        png.insert(TextChunkData.iTXt("OpenBadges", Payloads.ob2Assertion), at: 1)
        #expect(try extract(png) == nil)
    }

    /// Writes `png` (with `payload` baked before IEND) to a file, extracts it, and extracts it again through a file
    /// source: the payload found, how many bytes that source read, and the file.
    func extractFromFile(_ png: TestPNG, payload: String, in directory: URL) throws -> (payload: String, bytesRead: Int64, file: URL) {
        var png = png
        png.insertBeforeIEND(TextChunkData.iTXt("openbadges", payload))
        let url = directory.appendingPathComponent("badge.png")
        try Data(png.bytes).write(to: url)
        let badge = try #require(try extractor.extract(contentsOf: url))
        let source = try FileByteSource(path: url.path)
        var reader = PNGChunkReader(source: source)
        try reader.readSignature()
        _ = try PNGBadgeReader(options: .init()).extract(from: &reader)
        return (badge.payload, source.bytesRead, url)
    }

    @Test func readsFromFilesAndSkipsPixelData() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let found = try extractFromFile(TestPNG(width: 256, height: 256, idatChunkSize: 4096), payload: Payloads.hostedURL, in: directory)
        #expect(found.payload == Payloads.hostedURL)
        // The file source seeks over IDAT: it reads only headers and the badge chunk.
        #expect(found.bytesRead < 2_000)
        #expect(try Data(contentsOf: found.file).count > 200_000)
    }

    @Test("a small file is read whole, once; reads after a skip and past the end still give the file's bytes")
    func smallFilesAreReadWhole() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let found = try extractFromFile(TestPNG(width: 16, height: 16, idatChunkSize: 256), payload: Payloads.ob2Assertion, in: directory)
        #expect(found.payload == Payloads.ob2Assertion)
        let bytes = [UInt8](try Data(contentsOf: found.file))
        #expect(Int64(bytes.count) <= FileByteSource.wholeFileLimit)
        #expect(found.bytesRead == Int64(bytes.count))

        var raw = try FileByteSource(path: found.file.path)
        #expect(try raw.skip(10) == 10)
        #expect(try raw.read(count: 6) == Array(bytes[10..<16]))
        #expect(try raw.skip(Int64(bytes.count)) == Int64(bytes.count - 16))
        #expect(try raw.read(count: 4).isEmpty)
    }
}
