import Foundation
import OpenBadgesModel
import Testing

@testable import BadgeBaking

/// The wallet's one call: image in, summary out.
@Suite("Importing a badge")
struct ImportTests {
    @Test func exampleBadge() throws {
        let result = try BadgeExtractor().importBadge(contentsOf: TestPaths.fixtures.appendingPathComponent("example-badge.png"))
        guard case .found(let imported) = result, let summary = imported.summary else {
            Issue.record("no summary: \(result)")
            return
        }
        #expect(summary.title == "Swift Badge Baker")
        #expect(summary.issuer?.name == "Example Badge Academy")
        #expect(summary.skills.map(\.name) == ["swift", "open badges", "png"])
        #expect(summary.verification.needsOnlineVerification)
        #expect(imported.baked.location == .pngChunk(type: .iTXt, offset: 33))
    }

    @Test func noDataIsAnOutcomeNotAnError() throws {
        let result = try BadgeExtractor().importBadge(contentsOf: TestPaths.fixtures.appendingPathComponent("plain-badge.png"))
        guard case .noBadgeData = result else {
            Issue.record("expected no badge data, got \(result)")
            return
        }
        #expect(BadgeImport.noBadgeDataExplanation.contains("iOS"))
    }

    @Test func undecodablePayloadKeepsTheRawData() throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", "{\"broken\": "), at: 1)
        guard case .found(let imported) = try BadgeExtractor().importBadge(from: png.bytes) else {
            Issue.record("not found")
            return
        }
        #expect(imported.summary == nil)
        #expect(imported.summaryError?.contains("invalidJSON") == true)
        #expect(imported.baked.payload == "{\"broken\": ")
    }

    @Test("Credly OB 3.0: the title is the achievement's name, not the earner's", .enabled(if: TestPaths.corpus != nil))
    func credlyTitle() throws {
        let url = try #require(TestPaths.corpus).appendingPathComponent("png/credly-ob3-lightbend-reactive-microservices.png")
        guard case .found(let imported) = try BadgeExtractor().importBadge(contentsOf: url), let summary = imported.summary else {
            Issue.record("no summary")
            return
        }
        #expect(summary.title == "Reactive Architecture: Reactive Microservices - Level 2")
        #expect(summary.credentialName == "重樹 庄司")
        #expect(summary.verification.canVerifyOffline)
    }
}

/// Every baked image in the corpus decodes into models without loss: re-encoding the decoded document and
/// decoding it again gives an equal model.
@Suite("Corpus images into models", .enabled(if: TestPaths.corpus != nil, "../shared/corpus is absent"))
struct CorpusModelTests {
    static let images = CorpusEntry.all().filter {
        ($0.file.hasPrefix("png/") || $0.file.hasPrefix("svg/")) && !["broken", "plain-png", "plain-svg", "hostile-svg"].contains($0.kind)
    }

    @Test(arguments: images)
    func decodesWithoutLoss(entry: CorpusEntry) throws {
        let badge = try #require(try BadgeExtractor().extract(contentsOf: entry.url))
        let payload = try BadgePayload(text: badge.payload)
        if let document = payload.document {
            let reparsed = try BadgeDocument(jsonText: document.jsonValue.serialized(pretty: false))
            #expect(reparsed == document)
            #expect(document.specVersion.rawValue == entry.specVersion)
        } else {
            guard case .url = payload else {
                Issue.record("\(entry.file): no document and no URL")
                return
            }
        }
        guard case .found(let imported) = try BadgeExtractor().importBadge(contentsOf: entry.url) else {
            Issue.record("\(entry.file): not found")
            return
        }
        #expect(imported.summary != nil, "\(imported.summaryError ?? "")")
    }
}
