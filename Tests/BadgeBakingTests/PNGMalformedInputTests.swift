import Foundation
import Testing
import Zlib

@testable import BadgeBaking

@Suite("PNG extraction of bad input")
struct PNGMalformedInputTests {
    let extractor = BadgeExtractor()

    func badgePNG(_ payload: String = Payloads.ob2Assertion) -> TestPNG {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", payload), at: 1)
        return png
    }

    func expectError(_ code: BadgeError.Code, at offset: Int64? = nil, _ bytes: [UInt8], options: ExtractionOptions = .init()) {
        do {
            let badge = try BadgeExtractor(options: options).extract(from: bytes)
            Issue.record("expected \(code), got \(String(describing: badge))")
        } catch {
            #expect(error.code == code, "\(error)")
            if let offset { #expect(error.offset == offset, "\(error)") }
            #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
        }
    }

    @Test func emptyAndSignatureOnly() {
        expectError(.emptyInput, at: 0, [])
        expectError(.truncated, pngSignature)
        expectError(.truncated, Array(pngSignature.prefix(5)))
    }

    @Test func notAnImage() {
        expectError(.unsupportedFormat, at: 0, Array("{\"not\": \"an image\"}".utf8))
        expectError(.unsupportedFormat, at: 0, [0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 0, 0, 0])
        expectError(.unsupportedFormat, at: 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00, 0])
    }

    @Test func truncatedFile() {
        let bytes = badgePNG().bytes
        expectError(.truncated, Array(bytes.prefix(40)))  // inside the badge chunk
        expectError(.truncated, Array(bytes.prefix(20)))  // inside IHDR
    }

    @Test func badChecksumOnTheReturnedChunk() throws {
        var bytes = badgePNG().bytes
        let crcOffset = 33 + 12 + TextChunkData.iTXt("openbadges", Payloads.ob2Assertion).data.count - 4
        bytes[crcOffset] ^= 0xFF
        expectError(.badChecksum, at: 33, bytes)
        var tolerant = ExtractionOptions()
        tolerant.requireValidChecksum = false
        let badge = try #require(try BadgeExtractor(options: tolerant).extract(from: bytes))
        #expect(badge.payload == Payloads.ob2Assertion)
        #expect(badge.warnings.map(\.code) == [.badChecksum])
    }

    @Test func hugeOrLyingLengths() {
        var bytes = badgePNG().bytes
        bytes.replaceSubrange(33..<37, with: [0x80, 0, 0, 0])  // 2^31: over the PNG maximum
        expectError(.invalidLength, at: 33, bytes)
        bytes.replaceSubrange(33..<37, with: [0x7F, 0xFF, 0xFF, 0xFF])  // legal, but past the end of the file
        expectError(.truncated, at: 33, bytes)
    }

    @Test func decompressionBomb() {
        var png = TestPNG()
        let bomb = String(repeating: "A", count: 40 << 20)
        png.insert(TextChunkData.iTXt("openbadges", bomb, compressed: true), at: 1)
        #expect(png.bytes.count < 200_000)
        expectError(.decompressionLimitExceeded, png.bytes)

        var zTXt = TestPNG()
        zTXt.insert(TextChunkData.zTXt("openbadges", bomb), at: 1)
        expectError(.decompressionLimitExceeded, zTXt.bytes)
    }

    @Test func corruptCompressedText() {
        var png = TestPNG()
        png.insert(PNGChunk(type: .iTXt, data: Array("openbadges\0\u{1}\0\0\0".utf8) + [1, 2, 3, 4, 5]), at: 1)
        expectError(.corruptCompressedData, png.bytes)
    }

    @Test func invalidUTF8() {
        var png = TestPNG()
        png.insert(PNGChunk(type: .iTXt, data: Array("openbadges\0\0\0\0\0{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)), at: 1)
        expectError(.invalidUTF8, at: 33 + 8 + 15, png.bytes)
    }

    @Test func malformedTextFields() {
        var png = TestPNG()
        png.insert(PNGChunk(type: .iTXt, data: Array("openbadges\0\0\0en".utf8)), at: 1)  // no NUL after the language tag
        expectError(.malformedPNG, png.bytes)
    }

    @Test func payloadLimit() throws {
        let payload = "{\"a\":\"" + String(repeating: "x", count: 2000) + "\"}"
        var options = ExtractionOptions()
        options.maximumPayloadBytes = 2000
        expectError(.payloadTooLarge, at: 33, badgePNG(payload).bytes, options: options)
        options.maximumPayloadBytes = 2100
        let badge = try BadgeExtractor(options: options).extract(from: badgePNG(payload).bytes)
        #expect(badge?.payload == payload)
    }

    @Test func inflatedLimit() throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion, compressed: true), at: 1)
        var options = ExtractionOptions()
        options.maximumInflatedBytes = Payloads.ob2Assertion.utf8.count - 1
        expectError(.decompressionLimitExceeded, png.bytes, options: options)
        options.maximumInflatedBytes = Payloads.ob2Assertion.utf8.count
        #expect(try BadgeExtractor(options: options).extract(from: png.bytes)?.payload == Payloads.ob2Assertion)
    }

    @Test func chunkCountLimit() throws {
        let png = TestPNG(width: 64, height: 64, idatChunkSize: 10)
        var options = ExtractionOptions()
        options.maximumChunkCount = png.chunks.count - 1
        expectError(.tooManyChunks, png.bytes, options: options)
        options.maximumChunkCount = png.chunks.count
        #expect(try BadgeExtractor(options: options).extract(from: png.bytes) == nil)
    }

    @Test func badChunkTypeAndMissingIHDR() {
        var bytes = badgePNG().bytes
        bytes[12] = 0x31  // "1HDR"
        expectError(.malformedPNG, at: 12, bytes)
        var png = badgePNG()
        png.chunks.swapAt(0, 1)
        expectError(.malformedPNG, at: 8, png.bytes)
    }

    @Test("every prefix is an error, or, once the badge chunk is complete, the right payload")
    func dripFeed() throws {
        var png = TestPNG(width: 8, height: 8, idatChunkSize: 50)
        png.insert(TextChunkData.iTXt("openbadges", Payloads.ob2Assertion), at: 1)
        png.insert(TextChunkData.tEXt("Software", "drip"), at: 1)
        let bytes = png.bytes
        let badgeEnd = png.offset(ofChunkAt: 3)
        for length in 0...bytes.count {
            let prefix = Array(bytes.prefix(length))
            do {
                let badge = try extractor.extract(from: prefix)
                #expect(length >= badgeEnd, "prefix of \(length) bytes gave a result")
                #expect(badge?.payload == Payloads.ob2Assertion)
                if length < bytes.count { #expect(badge?.warnings.map(\.code) == [.truncatedAfterBadge]) }
            } catch {
                #expect(length < badgeEnd, "prefix of \(length) bytes failed: \(error)")
            }
        }
    }

    @Test func trailingDataAfterIEND() throws {
        let bytes = badgePNG().bytes + Array("garbage".utf8)
        let badge = try #require(try extractor.extract(from: bytes))
        #expect(badge.warnings.map(\.code) == [.trailingData])
    }
}
