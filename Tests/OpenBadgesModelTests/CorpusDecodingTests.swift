import Foundation
import Testing
import OpenBadgesModel

@Suite("Corpus: every JSON and JWT file", .enabled(if: Corpus.isAvailable))
struct CorpusDecodingTests {
    static let jsonFiles = Corpus.files(in: "json", extensions: ["json"]) + Corpus.files(in: "ob3", extensions: ["json"])
    static let jwtFiles = Corpus.files(in: "json", extensions: ["jwt"]) + Corpus.files(in: "ob3", extensions: ["jwt"])
    static let goodJSONFiles = jsonFiles.filter { Corpus.broken[$0] == nil }

    @Test("decodes without loss: re-encode, decode, equal model; text survives", arguments: goodJSONFiles)
    func decodesAndRoundTrips(file: String) throws {
        let text = try Corpus.text(file)
        let document = try BadgeDocument(jsonText: text)
        let again = try roundTrip(document)
        #expect(again == document)
        // Pretty-printed output too, and through Codable (JSONEncoder → our parser).
        #expect(try BadgeDocument(jsonText: document.jsonValue.serialized(pretty: true)) == document)
        #expect(try JSONValue(parsing: text) == document.jsonValue)
    }

    @Test("Codable encoding keeps every member and value", arguments: goodJSONFiles)
    func codable(file: String) throws {
        let document = try BadgeDocument(jsonText: Corpus.text(file))
        let encoded = try JSONEncoder().encode(document.jsonValue)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: encoded)
        #expect(Self.sortedKeys(decoded) == Self.sortedKeys(document.jsonValue))
    }

    static func sortedKeys(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            return .object(JSONObject(o.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        case .array(let a): return .array(a.map(sortedKeys))
        case .number(let n): return .number(JSONNumber(n.doubleValue))
        default: return v
        }
    }

    @Test("expected document kinds and versions")
    func kinds() throws {
        let expected: [String: (String, OpenBadgesVersion)] = [
            "json/badgr-ob0.5-instance.json": ("assertion", .v0_5),
            "json/nti-hybrid-0.5-assertion.json": ("assertion", .v0_5),
            "json/badgr-ob1.0-instance.json": ("assertion", .v1_0),
            "json/swc-instructor-assertion-devlin.json": ("assertion", .v1_0),
            "json/badgr-ob1.0-badgeclass.json": ("badgeClass", .v1_0),
            "json/swc-instructor-badgeclass.json": ("badgeClass", .v1_0),
            "json/badgr-ob1.0-issuer.json": ("profile", .v1_0),
            "json/swc-issuer.json": ("profile", .v1_0),
            "json/credly-ob2-assertion-aws-ml-engineer.json": ("assertion", .v2_0),
            "json/dcpv-ob2-issuer-inline-context.json": ("profile", .v2_0),
            "json/dcpv-ob2-key.json": ("cryptographicKey", .v2_0),
            "json/dcpv-ob2-revocation-list.json": ("revocationList", .v2_0),
            "ob3/dcc-v2-endorsement-two-proofs.json": ("endorsementCredential", .v3_0),
            "ob3/plugfest1-jff-ed25519sig2018.json": ("achievementCredential", .v3_0),
            "ob3/edubadges-ob3-unsigned-minimal.json": ("achievementCredential", .v3_0),
        ]
        for (file, (kind, version)) in expected {
            let d = try BadgeDocument(jsonText: Corpus.text(file))
            #expect(d.kindName == kind, "\(file)")
            #expect(d.specVersion == version, "\(file)")
        }
    }

    @Test("broken files give typed errors naming field and reason", arguments: Array(Corpus.broken.keys).sorted())
    func broken(file: String) throws {
        let (code, field) = Corpus.broken[file]!
        let bytes = try Corpus.data(file)
        do {
            _ = try BadgeDocument(jsonBytes: bytes)
            Issue.record("\(file) decoded although broken")
        } catch let e as ModelError {
            #expect(e.code == code)
            #expect(e.field == field)
            #expect(!e.reason.isEmpty)
        }
    }

    @Test("the impossible date is reported as such")
    func badDateReason() throws {
        do {
            _ = try BadgeDocument(jsonText: Corpus.text("json/badgr-ob1.0-instance-bad-date.json"))
            Issue.record("decoded")
        } catch let e as ModelError {
            #expect(e.description == "invalidDate at $.issuedOn: \"2015-04-31\": day 31 does not exist in 2015-04 (which has 30 days)")
        }
    }

    @Test("unknown properties and extensions survive")
    func unknownProperties() throws {
        // Velocity's VC-JWT extension members.
        let velocity = try SignedBadge(compact: Corpus.text("ob3/velocity-network-ob3.jwt").trimmingCharacters(in: .whitespacesAndNewlines))
        guard case .achievementCredential(let v) = velocity.document else { Issue.record("kind"); return }
        #expect(v.unknownProperties.keys.contains("contentHash"))
        #expect(v.unknownProperties.keys.contains("vnfProtocolVersion"))
        // edubadges: extension members on the achievement.
        guard case .achievementCredential(let e) = try BadgeDocument(jsonText: Corpus.text("ob3/edubadges-ob3-unsigned-minimal.json")) else {
            Issue.record("kind"); return
        }
        let extras = try #require(e.credentialSubject.achievement?.unknownProperties)
        #expect(extras.keys == ["participationType", "assessmentType", "identityChecked", "supervisionType", "ECTS"])
        #expect(extras["ECTS"]?.numberValue?.text == "3.0")
        #expect(try roundTrip(.achievementCredential(e)).jsonValue["credentialSubject"]?["achievement"]?["ECTS"]?.numberValue?.text == "3.0")
    }

    @Test("every JWT decodes (header, payload, signature) and its document round-trips", arguments: jwtFiles)
    func jwts(file: String) throws {
        let compact = try Corpus.text(file).trimmingCharacters(in: .whitespacesAndNewlines)
        let signed = try SignedBadge(compact: compact)
        #expect(signed.jws.algorithm == "RS256")
        #expect(signed.jws.signature.count == 256)
        let firstTwo = compact.split(separator: ".").prefix(2).joined(separator: ".")
        #expect(String(decoding: signed.jws.signingInput, as: UTF8.self) == firstTwo)
        #expect(try roundTrip(signed.document) == signed.document)
    }
}
