import Foundation
import JSONLD
import BadgeTestSupport
import Testing
import _CryptoExtras

@testable import BadgeVerification
import OpenBadgesModel

/// Every per-verification budget just under and just over what a badge needs: enough verifies, one less is
/// indeterminate with a `budget` check naming the budget.
@Suite("Verification budgets")
struct BudgetTests {
    static let issuer = Ed25519Key()
    static let endorser = Ed25519Key()

    func hostedVerifier(_ host: BadgeHost, _ configure: (inout VerificationOptions) -> Void) -> BadgeVerifier {
        var options = VerificationOptions.forTests(loader: host.loader, now: testNow)
        configure(&options)
        return BadgeVerifier(options: options)
    }

    func expectOver(_ report: VerificationReport, _ budget: String) {
        #expect(report.verdict == .indeterminate, "\(report.checks)")
        #expect(report.status(.budget) == .notChecked)
        #expect(report.check(.budget)?.message.contains(budget) == true, "\(report.check(.budget)?.message ?? "no budget check")")
    }

    @Test("maximumDocumentsFetched: a hosted badge needs its assertion, BadgeClass and issuer (3 documents)")
    func documents() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/budget.json")
        let enough = await hostedVerifier(host) { $0.maximumDocumentsFetched = 3 }.verify(payload: url)
        #expect(enough.verdict == .verified, "\(enough.checks)")
        #expect(enough.check(.budget) == nil)
        expectOver(await hostedVerifier(host) { $0.maximumDocumentsFetched = 2 }.verify(payload: url), "maximumDocumentsFetched")
    }

    @Test("maximumKeysTried: an issuer listing many keys, the signing one last")
    func keys() async throws {
        let host = try BadgeHost()
        var keys: [String] = []
        for index in 0..<3 {
            let id = "\(host.base)/decoy\(index).json"
            host.server.route("/decoy\(index).json", .json(BadgeHost.keyDocument(id: id, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
            keys.append(id)
        }
        host.setIssuer(publicKeys: keys + [host.keyID])
        let jws = try BadgeHost.sign(host.assertion(id: "urn:uuid:keys", verification: #"{"type":"signed"}"#))
        let enough = await hostedVerifier(host) { $0.maximumKeysTried = 4 }.verify(payload: jws)
        #expect(enough.verdict == .verified, "\(enough.checks)")
        let over = await hostedVerifier(host) { $0.maximumKeysTried = 3 }.verify(payload: jws)
        expectOver(over, "maximumKeysTried")
        #expect(over.status(.signature) == .notChecked)
        // The documents budget bounds the same attack on its own: a thousand listed keys are not a thousand requests.
        host.setIssuer(publicKeys: (0..<1000).map { "\(host.base)/missing\($0).json" } + [host.keyID])
        let flood = await hostedVerifier(host) { $0.maximumKeysTried = 10_000 }.verify(payload: jws)
        expectOver(flood, "maximumDocumentsFetched")
        #expect(host.server.hitCount("/missing100.json") == 0)
    }

    func verifyOB3(_ payload: String, _ configure: (inout VerificationOptions) -> Void) async throws -> (VerificationReport, VerificationBudget) {
        let folder = try OfflineFolder([:])
        defer { folder.remove() }
        var options = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
        configure(&options)
        let budget = VerificationBudget(options)
        options.loader = BudgetedLoader(base: options.loader, budget: budget)
        let report = BadgeVerifier.closing(await BadgeVerifier.verify(payload: payload, options: options, budget: budget), budget: budget)
        return (report, budget)
    }

    func endorsedCredential(endorsements: Int) throws -> String {
        let endorsement: JSONObject = [
            "@context": OB3Factory.contexts, "id": "urn:uuid:endorsement", "type": ["VerifiableCredential", "EndorsementCredential"],
            "issuer": ["id": .string(Self.endorser.didKey), "type": ["Profile"], "name": "Endorser"], "name": "Endorsement",
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": ["id": "https://issuer.example/achievements/swift", "type": ["EndorsementSubject"], "endorsementComment": "Good."],
        ]
        let signed = JSONValue.object(try OB3Factory.sign(endorsement, key: Self.endorser.privateKey, method: Self.endorser.didKeyMethod))
        let credential = OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsement", .array(Array(repeating: signed, count: endorsements)))])
        return OB3Factory.text(try OB3Factory.sign(credential, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod))
    }

    @Test("maximumProofsVerified: a credential and its endorsements' proofs together (1 + 2)")
    func proofs() async throws {
        let payload = try endorsedCredential(endorsements: 2)
        let (enough, _) = try await verifyOB3(payload) { $0.maximumProofsVerified = 3 }
        #expect(enough.verdict == .verified, "\(enough.summaryText)")
        #expect(enough.endorsements?.allSatisfy { $0.verdict == .verified } == true)
        let (over, _) = try await verifyOB3(payload) { $0.maximumProofsVerified = 2 }
        expectOver(over, "maximumProofsVerified")
    }

    @Test("maximumLinkedDataWork: summed over the credential and its endorsements, exactly what it needs passes")
    func linkedDataWork() async throws {
        let payload = try endorsedCredential(endorsements: 2)
        let (measured, budget) = try await verifyOB3(payload) { _ in }
        #expect(measured.verdict == .verified, "\(measured.summaryText)")
        let need = try #require(budget.spending[.linkedDataWork])
        #expect(need > 0)
        let (enough, _) = try await verifyOB3(payload) { $0.maximumLinkedDataWork = need }
        #expect(enough.verdict == .verified, "\(enough.summaryText)")
        let (over, _) = try await verifyOB3(payload) { $0.maximumLinkedDataWork = need - 1 }
        expectOver(over, "maximumLinkedDataWork")
    }

    @Test("deadline: a document that never comes ends as a network error at the verification's deadline")
    func deadline() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/slow.json")
        var slow = LoopbackHTTPServer.Response.json(#"{"id":"\#(host.badgeID)"}"#)
        slow.delay = 8
        let fast = await hostedVerifier(host) { _ in }.verify(payload: url)  // the tests' deadline (10 minutes): nothing here is slow
        #expect(fast.verdict == .verified, "\(fast.checks)")
        host.server.route("/badge.json", slow)
        // The fetch policy's own timeout (30 s) is longer than the verification's deadline (1 s).
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = true
        policy.timeout = 30
        let report = await hostedVerifier(host) {
            $0.deadline = 1
            $0.loader = HTTPDocumentLoader(policy: policy)
        }.verify(payload: url)
        expectOver(report, "deadline")
        // The BadgeClass fetch is the one that hangs; on a loaded machine the deadline can already fall during the
        // assertion's fetch. Either way the fetch that was running ends as a network error.
        #expect([report.status(.hostedAssertion), report.status(.badgeClass)].contains(.networkError), "\(report.checks)")
    }

    @Test("endorsements of nested endorsements, 8 proofs each (4 × 4 here; Scripts/attack.sh runs 16 × 16): the proofs budget ends it at maximumProofsVerified")
    func nestedEndorsementFlood() async throws {
        let proof: JSONValue = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(Self.endorser.didKeyMethod), "proofPurpose": "assertionMethod",
            "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UAUL5n2Brbx",
        ]
        func endorsement(_ inner: [JSONValue]) -> JSONValue {
            var object: JSONObject = [
                "@context": OB3Factory.contexts, "id": "urn:uuid:endorsement", "type": ["VerifiableCredential", "EndorsementCredential"],
                "issuer": ["id": .string(Self.endorser.didKey), "type": ["Profile"], "name": "Endorser"], "name": "Endorsement",
                "validFrom": "2025-01-01T00:00:00Z",
                "credentialSubject": ["id": "https://issuer.example/achievements/swift", "type": ["EndorsementSubject"], "endorsementComment": "Good."],
                "proof": .array(Array(repeating: proof, count: 8)),
            ]
            if !inner.isEmpty { object["endorsement"] = .array(inner) }
            return .object(object)
        }
        let leaf = endorsement([])
        let middle = endorsement(Array(repeating: leaf, count: 4))
        let credential = OB3Factory.credential(issuer: Self.issuer.didKey, extra: [("endorsement", .array(Array(repeating: middle, count: 4)))])
        let payload = OB3Factory.text(try OB3Factory.sign(credential, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod))
        let (report, budget) = try await verifyOB3(payload) { _ in }
        expectOver(report, "maximumProofsVerified")
        #expect(budget.spending[.proofs] == VerificationOptions().maximumProofsVerified)
    }
}
