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
        #expect(imported.baked.location == .pngChunk(type: .iTXt, keyword: "openbadges", offset: 33))
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
