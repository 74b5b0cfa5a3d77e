import Foundation
import OpenBadgesModel
import Testing

@testable import BadgeBaking

/// SVG through the unified API: sniffing, extraction, baking and errors mapped to ``BadgeError``.
@Suite("SVG through the unified API")
struct SVGUnifiedTests {
    let plainSVG = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>
        """

    @Test("round trip, for every payload kind", arguments: [Payloads.ob2Assertion, Payloads.ob2JWS, Payloads.hostedURL, Payloads.ob3Credential])
    func roundTrip(payload: String) throws {
        let baked = try BadgeBaker().bake(payload, into: Array(plainSVG.utf8))
        let badge = try #require(try BadgeExtractor().extract(from: baked))
        #expect(badge.format == .svg)
        #expect(badge.payload == payload)
        let isOB3 = payload == Payloads.ob3Credential
        #expect(badge.generation == (isOB3 ? .credential : .assertion))
        guard case .svgElement(let name, let namespace, _) = badge.location else {
            Issue.record("not an SVG element")
            return
        }
        #expect(name == (isOB3 ? "openbadges:credential" : "openbadges:assertion"))
        #expect(namespace == (isOB3 ? "https://purl.imsglobal.org/ob/v3p0" : "http://openbadges.org"))
        if payload == Payloads.ob2Assertion {
            #expect(badge.svgVerify == "https://example.org/assertions/1.json")
            #expect(badge.svgBody == payload)
        }
        // Everything outside the element and the namespace declaration is unchanged.
        let text = String(decoding: baked, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n<svg "))
        #expect(text.contains(" xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><openbadges:"))
        #expect(text.hasSuffix("<circle r=\"4\"/></svg>"))
    }

    @Test func rebakingSwitchesGenerationAndLeavesOneElement() throws {
        let once = try BadgeBaker().bake(Payloads.ob2Assertion, into: Array(plainSVG.utf8))
        let twice = try BadgeBaker().bake(Payloads.ob3Credential, into: once)
        let text = String(decoding: twice, as: UTF8.self)
        #expect(!text.contains("openbadges:assertion"))
        #expect(text.components(separatedBy: "<openbadges:credential").count == 2)
        #expect(try BadgeExtractor().extract(from: twice)?.payload == Payloads.ob3Credential)
    }

    @Test func gzipCompressedSVG() throws {
        let svgz = try deflateGzip(Array(plainSVG.utf8))
        let baked = try BadgeBaker().bake(Payloads.hostedURL, into: svgz)
        #expect(baked.starts(with: [0x1F, 0x8B]))
        #expect(try BadgeExtractor().extract(from: baked)?.payload == Payloads.hostedURL)
    }

    @Test func errorsAreTyped() {
        #expect(throws: BadgeError.truncated()) { try BadgeExtractor().extract(from: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><g>".utf8)) }
        #expect(throws: BadgeError.unsupportedFormat()) { try BadgeExtractor().extract(from: Array("<html><body/></html>".utf8)) }
        #expect(throws: BadgeError.invalidPayload()) { try BadgeBaker().bake("not a payload", into: Array(plainSVG.utf8)) }
        var options = ExtractionOptions()
        options.maximumSVGDepth = 3
        let deep = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><g><g/></g></g></svg>"
        #expect(throws: BadgeError.depthLimitExceeded()) { try BadgeExtractor(options: options).extract(from: Array(deep.utf8)) }
        options.maximumSVGDepth = 4
        #expect(throws: Never.self) { try BadgeExtractor(options: options).extract(from: Array(deep.utf8)) }
    }

    @Test func entitiesNeverPullInFiles() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: secret)
        let svg = """
            <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">\
            <openbadges:assertion verify="https://example.org/a.json">&xxe;</openbadges:assertion></svg>
            """
        let badge = try BadgeExtractor().extract(from: Array(svg.utf8))
        #expect(badge.map { !$0.payload.contains("TOP-SECRET") } ?? true)
    }

    func deflateGzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try Zlib.deflate(bytes, container: .gzip)
    }
}

import Zlib
