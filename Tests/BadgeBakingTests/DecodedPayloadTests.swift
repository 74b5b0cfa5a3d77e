import BadgeBaking
import Foundation
import OpenBadgesModel
import Testing

/// A baked badge carries its decoded payload: extraction decodes it once (its kind and version come from it), and the
/// wallet summary reuses it. What extraction accepts, the JSON reader accepts too.
@Suite("Decoded payload")
struct DecodedPayloadTests {
    static let png = Array(
        try! Data(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/example-badge.png")))

    static func assertion(description: String) -> String {
        let text: JSONValue = [
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://example.org/assertions/1",
            "recipient": ["type": "email", "hashed": false, "identity": "learner@example.org"],
            "badge": [
                "id": "https://example.org/badge", "type": "BadgeClass", "name": "Decoded once", "description": .string(description),
                "issuer": "https://example.org/issuer",
            ],
            "issuedOn": "2025-01-01T00:00:00Z", "verification": ["type": "hosted"],
        ]
        return text.serialized()
    }

    @Test("extraction decodes the payload once, and the summary is built from that decoding")
    func summaryFromDecodedPayload() throws {
        let baked = try BadgeBaker().bake(Self.assertion(description: "short"), into: Self.png)
        let badge = try #require(try BadgeExtractor().extract(from: baked))
        guard case .success(.json(.assertion(let assertion), _)) = badge.decodedPayload else {
            Issue.record("not decoded: \(badge.decodedPayload)"); return
        }
        #expect(assertion.id == "https://example.org/assertions/1")
        #expect(ImportedBadge(badge).summary?.title == "Decoded once")
    }

    @Test("a payload larger than the old 8 MiB JSON limit, within the extraction limit, is extracted and decoded")
    func limitsAgree() throws {
        #expect(ExtractionOptions().maximumPayloadBytes == JSONParsingOptions.default.maximumBytes)
        let payload = Self.assertion(description: String(repeating: "a", count: 9 << 20))
        let baked = try BadgeBaker().bake(payload, into: Self.png)
        let badge = try #require(try BadgeExtractor().extract(from: baked))
        #expect(badge.payload.utf8.count > 9 << 20)
        #expect((try? badge.decodedPayload.get()) != nil, "\(badge.decodedPayload)")
        #expect(ImportedBadge(badge).summary?.title == "Decoded once")

        // Raising the extraction limit raises what is decoded with it.
        var options = ExtractionOptions()
        options.maximumPayloadBytes = 20 << 20
        let bigger = Self.assertion(description: String(repeating: "b", count: 17 << 20))
        var bakeOptions = BakeOptions()
        bakeOptions.maximumPayloadBytes = 20 << 20
        let bakedBigger = try #require(try BadgeBaker(options: bakeOptions).bake(bigger, from: .bytes(Self.png), to: .memory).bakedImage)
        let big = try #require(try BadgeExtractor(options: options).extract(from: bakedBigger))
        #expect((try? big.decodedPayload.get()) != nil)
    }

    @Test("an undecodable payload says why, and the summary error is that reason")
    func undecodable() throws {
        let baked = try BadgeBaker().bake(#"{"not": "a badge"}"#, into: Self.png)
        let badge = try #require(try BadgeExtractor().extract(from: baked))
        guard case .failure(let error) = badge.decodedPayload else { Issue.record("decoded"); return }
        #expect(ImportedBadge(badge).summaryError == "\(error)")
    }
}
