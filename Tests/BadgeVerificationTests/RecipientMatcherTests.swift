import BadgeTestSupport
import BadgeVerification
import Foundation
import OpenBadgesModel
import Testing

@Suite("Recipient matching")
struct RecipientMatcherTests {
    func ob2(_ json: String) throws -> OB2.IdentityObject {
        try OB2.IdentityObject(jsonValue: JSONValue(parsing: json), path: "$.recipient")
    }

    func ob3(_ json: String) throws -> OB3.IdentityObject {
        try OB3.IdentityObject(jsonValue: JSONValue(parsing: json), path: "$.credentialSubject.identifier[0]")
    }

    @Test("plaintext: exact, case-folded email reported distinctly, mismatch")
    func plaintext() throws {
        let r = try ob2(#"{"type":"email","hashed":false,"identity":"Alice@Example.ORG"}"#)
        #expect(RecipientMatcher.match("Alice@Example.ORG", against: r) == .matched)
        #expect(RecipientMatcher.match("alice@example.org", type: "email", against: r) == .matchedAfterCaseFolding)
        #expect(RecipientMatcher.match("bob@example.org", against: r) == .notMatched)
        #expect(RecipientMatcher.match("alice@example.org", type: "url", against: r) == .differentIdentityType)
        let url = try ob2(#"{"type":"url","hashed":false,"identity":"https://Alice.example.org/"}"#)
        #expect(RecipientMatcher.match("https://alice.example.org/", type: "url", against: url) == .notMatched)
    }

    @Test("sha256 salted (validator fixture), uppercase hex, case folding")
    func sha256Salted() throws {
        let r = try ob2(
            #"{"type":"email","hashed":true,"salt":"deadsea","identity":"sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"}"#)
        #expect(RecipientMatcher.match("nobody@example.org", against: r) == .matched)
        #expect(RecipientMatcher.match("Nobody@Example.org", against: r) == .matchedAfterCaseFolding)
        #expect(RecipientMatcher.match("nobody@example.org", type: "telephone", against: r) == .differentIdentityType)
        let upper = try ob2(
            #"{"type":"email","hashed":true,"salt":"deadsea","identity":"SHA256$ECF5409F3F4B91AB60CC5EF4C02AEF7032354375E70CF4D8E43F6A1D29891942"}"#)
        #expect(RecipientMatcher.match("nobody@example.org", against: upper) == .matched)
        #expect(
            RecipientMatcher.match(
                "nobody@example.org",
                against: try ob2(#"{"hashed":true,"salt":"deadsea2","identity":"sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"}"#))
                == .notMatched)
    }

    @Test("sha256 unsalted, null salt, OB 0.5 bare string")
    func sha256Unsalted() throws {
        let hash = "sha256$7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498"
        #expect(RecipientMatcher.match("alice@example.org", against: try ob2(#"{"type":"email","hashed":true,"identity":"\#(hash)"}"#)) == .matched)
        #expect(RecipientMatcher.match("alice@example.org", against: try ob2(#"{"type":"email","hashed":true,"salt":null,"identity":"\#(hash)"}"#)) == .matched)
        #expect(RecipientMatcher.match("alice@example.org", against: OB2.IdentityObject(legacyRecipient: hash, salt: nil)) == .matched)
    }

    @Test("md5 salted and unsalted")
    func md5() throws {
        #expect(
            RecipientMatcher.match(
                "alice@example.org", against: try ob2(#"{"type":"email","hashed":true,"salt":"pepper","identity":"md5$d8f6b2a7d7c9fd66a044603aa849ddbd"}"#))
                == .matched)
        #expect(
            RecipientMatcher.match("alice@example.org", against: try ob2(#"{"type":"email","hashed":true,"identity":"md5$fbf7c6aec1d4280b7c2704c1c0478bd6"}"#))
                == .matched)
        #expect(
            RecipientMatcher.match("ALICE@example.org", against: try ob2(#"{"type":"email","hashed":true,"identity":"md5$FBF7C6AEC1D4280B7C2704C1C0478BD6"}"#))
                == .matchedAfterCaseFolding)
    }

    @Test("malformed and unsupported hashes are results, not crashes")
    func badHashes() throws {
        #expect(
            RecipientMatcher.match("a@b.c", against: try ob2(#"{"hashed":true,"identity":"sha1$28d50415252ab6c689a54413da15b083034b66e5"}"#))
                == .unsupportedHashAlgorithm)
        #expect(RecipientMatcher.match("a@b.c", against: try ob2(#"{"hashed":true,"identity":"sha256$abc"}"#)) == .malformedHash)
        #expect(RecipientMatcher.match("a@b.c", against: try ob2(#"{"hashed":true,"identity":"deadbeef"}"#)) == .malformedHash)
        #expect(
            RecipientMatcher.match("a@b.c", against: try ob2(#"{"hashed":true,"identity":"sha256$zz\#(String(repeating: "0", count: 62))"}"#)) == .malformedHash
        )
    }

    @Test("OB 3.0 identityHash: spec examples, plaintext, types")
    func ob3Identity() throws {
        let spec = try ob3(
            #"{"type":"IdentityObject","hashed":true,"identityHash":"sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399","identityType":"emailAddress","salt":"Kosher"}"#
        )
        #expect(RecipientMatcher.match("a@example.com", identityType: "emailAddress", against: spec) == .matched)
        #expect(RecipientMatcher.match("a@example.com", identityType: "email", against: spec) == .matched)
        #expect(RecipientMatcher.match("A@example.com", against: spec) == .matchedAfterCaseFolding)
        #expect(RecipientMatcher.match("a@example.com", identityType: "phone", against: spec) == .differentIdentityType)
        let guide = try ob3(
            #"{"type":"IdentityObject","hashed":true,"identityHash":"sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc","identityType":"email","salt":"FleurDeSel"}"#
        )
        #expect(RecipientMatcher.match("jjefferson18@example.com", against: guide) == .matched)
        let plain = try ob3(#"{"type":"IdentityObject","hashed":false,"identityHash":"student@1edtech.edu","identityType":"emailAddress","salt":"not-used"}"#)
        #expect(RecipientMatcher.match("student@1edtech.edu", against: plain) == .matched)
        #expect(RecipientMatcher.match("Student@1EdTech.edu", against: plain) == .matchedAfterCaseFolding)
    }

    @Test("OB 3.0 subject: best of identifiers and id", .enabled(if: SharedFiles.hasCorpus, Comment(rawValue: SharedFiles.corpusMissing)))
    func ob3Subject() throws {
        guard
            case .achievementCredential(let c) = try BadgeDocument(
                jsonText: String(contentsOf: SharedFiles.corpusFile("ob3/dcpv-ob3-complete.json"), encoding: .utf8))
        else { return }
        #expect(RecipientMatcher.match("somebody@gmail.com", against: c.credentialSubject) == .matched)
        #expect(RecipientMatcher.match("did:example:ebfeb1f712ebc6f1c276e12ec21", against: c.credentialSubject) == .matched)
        #expect(RecipientMatcher.match("nobody@gmail.com", against: c.credentialSubject) == .notMatched)
    }

    @Test("fixture: uppercase MD5 identityHash inside a language-map credential")
    func fixture() throws {
        guard
            case .achievementCredential(let c) = try BadgeDocument(
                jsonText: String(
                    contentsOf: SharedFiles.packageRoot.appendingPathComponent("Tests/Fixtures/model/ob3-language-map-unsigned.json"), encoding: .utf8))
        else {
            Issue.record("kind"); return
        }
        #expect(RecipientMatcher.match("alice@example.org", identityType: "emailAddress", against: c.credentialSubject) == .matched)
    }

    @Test("identityHash(of:salt:algorithm:)")
    func computeHash() {
        #expect(
            RecipientMatcher.identityHash(of: "nobody@example.org", salt: "deadsea", algorithm: "sha256")
                == "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942")
        #expect(RecipientMatcher.identityHash(of: "alice@example.org", salt: nil, algorithm: "MD5") == "md5$fbf7c6aec1d4280b7c2704c1c0478bd6")
        #expect(RecipientMatcher.identityHash(of: "x", salt: nil, algorithm: "sha1") == nil)
    }
}
