// The checks behind every fuzz target. Each function takes arbitrary bytes, runs them through the public
// API, ignores thrown errors (a typed error is the right answer to a bad upload) and calls `fail` when an
// invariant is broken. The fuzz targets (FuzzTesting/, through the `_BadgeTestSupport` product) pass a `fail`
// that traps; the root package's FailCaseReplayTests passes one that records a test issue.

import BadgeBaking
import Foundation
import OpenBadgesModel
import SVGBadge

public enum FuzzInvariants {
    /// Reports a broken invariant.
    public typealias Failure = (String) -> Void

    /// Runs the checks of the fuzz target named as for used for `FailCases/<name>/` and `fuzz.sh --target <name>`.
    public static func check(target: String, _ bytes: [UInt8], fail: Failure) -> Bool {
        switch target {
        case "png-extract": pngExtract(bytes, fail: fail)
        case "png-bake": pngBake(bytes, fail: fail)
        case "svg-extract": svgExtract(bytes, fail: fail)
        case "svg-bake": svgBake(bytes, fail: fail)
        case "json-model": jsonModel(bytes, fail: fail)
        case "jws": jws(bytes, fail: fail)
        default: return false
        }
        return true
    }

    /// Every target name.
    public static let targetNames = ["png-extract", "png-bake", "svg-extract", "svg-bake", "json-model", "jws"]

    /// Payloads baked by the bake targets; the input picks one by its length, so the corpus reaches all of them.
    static let payloads: [String] = [
        #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1"}"#,
        "https://example.org/assertions/1",
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJl",
        #"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Ünïcödé ✓ <&> \u0000"}"#,
    ]

    // MARK: PNG

    /// Extraction never crashes; when strict extraction succeeds, lenient extraction finds the same payload,
    /// and so does extraction with the payload limit set to exactly the payload's size.
    public static func pngExtract(_ bytes: [UInt8], fail: Failure) {
        guard let badge = try? BadgeExtractor().extract(from: bytes) else {
            // Also walk the chunks: parseAll must throw or return, never crash.
            _ = try? PNGChunk.parseAll(bytes)
            return
        }
        var lenient = ExtractionOptions()
        lenient.requireValidChecksum = false
        guard let again = try? BadgeExtractor(options: lenient).extract(from: bytes), again.payload == badge.payload else {
            return fail("lenient extraction disagrees with strict extraction")
        }
        // Through a pipe (no size, no seeking: chunk data is skipped by reading) the same payload is found.
        if let piped = extractThroughPipe(bytes) {
            guard case .success(let other?) = piped, other.payload == badge.payload else {
                return fail("extraction through a pipe disagrees with extraction from memory: \(piped)")
            }
        }
        if let chunks = try? PNGChunk.parseAll(bytes), badge.format == .png {
            guard chunks.first?.type == .IHDR || chunks.contains(where: { $0.type.isText }) else {
                return fail("a badge was extracted from a PNG without text chunks")
            }
        }
    }

