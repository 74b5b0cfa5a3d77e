import Foundation
import Testing

@testable import BadgeBaking

/// Issue 12 §3: a payload that is one grapheme cluster, or one long run, goes through classification and every
/// `unbake` output (plain, `--json`, `--summary`) unchanged and unduplicated. Sizes are small enough to finish
/// at once when the handling is linear; the assertions are on the outputs.
@Suite("Hostile payload text")
struct HostileTextTests {
    static let cluster = "a" + String(repeating: "\u{301}", count: 500_000)
    static let run = String(repeating: "a", count: 2_000_000)
    /// The payloads by name (test arguments are names: the payloads are too long to print).
    static let payloads = ["one grapheme cluster": cluster, "one run of a": run]

    static func png(_ payload: String) -> Data {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", payload), at: 1)
        return Data(png.bytes)
    }

    @Test(arguments: ["one grapheme cluster", "one run of a"])
    func classification(name: String) throws {
        let payload = Self.payloads[name]!
        let badge = try #require(try BadgeExtractor().extract(from: Self.png(payload)))
        #expect(badge.payload.utf8.count == payload.utf8.count)
        #expect(badge.kind == .unknown)
        #expect(badge.warnings.map(\.code) == [.relativeURL])
        #expect(badge.warnings.allSatisfy { $0.reason.utf8.count < 400 })
        #expect(!PayloadClassification.startsLikeJSON(payload))
        #expect(PayloadClassification.startsLikeJSON(" \u{A0}\n{\"a\":1}"))
        #expect(!PayloadClassification.isAbsoluteHTTPURL(payload))
    }
}

@Suite("Hostile payload text (CLI)", .enabled(if: TestPaths.products != nil, "the unbake executable is not built"))
struct HostileTextCLITests {
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }

    @Test(arguments: ["one grapheme cluster", "one run of a"])
    func outputs(name: String) throws {
        let payload = HostileTextTests.payloads[name]!
        let input = HostileTextTests.png(payload)
        let plain = try run(unbake, ["-"], input: input)
        #expect(plain.status == 0)
        #expect(plain.stdout == Data((payload + "\n").utf8))

        let json = try run(unbake, ["--json", "-"], input: input)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect((object["payload"] as? String).map { Array($0.unicodeScalars) } == Array(payload.unicodeScalars))
        // A URL-like payload appears three times by contract (payload, badge.verification.hostedURL,
        // badge.documentsToFetch); warnings quote an excerpt, not a fourth copy.
        #expect(json.stdout.count < 3 * payload.utf8.count + 4096)
        #expect((object["warnings"] as? [String])?.allSatisfy { $0.utf8.count < 400 } == true)
        #expect(json.stdout.last == UInt8(ascii: "\n"))

        let summary = try run(unbake, ["--summary", "-"], input: input)
        #expect(summary.status == 0)
        #expect(summary.stdout.count < 4096)
    }
}
