import Foundation
import Testing

@testable import BadgeVerification

/// Real OB 3.0 credentials from the shared corpus, verified offline (bundled contexts, an offline store holding only
/// documents written here).
@Suite("OB 3.0 corpus", .enabled(if: OB3Paths.hasCorpus, "../shared/corpus is absent"))
struct OB3CorpusTests {
    /// The revocation list the complete DCPV credential points at, written by this test (nothing revoked).
    static let emptyRevocationList = #"{"id":"https://1edtech.edu/credentials/3732/revocations","revokedCredential":[]}"#

    static func verify(_ file: String, documents: [String: String] = [:], identity: RecipientIdentity? = nil) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        let text = try String(contentsOf: OB3Paths.corpus.appendingPathComponent(file), encoding: .utf8)
        let options = VerificationOptions.forTests(loader: folder.loader, identity: identity, now: ob3Now)
        return await BadgeVerifier(options: options).verify(payload: text)
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let verdict: Verdict
        let checks: [CheckID: CheckStatus]
        var message: (CheckID, String)? = nil
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        // did:key issuers: self-certifying binding.
        Expectation(
            file: "ob3/dcc-v2-eddsa-rdfc-basic.json", verdict: .verified,
            checks: [.signature: .passed, .issuerBinding: .passed, .undefinedTerms: .passed, .expiry: .passed]),
        // DCC's subjects name the learner only by `name` (no id, no identifier), which OB 3.0 does not allow: payload fails,
        // while both proofs still verify and bind.
        Expectation(
            file: "ob3/dcc-v1-two-proofs.json", verdict: .failed, checks: [.payload: .failed, .signature: .passed, .issuerBinding: .passed],
            message: (.signature, "2 of 2")),
        Expectation(file: "ob3/dcc-v2-endorsement-two-proofs.json", verdict: .verified, checks: [.signature: .passed, .issuerBinding: .passed]),
        // A pre-final OB 3.0 draft with its own plugfest context and no OB 3.0 context: payload fails, the proof verifies.
        Expectation(
            file: "ob3/plugfest1-jff-ed25519sig2018.json", verdict: .failed, checks: [.payload: .failed, .signature: .passed, .issuerBinding: .passed]),
        Expectation(file: "ob3/plugfest2-jff-ed25519sig2020.json", verdict: .verified, checks: [.signature: .passed, .issuerBinding: .passed]),
        Expectation(file: "ob3/plugfest3-jff-ed25519sig2018.json", verdict: .verified, checks: [.signature: .passed, .issuerBinding: .passed]),
        Expectation(
            file: "ob3/dcc-v2-not-yet-valid.json", verdict: .failed, checks: [.signature: .passed, .expiry: .failed], message: (.expiry, "not yet valid")),
        // 1EdTech validator fixtures: the key is the multibase fragment of an https URL that is not dereferenced.
        Expectation(
            file: "ob3/dcpv-ob3-eddsa-rdfc.json", verdict: .indeterminate, checks: [.signature: .passed, .issuerBinding: .notChecked],
            message: (.issuerBinding, "unbound")),
        Expectation(file: "ob3/dcpv-ob3-eddsa-2022-legacy.json", verdict: .indeterminate, checks: [.signature: .passed, .issuerBinding: .notChecked]),
        Expectation(file: "ob3/dcpv-ob3-ed25519sig2020-vc1.json", verdict: .indeterminate, checks: [.signature: .passed, .issuerBinding: .notChecked]),
        Expectation(
            file: "ob3/dcpv-ob3-unknown-plus-eddsa-proof.json", verdict: .indeterminate, checks: [.signature: .passed], message: (.signature, "1 of 2")),
        Expectation(
            file: "ob3/dcpv-ob3-complete.json", verdict: .indeterminate,
            checks: [.signature: .passed, .revocation: .passed, .expiry: .passed, .endorsement: .warning]),
        Expectation(
            file: "ob3/dcpv-ob3-bad-proof-value.json", verdict: .failed, checks: [.signature: .failed, .issuerBinding: .notChecked],
            message: (.signature, "does not match")),
        // Keys only online or not resolvable here.
        Expectation(
            file: "ob3/dcc-v1-ed25519sig2020-status.json", verdict: .failed,
            checks: [.payload: .failed, .signature: .networkError, .revocation: .networkError], message: (.signature, "could not be fetched")),
        Expectation(
            file: "ob3/velocity-network-ob3.jwt", verdict: .indeterminate, checks: [.signature: .notChecked, .undefinedTerms: .warning],
            message: (.signature, "not supported")),
        // Broken: no key in the JWT header; no proof; empty file.
        Expectation(
            file: "ob3/dcpv-ob3-vc1.jwt", verdict: .failed, checks: [.signature: .failed, .jwtClaims: .passed], message: (.signature, "neither kid nor jwk")),
        Expectation(file: "ob3/edubadges-ob3-unsigned-minimal.json", verdict: .failed, checks: [.signature: .failed]),
        Expectation(file: "ob3/dcc-empty-file.json", verdict: .failed, checks: [.payload: .failed]),
    ]

    @Test("corpus credentials verify or fail with the right check", arguments: expectations)
    func corpus(_ expected: Expectation) async throws {
        let report = try await Self.verify(expected.file, documents: ["https://1edtech.edu/credentials/3732/revocations": Self.emptyRevocationList])
        #expect(report.verdict == expected.verdict, "\(report.summaryText)")
        for (id, status) in expected.checks {
            #expect(report.status(id) == status, "\(id): \(report.check(id)?.message ?? "did not run")")
        }
        if let (id, text) = expected.message {
            #expect(report.check(id)?.message.contains(text) == true, "\(id): \(report.check(id)?.message ?? "did not run")")
        }
        // A check that could not run never passes, and the signature is always reported.
        #expect(report.check(.signature) != nil || report.status(.payload) == .failed)
    }

    @Test("the complete credential's endorsement is verified and reported separately")
    func endorsementReport() async throws {
        let report = try await Self.verify(
            "ob3/dcpv-ob3-complete.json", documents: ["https://1edtech.edu/credentials/3732/revocations": Self.emptyRevocationList])
        let nested = try #require(report.endorsements)
        #expect(nested.count == report.checks.filter { $0.id == .endorsement }.count)
        #expect(nested.allSatisfy { $0.check(.signature) != nil })
    }

    @Test("the report, endorsements included, is JSON that decodes back")
    func reportJSON() async throws {
        let report = try await Self.verify(
            "ob3/dcpv-ob3-complete.json", documents: ["https://1edtech.edu/credentials/3732/revocations": Self.emptyRevocationList])
        let text = try report.jsonText()
        #expect(text.contains("\"endorsements\":[{"))
        let decoded = try JSONDecoder().decode(VerificationReport.self, from: Data(text.utf8))
        #expect(decoded == report)
        let plain = try await Self.verify("ob3/dcc-v2-eddsa-rdfc-basic.json")
        #expect(!(try plain.jsonText()).contains("endorsements"))
    }

    @Test("a revocation list naming the credential revokes it")
    func revokedByList() async throws {
        let list =
            #"{"id":"https://1edtech.edu/credentials/3732/revocations","revokedCredential":[{"id":"http://1edtech.edu/credentials/3732","revocationReason":"test"}]}"#
        let text = try String(contentsOf: OB3Paths.corpus.appendingPathComponent("ob3/dcpv-ob3-complete.json"), encoding: .utf8)
        #expect(text.contains("\"http://1edtech.edu/credentials/3732\""))
        let report = try await Self.verify("ob3/dcpv-ob3-complete.json", documents: ["https://1edtech.edu/credentials/3732/revocations": list])
        #expect(report.status(.revocation) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test("a did:web issuer served offline binds the key (status list still online only)")
    func didWebOffline() async throws {
        let did = "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf"
        let key = "z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ"
        // A DID document written here, listing the key the credential names (as the live did.json does).
        let didDocument = """
            {"@context":["https://www.w3.org/ns/did/v1"],"id":"\(did)","verificationMethod":[{"id":"\(did)#\(key)",
            "type":"Ed25519VerificationKey2020","controller":"\(did)","publicKeyMultibase":"\(key)"}],"assertionMethod":["\(did)#\(key)"]}
            """
        let report = try await Self.verify(
            "ob3/dcc-v1-ed25519sig2020-status.json",
            documents: ["https://digitalcredentials.github.io/vc-test-fixtures/dids/oidf/did.json": didDocument])
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        #expect(report.status(.revocation) == .networkError)
        #expect(report.status(.payload) == .failed, "the subject names no recipient (DCC writes only a name)")
        #expect(report.verdict == .failed)
    }
}
