@testable import BadgeBaking
import Zlib

/// Builds small, valid PNG files chunk by chunk, so tests can place, break and count chunks exactly.
struct TestPNG {
    var chunks: [PNGChunk]

    /// A width×height RGBA image with a deterministic pattern, its pixel data split into IDAT chunks of
    /// `idatChunkSize` bytes.
    init(width: Int = 16, height: Int = 16, idatChunkSize: Int = 1 << 16, seed: UInt8 = 7) {
        var ihdr = bigEndianBytes(UInt32(width)) + bigEndianBytes(UInt32(height))
        ihdr += [8, 6, 0, 0, 0]
        // Pseudo-random pixels (xorshift), so the image does not compress away.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        var rows: [UInt8] = []
        rows.reserveCapacity(height * (width * 4 + 1))
        for _ in 0..<height {
            rows.append(0)
            for _ in 0..<width {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                rows += [UInt8(truncatingIfNeeded: state), UInt8(truncatingIfNeeded: state >> 8), UInt8(truncatingIfNeeded: state >> 16), 255]
            }
        }
        let compressed = try! deflate(rows)
        chunks = [PNGChunk(type: .IHDR, data: ihdr)]
        var rest = compressed[...]
        while !rest.isEmpty {
            chunks.append(PNGChunk(type: .IDAT, data: Array(rest.prefix(idatChunkSize))))
            rest = rest.dropFirst(idatChunkSize)
        }
        chunks.append(PNGChunk(type: .IEND, data: []))
    }

    /// The file bytes.
    var bytes: [UInt8] { pngSignature + chunks.flatMap(\.serialized) }

    /// Inserts `chunk` before the chunk at `index`.
    mutating func insert(_ chunk: PNGChunk, at index: Int) { chunks.insert(chunk, at: index) }

    /// Inserts `chunk` just before IEND.
    mutating func insertBeforeIEND(_ chunk: PNGChunk) { chunks.insert(chunk, at: chunks.count - 1) }

    /// The byte offset of the chunk at `index`.
    func offset(ofChunkAt index: Int) -> Int {
        8 + chunks[..<index].reduce(0) { $0 + 12 + $1.data.count }
    }
}

/// Chunk data builders for text chunks, including malformed ones.
enum TextChunkData {
    static func iTXt(_ keyword: String, _ text: String, compressed: Bool = false, language: String = "", translated: String = "") -> PNGChunk {
        let body = compressed ? try! deflate(Array(text.utf8)) : Array(text.utf8)
        let data = Array(keyword.utf8) + [0, compressed ? 1 : 0, 0] + Array(language.utf8) + [0] + Array(translated.utf8) + [0] + body
        return PNGChunk(type: .iTXt, data: data)
    }

    static func tEXt(_ keyword: String, _ text: String) -> PNGChunk {
        PNGChunk(type: .tEXt, data: Array(keyword.utf8) + [0] + Array(text.utf8))
    }

    static func zTXt(_ keyword: String, _ text: String) -> PNGChunk {
        PNGChunk(type: .zTXt, data: Array(keyword.utf8) + [0, 0] + (try! deflate(Array(text.utf8))))
    }
}

/// Example payloads of each kind.
enum Payloads {
    static let ob2Assertion = """
        {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1.json",\
        "recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"badge":"https://example.org/badge.json",\
        "verification":{"type":"hosted"},"issuedOn":"2026-01-01T00:00:00Z","evidence":"https://example.org/évidence/✓"}
        """
    static let ob3Credential = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],\
        "type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:example:issuer","type":"Profile"},\
        "validFrom":"2026-01-01T00:00:00Z","credentialSubject":{"type":"AchievementSubject","achievement":\
        {"id":"https://example.org/a","type":"Achievement","name":"Baker","criteria":{"narrative":"Bake"}}}}
        """
    static let hostedURL = "https://example.org/assertions/1.json"
    /// A compact JWS whose payload is an OB 2.0 assertion (the signature is not checked here).
    static let ob2JWS: String = {
        func b64(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return b64("{\"alg\":\"RS256\"}") + "." + b64(ob2Assertion) + ".c2lnbmF0dXJl"
    }()
}

import Foundation