    /// Bake then extract gives the payload baked, and every chunk that is not badge data is kept byte for byte,
    /// in order, with the new `iTXt` chunk right after `IHDR`.
    public static func pngBake(_ bytes: [UInt8], fail: Failure) {
        let payload = payloads[bytes.count % payloads.count]
        // Streamed through a small buffer (block boundaries inside chunks, headers and keywords), the result is the same.
        var small = BakeOptions()
        small.bufferSize = 256 + bytes.count % 251
        let whole = Result { () throws(BadgeError) in try BadgeBaker().bake(payload, from: .bytes(bytes), to: .memory).bakedImage! }
        let streamed = Result { () throws(BadgeError) in try BadgeBaker(options: small).bake(payload, from: .bytes(bytes), to: .memory).bakedImage! }
        switch (whole, streamed) {
        case (.success(let a), .success(let b)) where a == b: break
        case (.failure(let a), .failure(let b)) where a.code == b.code: break
        default: return fail("the result depends on the buffer size (\(small.bufferSize) bytes)")
        }
        guard case .success(let baked) = whole else { return }
        guard let badge = try? BadgeExtractor().extract(from: baked) else {
            return fail("a baked image cannot be extracted")
        }
        guard badge.payload == payload.trimmingCharacters(in: .whitespacesAndNewlines) else {
            return fail("bake then extract changed the payload")
        }
        guard bytes.starts(with: pngSignature) else {
            // An SVG: the SVG targets check it.
            return
        }
        guard let original = try? PNGChunk.parseAll(bytes) else { return }
        guard let result = try? PNGChunk.parseAll(baked) else {
            return fail("baking a well-formed PNG gave chunks that do not parse")
        }
        let kept = original.filter { !isBadgeChunk($0) }
        guard result.count == kept.count + 1, result[0].type == .IHDR, result[1].type == .iTXt, isBadgeChunk(result[1]) else {
            return fail("the baked PNG is not IHDR, badge iTXt, then the kept chunks")
        }
        guard Array(result[0...0] + result[2...]) == kept else {
            return fail("a chunk that is not badge data changed")
        }
        // Bytes after IEND are kept too.
        let originalLength = original.reduce(pngSignature.count) { $0 + 12 + $1.data.count }
        let bakedLength = result.reduce(pngSignature.count) { $0 + 12 + $1.data.count }
        guard bytes[originalLength...].elementsEqual(baked[bakedLength...]) else {
            return fail("the bytes after IEND changed")
        }
        // Baking is idempotent.
        guard let twice = try? BadgeBaker().bake(payload, from: .bytes(baked), to: .memory).bakedImage, twice == baked else {
            return fail("baking the same payload twice gave different bytes")
        }
    }

