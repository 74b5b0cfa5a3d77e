import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing

@testable import BadgeVerification
import OpenBadgesModel

/// Credentials crafted as an attacker would: a valid signature by a key nothing ties to the issuer, JSON that shows
/// something other than what was signed, status lists signed by anyone. Fresh keys each run; each case asserts
/// the exact verdict and the failing check, beside a genuine control.
@Suite("OB 3.0 attacks")
struct OB3AttackTests {
    static let issuer = Ed25519Key()
    static let attacker = Ed25519Key()
    static let issuerID = "https://issuer.example/profile"

    func verify(_ payload: String, documents: [String: String] = [:]) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: payload)
    }

    /// A credential by the did:key issuer with an achievement, status and expiry a wallet would show.
    func genuine(validUntil: String? = "2030-01-01T00:00:00Z", extra: [(String, JSONValue)] = []) -> JSONObject {
        var subject = OB3Factory.subject()
        subject["type"] = ["AchievementSubject"]
        subject["achievement"] = [
            "id": "urn:uuid:achievement-1", "type": ["Achievement"], "name": "Genuine Badge", "description": "What was really earned.",
            "criteria": ["narrative": "Did the work."],
        ]
        return OB3Factory.credential(issuer: Self.issuer.didKey, subject: subject, validUntil: validUntil, extra: extra)
    }

    func signed(_ credential: JSONObject, key: Ed25519Key = issuer) throws -> JSONObject {
        try OB3Factory.sign(credential, key: key.privateKey, method: key.didKeyMethod)
    }

    // MARK: Check what was signed

    @Test("control: a genuine eddsa-rdfc-2022 credential verifies with signedData passed")
    func genuineControl() async throws {
        let report = try await verify(OB3Factory.text(try signed(genuine())))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.signedData) == .passed)
    }

    @Test("a member named as a published term but outside any context here (so unsigned) fails signedData")
    func unsignedPublishedName() async throws {
        // `expires` and `nonce` are terms of the proof's scoped context only: at the credential's top level no
        // context defines them, expansion drops them, and a reader of the JSON would see unsigned data.
        for (name, value) in [("expires", JSONValue.string("2099-01-01T00:00:00Z")), ("nonce", .string("x"))] {
            var forged = try signed(genuine())
            forged[name] = value
            let report = try await verify(OB3Factory.text(forged))
            expectSignedButNotShown(report, "/\(name): the JSON shows \(name), but the signed data has no \(name) here")
        }
    }

    /// The proof verifies (the signed dataset is unchanged) while `signedData` fails, saying where and what: each
    /// disagreement's path is the JSON's.
    func expectSignedButNotShown(_ report: VerificationReport, _ disagreements: String) {
        #expect(report.status(.signature) == .passed, "the signed dataset is unchanged: \(report.summaryText)")
        #expect(report.status(.signedData) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
        #expect(report.check(.signedData)?.message == "the JSON does not show what was signed: " + disagreements)
    }

    /// Edits a signed credential's achievement JSON.
    func editAchievement(_ credential: JSONObject, _ edit: (inout JSONObject) -> Void) throws -> JSONObject {
        var credential = credential
        var subject = try #require(credential["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        edit(&achievement)
        subject["achievement"] = .object(achievement)
        credential["credentialSubject"] = .object(subject)
        return credential
    }

    @Test("a forged title behind @nest and a language-only value object keeps the proof valid but fails signedData")
    func nestedTitle() async throws {
        let forged = try editAchievement(try signed(genuine())) { achievement in
            achievement["name"] = nil
            achievement["@nest"] = ["name": "Genuine Badge"]
            achievement["name"] = ["@language": "Doctor of Medicine"]
        }
        let report = try await verify(OB3Factory.text(forged))
        expectSignedButNotShown(
            report,
            "/credentialSubject/achievement/@nest: the JSON-LD keyword @nest makes the JSON differ from the signed data; "
                + "/credentialSubject/achievement/name: the JSON shows an object, the signed data \"Genuine Badge\"")
    }

    @Test("a value object among several values is located by its index")
    func valueObjectInArray() throws {
        // The models refuse such a tag before verification; the comparison itself still locates it.
        let document = try editAchievement(genuine()) { $0["tag"] = ["swift", ["@value": "badges"], "more"] }
        var agreement = SignedDataAgreement(vocabulary: BundledContexts.vocabulary)
        agreement.compare(document: document, expanded: try OB3Factory.processor().expand(.object(document)))
        #expect(agreement.disagreements == [#"/credentialSubject/achievement/tag/1: the JSON shows an object, the signed data "badges""#])
    }

    @Test("a node's id or a type shown as text differs from the signed one when its code points differ, however alike they look")
    func canonicallyEquivalentTextIsNotTheSignedText() throws {
        // Composed é (U+00E9) and e + U+0301: Swift's `==` calls them equal, IRIs and JSON do not.
        func document(_ accent: String) -> JSONObject {
            var document = genuine()
            document["issuer"] = .string("https://issuer.example/caf" + accent)
            document["type"] = ["VerifiableCredential", "OpenBadgeCredential", .string("https://types.example/caf" + accent)]
            return document
        }
        let (composed, decomposed) = (document("\u{E9}"), document("e\u{301}"))
        let signed = try OB3Factory.processor().expand(.object(composed))
        var control = SignedDataAgreement(vocabulary: BundledContexts.vocabulary)
        control.compare(document: composed, expanded: signed)
        #expect(control.disagreements.isEmpty, "\(control.disagreements)")
        var agreement = SignedDataAgreement(vocabulary: BundledContexts.vocabulary)
        agreement.compare(document: decomposed, expanded: signed)
        #expect(agreement.disagreements.count == 2, "\(agreement.disagreements)")
        #expect(agreement.disagreements.contains { $0.hasPrefix("/type: the JSON's types") })
        #expect(agreement.disagreements.contains("/issuer: the JSON shows the text \"https://issuer.example/cafe\u{301}\" where the signed data has a node"))
    }

    @Test(
        "a value object where text is expected fails signedData",
        arguments: [
            #"{"@value":"Genuine Badge"}"#, #"{"@value":"Genuine Badge","@language":"en"}"#, #"["Genuine Badge"]"#,
        ])
    func valueObject(_ shown: String) async throws {
        let value = try JSONValue(parsing: shown)
        let edited = try editAchievement(try signed(genuine())) { $0["name"] = value }
        let report = try await verify(OB3Factory.text(edited))
        if shown.hasPrefix("[") {
            // An array of one value is the same statement: JSON-LD's sets.
            #expect(report.verdict == .verified, "\(report.summaryText)")
        } else {
            // A language tag changes the signed literal (signature); a plain value object does not (signedData).
            #expect(report.status(.signedData) == .failed || report.status(.signature) == .failed, "\(report.summaryText)")
            #expect(report.verdict == .failed)
        }
    }

    @Test("revocation and expiry hidden under @nest fail, with the proof still valid", arguments: ["credentialStatus", "validUntil"])
    func hiddenUnderNest(_ key: String) async throws {
        let listURL = "https://issuer.example/status/1"
        let list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [5], issuer: Self.issuer)
        let credential = try signed(
            genuine(validUntil: "2025-02-01T00:00:00Z", extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: 5))]))
        // As signed: revoked and expired.
        let plain = try await verify(OB3Factory.text(credential), documents: [listURL: OB3Factory.text(list)])
        #expect(plain.verdict == .failed)
        var hidden = credential
        let moved = try #require(hidden[key])
        hidden[key] = nil
        hidden["@nest"] = .object([key: moved])
        let report = try await verify(OB3Factory.text(hidden), documents: [listURL: OB3Factory.text(list)])
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.signedData) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    static let dateTime = "http://www.w3.org/2001/XMLSchema#dateTime"

    @Test(
        "an inline context alias for a signed property or keyword fails signedData",
        arguments: [
            ("validUntil", "expiresAt", #"{"@id":"https://www.w3.org/2018/credentials#validUntil","@type":"http://www.w3.org/2001/XMLSchema#dateTime"}"#),
            ("id", "ident", #""@id""#),
            ("validUntil", "https://www.w3.org/2018/credentials#validUntil", nil),
        ] as [(String, String, String?)])
    func alias(_ original: String, _ renamed: String, _ definition: String?) async throws {
        var credential = try signed(genuine(validUntil: "2025-02-01T00:00:00Z"))
        var value = try #require(credential[original])
        if let definition {
            credential["@context"] = .array((credential["@context"]?.asArray ?? []) + [.object([renamed: try JSONValue(parsing: definition)])])
        } else {
            // An absolute IRI as the key, with the typed value the context would have given.
            value = ["@value": value, "@type": .string(Self.dateTime)]
        }
        credential[original] = nil
        credential[renamed] = value
        let report = try await verify(OB3Factory.text(credential))
        #expect(report.status(.signature) == .passed, "the dataset is unchanged: \(report.summaryText)")
        #expect(report.status(.signedData) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    @Test("a signed JCS credential needs no read-back; an inline context adding a new term is accepted")
    func newInlineTerm() async throws {
        var credential = genuine()
        credential["@context"] = .array((credential["@context"]?.asArray ?? []) + [["favouriteColour": "https://example.org/vocab#favouriteColour"]])
        credential["favouriteColour"] = "green"
        let report = try await verify(OB3Factory.text(try signed(credential)))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.signedData) == .passed)
    }

    // MARK: Unbound keys

    @Test("a VC-JWT naming an https issuer, signed by the attacker's jwk: indeterminate offline, failed when the issuer's profile does not list it")
    func jwkHeader() async throws {
        let credential = OB3Factory.credential(issuer: Self.issuerID)
        let token = try OB3Factory.jwt(
            OB3Factory.jwtPayload(credential), header: ["jwk": .object(OB3Factory.JWTKey.ed25519(Self.attacker.privateKey).publicJWK)],
            key: .ed25519(Self.attacker.privateKey))
        let offline = try await verify(token)
        #expect(offline.status(.signature) == .passed)
        #expect(offline.status(.issuerBinding) == .notChecked)
        #expect(offline.verdict == .indeterminate)
        let profile = OB3GeneratedTests.issuerProfile(Self.issuerID, key: Self.issuer)
        let online = try await verify(token, documents: [Self.issuerID: profile])
        #expect(online.status(.issuerBinding) == .failed, "\(online.summaryText)")
        #expect(online.verdict == .failed)
        // Control: the issuer's own key in the jwk header, which its profile lists.
        let genuineToken = try OB3Factory.jwt(
            OB3Factory.jwtPayload(credential), header: ["jwk": .object(OB3Factory.JWTKey.ed25519(Self.issuer.privateKey).publicJWK)],
            key: .ed25519(Self.issuer.privateKey))
        let control = try await verify(genuineToken, documents: [Self.issuerID: profile])
        #expect(control.verdict == .verified, "\(control.summaryText)")
        #expect(control.status(.issuerBinding) == .passed)
    }

    @Test("a Data Integrity key taken from an unfetchable URL's fragment, or from a key document on the attacker's host naming the issuer as controller")
    func unboundDataIntegrityKeys() async throws {
        let profile = OB3GeneratedTests.issuerProfile(Self.issuerID, key: Self.issuer)
        let credential = OB3Factory.credential(issuer: Self.issuerID)
        let fragment = try OB3Factory.sign(credential, key: Self.attacker.privateKey, method: "https://keys.attacker.example/k#\(Self.attacker.multikey)")
        let offline = try await verify(OB3Factory.text(fragment))
        #expect(offline.status(.signature) == .passed)
        #expect(offline.status(.issuerBinding) == .notChecked)
        #expect(offline.verdict == .indeterminate)
        let online = try await verify(OB3Factory.text(fragment), documents: [Self.issuerID: profile])
        #expect(online.status(.issuerBinding) == .failed, "\(online.summaryText)")

        let method = "https://keys.attacker.example/key-1"
        let keyDocument = #"{"id":"\#(method)","type":"Multikey","controller":"\#(Self.issuerID)","publicKeyMultibase":"\#(Self.attacker.multikey)"}"#
        let claimed = try OB3Factory.sign(credential, key: Self.attacker.privateKey, method: method)
        let unconfirmed = try await verify(OB3Factory.text(claimed), documents: [method: keyDocument])
        #expect(unconfirmed.verdict == .indeterminate, "\(unconfirmed.summaryText)")
        let denied = try await verify(OB3Factory.text(claimed), documents: [method: keyDocument, Self.issuerID: profile])
        #expect(denied.status(.issuerBinding) == .failed)
        #expect(denied.verdict == .failed)
        // Control: the issuer's own profile lists the key it signed with.
        let control = try await verify(
            OB3Factory.text(try OB3Factory.sign(credential, key: Self.issuer.privateKey, method: Self.issuerID + "#key-1")),
            documents: [Self.issuerID: profile])
        #expect(control.verdict == .verified, "\(control.summaryText)")
    }

    // MARK: Status lists

    @Test("a BitstringStatusList signed by someone other than the issuer is not trusted")
    func foreignStatusList() async throws {
        let listURL = "https://issuer.example/status/2"
        let credential = try signed(genuine(extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: 9))]))
        let foreign = try OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.attacker)
        let report = try await verify(OB3Factory.text(credential), documents: [listURL: OB3Factory.text(foreign)])
        #expect(report.status(.revocation) == .notChecked, "\(report.summaryText)")
        #expect(report.verdict == .indeterminate)
        let own = try OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.issuer)
        let control = try await verify(OB3Factory.text(credential), documents: [listURL: OB3Factory.text(own)])
        #expect(control.status(.revocation) == .passed)
        #expect(control.verdict == .verified, "\(control.summaryText)")
    }

    // MARK: Smaller points

    @Test("a proof without proofPurpose does not assert the credential")
    func missingProofPurpose() async throws {
        var options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(Self.issuer.didKeyMethod),
        ]
        let credential = try DataIntegrity.sign(genuine(), proofOptions: options, key: Self.issuer.privateKey, processor: OB3Factory.processor())
        let report = try await verify(OB3Factory.text(credential))
        #expect(report.status(.signature) == .failed, "\(report.summaryText)")
        #expect(report.check(.proof)?.message.contains("proofPurpose is missing") == true)
        options["proofPurpose"] = "assertionMethod"
        #expect(
            try await verify(
                OB3Factory.text(
                    try DataIntegrity.sign(
                        genuine(), proofOptions: options, key: Self.issuer.privateKey,
                        processor: OB3Factory.processor()))
            ).verdict == .verified)
    }

    @Test("a VC-JWT with a crit header fails", arguments: [#"["b64"]"#, #"["exp"]"#, #"[]"#])
    func criticalHeader(_ critical: String) async throws {
        let key = OB3Factory.JWTKey.ed25519(Self.issuer.privateKey)
        let payload = OB3Factory.jwtPayload(genuine())
        let token = try OB3Factory.jwt(payload, header: ["kid": .string(Self.issuer.didKeyMethod), "crit": try JSONValue(parsing: critical)], key: key)
        let report = try await verify(token)
        #expect(report.status(.signature) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
        #expect(try await verify(try OB3Factory.jwt(payload, header: ["kid": .string(Self.issuer.didKeyMethod)], key: key)).verdict == .verified)
    }
}
