import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing

@testable import BadgeVerification
import OpenBadgesModel

/// OB 3.0 credentials signed with the W3C ECDSA cryptosuites (ecdsa-rdfc-2019, ecdsa-jcs-2019) by fresh P-256 and P-384
/// did:key issuers: valid ones verify, tampered ones fail the signature, a key that does not fit the suite fails.
@Suite("OB 3.0 ECDSA cryptosuites")
struct OB3ECDSATests {
    enum Curve: String, CaseIterable, Sendable {
        case p256 = "P-256"
        case p384 = "P-384"
    }

    struct Issuer {
        let did: String
        let method: String
        let key: DataIntegrity.SigningKey

        init(_ curve: Curve) {
            let multikey: String
            switch curve {
            case .p256:
                let key = P256.Signing.PrivateKey()
                multikey = MultikeyPublicKey.p256(Array(key.publicKey.compressedRepresentation)).multibase
                self.key = .p256(key)
            case .p384:
                let key = P384.Signing.PrivateKey()
                multikey = MultikeyPublicKey.p384(Array(key.publicKey.compressedRepresentation)).multibase
                self.key = .p384(key)
            }
            did = "did:key:" + multikey
            method = did + "#" + multikey
        }
    }

    func signed(_ issuer: Issuer, suite: String, edit: (inout JSONObject) -> Void = { _ in }) throws -> JSONObject {
        var credential = OB3Factory.credential(issuer: issuer.did)
        edit(&credential)
        let options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": .string(suite), "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(issuer.method), "proofPurpose": "assertionMethod",
        ]
        return try DataIntegrity.sign(credential, proofOptions: options, signingKey: issuer.key, processor: OB3Factory.processor())
    }

    func verify(_ credential: JSONObject) async throws -> VerificationReport {
        let folder = try OfflineFolder([:])
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: OB3Factory.text(credential))
    }

    @Test("valid and tampered", arguments: Curve.allCases, ["ecdsa-rdfc-2019", "ecdsa-jcs-2019"])
    func validAndTampered(_ curve: Curve, _ suite: String) async throws {
        let issuer = Issuer(curve)
        let credential = try signed(issuer, suite: suite)
        let report = try await verify(credential)
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        #expect(report.status(.signedData) == (suite == "ecdsa-rdfc-2019" ? .passed : nil))
        var tampered = credential
        tampered["name"] = "A name the issuer never signed"
        let forged = try await verify(tampered)
        #expect(forged.status(.signature) == .failed, "\(forged.summaryText)")
        #expect(forged.verdict == .failed)
    }

    @Test("a key that does not fit the suite fails: an Ed25519 key under ecdsa-rdfc-2019, a P-256 signature named as P-384's")
    func keyMismatch() async throws {
        let ed = Ed25519Key()
        let options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "ecdsa-rdfc-2019", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(ed.didKeyMethod), "proofPurpose": "assertionMethod",
        ]
        let p256 = P256.Signing.PrivateKey()
        var credential = try DataIntegrity.sign(
            OB3Factory.credential(issuer: ed.didKey), proofOptions: options, signingKey: .p256(p256), processor: OB3Factory.processor())
        let report = try await verify(credential)
        #expect(report.status(.signature) == .failed, "\(report.summaryText)")
        // A P-384 issuer whose proof was made with SHA-256 hash data (as for P-256) does not verify.
        let issuer = Issuer(.p384)
        credential = try signed(issuer, suite: "ecdsa-rdfc-2019")
        guard case .p384(let key) = issuer.key else { return }
        let unsecured: JSONObject = {
            var copy = credential
            copy["proof"] = nil
            return copy
        }()
        var proof = try #require(DataIntegrity.proofs(of: credential).first)
        proof["proofValue"] = nil
        let wrongDigest = try DataIntegrity.hashData(suite: .ecdsaRdfc2019, unsecured: unsecured, proofOptions: proof, processor: OB3Factory.processor())
        proof["proofValue"] = .string(Multibase.encodeBase58btc(Array(try key.signature(for: wrongDigest.signedBytes).rawRepresentation)))
        var forged = unsecured
        forged["proof"] = .object(proof)
        #expect(try await verify(forged).status(.signature) == .failed)
    }
}
