import Crypto
import DataIntegrity
import Foundation
import JSONLD
import BadgeTestSupport
import Testing
import _CryptoExtras

@testable import BadgeVerification
import OpenBadgesModel

/// Attack review of the "verified" rule set (issuer binding, signed data, status lists, OB 2.0 identity, budgets).
///
/// Every test asserts what the verifier SHOULD answer. Tests marked "fixed" once fooled the verifier (or made it
/// reject a genuine credential) and are kept as regression tests. Tests marked "blocked" pass: the attack was already
/// stopped, and they stay as regression tests. Fresh keys every run; documents served by `OfflineFolder` (OB 3.0)
/// or by loopback servers (`BadgeHost`, OB 2.0).
@Suite("Attack review")
struct AttackReviewTests {
    static let issuer = Ed25519Key()
    static let attacker = Ed25519Key()

    func verify(_ payload: String, documents: [String: String] = [:], acceptsUnboundKeys: Bool = false) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        var options = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
        options.acceptsUnboundKeys = acceptsUnboundKeys
        return await BadgeVerifier(options: options).verify(payload: payload)
    }

    /// A credential of the did:key issuer, as a wallet would show it.
    func genuine(issuer: String = AttackReviewTests.issuer.didKey, extra: [(String, JSONValue)] = []) -> JSONObject {
        OB3Factory.credential(issuer: issuer, validUntil: "2030-01-01T00:00:00Z", extra: extra)
    }

    func signed(_ credential: JSONObject, key: Ed25519Key = issuer, method: String? = nil) throws -> JSONObject {
        try OB3Factory.sign(credential, key: key.privateKey, method: method ?? key.didKeyMethod)
    }

    func withContext(_ credential: JSONObject, adding inline: JSONObject) -> JSONObject {
        var credential = credential
        credential["@context"] = .array((credential["@context"]?.asArray ?? []) + [.object(inline)])
        return credential
    }

    // MARK: 1. Expiry and revocation hidden in an aliased @included copy of the credential node

    /// Fooled the verifier before the fix. The holder of an expired and revoked credential adds an inline context `{"inc": "@included"}`
    /// and moves `validUntil` and `credentialStatus` out of the top-level object into
    /// `"inc": [{"id": <the credential's own id>, "type": "VerifiableCredential", "validUntil": …, "credentialStatus": …}]`.
    /// JSON-LD merges the two descriptions of the same node, so the RDF dataset is identical and the proof stays
    /// valid. SignedDataAgreement accepts it: an inline alias of a keyword counts as a "published name" of
    /// `@included` (JSONLD/Vocabulary.swift:70 records keyword aliases as names, :38 addNew keeps them;
    /// SignedDataAgreement.swift:71 then matches the node key `@included`; only keys spelled `@…` are refused, :67), and the included node is compared "at the same
    /// place" as a separate node. The models read the top-level JSON, where there is now no expiry and no status:
    /// `verified`, "does not expire", no revocation check. Breaks: "the data checked and shown is the data that was
    /// signed; it is neither revoked nor expired".
    @Test("fixed: validUntil and credentialStatus moved into an @included copy of the credential node")
    func hiddenInIncludedCopy() async throws {
        let listURL = "https://issuer.example/status/7"
        let list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [7], issuer: Self.issuer)
        let entry = OB3Factory.bitstringEntry(list: listURL, index: 7)
        let credential = try signed(
            OB3Factory.credential(
                issuer: Self.issuer.didKey, validUntil: "2025-02-01T00:00:00Z",
                extra: [("credentialStatus", entry)]))
        let documents = [listURL: OB3Factory.text(list)]

        let control = try await verify(OB3Factory.text(credential), documents: documents)
        #expect(control.status(.revocation) == .failed, "control: as signed, revoked: \(control.summaryText)")
        #expect(control.status(.expiry) == .failed, "control: as signed, expired")
        #expect(control.verdict == .failed)

        var forged = withContext(credential, adding: ["inc": "@included"])
        let id = try #require(forged["id"])
        let until = try #require(forged["validUntil"])
        forged["validUntil"] = nil
        forged["credentialStatus"] = nil
        // The type makes the VerifiableCredential type-scoped context (which defines validUntil and
        // credentialStatus) apply in the copy; the repeated type triple is the same triple.
        forged["inc"] = [["id": id, "type": "VerifiableCredential", "validUntil": until, "credentialStatus": entry]]
        let report = try await verify(OB3Factory.text(forged), documents: documents)
        #expect(report.status(.signature) == .passed, "the signed dataset is unchanged: \(report.summaryText)")
        #expect(report.status(.signedData) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    /// Blocked (regression). The simpler form, `credentialStatus` as the entry's bare IRI (a node reference under
    /// `@type: @id`) with the entry's properties in an `@included` alias, is refused by the OB 3.0 model
    /// (credentialStatus must be an object), so the payload fails. Also an issuer that itself writes the status as
    /// an IRI gets `payload` failed, not a silent pass.
    @Test("blocked: credentialStatus as a bare IRI (alone, or with its entry moved into an @included alias) fails the payload")
    func statusAsBareIRI() async throws {
        let listURL = "https://issuer.example/status/7"
        let list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [7], issuer: Self.issuer)
        let entry = OB3Factory.bitstringEntry(list: listURL, index: 7)
        let credential = try signed(genuine(extra: [("credentialStatus", entry)]))
        var forged = withContext(credential, adding: ["inc": "@included"])
        forged["credentialStatus"] = .string("\(listURL)#7")
        forged["inc"] = .array([entry])
        let report = try await verify(OB3Factory.text(forged), documents: [listURL: OB3Factory.text(list)])
        #expect(report.verdict == .failed, "\(report.summaryText)")
        let byIssuer = try signed(genuine(extra: [("credentialStatus", .string("\(listURL)#7"))]))
        #expect(try await verify(OB3Factory.text(byIssuer)).verdict != .verified)
    }

    /// Blocked (regression). The same idea with an alias of `@nest` (instead of the `@nest` keyword the existing
    /// attack tests use): the expiry moved under `wrapper` no longer sits where the model reads it.
    @Test("blocked: validUntil hidden under an inline alias of @nest fails signedData")
    func nestAlias() async throws {
        let credential = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, validUntil: "2025-02-01T00:00:00Z"))
        var forged = withContext(credential, adding: ["wrapper": "@nest"])
        let until = try #require(forged["validUntil"])
        forged["validUntil"] = nil
        forged["wrapper"] = ["validUntil": until]
        let report = try await verify(OB3Factory.text(forged))
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.signedData) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    /// Blocked (regression). `null` for a signed property is not "absent": the expiry cannot be blanked out.
    @Test("blocked: a signed validUntil or credentialStatus shown as null or [] fails", arguments: ["null", "[]"])
    func signedValueBlanked(_ blank: String) async throws {
        let credential = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, validUntil: "2025-02-01T00:00:00Z"))
        var forged = credential
        forged["validUntil"] = try JSONValue(parsing: blank)
        let report = try await verify(OB3Factory.text(forged))
        #expect(report.verdict == .failed, "\(report.summaryText)")
    }

    /// Fooled the verifier before the fix (numbers vs strings). `statusSize` is coerced to xsd:integer by the status contexts, so the
    /// issuer's `"statusSize": 2` and the holder's `"statusSize": "2"` are the same signed literal
    /// `"2"^^xsd:integer`: the proof stays valid, and SignedDataAgreement compares the JSON with its own expansion
    /// (string "2" against string "2"), never the JSON type with the signed datatype (SignedDataAgreement.swift:130-137).
    /// StatusChecker reads only `numberValue` (StatusChecker.swift:96), falls back to 1, and checks bit 3 instead of
    /// entry 3 (bits 6-7): the revoked credential is `verified`. The same gap lets `"hashed": "true"` stand for a
    /// signed boolean.
    @Test("fixed: statusSize written as a string (same signed literal) makes the checker read another bit")
    func statusSizeAsString() async throws {
        let listURL = "https://issuer.example/status/sized"
        // Two bits per entry; entry 3 is bits 6 and 7, set to 0b10 (revoked).
        let list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [6], issuer: Self.issuer)
        var entry = try #require(OB3Factory.bitstringEntry(list: listURL, index: 3).objectValue)
        entry["statusSize"] = .int(2)
        entry["statusMessage"] = [["status": "0x0", "message": "valid"], ["status": "0x2", "message": "revoked"]]
        let credential = try signed(genuine(extra: [("credentialStatus", .object(entry))]))
        let documents = [listURL: OB3Factory.text(list)]
        let control = try await verify(OB3Factory.text(credential), documents: documents)
        #expect(control.status(.revocation) == .failed, "control: entry 3 is revoked: \(control.summaryText)")

        var forged = credential
        entry["statusSize"] = "2"
        forged["credentialStatus"] = .object(entry)
        let report = try await verify(OB3Factory.text(forged), documents: documents)
        #expect(report.status(.signature) == .passed, "the signed literal is unchanged: \(report.summaryText)")
        #expect(report.verdict == .failed, "\(report.summaryText)")
    }

    /// Fooled the verifier before the fix (shown data). Anyone issuing a badge can embed a genuine, validly signed endorsement that
    /// endorses something else entirely (here Renowned University's endorsement of another programme). Each
    /// endorsement is verified only as a credential on its own (OB3Verifier.checkEndorsements, OB3Verifier.swift:628-656):
    /// nothing checks that its credentialSubject is this credential, its achievement or its issuer, so the report
    /// says "the endorsement verifies" and a wallet shows "endorsed by Renowned University" on the attacker's badge.
    @Test("fixed: an endorsement of something else is reported as this badge's verified endorsement")
    func unrelatedEndorsement() async throws {
        let renowned = Ed25519Key()
        let endorsement: JSONObject = [
            "@context": OB3Factory.contexts, "id": "urn:uuid:endorsement-of-another-programme", "type": ["VerifiableCredential", "EndorsementCredential"],
            "issuer": ["id": .string(renowned.didKey), "type": ["Profile"], "name": "Renowned University"], "name": "Endorsement",
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": [
                "id": "https://other.example/achievements/unrelated", "type": ["EndorsementSubject"], "endorsementComment": "Excellent programme.",
            ],
        ]
        let genuineEndorsement = try OB3Factory.sign(endorsement, key: renowned.privateKey, method: renowned.didKeyMethod)
        let alone = try await verify(OB3Factory.text(genuineEndorsement))
        #expect(alone.verdict == .verified, "control: the endorsement itself is genuine: \(alone.summaryText)")

        let badge = try signed(OB3Factory.credential(issuer: Self.attacker.didKey, extra: [("endorsement", [.object(genuineEndorsement)])]), key: Self.attacker)
        let report = try await verify(OB3Factory.text(badge))
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.endorsement) != .passed, "an endorsement of https://other.example/achievements/unrelated: \(report.summaryText)")
    }

    /// Fooled the verifier before the fix. A VC 1.1 credential carries both expiry properties the v1 context defines: `expirationDate`
    /// (VC 1.1's own, already past) and `validUntil` (later). checkDates (OB3Verifier.swift:581-582) reads
    /// `validUntil` when present and ignores `expirationDate` altogether, so an expired credential is `verified`.
    /// Both dates are signed; a credential is expired when either says so (likewise `issuanceDate` vs `validFrom`).
    @Test("fixed: VC 1.1 expirationDate in the past is ignored when validUntil is also present")
    func expirationDateShadowedByValidUntil() async throws {
        let contexts: JSONValue = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]
        var credential = OB3Factory.credential(issuer: Self.issuer.didKey, validUntil: "2030-01-01T00:00:00Z")
        credential["@context"] = contexts
        credential["validFrom"] = nil
        credential["issuanceDate"] = "2025-01-01T00:00:00Z"
        let control = try await verify(OB3Factory.text(try signed(credential)))
        #expect(control.verdict == .verified, "control: a VC 1.1 credential valid until 2030: \(control.summaryText)")
        credential["expirationDate"] = "2025-06-01T00:00:00Z"
        let report = try await verify(OB3Factory.text(try signed(credential)))
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.expiry) == .failed, "expired on 2025-06-01: \(report.summaryText)")
    }

    // MARK: 2. Keys the issuer's DID document lists for another purpose

    /// Fooled the verifier before the fix. A did:web issuer lists a second key for `authentication` only (a login key, e.g. held by a
    /// wallet or an SSO service), or only in `verificationMethod` without `assertionMethod` referencing it. Neither
    /// authorises the key to issue credentials (DID Core verification relationships; a Data Integrity proof with
    /// `proofPurpose: assertionMethod` needs the method in `assertionMethod`). KeyResolver.find
    /// (KeyResolution.swift:220) looks the method up in verificationMethod, assertionMethod, publicKey *and*
    /// authentication alike, and bind() then treats any method found in the issuer's DID document as bound.
    @Test(
        "fixed: a did:web key listed only for authentication (or only in verificationMethod) signs an assertionMethod proof",
        arguments: ["authentication", "verificationMethod"])
    func keyOfAnotherRelationship(_ relationship: String) async throws {
        let did = "did:web:\(relationship.lowercased()).issuer.example"
        let url = "https://\(relationship.lowercased()).issuer.example/.well-known/did.json"
        let other = Ed25519Key()
        let otherEntry = #"{"id":"\#(did)#other","type":"Multikey","controller":"\#(did)","publicKeyMultibase":"\#(other.multikey)"}"#
        let issuingEntry = #"{"id":"\#(did)#key-1","type":"Multikey","controller":"\#(did)","publicKeyMultibase":"\#(Self.issuer.multikey)"}"#
        let document: String
        if relationship == "authentication" {
            document =
                #"{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"\#(did)","verificationMethod":[\#(issuingEntry)],"assertionMethod":["\#(did)#key-1"],"authentication":[\#(otherEntry)]}"#
        } else {
            document =
                #"{"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"\#(did)","verificationMethod":[\#(issuingEntry),\#(otherEntry)],"assertionMethod":["\#(did)#key-1"],"authentication":["\#(did)#other"]}"#
        }
        let credential = OB3Factory.credential(issuer: did)
        let control = try await verify(OB3Factory.text(try signed(credential, key: Self.issuer, method: did + "#key-1")), documents: [url: document])
        #expect(control.verdict == .verified, "control: the assertionMethod key verifies: \(control.summaryText)")

        let forged = try signed(credential, key: other, method: did + "#other")
        let report = try await verify(OB3Factory.text(forged), documents: [url: document])
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    // MARK: 3. did:web whose "host" carries userinfo

    /// Fooled the verifier before the fix. `did:web:victim.example@attacker.example` is not a valid DID (`@` is not an idchar), but
    /// KeyResolver.didWebURL (KeyResolution.swift:258) only rejects `/`, so it becomes
    /// `https://victim.example@attacker.example/.well-known/did.json`: user `victim.example`, host `attacker.example`.
    /// The attacker's document there declares that DID, binds the attacker's key, and the badge shows an issuer that
    /// reads as victim.example while every byte came from attacker.example. Identity must come from where the
    /// document lives; such a DID must not resolve.
    @Test("fixed: did:web with userinfo resolves on the attacker's host")
    func didWebUserinfo() async throws {
        let did = "did:web:victim.example@attacker.example"
        // Such a DID resolves to no URL at all; the attacker's document at the URL it once resolved to is never asked.
        #expect(KeyResolver.didWebURL(did) == nil)
        let url = try #require(URL(string: "https://victim.example@attacker.example/.well-known/did.json"))
        let document = OB3GeneratedTests.didDocument(did, key: Self.attacker)
        let forged = try signed(OB3Factory.credential(issuer: did), key: Self.attacker, method: did + "#key-1")
        let report = try await verify(OB3Factory.text(forged), documents: [url.absoluteString: document])
        #expect(report.verdict != .verified, "\(report.summaryText)")
    }

    @Test(
        "fixed: didWebURL refuses DIDs whose host part is not a host name",
        arguments: [
            "did:web:victim.example@attacker.example", "did:web:victim.example%3A@attacker.example",
        ])
    func didWebURLRejectsNonHosts(_ did: String) {
        #expect(KeyResolver.didWebURL(did) == nil, "\(did) → \(KeyResolver.didWebURL(did)?.absoluteString ?? "nil")")
    }

    // MARK: 4. Status list arithmetic

    /// Fooled the verifier before the fix (crash, denial of service). A credential signed by anyone (a fresh did:key issuer with its own,
    /// validly signed status list) with `statusListIndex` "9223372036854775807": StatusChecker.bitstring computes
    /// `first + size` (StatusChecker.swift:161-162) with Swift's trapping arithmetic and the verifying process
    /// aborts. A badge-checking server dies on one upload. Run in a child process (exit test).
    @Test("fixed: statusListIndex Int.max traps the verifier")
    func statusIndexOverflow() async {
        await #expect(processExitsWith: .success) {
            let key = Ed25519Key()
            let listURL = "https://issuer.example/status/overflow"
            let list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: key)
            let entry: JSONValue = [
                "id": .string("\(listURL)#x"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                "statusListIndex": "9223372036854775807", "statusListCredential": .string(listURL),
            ]
            let credential = try OB3Factory.sign(
                OB3Factory.credential(issuer: key.didKey, extra: [("credentialStatus", entry)]),
                key: key.privateKey, method: key.didKeyMethod)
            let folder = try OfflineFolder([listURL: OB3Factory.text(list)])
            defer { folder.remove() }
            let report = await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(
                payload: OB3Factory.text(credential))
            guard report.status(.revocation) == .failed else { exit(1) }
        }
    }

    // MARK: 5. Expired proofs

    /// Fooled the verifier before the fix. The issuer limited its proof with `expires` (Data Integrity: the proof is not valid after it).
    /// The proof expired in 2025; "now" is 2026-01-01. verifyProofs (OB3Verifier.swift:231-300, proof checks at :251-295) never reads
    /// `created` or `expires`, so the proof counts and the credential (whose own validUntil is 2030) is verified.
    @Test("fixed: a Data Integrity proof past its expires is accepted")
    func expiredProof() async throws {
        let options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "expires": "2025-06-01T00:00:00Z", "verificationMethod": .string(Self.issuer.didKeyMethod), "proofPurpose": "assertionMethod",
        ]
        let credential = try DataIntegrity.sign(genuine(), proofOptions: options, key: Self.issuer.privateKey, processor: OB3Factory.processor())
        let report = try await verify(OB3Factory.text(credential))
        #expect(report.verdict != .verified, "\(report.summaryText)")
    }

    // MARK: 6. acceptsUnboundKeys overrides an explicit "not this key"

    /// Fooled the verifier before the fix (with the opt-in). `acceptsUnboundKeys` is meant for keys nothing can tie to the issuer (offline,
    /// unreachable documents). checkIssuerBinding (OB3Verifier.swift:461-466) also downgrades `.notAuthorized` to a
    /// warning: the issuer's own profile was fetched and lists a *different* key, yet the attacker's key (taken from
    /// the fragment of an unfetchable URL) is accepted and the credential is verified as the issuer's. An unbound key
    /// may be tolerated on request; a key the issuer's documents refute never should be.
    @Test("fixed: with acceptsUnboundKeys, a key the issuer's fetched profile does not list is accepted")
    func acceptsUnboundOverridesDenial() async throws {
        let issuerID = "https://issuer.example/profile"
        let profile = OB3GeneratedTests.issuerProfile(issuerID, key: Self.issuer)
        let forged = try OB3Factory.sign(
            OB3Factory.credential(issuer: issuerID), key: Self.attacker.privateKey,
            method: "https://keys.attacker.example/k#\(Self.attacker.multikey)")
        let strict = try await verify(OB3Factory.text(forged), documents: [issuerID: profile])
        #expect(strict.status(.issuerBinding) == .failed, "control without the opt-in: \(strict.summaryText)")
        let lenient = try await verify(OB3Factory.text(forged), documents: [issuerID: profile], acceptsUnboundKeys: true)
        #expect(lenient.status(.issuerBinding) == .failed, "\(lenient.summaryText)")
        #expect(lenient.verdict == .failed)
    }

    // MARK: 6b. Context loads escape the document budget and the deadline

    /// Counts the loads it serves (a caller's context loader, e.g. an offline folder of vetted contexts).
    final class CountingLoader: BadgeVerification.DocumentLoader, @unchecked Sendable {
        let base: OfflineDocumentLoader
        private let lock = NSLock()
        private var loads = 0
        init(_ base: OfflineDocumentLoader) { self.base = base }
        var count: Int { lock.withLock { loads } }
        func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
            lock.withLock { loads += 1 }
            return try await base.load(url, kind: kind)
        }
    }

    /// Fooled the verifier before the fix (budget bypass). `maximumDocumentsFetched` and the deadline are enforced by wrapping
    /// `options.loader` in a BudgetedLoader (BadgeVerifier.swift verify(payload:)), but `options.contextLoader` is
    /// used as given (ContextLoaderBridge, OB3Verifier.swift:10-24): every JSON-LD run may load up to
    /// `maximumContextLoads` contexts again (the per-run cache is discarded), once per proof, again for signedData,
    /// for every status list and endorsement. Here the document budget is 2 and a credential naming 3 remote contexts
    /// causes 6 loads, with no budget check and a `verified` verdict. A credential with 8 proofs, 16 endorsements and
    /// 16 contexts each multiplies that into hundreds of fetches, none bounded by the deadline.
    @Test("fixed: loads through contextLoader are not counted against maximumDocumentsFetched")
    func contextLoadsEscapeBudget() async throws {
        let urls = (1...3).map { "https://contexts.example/c\($0).jsonld" }
        var served: [String: String] = [:]
        var parsed: [String: JSONValue] = [:]
        for (index, url) in urls.enumerated() {
            let text = #"{"@context":{"term\#(index)":"https://example.org/vocab#term\#(index)"}}"#
            served[url] = text
            parsed[url] = try JSONValue(parsing: text)
        }
        var credential = genuine()
        credential["@context"] = .array((credential["@context"]?.asArray ?? []) + urls.map { .string($0) })
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(documents: parsed)))
        let options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(Self.issuer.didKeyMethod), "proofPurpose": "assertionMethod",
        ]
        let secured = try DataIntegrity.sign(credential, proofOptions: options, key: Self.issuer.privateKey, processor: processor)

        let folder = try OfflineFolder(served)
        defer { folder.remove() }
        let contexts = CountingLoader(folder.loader)
        var verification = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
        verification.contextLoader = contexts
        verification.maximumDocumentsFetched = 2
        let report = await BadgeVerifier(options: verification).verify(payload: OB3Factory.text(secured))
        #expect(contexts.count <= 2, "\(contexts.count) context loads against a document budget of 2")
        #expect(report.check(.budget)?.message.contains("maximumDocumentsFetched") == true, "\(report.summaryText)")
        #expect(report.verdict != .verified)
        // Control: with room in the budget the same credential verifies.
        verification.maximumDocumentsFetched = 32
        let control = await BadgeVerifier(options: verification).verify(payload: OB3Factory.text(secured))
        #expect(control.verdict == .verified, "\(control.summaryText)")
    }

    // MARK: 7. Genuine credentials wrongly rejected

    /// Wrongly rejected before the fix. An https issuer whose own profile lists, in `assertionMethod`, the key it signs with,
    /// named as a did:key verification method. The issuer's own document confirms the key, so it is bound. bind()
    /// (IssuerBinding.swift:36-39) answers `.otherController` for every self-certifying key whose DID is not the
    /// issuer's id, before asking the issuer's documents, so the genuine credential fails.
    @Test("fixed: an https issuer whose profile lists the did:key it signs with")
    func httpsIssuerListingDidKey() async throws {
        let issuerID = "https://issuer.example/profile"
        let key = Self.issuer
        let profile =
            #"{"id":"\#(issuerID)","type":"Profile","name":"Issuer","assertionMethod":[{"id":"\#(key.didKeyMethod)","type":"Multikey","controller":"\#(issuerID)","publicKeyMultibase":"\#(key.multikey)"}]}"#
        let credential = try signed(OB3Factory.credential(issuer: issuerID), key: key)
        let report = try await verify(OB3Factory.text(credential), documents: [issuerID: profile])
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed, "\(report.summaryText)")
        #expect(report.verdict == .verified)
    }

    // MARK: 8. OB 2.0: a revocation list the model cannot read is treated as a 1.x map and passes

    func ob2Verifier(_ host: BadgeHost) -> BadgeVerifier { BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, now: testNow)) }

    /// Fooled the verifier before the fix. The issuer's RevocationList lists the assertion, but is not exactly what the model expects (an
    /// embedded issuer Profile instead of its IRI; an unrelated entry with a numeric reason). `BadgeDocument` throws,
    /// and checkRevocationList (OB2Verifier.swift:289-301) falls back to reading the list as an OB 1.x
    /// `{uid: reason}` map, in which the assertion id is not a key: "not in the issuer's revocation list", passed.
    /// A revoked signed badge verifies. A list that cannot be read must leave revocation failed or not checked.
    @Test(
        "fixed: an OB 2.0 revocation list that does not decode is read as 'not revoked'",
        arguments: [
            #""issuer":{"id":"ISSUER","type":"Profile","name":"Loopback Academy"},"revokedAssertions":[{"id":"urn:uuid:revoked-by-id","revocationReason":"Cheated"}]"#,
            #""issuer":"ISSUER","revokedAssertions":[{"id":"urn:uuid:revoked-by-id","revocationReason":"Cheated"},{"id":"urn:uuid:other","revocationReason":7}]"#,
        ])
    func undecodableRevocationList(_ members: String) async throws {
        let host = try BadgeHost()
        let assertion = try BadgeHost.sign(host.assertion(id: "urn:uuid:revoked-by-id", verification: #"{"type":"SignedBadge","creator":"\#(host.keyID)"}"#))
        let control = await ob2Verifier(host).verify(payload: assertion)
        #expect(control.status(.revocation) == .failed, "control: the default list revokes it: \(control.checks)")

        let list =
            #"{"@context":"https://w3id.org/openbadges/v2","id":"\#(host.revocationListID)","type":"RevocationList",\#(members.replacingOccurrences(of: "ISSUER", with: host.issuerID))}"#
        host.server.route("/revocations.json", .json(list))
        let report = await ob2Verifier(host).verify(payload: assertion)
        #expect(report.status(.signature) == .passed, "\(report.checks)")
        #expect(report.status(.revocation) != .passed, "\(report.checks)")
        #expect(report.verdict != .verified)
    }

    /// Fooled the verifier before the fix. The issuer restricts where its hosted assertions may live with
    /// `verification.startsWith: ["<origin>/badges/"]`, because other paths of its origin hold content others can
    /// upload (`/uploads/`). The attacker uploads an assertion of the issuer's real BadgeClass and presents
    /// `<origin>/badges/../uploads/evil.json`: checkHostedScope compares the raw string with `hasPrefix`
    /// (OB2Verifier.swift:88-89), while the HTTP stack removes the dot segments and fetches `/uploads/evil.json`.
    /// The uploaded document declares the requested URL as its id, so DocumentIdentity accepts it too. Result: a
    /// badge verified as issued by the issuer, hosted where the issuer said its badges never are.
    @Test("fixed: startsWith is bypassed with dot segments")
    func startsWithDotSegments() async throws {
        let host = try BadgeHost()
        host.setIssuer(verification: #"{"type":"hosted","startsWith":["\#(host.base)/badges/"]}"#)
        let genuine = host.hosted("/badges/genuine.json")
        #expect(await ob2Verifier(host).verify(payload: genuine).verdict == .verified, "control: inside the prefix")
        let direct = host.base + "/uploads/evil.json"
        host.server.route("/uploads/evil.json", .json(host.assertion(id: direct)))
        let outside = await ob2Verifier(host).verify(payload: direct)
        #expect(outside.status(.hostedScope) == .failed, "control: outside the prefix: \(outside.checks)")

        let dotted = host.base + "/badges/../uploads/evil.json"
        host.server.route("/uploads/evil.json", .json(host.assertion(id: dotted)))
        let report = await ob2Verifier(host).verify(payload: dotted)
        #expect(report.status(.hostedScope) == .failed, "\(report.checks)")
        #expect(host.server.hitCount("/badges/../uploads/evil.json") + host.server.hitCount("/uploads/evil.json") == 1, "only the control fetched it")
        #expect(report.verdict == .failed)
    }

    /// Fooled the verifier before the fix. An OB 2.0 issuer that lists no `publicKey` (it only issues hosted badges) never authorised any
    /// signing key. The attacker signs an assertion that *claims* OB 1.1 (`@context .../v1`, `verify.url`, no
    /// `creator`) for the issuer's real 2.0 BadgeClass, with its key in a file it could place anywhere on the
    /// issuer's origin (an upload). The payload's self-declared version selects the legacy rule "a key on the
    /// issuer's origin counts when the issuer lists none" (OB2Verifier.swift:179-195), which a 2.0 issuer's
    /// documents never opted into: keyOwnership passes and the badge is verified as the issuer's. The 2.0 path,
    /// for the same issuer, refuses ("the issuer lists no publicKey").
    @Test("fixed: a 1.1-shaped JWS downgrades a key-less 2.0 issuer to the legacy same-origin key rule")
    func legacyKeyRuleDowngrade() async throws {
        let host = try BadgeHost()
        host.setIssuer(publicKeys: [])
        let pemURL = host.base + "/uploads/attacker.pem"
        host.server.route("/uploads/attacker.pem", .json(BadgeHost.otherKey.publicKey.pemRepresentation, contentType: "text/plain"))
        let payload = """
            {"@context":"https://w3id.org/openbadges/v1","uid":"forged-1","recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},\
            "badge":"\(host.badgeID)","verify":{"type":"signed","url":"\(pemURL)"},"issuedOn":"2024-01-01T00:00:00Z"}
            """
        let report = await ob2Verifier(host).verify(payload: try BadgeHost.sign(payload, with: BadgeHost.otherKey))
        #expect(report.status(.keyOwnership) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
        // The same attack shaped as 2.0 is refused.
        let v2 = host.assertion(id: "urn:uuid:forged-2", verification: #"{"type":"SignedBadge","creator":"\#(pemURL)"}"#)
        #expect(await ob2Verifier(host).verify(payload: try BadgeHost.sign(v2, with: BadgeHost.otherKey)).verdict == .failed)
    }

    /// Blocked (regression). A signed assertion whose embedded BadgeClass has a non-HTTP id and names the real
    /// issuer, signed by the attacker's key that the attacker's own key document says is owned by the issuer: the
    /// issuer's fetched Profile does not list it.
    @Test("blocked: embedded non-HTTP BadgeClass naming the real issuer, attacker key claiming the issuer as owner")
    func embeddedBadgeClassAttackerKey() async throws {
        let host = try BadgeHost()
        let attacker = try BadgeHost()
        let attackerKey = "\(attacker.base)/key.json"
        attacker.server.route("/key.json", .json(BadgeHost.keyDocument(id: attackerKey, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
        let badge =
            #"{"id":"urn:uuid:badge","type":"BadgeClass","name":"Forged","description":"x","image":"\#(host.base)/b.png","criteria":{"narrative":"x"},"issuer":"\#(host.issuerID)"}"#
        var text = host.assertion(id: "urn:uuid:\(UUID())", verification: #"{"type":"SignedBadge","creator":"\#(attackerKey)"}"#)
        text = text.replacingOccurrences(of: "\"badge\":\"\(host.badgeID)\"", with: "\"badge\":\(badge)")
        let report = await ob2Verifier(host).verify(payload: try BadgeHost.sign(text, with: BadgeHost.otherKey))
        #expect(report.status(.keyOwnership) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
    }
}
