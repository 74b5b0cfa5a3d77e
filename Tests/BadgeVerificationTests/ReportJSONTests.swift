import Foundation
import OpenBadgesModel
import Testing

@testable import BadgeVerification

@Suite("Report JSON")
struct ReportJSONTests {
    /// A report with every member present, nested reports, and text that needs escaping.
    static func sample() -> VerificationReport {
        var inner = ReportBuilder()
        inner.method = "data-integrity"
        inner.require(.signature)
        inner.add(.signature, .passed, "1 of 1 proof(s) verify", node: "urn:uuid:inner")
        var outer = ReportBuilder()
        outer.method = "data-integrity"
        outer.specVersion = "3.0"
        outer.subject = "https://example.com/credentials/1"
        outer.require(.payload, .signature, .expiry)
        outer.add(.payload, .passed, "an Open Badges 3.0 OpenBadgeCredential")
        outer.add(.signature, .failed, "quote \" backslash \\ newline \n tab \t control \u{01} slash / é", node: "did:key:z6Mk#z6Mk")
        outer.add(.expiry, .notChecked, "no dates")
        outer.endorsements = [inner.report()]
        outer.credentials = [inner.report(), inner.report()]
        return outer.report()
    }

    @Test("jsonText holds what the Codable form holds, members sorted by name, slashes unescaped")
    func sameAsCodable() throws {
        for report in [Self.sample(), ReportBuilder().report()] {
            let text = try report.jsonText()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let reference = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? NSDictionary
            let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
            #expect(ours == reference)
            #expect(try JSONDecoder().decode(VerificationReport.self, from: Data(text.utf8)) == report)
            #expect(!text.contains("\\/"))
            // Members in the order of their names, at every level.
            let keys = try #require(try JSONValue(parsing: text).objectValue).keys
            #expect(keys == keys.sorted() && keys.last == "verdict")
            #expect(try report.jsonText(prettyPrinted: true).contains("\n"))
        }
    }
}
