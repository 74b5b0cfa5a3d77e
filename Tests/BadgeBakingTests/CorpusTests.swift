import Foundation
import OpenBadgesModel
import PNGValidation
import Testing

@testable import BadgeBaking

/// Every image in `../shared/corpus` (real badges from Credly, Badgr, Open Badge Factory, 1EdTech…) gives the
/// outcome its manifest kind implies. Skipped when the corpus is absent.
@Suite("Real-world corpus", .enabled(if: TestPaths.corpus != nil, "../shared/corpus is absent"))
struct CorpusTests {
    static let pngEntries = CorpusEntry.all().filter { $0.file.hasPrefix("png/") }

    @Test("PNG corpus", arguments: pngEntries)
    func png(entry: CorpusEntry) throws {
        let extractor = BadgeExtractor()
        switch entry.kind {
        case "plain-png":
            #expect(try extractor.extract(contentsOf: entry.url) == nil)
        case "broken":
            #expect(throws: BadgeError.self) { try extractor.extract(contentsOf: entry.url) }
        case "png-itxt-json", "png-itxt-ob3-json", "png-itxt-ob3-jwt":
            let badge = try #require(try extractor.extract(contentsOf: entry.url))
            let isOB3 = entry.kind.contains("ob3")
            guard case .pngChunk(.iTXt, _) = badge.location else {
                Issue.record("not found in an iTXt chunk: \(badge.location)")
                return
            }
            #expect(badge.generation.pngKeyword == (isOB3 ? "openbadgecredential" : "openbadges"))
            #expect(badge.kind == (entry.kind.hasSuffix("jwt") ? .jws : .json))
            #expect(badge.specVersion?.rawValue == entry.specVersion)
            #expect(badge.warnings.isEmpty)
            #expect(try extractor.extract(from: Data(contentsOf: entry.url)) == badge)
        case "png-text-url":
            let badge = try #require(try extractor.extract(contentsOf: entry.url))
            #expect(badge.location == .pngChunk(type: .tEXt, offset: 33))
            if entry.notes.contains("RELATIVE") {
                #expect(badge.kind == .unknown)
                #expect(badge.warnings.map(\.code).contains(.relativeURL))
            } else {
                #expect(badge.kind == .url)
            }
        default:
            Issue.record("unknown PNG kind \(entry.kind)")
        }
    }

    static let svgEntries = CorpusEntry.all().filter { $0.file.hasPrefix("svg/") }

    @Test("SVG corpus through the unified API", arguments: svgEntries)
    func svg(entry: CorpusEntry) throws {
        let extractor = BadgeExtractor()
        let badge = try extractor.extract(contentsOf: entry.url)
        switch entry.kind {
        case "plain-svg", "hostile-svg":
            #expect(badge == nil)
        case "svg-assertion-cdata":
            #expect(badge?.kind == .json)
            #expect(badge?.generation == .assertion)
            #expect(badge?.svgVerify?.hasPrefix("http") == true)
        case "svg-assertion-verify-url":
            #expect(badge?.kind == .url)
            #expect(badge?.payload == badge?.svgVerify)
        case "svg-ob3-credential-cdata":
            #expect(badge?.kind == .json)
            #expect(badge?.specVersion == .v3_0)
            #expect(badge?.generation == .credential)
        case "svg-ob3-credential-verify-jwt":
            #expect(badge?.kind == .jws)
            #expect(badge?.specVersion == .v3_0)
            #expect(badge?.svgBody == nil)
        case "broken":
            #expect(badge?.kind == .unknown)
            #expect(badge?.warnings.map(\.code).contains(.invalidPayload) == true)
        default:
            Issue.record("unknown SVG kind \(entry.kind)")
        }
    }

    @Test func andamioDecoyIsIgnored() throws {
        let url = try #require(TestPaths.corpus).appendingPathComponent("svg/andamio-ob3-signed-metadata-decoy.svg")
        let badge = try #require(try BadgeExtractor().extract(contentsOf: url))
        #expect(badge.payload.contains("\"proof\""))
        #expect(badge.payload.contains("eddsa-rdfc-2022"))
    }

    @Test func namedRealBadges() throws {
        let extractor = BadgeExtractor()
        let corpus = try #require(TestPaths.corpus)
        let credly = try #require(try extractor.extract(contentsOf: corpus.appendingPathComponent("png/credly-ob3-lightbend-reactive-microservices.png")))
        #expect(credly.payload.contains("did:web:www.credly.com"))
        #expect(credly.specVersion == .v3_0)
        let bad = corpus.appendingPathComponent("png/mozilla-backpack-text-url-bad-crc.png")
        #expect(throws: BadgeError.badChecksum()) { try extractor.extract(contentsOf: bad) }
        var tolerant = ExtractionOptions()
        tolerant.requireValidChecksum = false
        #expect(try BadgeExtractor(options: tolerant).extract(contentsOf: bad)?.payload == "http://127.0.0.1:10010/good.json")
        #expect(throws: BadgeError.unsupportedFormat()) {
            try extractor.extract(contentsOf: corpus.appendingPathComponent("png/mozilla-backpack-jpeg-named-png.png"))
        }
    }

    @Test("re-baking every real PNG keeps its other chunks and pixels", arguments: pngEntries.filter { $0.kind != "broken" })
    func rebake(entry: CorpusEntry) throws {
        let source = try Array(Data(contentsOf: entry.url))
        let baked = try BadgeBaker().bake(Payloads.ob3Credential, into: source)
        #expect(try BadgeExtractor().extract(from: baked)?.payload == Payloads.ob3Credential)
        let isBadgeChunk: (PNGChunk) -> Bool = { chunk in
            chunk.type.isText && (chunk.data.starts(with: Array("openbadges\0".utf8)) || chunk.data.starts(with: Array("openbadgecredential\0".utf8)))
        }
        #expect(try PNGChunk.parseAll(baked).filter { !isBadgeChunk($0) } == PNGChunk.parseAll(source).filter { !isBadgeChunk($0) })
        #expect(try PNGImageValidator.decode(baked) == PNGImageValidator.decode(source))
    }
}
