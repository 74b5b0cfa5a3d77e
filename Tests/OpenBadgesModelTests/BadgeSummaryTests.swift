import Foundation
import Testing
import OpenBadgesModel

@Suite("Wallet import summary")
struct BadgeSummaryTests {
    @Test("Credly OB 2.0: hosted, badge class and issuer to fetch", .enabled(if: Corpus.isAvailable))
    func credlyOB2() throws {
        let payload = try #require(try Corpus.pngText("png/credly-ob2-aws-ml-engineer-associate.png", keyword: "openbadges"))
        let s = try BadgeSummary(payload: payload)
        #expect(s.specVersion == .v2_0)
        #expect(s.payloadKind == .json)
        #expect(s.documentKind == "assertion")
        #expect(s.title == nil)  // lives in the BadgeClass, which is only an IRI here
        #expect(s.issuedOn == "2025-03-27T00:00:00Z")
        #expect(s.expires == "2028-03-27T00:00:00Z")
        #expect(s.recipient?.display == "hashed sha256")
        #expect(s.recipient?.salted == false)
        #expect(s.verification.mode == .hosted)
        #expect(s.verification.needsOnlineVerification)
        #expect(!s.verification.canVerifyOffline)
        #expect(s.verification.hostedURL == "https://www.credly.com/api/v1/obi/v2/badge_assertions/a388d729-fc22-4503-9eb8-684947932757")
        #expect(
            s.documentsToFetch == [
                "https://www.credly.com/api/v1/obi/v2/badge_assertions/a388d729-fc22-4503-9eb8-684947932757",
                "https://www.credly.com/api/v1/obi/v2/issuers/7b741b5c-231d-4925-8041-c64b6846f1c8/badge_classes/c6fc4fc3-4b4c-4f95-92e2-59c29ac0e451",
            ])
        #expect(s.evidence.isEmpty)
    }

    @Test("Credly OB 3.0: title is the achievement name, not the earner's name", .enabled(if: Corpus.isAvailable))
    func credlyOB3() throws {
        let payload = try #require(try Corpus.pngText("png/credly-ob3-lightbend-reactive-microservices.png", keyword: "openbadgecredential"))
        let s = try BadgeSummary(payload: payload)
        #expect(s.specVersion == .v3_0)
        #expect(s.title == "Reactive Architecture: Reactive Microservices - Level 2")
        #expect(s.credentialName == "重樹 庄司")
        #expect(s.description?.hasPrefix("Earners of this badge understand") == true)
        #expect(s.criteria?.url == "https://www.credly.com/org/lightbend/badge/reactive-architecture-reactive-microservices-level-2")
        #expect(s.criteria?.narrative?.hasPrefix("Course: Complete the Reactive Architecture") == true)
        #expect(s.image == "https://images.credly.com/images/f0e8e766-5af4-42ed-8eff-8e7210ed1d0f/LRA-ReactiveMicroservices-badge.png")
        #expect(s.issuer?.name == "Lightbend, Inc.")
        #expect(s.issuer?.url == "https://www.lightbend.com/")
        #expect(s.issuer?.email == "info@credly.com")
        #expect(s.issuer?.image == "https://images.credly.com/images/3f7446c9-2624-4c99-b947-3fc4fd366d07/blob.png")
        #expect(
            s.skills.filter { $0.source == .tag }.map(\.name) == [
                "Reactive Architecture", "Reactive Manifesto", "Reactive Microservices", "Reactive Systems", "Technology Architecture",
            ])
        #expect(
            s.skills.last
                == BadgeSummary.Skill(
                    name: "Certified Reactive Architect", framework: nil, code: nil,
                    url: "https://www.lightbend.com/certified-reactive-architect", source: .alignment))
        #expect(s.issuedOn == "2022-08-30T00:00:00Z")
        #expect(s.expires == nil)
        #expect(s.recipient?.display == "hashed sha256")
        #expect(s.recipient?.type == "emailAddress")
        #expect(s.verification.mode == .signed)
        #expect(s.verification.canVerifyOffline)
        #expect(!s.verification.needsOnlineVerification)
        #expect(s.verification.proofTypes == ["DataIntegrityProof eddsa-rdfc-2022"])
        #expect(s.documentsToFetch.isEmpty)
    }

    @Test(
        "hosted URL-only payloads list the document to fetch",
        arguments: [
            "https://openbadgefactory.com/v1/assertion/f7f5bc76de4cc1e96eeed3f367ac1f49f943631e.json",
            "  http://example.org/assertion\n",
        ])
    func urlOnly(payload: String) throws {
        let s = try BadgeSummary(payload: payload)
        let url = payload.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(s.payloadKind == .url)
        #expect(s.documentsToFetch == [url])
        #expect(s.verification.mode == .hosted)
        #expect(s.verification.hostedURL == url)
        #expect(s.title == nil && s.specVersion == nil)
        #expect(s.warnings.isEmpty)
    }

    @Test("a relative URL (Software Carpentry) is listed with a warning")
    func relativeURL() throws {
        let s = try BadgeSummary(payload: "instructor/devlin.catherine")
        #expect(s.documentsToFetch == ["instructor/devlin.catherine"])
        #expect(s.warnings.count == 1)
    }

    @Test("OB 1.0 hosted with IRIs (Software Carpentry, Oregon)", .enabled(if: Corpus.isAvailable))
    func ob1Hosted() throws {
        let swc = try BadgeSummary(payload: Corpus.text("json/swc-instructor-assertion-devlin.json"))
        #expect(swc.specVersion == .v1_0)
        #expect(
            swc.documentsToFetch == [
                "http://software-carpentry.org/badges/instructor/devlin.catherine.json",
                "http://software-carpentry.org/badges/class/instructor.json",
            ])
        #expect(swc.recipient?.display == "hashed sha256 (salted)")
        #expect(swc.image == "http://software-carpentry.org/img/badges/instructor.png")
        let oregon = try BadgeSummary(payload: #require(try Corpus.pngText("png/oregon-badge-alliance-ob1.png", keyword: "openbadges")))
        #expect(oregon.issuedOn == "2014-07-30T19:17:19Z")
        #expect(oregon.documentsToFetch.count == 2)
    }

    @Test("embedded OB 0.5 badge: everything from the payload")
    func ob05() throws {
        let s = try BadgeSummary(
            payload:
                #"{"recipient":"test@example.com","badge":{"version":"0.5.0","name":"Basic McBadge","image":"http://oldstyle.com/images/1","description":"A basic badge.","criteria":"http://oldsyle.com/criteria/1","issuer":{"origin":"http://oldstyle.com","name":"Basic Issuer","org":"Dept"}},"issued_on":"2011-12-31"}"#
        )
        #expect(s.specVersion == .v0_5)
        #expect(s.title == "Basic McBadge")
        #expect(s.criteria?.url == "http://oldsyle.com/criteria/1")
        #expect(s.issuer?.name == "Basic Issuer: Dept")
        #expect(s.issuer?.url == "http://oldstyle.com")
        #expect(s.recipient?.display == "test@example.com")
        #expect(s.issuedOn == "2011-12-31T00:00:00Z")
        #expect(s.verification.mode == .hosted)
        #expect(s.documentsToFetch.isEmpty)  // 0.5 had no hosted URL in the payload
    }

    @Test("fixture: embedded badge class, tags, alignment, evidence, naive date warning, issuer IRI to fetch")
    func ob2Fixture() throws {
        let s = try BadgeSummary(payload: Corpus.fixture("ob2-hosted-mixed-case-email.json"))
        #expect(s.title == "Bread Baking")
        #expect(s.image == "https://issuer.example.org/badges/bread.png")
        #expect(s.criteria?.narrative == "Bake *three* loaves.")
        #expect(s.skills.map(\.name) == ["baking", "bread", "Yeast fermentation"])
        #expect(s.skills[2].framework == "Baking Science" && s.skills[2].code == "YF-1")
        #expect(s.evidence.map(\.narrative) == ["Baked in class.", nil, nil])
        #expect(s.evidence.compactMap(\.url) == ["https://issuer.example.org/evidence/1", "https://issuer.example.org/evidence/2"])
        #expect(s.recipient?.display == "Alice@Example.ORG")
        #expect(s.issuer?.id == "https://issuer.example.org/profile")
        #expect(s.documentsToFetch == ["https://issuer.example.org/assertions/42", "https://issuer.example.org/profile"])
        #expect(s.warnings.contains { $0.contains("no time zone") })
    }

    @Test("fixture: OB 3.0 language maps, result descriptions, unsigned")
    func ob3Fixture() throws {
        let s = try BadgeSummary(payload: Corpus.fixture("ob3-language-map-unsigned.json"))
        #expect(s.title == "Bread Baking")
        #expect(s.description == "Bakes bread.")
        #expect(s.credentialName == "Alice Example")
        #expect(s.image == "data:image/png;base64,iVBORw0KGgo=")
        #expect(s.skills.map(\.source) == [.resultDescription, .alignment])
        #expect(s.skills[1].code == "BS-7")
        #expect(s.issuedOn == "2026-01-15T08:30:00.250Z")
        #expect(s.expires == "2031-01-15T00:00:00Z")
        #expect(s.recipient?.display == "hashed md5 (salted)")
        #expect(s.verification.mode == .unverifiable)
        #expect(s.documentsToFetch == ["https://issuer.example.org/profile"])
        #expect(s.evidence.first?.name == "Photo of the loaf")
    }

    @Test("JWS payloads are signed and verifiable offline", .enabled(if: Corpus.isAvailable))
    func jws() throws {
        let ob2 = try BadgeSummary(payload: Corpus.text("json/dcpv-ob2-signed-assertion.jwt"))
        #expect(ob2.payloadKind == .jws)
        #expect(ob2.verification.mode == .signed)
        #expect(ob2.verification.jwsAlgorithm == "RS256")
        #expect(!ob2.verification.needsOnlineVerification)
        #expect(!ob2.documentsToFetch.contains("https://example.org/beths-robotics-badge.json"))
        let ob3 = try BadgeSummary(payload: Corpus.text("ob3/dcpv-ob3-vc1.jwt"))
        #expect(ob3.specVersion == .v3_0)
        #expect(ob3.title == "Example University Degree")  // no achievement: the credential name is the only title
        #expect(ob3.credentialName == nil)
        #expect(ob3.issuedOn == "2010-01-01T00:00:00Z")
        #expect(ob3.issuer?.name == "Example University")
        #expect(ob3.recipient?.display == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        #expect(ob3.warnings.isEmpty)
    }

    @Test(
        "every corpus payload gives a summary that round-trips through JSON", .enabled(if: Corpus.isAvailable),
        arguments: CorpusDecodingTests.goodJSONFiles + CorpusDecodingTests.jwtFiles)
    func codable(file: String) throws {
        let s = try BadgeSummary(payload: Corpus.text(file))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(s)
        #expect(try JSONDecoder().decode(BadgeSummary.self, from: data) == s)
        let object = try JSONValue(parsing: [UInt8](data))
        #expect(object["verification"]?["mode"]?.stringValue == s.verification.mode.rawValue)
    }

    @Test(
        "verification type spellings",
        arguments: [
            ("hosted", OB2.VerificationKind.hosted), ("HostedBadge", .hosted), ("Hosted", .hosted), ("HOSTEDBADGE", .hosted),
            ("https://w3id.org/openbadges#HostedBadge", .hosted), ("signed", .signed), ("SignedBadge", .signed),
            ("Signed", .signed), ("other", .unknown),
        ])
    func verificationKinds(type: String, kind: OB2.VerificationKind) throws {
        #expect(OB2.VerificationKind(typeValue: type) == kind)
        let v = try OB2.VerificationObject(jsonText: #"{"type":"\#(type)"}"#)
        #expect(v.kind == kind && v.type == type)
    }

    @Test("a signed assertion outside a JWS cannot be verified offline")
    func signedJSON() throws {
        let s = try BadgeSummary(
            payload:
                #"{"id":"urn:uuid:1","recipient":{"identity":"a@b.c","hashed":false},"badge":"https://x.example/b","verification":{"type":"SignedBadge"},"issuedOn":"2020-01-01T00:00:00Z"}"#
        )
        #expect(s.verification.mode == .signed)
        #expect(!s.verification.canVerifyOffline)
        #expect(s.warnings.count == 1)
    }

    @Test("a revoked hosted assertion is read and reported")
    func revoked() throws {
        let s = try BadgeSummary(
            payload: #"{"@context":"https://w3id.org/openbadges/v2","id":"https://example.org/a/1","revoked":true,"revocationReason":"Issued in error"}"#)
        #expect(s.documentKind == "revokedAssertion")
        #expect(s.credentialID == "https://example.org/a/1")
        #expect(s.warnings == ["the issuer has revoked this badge: Issued in error"])
    }

    @Test("broken payloads throw typed errors")
    func broken() {
        #expect(throws: ModelError(.emptyInput, reason: "")) { try BadgeSummary(payload: " \n") }
        #expect(throws: ModelError(.invalidJSON, reason: "")) { try BadgeSummary(payload: "{verify:{url:1}}") }
        #expect(throws: ModelError(.unrecognisedDocument, reason: "")) { try BadgeSummary(payload: "not a badge at all") }
        #expect(throws: ModelError(.missingProperty, reason: "")) { try BadgeSummary(payload: #"{"recipient":"a@b.c"}"#) }
    }
}
