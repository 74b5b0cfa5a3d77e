import BadgeVerification
import Foundation
import OpenBadgesModel
import JSONLD
import Testing

/// The bounds on the work one OB 3.0 credential can ask for, each just under and just over: at the limit the
/// credential verifies; one below it, what is over the limit is reported as not checked (never as passed), or
/// the status list is refused.
@Suite("OB 3.0 verification limits, just under and just over")
struct OB3LimitTests {
    static let issuer = Ed25519Key()
    static let endorser = Ed25519Key()

    func verify(_ payload: String, documents: [String: String] = [:], _ configure: (inout VerificationOptions) -> Void) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        var options = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
        configure(&options)
        return await BadgeVerifier(options: options).verify(payload: payload)
    }

    func signed(_ credential: JSONObject) throws -> String {
        OB3Factory.text(try OB3Factory.sign(credential, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod))
    }

    @Test("VerificationOptions.maximumProofs: three bogus proofs before the good one (a hostile credential cannot ask for unbounded work)")
    func proofs() async throws {
        let good = try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        let bogus: JSONValue = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "verificationMethod": .string(Self.issuer.didKeyMethod),
            "proofPurpose": "assertionMethod", "proofValue": "z3FXQ",
        ]
        var document = good
        document["proof"] = .array(Array(repeating: bogus, count: 3) + [good["proof"]!])
        let payload = OB3Factory.text(document)
        let atLimit = try await verify(payload) { $0.maximumProofs = 4 }
        #expect(atLimit.status(.signature) == .passed, "\(atLimit.summaryText)")
        let under = try await verify(payload) { $0.maximumProofs = 3 }
        #expect(under.status(.signature) == .failed)
        #expect(under.checks.last { $0.id == .proof }?.status == .notChecked)
    }

    @Test("VerificationOptions.maximumStatusEntries: two entries")
    func statusEntries() async throws {
        let listURL = "https://issuer.example/status/1"
        let list = try OB3Factory.text(OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.issuer))
        let entries: JSONValue = [OB3Factory.bitstringEntry(list: listURL, index: 3), OB3Factory.bitstringEntry(list: listURL, index: 4)]
        let payload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("credentialStatus", entries)]))
        let atLimit = try await verify(payload, documents: [listURL: list]) { $0.maximumStatusEntries = 2 }
        #expect(atLimit.checks.filter { $0.id == .revocation }.map(\.status) == [.passed, .passed], "\(atLimit.summaryText)")
        #expect(atLimit.verdict == .verified)
        let under = try await verify(payload, documents: [listURL: list]) { $0.maximumStatusEntries = 1 }
        #expect(under.checks.filter { $0.id == .revocation }.map(\.status) == [.passed, .notChecked])
        #expect(under.verdict != .verified)
    }

    @Test("VerificationOptions.maximumEndorsements: two endorsements")
    func endorsements() async throws {
        func endorsement(_ number: Int) throws -> JSONValue {
            let unsigned: JSONObject = [
                "@context": OB3Factory.contexts, "id": .string("urn:uuid:endorsement-\(number)"), "type": ["VerifiableCredential", "EndorsementCredential"],
                "issuer": ["id": .string(Self.endorser.didKey), "type": ["Profile"], "name": "Endorser"], "name": "Endorsement",
                "validFrom": "2025-01-01T00:00:00Z",
                "credentialSubject": ["id": "https://issuer.example/achievements/swift", "type": ["EndorsementSubject"], "endorsementComment": "Good."],
            ]
            return .object(try OB3Factory.sign(unsigned, key: Self.endorser.privateKey, method: Self.endorser.didKeyMethod))
        }
        let payload = try signed(OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsement", [try endorsement(1), try endorsement(2)])]))
        let atLimit = try await verify(payload) { $0.maximumEndorsements = 2 }
        #expect(atLimit.endorsements?.count == 2)
        #expect(!atLimit.checks.contains { $0.id == .endorsement && $0.status == .notChecked }, "\(atLimit.summaryText)")
        let under = try await verify(payload) { $0.maximumEndorsements = 1 }
        #expect(under.endorsements?.count == 1)
        #expect(under.checks.contains { $0.id == .endorsement && $0.status == .notChecked })
    }

    @Test("VerificationOptions.maximumStatusListBytes: a list of 16 384 bytes")
    func statusListBytes() async throws {
        let listURL = "https://issuer.example/status/2"
        let list = try OB3Factory.text(OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.issuer))
        let payload = try signed(
            OB3Factory.credential(
                issuer: Self.issuer.didKey,
                extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: 7))]))
        let atLimit = try await verify(payload, documents: [listURL: list]) { $0.maximumStatusListBytes = 16_384 }
        #expect(atLimit.status(.revocation) == .passed, "\(atLimit.summaryText)")
        let under = try await verify(payload, documents: [listURL: list]) { $0.maximumStatusListBytes = 16_383 }
        #expect(under.status(.revocation) == .failed)
    }

    @Test("VerificationOptions.maximumContextLoads: two contexts the bundle lacks, from the context loader")
    func contextLoads() async throws {
        let contexts = [
            "https://contexts.example/a.json": #"{"@context":{"termA":"https://contexts.example/vocab#termA"}}"#,
            "https://contexts.example/b.json": #"{"@context":{"termB":"https://contexts.example/vocab#termB"}}"#,
        ]
        var credential = OB3Factory.credential(issuer: Self.issuer.didKey)
        credential["@context"] = [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://contexts.example/a.json", "https://contexts.example/b.json",
        ]
        credential["termA"] = "a"
        credential["termB"] = "b"
        var documents: [String: JSONValue] = [:]
        for (url, text) in contexts { documents[url] = try JSONValue(parsing: text) }
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(documents: documents)))
        let payload = OB3Factory.text(try DataIntegritySigning.sign(credential, issuer: Self.issuer, processor: processor))
        let folder = try OfflineFolder(contexts)
        defer { folder.remove() }
        func verify(loads: Int) async -> VerificationReport {
            var options = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
            options.contextLoader = folder.loader
            options.maximumContextLoads = loads
            return await BadgeVerifier(options: options).verify(payload: payload)
        }
        let atLimit = await verify(loads: 2)
        #expect(atLimit.verdict == .verified, "\(atLimit.summaryText)")
        let under = await verify(loads: 1)
        #expect(under.status(.signature) == .notChecked, "\(under.summaryText)")
        #expect(under.verdict == .indeterminate)
    }
}
