import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing
import _CryptoExtras

@testable import BadgeVerification
import OpenBadgesModel

/// OB 3.0 credentials signed by the tests: each check passes on a good credential and fails on a tampered one.
@Suite("OB 3.0 generated credentials")
struct OB3GeneratedTests {
    static let issuer = Ed25519Key()
    static let other = Ed25519Key()

    func verify(_ payload: String, documents: [String: String] = [:], identity: String? = nil) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        let options = VerificationOptions.forTests(loader: folder.loader, identity: identity.map(RecipientIdentity.init(guessing:)), now: ob3Now)
        return await BadgeVerifier(options: options).verify(payload: payload)
    }

    func signed(_ credential: JSONObject, key: Ed25519Key = issuer, suite: String = "eddsa-rdfc-2022") throws -> String {
        OB3Factory.text(try OB3Factory.sign(credential, key: key.privateKey, method: key.didKeyMethod, suite: suite))
    }

    // MARK: Data Integrity

    @Test(
        "eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020 with a did:key issuer",
        arguments: ["eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"])
    func dataIntegrity(_ suite: String) async throws {
        let credential = suite == "Ed25519Signature2020" ? Self.vc11(issuer: Self.issuer.didKey) : OB3Factory.credential(issuer: Self.issuer.didKey)
        let report = try await verify(try signed(credential, suite: suite))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.method == "data-integrity")
        for id in [CheckID.payload, .proof, .signature, .issuerBinding, .undefinedTerms, .expiry] {
            #expect(report.status(id) == .passed, "\(id): \(report.check(id)?.message ?? "did not run")")
        }
    }

    /// A VC 1.1 credential with the Ed25519Signature2020 context (the suite's terms are not in VC 1.1 or 2.0).
    static func vc11(issuer: String) -> JSONObject {
        var v1 = OB3Factory.credential(issuer: issuer, extra: [("issuanceDate", "2025-01-01T00:00:00Z")])
        v1["@context"] = [
            "https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://w3id.org/security/suites/ed25519-2020/v1",
        ]
        v1["validFrom"] = nil
        return v1
    }

    @Test("prepare() running beside verifications changes no verdict: genuine verifies, tampered fails")
    func prepareChangesNoVerdict() async throws {
        let genuine = try signed(OB3Factory.credential(issuer: Self.issuer.didKey))
        let tampered = genuine.replacingOccurrences(of: "Swift verification badge", with: "Swift verification badgf")
        #expect(tampered != genuine)
        let verdicts = try await withThrowingTaskGroup(of: (Bool, Verdict)?.self) { group in
            group.addTask {
                await BadgeVerifier.prepare()
                return nil
            }
            for index in 0..<6 {
                let text = index.isMultiple(of: 2) ? genuine : tampered
                group.addTask { (index.isMultiple(of: 2), try await verify(text).verdict) }
            }
            var verdicts: [(genuine: Bool, verdict: Verdict)] = []
            for try await outcome in group { if let outcome { verdicts.append(outcome) } }
            return verdicts
        }
        #expect(verdicts.count == 6)
        for (isGenuine, verdict) in verdicts { #expect(verdict == (isGenuine ? .verified : .failed)) }
        await BadgeVerifier.prepare()  // twice: nothing changes
        #expect(try await verify(genuine).verdict == .verified)
    }

    @Test("a preparation runs once however many ask at once; waiting returns when it ends, at once when none runs")
    func preparationInFlight() async {
        final class Log: @unchecked Sendable {
            let lock = Lock()
            var runs = 0
            var finished = false
        }
        let inFlight = PreparationInFlight()
        let log = Log()
        await inFlight.wait()  // none runs
        let work: @Sendable () async -> Void = {
            log.lock.withLock { log.runs += 1 }
            try? await Task.sleep(nanoseconds: 300_000_000)
            log.lock.withLock { log.finished = true }
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { await inFlight.run(work) } }
            group.addTask {
                try? await Task.sleep(nanoseconds: 10_000_000)
                await inFlight.wait()
                // Whenever it returns, the preparation it may have waited for has ended.
                #expect(log.lock.withLock { log.runs == 0 || log.finished })
            }
        }
        #expect(log.runs == 1 && inFlight.started == 1)
        await inFlight.run(work)
        #expect(log.runs == 2 && inFlight.started == 2, "a later call runs the work again")
    }

    @Test("tampering after signing fails the signature", arguments: ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
    func tamperedSignature(_ suite: String) async throws {
        var document = try OB3Factory.sign(
            OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod, suite: suite)
        document["name"] = "Another badge"
        let report = try await verify(OB3Factory.text(document))
        #expect(report.status(.signature) == .failed)
        #expect(report.status(.issuerBinding) == .notChecked)
        #expect(report.verdict == .failed)
    }

    @Test func proofValueNotMultibaseFails() async throws {
        var document = try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        var proof = try #require(document["proof"]?.objectValue)
        proof["proofValue"] = "not-multibase"
        document["proof"] = .object(proof)
        #expect(try await verify(OB3Factory.text(document)).status(.signature) == .failed)
    }

    @Test("a second, broken proof is reported but one valid proof verifies")
    func severalProofs() async throws {
        let first = try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        // A proof by a key that signed another document.
        let foreign = try OB3Factory.sign(
            OB3Factory.credential(issuer: Self.issuer.didKey, id: "urn:uuid:other"), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        var document = first
        document["proof"] = .array([first["proof"]!, foreign["proof"]!])
        let report = try await verify(OB3Factory.text(document))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.checks.filter { $0.id == .proof }.map(\.status) == [.passed, .warning])
        // Both broken: the signature fails.
        document["name"] = "changed"
        #expect(try await verify(OB3Factory.text(document)).status(.signature) == .failed)
    }

    @Test("proofPurpose other than assertionMethod is refused")
    func proofPurpose() async throws {
        var options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(Self.issuer.didKeyMethod), "proofPurpose": "authentication",
        ]
        let document = try DataIntegrity.sign(
            OB3Factory.credential(issuer: Self.issuer.didKey), proofOptions: options, key: Self.issuer.privateKey, processor: OB3Factory.processor())
        options["proofPurpose"] = "assertionMethod"
        #expect(try await verify(OB3Factory.text(document)).status(.signature) == .failed)
    }

    // MARK: Issuer binding

    @Test("a did:key that is not the issuer fails issuer binding")
    func foreignDidKey() async throws {
        let report = try await verify(try signed(OB3Factory.credential(issuer: Self.other.didKey), key: Self.issuer))
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.issuerBinding) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test("with two valid proofs, the one by the issuer's key decides the binding")
    func bindingPrefersIssuerKey() async throws {
        let byOther = try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.other.privateKey, method: Self.other.didKeyMethod)
        let both = try OB3Factory.sign(byOther, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        #expect(DataIntegrity.proofs(of: both).count == 2)
        let report = try await verify(OB3Factory.text(both))
        #expect(report.status(.issuerBinding) == .passed, "\(report.summaryText)")
        #expect(report.verdict == .verified)
    }

    @Test("did:jwk issuer (self-certifying)")
    func didJWK() async throws {
        let did = "did:jwk:" + Base64URL.encode(Array(OB3Factory.text(Self.issuer.jwk).utf8))
        let document = try OB3Factory.sign(OB3Factory.credential(issuer: did), key: Self.issuer.privateKey, method: did + "#0")
        let report = try await verify(OB3Factory.text(document))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
    }

    static func didDocument(_ did: String, key: Ed25519Key, controller: String? = nil) -> String {
        """
        {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"\(did)",
        "verificationMethod":[{"id":"\(did)#key-1","type":"Multikey","controller":"\(controller ?? did)","publicKeyMultibase":"\(key.multikey)"}],
        "assertionMethod":["\(did)#key-1"]}
        """
    }

    @Test("did:web issuer resolved over HTTPS through the offline loader")
    func didWeb() async throws {
        let did = "did:web:issuer.example:badges"
        let document = try OB3Factory.sign(OB3Factory.credential(issuer: did), key: Self.issuer.privateKey, method: did + "#key-1")
        let url = "https://issuer.example/badges/did.json"
        let report = try await verify(OB3Factory.text(document), documents: [url: Self.didDocument(did, key: Self.issuer)])
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        // Another DID's document claims the issuer as the controller of its key: the issuer's DID document does not
        // list that key, so the claim is rejected.
        let attacker = "did:web:attacker.example"
        let stolen = try OB3Factory.sign(OB3Factory.credential(issuer: did), key: Self.other.privateKey, method: attacker + "#key-1")
        let attackerDocument = Self.didDocument(attacker, key: Self.other, controller: did)
        let claimed = try await verify(
            OB3Factory.text(stolen),
            documents: [url: Self.didDocument(did, key: Self.issuer), "https://attacker.example/.well-known/did.json": attackerDocument])
        #expect(claimed.status(.signature) == .passed)
        #expect(claimed.status(.issuerBinding) == .failed, "\(claimed.summaryText)")
        #expect(claimed.verdict == .failed)
        // The issuer's DID document lists, under assertionMethod, a key whose controller is another DID: the DID subject
        // authorises that key to assert for it, whatever the other DID's document says.
        let foreignDocument = Self.didDocument(did, key: Self.issuer, controller: "did:web:evil.example")
        let foreign = try await verify(OB3Factory.text(document), documents: [url: foreignDocument])
        #expect(foreign.status(.issuerBinding) == .passed, "\(foreign.summaryText)")
        // The DID document lists another key: the signature fails.
        let wrongKey = try await verify(OB3Factory.text(document), documents: [url: Self.didDocument(did, key: Self.other)])
        #expect(wrongKey.status(.signature) == .failed)
        // Not served: network error, never a pass.
        let offline = try await verify(OB3Factory.text(document))
        #expect(offline.status(.signature) == .networkError)
        #expect(offline.verdict == .indeterminate)
    }

    @Test("an https key document naming the issuer as controller binds; a URL-fragment key is unbound")
    func httpKeyDocument() async throws {
        let issuerID = "https://issuer.example/profile"
        let method = "https://issuer.example/keys/1"
        let document = try OB3Factory.sign(OB3Factory.credential(issuer: issuerID), key: Self.issuer.privateKey, method: method)
        let keyDocument =
            #"{"@context":"https://w3id.org/security/multikey/v1","id":"\#(method)","type":"Multikey","controller":"\#(issuerID)","publicKeyMultibase":"\#(Self.issuer.multikey)"}"#
        let profile = #"{"id":"\#(issuerID)","type":"Profile","assertionMethod":["\#(method)"]}"#
        let report = try await verify(OB3Factory.text(document), documents: [method: keyDocument, issuerID: profile])
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        // The key document's claim alone is not enough: the controller's document must list the key.
        let unconfirmed = try await verify(OB3Factory.text(document), documents: [method: keyDocument])
        #expect(unconfirmed.status(.signature) == .passed)
        #expect(unconfirmed.status(.issuerBinding) == .notChecked, "\(unconfirmed.summaryText)")
        #expect(unconfirmed.verdict == .indeterminate)
        let denied = try await verify(OB3Factory.text(document), documents: [method: keyDocument, issuerID: #"{"id":"\#(issuerID)","type":"Profile"}"#])
        #expect(denied.status(.issuerBinding) == .failed)
        #expect(denied.verdict == .failed)

        let fragmentMethod = "\(issuerID)#\(Self.issuer.multikey)"
        let shortcut = try OB3Factory.sign(OB3Factory.credential(issuer: issuerID), key: Self.issuer.privateKey, method: fragmentMethod)
        let unbound = try await verify(OB3Factory.text(shortcut))
        #expect(unbound.status(.signature) == .passed)
        #expect(unbound.status(.issuerBinding) == .notChecked)
        #expect(unbound.verdict == .indeterminate)
        #expect(unbound.check(.issuerBinding)?.message.contains("unbound") == true)
    }

    // MARK: Undefined terms

    @Test("a term no context defines is reported (and is not covered by the signature)")
    func undefinedTerms() async throws {
        // VC 2.0 has an @vocab that defines every term, so use a context without one: VC 1.1.
        let v1 = Self.vc11(issuer: Self.issuer.didKey)
        var signedV1 = try OB3Factory.sign(v1, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod, suite: "Ed25519Signature2020")
        let clean = try await verify(OB3Factory.text(signedV1))
        #expect(clean.status(.undefinedTerms) == .passed, "\(clean.check(.undefinedTerms)?.message ?? "")")
        // Added after signing: expansion drops it, so the signature still verifies — the warning is what shows it.
        signedV1["unsignedClaim"] = "inserted later"
        let report = try await verify(OB3Factory.text(signedV1))
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.undefinedTerms) == .warning)
        #expect(report.check(.undefinedTerms)?.message.contains("/unsignedClaim") == true)
        #expect(report.check(.undefinedTerms)?.message.contains("not covered by the signature") == true)
        // eddsa-jcs-2022 signs the JSON, so the term is signed, but it still has no meaning as linked data.
        var jcs = v1
        jcs["unsignedClaim"] = "signed as JSON"
        let jcsReport = try await verify(try signed(jcs, suite: "eddsa-jcs-2022"))
        #expect(jcsReport.status(.signature) == .passed)
        #expect(jcsReport.status(.undefinedTerms) == .warning)
        #expect(jcsReport.check(.undefinedTerms)?.message.contains("no meaning as linked data") == true)
    }

    // MARK: Dates

    @Test func expired() async throws {
        let report = try await verify(try signed(OB3Factory.credential(issuer: Self.issuer.didKey, validUntil: "2025-06-01T00:00:00Z")))
        #expect(report.status(.expiry) == .failed)
        #expect(report.check(.expiry)?.message.hasPrefix("expired") == true)
        #expect(report.verdict == .failed)
    }

    @Test func notYetValid() async throws {
        let report = try await verify(try signed(OB3Factory.credential(issuer: Self.issuer.didKey, validFrom: "2027-01-01T00:00:00Z")))
        #expect(report.status(.expiry) == .failed)
        #expect(report.check(.expiry)?.message.hasPrefix("not yet valid") == true)
    }

    @Test("the clock is injectable: the same credential is valid as of an earlier date")
    func injectableClock() async throws {
        let payload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, validUntil: "2025-06-01T00:00:00Z"))
        let options = VerificationOptions.forTests(loader: try OfflineFolder([:]).loader, now: { Date(timeIntervalSince1970: 1_740_000_000) })
        #expect(await BadgeVerifier(options: options).verify(payload: payload).status(.expiry) == .passed)
    }

    // MARK: Recipient

    @Test("hashed identifier and subject id")
    func recipient() async throws {
        let salt = "s4lt"
        let hash = "sha256$" + SHA256.hash(data: Data("learner@example.org\(salt)".utf8)).map { String(format: "%02x", $0) }.joined()
        let identifier: JSONValue = [
            ["type": "IdentityObject", "identityHash": .string(hash), "identityType": "emailAddress", "hashed": true, "salt": .string(salt)]
        ]
        let payload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, subject: OB3Factory.subject(id: nil, identifier: identifier)))
        #expect(try await verify(payload, identity: "learner@example.org").status(.recipient) == .passed)
        let other = try await verify(payload, identity: "someone@example.org")
        #expect(other.status(.recipient) == .failed)
        #expect(other.verdict == .failed)
        let byID = try signed(OB3Factory.credential(issuer: Self.issuer.didKey))
        #expect(try await verify(byID, identity: "did:example:learner").status(.recipient) == .passed)
        #expect(try await verify(byID).check(.recipient) == nil)
    }

    // MARK: Status

    @Test("BitstringStatusList: a set bit revokes, a clear one does not (most significant bit first)")
    func bitstring() async throws {
        let listURL = "https://issuer.example/status/1"
        let list = OB3Factory.text(try OB3Factory.bitstringStatusList(url: listURL, revoked: [7, 100], issuer: Self.issuer))
        func credential(_ index: Int) throws -> String {
            try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: index))]))
        }
        let revoked = try await verify(try credential(7), documents: [listURL: list])
        #expect(revoked.status(.revocation) == .failed, "\(revoked.summaryText)")
        #expect(revoked.verdict == .failed)
        #expect(try await verify(try credential(100), documents: [listURL: list]).status(.revocation) == .failed)
        // Index 0 shares byte 0 with index 7: least-significant-bit-first reading would call it revoked.
        for index in [0, 8, 99] {
            let report = try await verify(try credential(index), documents: [listURL: list])
            #expect(report.status(.revocation) == .passed, "\(index): \(report.summaryText)")
            #expect(report.verdict == .verified)
        }
        // The list cannot be fetched: not checked, never "not revoked".
        let missing = try await verify(try credential(8))
        #expect(missing.status(.revocation) == .networkError)
        #expect(missing.verdict == .indeterminate)
        // The list's own proof is broken: not trusted.
        var forged = try OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.issuer)
        var subject = try #require(forged["credentialSubject"]?.objectValue)
        subject["encodedList"] = try #require(
            OB3Factory.bitstringStatusList(url: listURL, revoked: [8], issuer: Self.issuer)["credentialSubject"]?["encodedList"])
        forged["credentialSubject"] = .object(subject)
        let untrusted = try await verify(try credential(7), documents: [listURL: OB3Factory.text(forged)])
        #expect(untrusted.status(.revocation) == .notChecked)
        #expect(untrusted.verdict == .indeterminate)
        #expect(untrusted.check(.revocation)?.message.contains("proof does not verify") == true)
    }

    @Test("a status list credential served as a VC-JWT")
    func bitstringJWT() async throws {
        let listURL = "https://issuer.example/status/jwt"
        var list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [3], issuer: Self.issuer)
        list["proof"] = nil
        let token = try OB3Factory.jwt(OB3Factory.jwtPayload(list), header: ["kid": .string(Self.issuer.didKeyMethod)], key: .ed25519(Self.issuer.privateKey))
        func credential(_ index: Int) throws -> String {
            try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: index))]))
        }
        #expect(try await verify(try credential(3), documents: [listURL: token]).status(.revocation) == .failed)
        let clear = try await verify(try credential(4), documents: [listURL: token])
        #expect(clear.status(.revocation) == .passed, "\(clear.summaryText)")
        // Signed by another key than its kid names: not trusted.
        let forged = try OB3Factory.jwt(OB3Factory.jwtPayload(list), header: ["kid": .string(Self.issuer.didKeyMethod)], key: .ed25519(Self.other.privateKey))
        let untrusted = try await verify(try credential(4), documents: [listURL: forged])
        #expect(untrusted.status(.revocation) == .notChecked)
        #expect(untrusted.verdict == .indeterminate)
        #expect(untrusted.check(.revocation)?.message.contains("not trusted") == true)
    }

    @Test("1EdTechRevocationList: counts only when served from the issuer's origin")
    func revocationList() async throws {
        let issuerID = "https://issuer.example/profile"
        let method = issuerID + "#key-1"
        let profile = Self.issuerProfile(issuerID, key: Self.issuer)
        let listURL = "https://issuer.example/revocations"
        let id = "urn:uuid:6f0b7a0e-3c1d-4f55-9b7e-2f1e3a5c9d01"
        func credential(list: String, issuer: String = issuerID) throws -> String {
            let document = OB3Factory.credential(issuer: issuer, id: id, extra: [("credentialStatus", ["id": .string(list), "type": "1EdTechRevocationList"])])
            return issuer == issuerID
                ? OB3Factory.text(try OB3Factory.sign(document, key: Self.issuer.privateKey, method: method)) : try signed(document)
        }
        let payload = try credential(list: listURL)
        let clean = try await verify(payload, documents: [issuerID: profile, listURL: #"{"id":"\#(listURL)","revokedCredential":[{"id":"urn:uuid:other"}]}"#])
        #expect(clean.status(.revocation) == .passed, "\(clean.summaryText)")
        #expect(clean.verdict == .verified, "\(clean.summaryText)")
        let revoked = try await verify(
            payload, documents: [issuerID: profile, listURL: #"{"id":"\#(listURL)","revokedCredential":[{"id":"\#(id)","revocationReason":"misconduct"}]}"#])
        #expect(revoked.status(.revocation) == .failed)
        #expect(revoked.check(.revocation)?.message.contains("misconduct") == true)
        let unreachable = try await verify(payload, documents: [issuerID: profile])
        #expect(unreachable.status(.revocation) == .networkError)
        #expect(unreachable.verdict == .indeterminate)
        // A list on another origin (here the attacker's, saying "not revoked") cannot speak for the issuer.
        let elsewhere = "https://lists.attacker.example/revocations"
        let foreign = try await verify(
            try credential(list: elsewhere), documents: [issuerID: profile, elsewhere: #"{"id":"\#(elsewhere)","revokedCredential":[]}"#])
        #expect(foreign.status(.revocation) == .notChecked)
        #expect(foreign.verdict == .indeterminate)
        // A did:key issuer has no origin: such a list is never trusted.
        let didKeyIssued = try credential(list: listURL, issuer: Self.issuer.didKey)
        let noOrigin = try await verify(didKeyIssued, documents: [listURL: #"{"id":"\#(listURL)","revokedCredential":[]}"#])
        #expect(noOrigin.status(.revocation) == .notChecked)
        #expect(noOrigin.verdict == .indeterminate)
    }

    /// An https issuer's profile that lists `key` as its assertion method `#key-1` (a controller document).
    static func issuerProfile(_ issuerID: String, key: Ed25519Key) -> String {
        #"{"id":"\#(issuerID)","type":"Profile","name":"Issuer","assertionMethod":[{"id":"\#(issuerID)#key-1","type":"Multikey","controller":"\#(issuerID)","publicKeyMultibase":"\#(key.multikey)"}]}"#
    }

    // MARK: Endorsements

    @Test("an embedded endorsement is verified and reported separately")
    func endorsement() async throws {
        let endorsement: JSONObject = [
            "@context": OB3Factory.contexts, "id": "urn:uuid:endorsement-1", "type": ["VerifiableCredential", "EndorsementCredential"],
            "issuer": ["id": .string(Self.other.didKey), "type": ["Profile"], "name": "Endorser"], "name": "Endorsement", "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": ["id": "https://issuer.example/achievements/swift", "type": ["EndorsementSubject"], "endorsementComment": "Good."],
        ]
        let signedEndorsement = try OB3Factory.sign(endorsement, key: Self.other.privateKey, method: Self.other.didKeyMethod)
        let payload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsement", [.object(signedEndorsement)])]))
        let report = try await verify(payload)
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.endorsement) == .passed)
        #expect(report.check(.endorsement)?.node == "urn:uuid:endorsement-1")
        #expect(report.endorsements?.first?.status(.signature) == .passed)
        // A tampered endorsement: its own report fails, the badge gets a warning.
        var tampered = signedEndorsement
        tampered["name"] = "Forged endorsement"
        let forgedPayload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsement", [.object(tampered)])]))
        let forged = try await verify(forgedPayload)
        #expect(forged.status(.endorsement) == .warning)
        #expect(forged.endorsements?.first?.verdict == .failed)
        #expect(forged.endorsements?.first?.status(.signature) == .failed)
        // As an endorsementJwt.
        let jwt = try OB3Factory.jwt(
            OB3Factory.jwtPayload(signedEndorsement), header: ["kid": .string(Self.other.didKeyMethod), "typ": "JWT"], key: .ed25519(Self.other.privateKey))
        let withJWT = try await verify(try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsementJwt", [.string(jwt)])])))
        #expect(withJWT.status(.endorsement) == .passed, "\(withJWT.summaryText)")
        #expect(withJWT.endorsements?.first?.method == "vc-jwt")
    }
}
