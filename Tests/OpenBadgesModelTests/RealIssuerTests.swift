import Foundation
import Testing
import OpenBadgesModel

@Suite("Real issuers' files", .enabled(if: Corpus.isAvailable))
struct RealIssuerTests {
    static let credlyOB3PNG = "png/credly-ob3-lightbend-reactive-microservices.png"

    func assertion(_ file: String) throws -> OB2.Assertion {
        guard case .assertion(let a) = try BadgeDocument(jsonText: Corpus.text(file)) else {
            throw ModelError(.unrecognisedDocument, reason: "\(file) is not an assertion")
        }
        return a
    }

    @Test("Credly OB 2.0 (AWS ML Engineer)")
    func credlyOB2() throws {
        let a = try assertion("json/credly-ob2-assertion-aws-ml-engineer.json")
        #expect(a.specVersion == .v2_0)
        #expect(a.id == "https://www.credly.com/api/v1/obi/v2/badge_assertions/a388d729-fc22-4503-9eb8-684947932757")
        #expect(
            a.badge.iri
                == "https://www.credly.com/api/v1/obi/v2/issuers/7b741b5c-231d-4925-8041-c64b6846f1c8/badge_classes/c6fc4fc3-4b4c-4f95-92e2-59c29ac0e451")
        #expect(a.recipient.type == "email")
        #expect(a.recipient.isHashed)
        #expect(a.recipient.salt == nil)
        #expect(a.recipient.hashAlgorithm == "sha256")
        #expect(a.verification?.type == "hosted")
        #expect(a.verificationKind == .hosted)
        #expect(a.issuedOn?.iso8601 == "2025-03-27T00:00:00Z")
        #expect(a.expires?.iso8601 == "2028-03-27T00:00:00Z")
        #expect(a.evidence.isEmpty)
        #expect(a.jsonValue["evidence"] == .array([]))
    }

    @Test("Credly OB 2.0 PNG payload is the same assertion, byte for byte when re-serialised")
    func credlyOB2PNG() throws {
        let text = try #require(try Corpus.pngText("png/credly-ob2-aws-ml-engineer-associate.png", keyword: "openbadges"))
        let document = try BadgeDocument(jsonText: text)
        #expect(document.jsonValue.serialized() == text)
        let fromJSONFile = try BadgeDocument(jsonText: Corpus.text("json/credly-ob2-assertion-aws-ml-engineer.json"))
        #expect(document == fromJSONFile)
    }

    @Test("Credly OB 3.0 (Lightbend) credential from the PNG")
    func credlyOB3() throws {
        let text = try #require(try Corpus.pngText(Self.credlyOB3PNG, keyword: "openbadgecredential"))
        guard case .achievementCredential(let c) = try BadgeDocument(jsonText: text) else { Issue.record("kind"); return }
        #expect(c.vcVersion == .v2_0)
        #expect(c.contextURLs.count == 3)
        #expect(c.type.contains("OpenBadgeCredential"))
        #expect(c.name?.text() == "重樹 庄司")
        #expect(c.validFrom?.iso8601 == "2022-08-30T00:00:00Z")
        #expect(c.issuanceDate == nil)
        guard case .object(let issuer) = c.issuer else { Issue.record("issuer"); return }
        #expect(issuer.id == "did:web:www.credly.com:api:v1:obi:v3:issuers:fb3d27de-4f33-4ab5-a458-8ed2084a0212")
        #expect(issuer.name?.text() == "Lightbend, Inc.")
        #expect(issuer.email == "info@credly.com")
        #expect(issuer.image?.object?.caption?.text() == "Logo of Lightbend, Inc.")
        let achievement = try #require(c.credentialSubject.achievement)
        #expect(achievement.name?.text() == "Reactive Architecture: Reactive Microservices - Level 2")
        #expect(achievement.achievementType == "Badge")
        #expect(achievement.tag.count == 5)
        #expect(achievement.alignment.first?.targetName?.text() == "Certified Reactive Architect")
        #expect(achievement.alignment.first?.targetDescription == nil)
        #expect(achievement.alignment.first?.json["targetDescription"] == .null)
        #expect(achievement.criteria?.id == "https://www.credly.com/org/lightbend/badge/reactive-architecture-reactive-microservices-level-2")
        let identifier = try #require(c.credentialSubject.identifier.first)
        #expect(identifier.hashed)
        #expect(identifier.identityType == "emailAddress")
        #expect(identifier.identityHash.hasPrefix("sha256$e81da682"))
        #expect(c.credentialStatus.map(\.type) == ["1EdTechRevocationList"])
        #expect(c.credentialSchema.first?.type == "1EdTechJsonSchemaValidator2019")
        #expect(c.proof.count == 1)
        #expect(c.proof.first?.cryptosuite == "eddsa-rdfc-2022")
        #expect(c.proof.first?.created?.iso8601 == "2025-10-31T14:18:01Z")
        let reparsed = try JSONValue(parsing: c.jsonValue.serialized())
        #expect(reparsed == (try JSONValue(parsing: text)))
    }

    @Test("NetLearning OB 2.0: HostedBadge, salted hash, Japanese evidence, +09:00 date")
    func netLearning() throws {
        let a = try assertion("json/netlearning-ob2-assertion.json")
        #expect(a.verification?.type == "HostedBadge")
        #expect(a.verificationKind == .hosted)
        #expect(a.recipient.salt == "9d222d1acd7885f32115f214d2d953fd")
        #expect(a.issuedOn?.iso8601 == "2025-02-20T15:00:00Z")
        #expect(a.evidence.first?.object?.name == "受講日程")
        #expect(a.evidence.first?.object?.description == "2025/02/18～2025/02/21")
        let png = try #require(try Corpus.pngText("png/netlearning-ob2-ttt.png", keyword: "openbadges"))
        #expect(try BadgeDocument(jsonText: png) == .assertion(a))
        #expect(a.jsonValue.serialized() == png)
    }

    @Test("Software Carpentry OB 1.0 assertion, badge class and issuer")
    func softwareCarpentry() throws {
        let a = try assertion("json/swc-instructor-assertion-devlin.json")
        #expect(a.specVersion == .v1_0)
        #expect(a.uid == a.recipient.identity)
        #expect(a.recipient.salt == "software-carpentry")
        #expect(a.issuedOn?.form == .dateOnly)
        #expect(a.verification?.url == "http://software-carpentry.org/badges/instructor/devlin.catherine.json")
        #expect(a.hostedURL == "http://software-carpentry.org/badges/instructor/devlin.catherine.json")
        #expect(a.badge.iri == "http://software-carpentry.org/badges/class/instructor.json")
        guard case .badgeClass(let b) = try BadgeDocument(jsonText: Corpus.text("json/swc-instructor-badgeclass.json")) else {
            Issue.record("badge class"); return
        }
        #expect(b.name == "Instructor")
        #expect(b.criteria?.iri == "http://software-carpentry.org/badges/instructor.html")
        #expect(b.issuer?.iri == "http://software-carpentry.org/badges/issuer.json")
        guard case .profile(let p) = try BadgeDocument(jsonText: Corpus.text("json/swc-issuer.json")) else { Issue.record("issuer"); return }
        #expect(p.name == "Software Carpentry:")
        #expect(p.email == "admin@software-carpentry.org")
        #expect(try Corpus.pngText("png/swc-instructor-relative-url.png", keyword: "openbadges") == "instructor/devlin.catherine")
    }

    @Test("Oregon Badge Alliance OB 1.0 PNG payload: Unix timestamp, MongoDB _id kept")
    func oregon() throws {
        let text = try #require(try Corpus.pngText("png/oregon-badge-alliance-ob1.png", keyword: "openbadges"))
        guard case .assertion(let a) = try BadgeDocument(jsonText: text) else { Issue.record("kind"); return }
        #expect(a.specVersion == .v1_0)
        #expect(a.uid == "2f900c7c-f473-4bff-8173-71b57472a97f")
        #expect(a.issuedOn?.form == .unixTimestamp)
        #expect(a.issuedOn?.iso8601 == "2014-07-30T19:17:19Z")
        #expect(a.recipient.salt == "UYMA1ybJ4UfqHJO4r3x7LjpGE0LEog")
        #expect(a.unknownProperties.keys == ["_id"])
        #expect(a.unknownProperties["_id"]?["$oid"]?.stringValue == "53d944bf1400005600451205")
        #expect(a.jsonValue.serialized() == text)
        #expect(a.hostedURL == "http://openbadges.oregonbadgealliance.org/api/assertions/53d944bf1400005600451205")
    }

    @Test("Open Badge Factory PNG: a hosted URL payload")
    func openBadgeFactory() throws {
        let text = try #require(try Corpus.pngText("png/obf-ob1-text-url.png", keyword: "openbadges"))
        let payload = try BadgePayload(text: text)
        #expect(payload == .url("https://openbadgefactory.com/v1/assertion/f7f5bc76de4cc1e96eeed3f367ac1f49f943631e.json"))
    }

    @Test("OB 0.5 and hybrid shapes")
    func legacy() throws {
        let a = try assertion("json/badgr-ob0.5-instance.json")
        #expect(a.specVersion == .v0_5)
        #expect(a.recipient.isLegacyString)
        #expect(a.recipient.identity == "test@example.com")
        #expect(!a.recipient.isHashed)
        #expect(a.issuedOn?.iso8601 == "2011-12-31T00:00:00Z")
        #expect(a.badge.object?.version == "0.5.0")
        #expect(a.badge.object?.issuer?.object?.url == "http://oldstyle.com")
        #expect(a.verificationKind == .hosted)
        let h = try assertion("json/nti-hybrid-0.5-assertion.json")
        #expect(h.specVersion == .v0_5)
        #expect(h.recipient.salt == "hashbrowns")
        #expect(h.recipient.isHashed)
        #expect(h.evidence.first?.iri == "http://p2pu.org/badges/html5-basic/bimmy")
        #expect(h.badge.object?.issuer?.object?.email == "admin@p2pu.org")
        #expect(h.jsonValue["recipient"]?.stringValue?.hasPrefix("sha256$") == true)
        let apache = try assertion("json/apache-training-ob2-assertion.json")
        #expect(apache.recipient.salt == nil)
        #expect(apache.recipient.json["salt"] == .null)
        #expect(apache.verificationKind == .hosted)
        let badgr = try assertion("json/badgr-ob2-assertion-embedded-badgeclass.json")
        #expect(badgr.verification?.url == "http://a.com/assertion-embedded1")
        #expect(badgr.badge.object?.criteria?.object?.narrative == "do it")
    }

    @Test("OB 2.0 revocation list, key, inline-context issuer, endorsements")
    func ob2Others() throws {
        guard case .revocationList(let list) = try BadgeDocument(jsonText: Corpus.text("json/dcpv-ob2-revocation-list.json")) else {
            Issue.record("kind"); return
        }
        #expect(list.revokedAssertions.count == 3)
        #expect(list.revokedAssertions[0].revocationReason == "A good reason, for sure")
        #expect(list.revokedAssertions[2].id == "urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4")
        #expect(list.entry(revoking: "urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9") != nil)
        guard case .cryptographicKey(let key) = try BadgeDocument(jsonText: Corpus.text("json/dcpv-ob2-key.json")) else {
            Issue.record("kind"); return
        }
        #expect(key.owner == "https://example.org/organization.json")
        #expect(key.publicKeyPem?.hasPrefix("-----BEGIN PUBLIC KEY-----") == true)
        guard case .profile(let p) = try BadgeDocument(jsonText: Corpus.text("json/dcpv-ob2-issuer-inline-context.json")) else {
            Issue.record("kind"); return
        }
        #expect(p.json["@context"]?.objectValue != nil)
        let e = try assertion("json/dcpv-ob2-assertion-with-endorsements.json")
        #expect(e.endorsement.compactMap(\.iri) == ["https://example.org/endorsement-1.json", "https://example.org/endorsement-2.json"])
        #expect(e.badge.object?.endorsement.count == 2)
        let rc = try assertion("json/rollercoaster-ob2-example.json")
        #expect(rc.badge.object?.issuer?.object?.verification?.allowedOrigins?.values == ["example.org"])
    }

    @Test("JFF plugfest credentials")
    func plugfests() throws {
        for (file, name, proofType) in [
            ("ob3/plugfest1-jff-ed25519sig2018.json", "Our Wallet Passed JFF Plugfest #1 2022", "Ed25519Signature2018"),
            ("ob3/plugfest2-jff-ed25519sig2020.json", nil, "Ed25519Signature2020"),
            ("ob3/plugfest3-jff-ed25519sig2018.json", nil, "Ed25519Signature2018"),
        ] as [(String, String?, String)] {
            guard case .achievementCredential(let c) = try BadgeDocument(jsonText: Corpus.text(file)) else { Issue.record("\(file)"); continue }
            #expect(c.vcVersion == .v1_1, "\(file)")
            #expect(c.issuanceDate != nil, "\(file)")
            #expect(c.validFrom == nil, "\(file)")
            #expect(c.proof.first?.type == proofType, "\(file)")
            #expect(c.credentialSubject.achievement?.name != nil, "\(file)")
            if let name { #expect(c.credentialSubject.achievement?.name?.text() == name) }
        }
        guard case .achievementCredential(let p1) = try BadgeDocument(jsonText: Corpus.text("ob3/plugfest1-jff-ed25519sig2018.json")) else { return }
        #expect(p1.issuer.id == "did:key:z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj")
        #expect(p1.credentialSubject.achievement?.image?.iri == "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/images/plugfest-1-badge-image.png")
        #expect(p1.proof.first?.jws?.contains("..") == true)
    }

    @Test("OB 3.0 proofs one or many, endorsement credential, VC 2.0 dates")
    func ob3Shapes() throws {
        guard case .achievementCredential(let two) = try BadgeDocument(jsonText: Corpus.text("ob3/dcc-v1-two-proofs.json")) else { return }
        #expect(two.proof.count == 2)
        guard case .endorsementCredential(let e) = try BadgeDocument(jsonText: Corpus.text("ob3/dcc-v2-endorsement-two-proofs.json")) else {
            Issue.record("kind"); return
        }
        #expect(e.proof.count == 2)
        guard case .achievementCredential(let late) = try BadgeDocument(jsonText: Corpus.text("ob3/dcc-v2-not-yet-valid.json")) else { return }
        #expect(late.validFrom?.iso8601.hasPrefix("2099-01-01") == true)
        guard case .achievementCredential(let complete) = try BadgeDocument(jsonText: Corpus.text("ob3/dcpv-ob3-complete.json")) else { return }
        #expect(complete.credentialSubject.creditsEarned?.text == "42")
        #expect(complete.credentialSubject.identifier.count == 2)
        #expect(
            complete.credentialSubject.achievement?.creator?.object?.endorsement.first?.credentialSubject.endorsementComment
                == "1EdTech University is in good standing")
        #expect(complete.validUntil != nil)
        #expect(complete.refreshService != nil)
        guard case .achievementCredential(let unknownProof) = try BadgeDocument(jsonText: Corpus.text("ob3/dcpv-ob3-unknown-plus-eddsa-proof.json")) else {
            return
        }
        #expect(unknownProof.proof.map(\.type) == ["SomeProofType", "DataIntegrityProof"])
    }
}