    /// Extracts from a pipe holding `bytes`, or nil when they do not fit in the pipe's buffer.
    static func extractThroughPipe(_ bytes: [UInt8]) -> Result<BakedBadge?, BadgeError>? {
        guard bytes.count <= 60_000 else { return nil }
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return nil }
        defer { close(descriptors[0]) }
        let written = bytes.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count) }
        close(descriptors[1])
        guard written == bytes.count else { return nil }
        return Result { () throws(BadgeError) in try BadgeExtractor().extract(fileDescriptor: descriptors[0]) }
    }

    static func isBadgeChunk(_ chunk: PNGChunk) -> Bool {
        guard chunk.type.isText, let end = chunk.data.prefix(80).firstIndex(of: 0) else { return false }
        return BadgeGeneration(pngKeyword: chunk.data[..<end]) != nil
    }

    // MARK: SVG

    /// Extraction never crashes, and reading the document in pieces of any size finds the same element as
    /// reading it whole; the unified API agrees with SVGBadgeReader.
    public static func svgExtract(_ bytes: [UInt8], fail: Failure) {
        let whole = Result { try SVGBadgeReader.extract(from: bytes) }
        let unified = Result { try BadgeExtractor().extract(from: bytes) }
        // Pieces of 1 to 64 bytes, chosen by the input so the fuzzer explores the boundaries.
        let size = bytes.isEmpty ? 1 : Int(bytes[bytes.count / 2] % 64) + 1
        var offset = 0
        let pieces = Result {
            try SVGBadgeReader.extract(limits: SVGBadgeLimits()) {
                guard offset < bytes.count else { return nil }
                defer { offset += size }
                return Array(bytes[offset..<min(offset + size, bytes.count)])
            }
        }
        switch (whole, pieces) {
        case (.success(let a), .success(let b)):
            guard a?.payload == b?.payload, a?.verify == b?.verify, a?.body == b?.body, a?.byteOffset == b?.byteOffset else {
                return fail("reading in pieces of \(size) bytes found a different element")
            }
        case (.failure, .failure):
            break
        case (.failure, .success) where bytes.starts(with: [0x1F, 0x8B]):
            // Reading in pieces stops once the element is read, before a bad gzip trailer or corrupt data
            // further on; reading whole inflates everything first. Both answers are acceptable.
            break
        default:
            return fail("reading in pieces of \(size) bytes disagrees with reading whole: \(pieces) vs \(whole)")
        }
        if case .success(let element?) = whole, ImageFormatSnifferProbe.isSVG(bytes), let payload = element.payload {
            guard case .success(let badge?) = unified, badge.payload == payload else {
                return fail("BadgeExtractor and SVGBadgeReader disagree")
            }
        }
    }

    /// Bake then extract gives the payload baked, with both the SVG layer and the unified API; baking twice
    /// gives the same document.
    public static func svgBake(_ bytes: [UInt8], fail: Failure) {
        let payload = payloads[bytes.count % payloads.count]
        let generation: BadgeGeneration = payload.contains("OpenBadgeCredential") ? .credential : .assertion
        guard let content = try? SVGBadgeContent(generation: generation, payload: payload) else {
            return fail("a fixed payload was refused")
        }
        if let baked = try? SVGBadgeBaker.bake(bytes, content: content) {
            let element: SVGBadgeElement?
            do {
                element = try SVGBadgeReader.extract(from: baked)
            } catch {
                return fail("a baked SVG cannot be read: \(error)")
            }
            guard let element, element.verify == content.verify, element.body == content.body else {
                return fail("bake then extract changed the payload")
            }
            guard let twice = try? SVGBadgeBaker.bake(baked, content: content), twice == baked else {
                return fail("baking the same payload twice gave different bytes")
            }
        }
        if !bytes.starts(with: pngSignature), let baked = try? BadgeBaker().bake(payload, from: .bytes(bytes), to: .memory).bakedImage {
            guard let badge = try? BadgeExtractor().extract(from: baked), badge.payload == payload else {
                return fail("BadgeBaker then BadgeExtractor changed the payload")
            }
        }
    }

    // MARK: JSON and JWS

    /// Parsing never crashes; whatever parses re-serialises to text that parses to an equal value (compact and
    /// pretty); a BadgeDocument decoded from it decodes again, equal, from its own JSON.
    public static func jsonModel(_ bytes: [UInt8], fail: Failure) {
        guard let value = try? JSONValue(parsing: bytes) else {
            _ = try? BadgeDocument(jsonBytes: bytes)
            return
        }
        for pretty in [false, true] {
            let text = value.serialized(pretty: pretty)
            guard let again = try? JSONValue(parsing: text) else {
                return fail("serialised JSON does not parse (pretty: \(pretty))")
            }
            guard again == value else {
                return fail("serialise then parse changed the value (pretty: \(pretty))")
            }
        }
        guard let document = try? BadgeDocument(jsonValue: value) else { return }
        _ = document.specVersion
        _ = document.kindName
        let json = document.jsonValue
        guard let reparsed = try? JSONValue(parsing: json.serialized()), reparsed == json else {
            return fail("a document's JSON does not round-trip")
        }
        guard let again = try? BadgeDocument(jsonValue: json) else {
            return fail("a document's own JSON does not decode")
        }
        guard again == document else {
            return fail("decode, encode, decode changed the document")
        }
    }

    /// JWS parsing never crashes; a parsed JWS keeps its serialisation and signing input; BadgePayload accepts
    /// or refuses any text without crashing.
    public static func jws(_ bytes: [UInt8], fail: Failure) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let jws = try? JWS(compact: text) {
            let parts = jws.compactSerialization.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return fail("a parsed JWS does not have three parts") }
            guard jws.signingInput == Array("\(parts[0]).\(parts[1])".utf8) else {
                return fail("the signing input is not header.payload")
            }
            _ = (jws.algorithm, jws.keyID, jws.type, jws.jwk, jws.claims)
        }
        if let payload = try? BadgePayload(text: text) {
            _ = payload.document
        }
    }
}

/// The first bytes of a plain SVG, as BadgeExtractor sniffs them (gzip-compressed SVG is left out: the unified
/// API and the SVG layer may differ on its limits).
enum ImageFormatSnifferProbe {
    static func isSVG(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0x1F, 0x8B]) && !bytes.starts(with: pngSignature)
    }
}
