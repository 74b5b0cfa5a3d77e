import Foundation
import OpenBadgesModel
import Testing
import Zlib

@testable import BadgeBaking

/// Every limit, fed input just under and just over it, gives a result and a typed error. Limits already
/// covered elsewhere are not repeated: PNG payload, inflated size and chunk count (PNGMalformedInputTests),
/// bake payload size (PNGBakingTests), SVG depth, size, inflated size and attributes (SVGBadgeTests/
/// SecurityTests), unified SVG depth (SVGUnifiedTests), JSON depth (OpenBadgesModelTests/JSONParserTests).
@Suite("Resource bounds")
struct ResourceBoundTests {
    static let plainSVG = #"<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>"#

    func code(_ body: () throws(BadgeError) -> some Any) -> BadgeError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            #expect(!error.reason.isEmpty && !error.reason.contains("\n"), "\(error)")
            return error.code
        }
    }

    // MARK: PNG framing

    @Test("A chunk length over 2^31-1 is refused before anything is allocated")
    func chunkLengthOverPNGLimit() {
        var bytes = TestPNG().bytes
        // IDAT's length field: the chunk after IHDR (8 + 25 bytes in).
        bytes.replaceSubrange(33..<37, with: [0x80, 0, 0, 0])
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: bytes) } == .invalidLength)
        #expect(code { () throws(BadgeError) in try BadgeBaker().bake(Payloads.hostedURL, into: bytes) } == .invalidLength)
        #expect(code { () throws(BadgeError) in try PNGChunk.parseAll(bytes) } == .invalidLength)
    }

    @Test("A badge chunk that claims 2^31-1 bytes is refused by the payload limit, from a file or a pipe")
    func claimedHugeBadgeChunk() throws {
        let png = TestPNG()
        let header = bigEndianBytes(0x7FFF_FFFF) + PNGChunkType.iTXt.bytes + Array("openbadges\0\0\0\0\0{".utf8)
        let bytes = Array(png.bytes[..<33]) + header + Array(repeating: 0x20, count: 100)
        // In memory the size is known: the chunk runs past the end.
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: bytes) } == .truncated)
        // Through a pipe the size is not known: the payload limit stops it, nothing is allocated.
        var pipe: [Int32] = [0, 0]
        #expect(Foundation.pipe(&pipe) == 0)
        defer { close(pipe[0]) }
        _ = bytes.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
        close(pipe[1])
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(fileDescriptor: pipe[0]) } == .payloadTooLarge)
    }

    @Test("PNG payload limit at its default: 16 MiB fits, one byte more does not")
    func defaultPayloadLimit() throws {
        let limit = ExtractionOptions().maximumPayloadBytes
        #expect(limit == 16 << 20)
        // iTXt data = keyword + NUL + flag + method + NUL + NUL + text.
        let overhead = "openbadges".utf8.count + 5
        func png(textBytes: Int) -> [UInt8] {
            var png = TestPNG(width: 1, height: 1)
            let text = "\"" + String(repeating: "x", count: textBytes - 2) + "\""
            png.insert(TextChunkData.iTXt("openbadges", text), at: 1)
            return png.bytes
        }
        let fits = png(textBytes: limit - overhead)
        #expect(try BadgeExtractor().extract(from: fits)?.payload.utf8.count == limit - overhead)
        let over = png(textBytes: limit - overhead + 1)
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: over) } == .payloadTooLarge)
    }

    @Test("Inflated limit at its default: a 16 MiB bomb fits, one byte more does not")
    func defaultInflatedLimit() throws {
        let limit = ExtractionOptions().maximumInflatedBytes
        func png(inflated: Int) -> [UInt8] {
            var png = TestPNG(width: 1, height: 1)
            png.insert(TextChunkData.iTXt("openbadges", String(repeating: " ", count: inflated), compressed: true), at: 1)
            return png.bytes
        }
        let fits = png(inflated: limit)
        #expect(fits.count < 64 * 1024)
        // The text is all spaces: extraction succeeds (an unknown payload), it is the size that matters here.
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: fits) } == nil)
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: png(inflated: limit + 1)) } == .decompressionLimitExceeded)
    }

    @Test("Bake chunk-count limit, just under and just over")
    func bakeChunkCount() throws {
        let png = TestPNG(width: 32, height: 32, idatChunkSize: 10)
        var options = BakeOptions()
        options.maximumChunkCount = png.chunks.count
        #expect(code { () throws(BadgeError) in try BadgeBaker(options: options).bake(Payloads.hostedURL, into: png.bytes) } == nil)
        options.maximumChunkCount = png.chunks.count - 1
        #expect(code { () throws(BadgeError) in try BadgeBaker(options: options).bake(Payloads.hostedURL, into: png.bytes) } == .tooManyChunks)
    }

    @Test("Bake buffered-input limit (pipe to descriptor), just under and just over; a PNG baked into a file streams past it")
    func bakeBufferedBytes() throws {
        let bytes = TestPNG().bytes
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.png")
        _ = FileManager.default.createFile(atPath: input.path, contents: Data(bytes))
        func bake(limit: Int, toFile: Bool) -> BadgeError.Code? {
            var options = BakeOptions()
            options.maximumBufferedBytes = limit
            let fd = open(input.path, O_RDONLY)
            defer { close(fd) }
            let output = directory.appendingPathComponent("out.png")
            defer { try? FileManager.default.removeItem(at: output) }
            if toFile {
                return code { () throws(BadgeError) in
                    try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .fileDescriptor(fd), to: .file(output))
                }
            }
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let out = open(output.path, O_WRONLY)
            defer { close(out) }
            // A pipe cannot be read twice, so a bake to a descriptor reads it whole first (a regular file's
            // descriptor is checked, then streamed: no limit applies).
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
            return code { () throws(BadgeError) in
                try BadgeBaker(options: options).bake(
                    Payloads.hostedURL, from: .fileDescriptor(pipe.fileHandleForReading.fileDescriptor), to: .fileDescriptor(out))
            }
        }
        #expect(bytes.count < 65_536, "the image fits in a pipe's buffer")
        #expect(bake(limit: bytes.count, toFile: false) == nil)
        #expect(bake(limit: bytes.count - 1, toFile: false) == .inputTooLarge)
        #expect(bake(limit: 1, toFile: true) == nil)
    }

    // MARK: SVG through the unified API

    @Test("ExtractionOptions.maximumSVGBytes, just under and just over")
    func unifiedSVGSize() throws {
        let svg = try BadgeBaker().bake(Payloads.hostedURL, into: Array(Self.plainSVG.utf8))
        var options = ExtractionOptions()
        options.maximumSVGBytes = svg.count
        #expect(try BadgeExtractor(options: options).extract(from: svg)?.payload == Payloads.hostedURL)
        options.maximumSVGBytes = svg.count - 1
        #expect(code { () throws(BadgeError) in try BadgeExtractor(options: options).extract(from: svg) } == .inputTooLarge)
    }

    @Test("ExtractionOptions.maximumPayloadBytes bounds an SVG verify attribute")
    func unifiedSVGAttribute() throws {
        let svg = try BadgeBaker().bake(Payloads.hostedURL, into: Array(Self.plainSVG.utf8))
        var options = ExtractionOptions()
        options.maximumPayloadBytes = Payloads.hostedURL.utf8.count
        #expect(try BadgeExtractor(options: options).extract(from: svg)?.payload == Payloads.hostedURL)
        options.maximumPayloadBytes = Payloads.hostedURL.utf8.count - 1
        #expect(code { () throws(BadgeError) in try BadgeExtractor(options: options).extract(from: svg) } != nil)
    }

    @Test("The default SVG depth limit (256), just under and just over, and 100 000 levels")
    func defaultSVGDepth() throws {
        func nested(_ depth: Int) -> [UInt8] {
            Array(
                (#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">"#
                    + String(repeating: "<g>", count: depth - 2) + #"<openbadges:assertion verify="https://e.org/a"/>"#
                    + String(repeating: "</g>", count: depth - 2) + "</svg>").utf8)
        }
        #expect(ExtractionOptions().maximumSVGDepth == 256)
        #expect(try BadgeExtractor().extract(from: nested(256))?.payload == "https://e.org/a")
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: nested(257)) } == .depthLimitExceeded)
        #expect(code { () throws(BadgeError) in try BadgeExtractor().extract(from: nested(100_000)) } == .depthLimitExceeded)
    }

    // MARK: JSON (OpenBadgesModel)

    @Test("JSON size limit, just under and just over")
    func jsonSize() throws {
        let text = "[1,2,3]"
        #expect(
            try JSONValue(parsing: text, options: JSONParsingOptions(maximumBytes: text.utf8.count))
                == .array([.number(JSONNumber(1)), .number(JSONNumber(2)), .number(JSONNumber(3))]))
        #expect(throws: ModelError(.inputTooLarge, reason: "")) {
            try JSONValue(parsing: text, options: JSONParsingOptions(maximumBytes: text.utf8.count - 1))
        }
        #expect(JSONParsingOptions.default.maximumBytes == 16 << 20)
    }

    @Test("JSON depth limit with objects, just under and just over, through BadgeDocument and BadgePayload")
    func jsonDepthThroughModels() throws {
        func nested(_ depth: Int) -> String { String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1) }
        let options = JSONParsingOptions(maximumDepth: 10)
        _ = try JSONValue(parsing: nested(10), options: options)
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) { try JSONValue(parsing: nested(11), options: options) }
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) { try BadgeDocument(jsonText: nested(65)) }
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) { try BadgePayload(text: nested(65)) }
    }

    @Test("A JWS is bounded by the JSON size limit")
    func jwsSize() throws {
        func base64URL(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let header = base64URL(#"{"alg":"RS256"}"#)
        let payload = base64URL(#"{"iss":"https://example.org"}"#)
        let compact = "\(header).\(payload).c2ln"
        _ = try JWS(compact: compact, options: JSONParsingOptions(maximumBytes: compact.utf8.count / 2))
        #expect(throws: ModelError(.inputTooLarge, reason: "")) {
            try JWS(compact: compact, options: JSONParsingOptions(maximumBytes: compact.utf8.count / 2 - 1))
        }
    }
}
