import Testing
@testable import OpenBadgesModel

/// Issue 12 §3: payload text is handled on UTF-8 bytes or Unicode scalars, never grapheme clusters, so that
/// one cluster of a million combining marks costs what a million letters do. The inputs are built here at a
/// size that finishes at once when the handling is linear; the assertions are on the outcomes.
@Suite struct HostileTextTests {
    /// `a` followed by `marks` combining acute accents: one grapheme cluster of 1 + 2 × marks bytes.
    static func cluster(_ marks: Int) -> String { "a" + String(repeating: "\u{301}", count: marks) }

    @Test func oneGraphemeClusterIsAURLTokenTrimmedOnBytes() throws {
        let text = Self.cluster(1_000_000)
        guard case .url(let url) = try BadgePayload(text: " \r\n\u{FEFF}" + text + "\n\t ") else {
            Issue.record("expected a URL payload")
            return
        }
        #expect(Array(url.utf8) == Array(text.utf8))
        // Nothing to trim: the text itself.
        guard case .url(let same) = try BadgePayload(text: text) else { return }
        #expect(same.utf8.count == text.utf8.count)
    }

    @Test func clustersDoNotHideJSONOrFakeAJWS() throws {
        // "{" followed by combining marks is one Character that is not "{"; on bytes it is JSON, and invalid.
        #expect(throws: ModelError.self) { try BadgePayload(text: "{" + String(repeating: "\u{301}", count: 500_000)) }
        // A JWS shape whose segments carry combining marks is not base64url.
        let fake = "eyJ" + String(repeating: "\u{301}", count: 300_000) + ".e30.c2ln"
        #expect(!BadgePayload.looksLikeJWS(fake))
        #expect(throws: ModelError.self) { try JWS(compact: fake) }
        #expect(BadgePayload.looksLikeJWS("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
    }

    @Test func aLongRunIsOneToken() throws {
        let run = String(repeating: "a", count: 4_000_000)
        guard case .url(let url) = try BadgePayload(text: run) else {
            Issue.record("expected a URL payload")
            return
        }
        #expect(url.utf8.count == run.utf8.count)
        // The summary quotes an excerpt, not the whole payload, in its warning.
        let summary = try BadgeSummary(payload: run)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.allSatisfy { $0.utf8.count < 400 })
    }

    @Test func jsonStringOfOneClusterParses() throws {
        let text = Self.cluster(1_000_000)
        let value = try JSONValue(parsing: #"{"name":""# + text + #"","caf\u00e9":1,"cafe\u0301":2}"#)
        #expect(value["name"]?.stringValue?.utf8.count == text.utf8.count)
        #expect(value.objectValue?.count == 3)
    }

    @Test func typeNamesAreSplitOnBytes() throws {
        let long = "https://example.org/vocab#" + Self.cluster(200_000)
        let names = BadgeDocument.typeNames(.array([.string(long), .string("https://w3id.org/openbadges#Assertion"), .string("::")]))
        #expect(names.count == 3)
        #expect(names[0].utf8.count == Self.cluster(200_000).utf8.count)
        #expect(names[1] == "assertion")
        #expect(names[2] == "::")
    }
}
