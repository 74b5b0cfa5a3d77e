import DataIntegrity
import Foundation
import JSONLD
import Testing
import Zlib

@testable import BadgeVerification
import OpenBadgesModel

/// Hostile or odd inputs give a report, never a crash or unbounded work; verifications may run concurrently.
@Suite("OB 3.0 robustness")
struct OB3RobustnessTests {
    static let issuer = Ed25519Key()

    func verify(_ payload: String, documents: [String: String] = [:]) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: payload)
    }

    @Test("concurrent verifications share the bundled contexts safely")
    func concurrent() async throws {
        let payload = OB3Factory.text(
            try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod))
        let folder = try OfflineFolder([:])
        defer { folder.remove() }
        let verifier = BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now))
        let verdicts = await withTaskGroup(of: Verdict.self) { group in
            for _ in 0..<16 { group.addTask { await verifier.verify(payload: payload).verdict } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(verdicts.count == 16 && verdicts.allSatisfy { $0 == .verified })
    }

    @Test("an overlong proofValue or verification method is refused, not decoded")
    func overlongBase58() async throws {
        var document = try OB3Factory.sign(OB3Factory.credential(issuer: Self.issuer.didKey), key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        var proof = try #require(document["proof"]?.objectValue)
        proof["proofValue"] = .string("z" + String(repeating: "2", count: 100_000))
        document["proof"] = .object(proof)
        #expect(try await verify(OB3Factory.text(document)).status(.signature) == .failed)
        proof["proofValue"] = "z3FXQ"
        proof["verificationMethod"] = .string("did:key:z" + String(repeating: "6", count: 100_000))
        document["proof"] = .object(proof)
        #expect(try await verify(OB3Factory.text(document)).status(.signature) == .failed)
        #expect(Base58.decode(String(repeating: "1", count: Base58.maximumInputLength + 1)) == nil)
    }

    @Test("a status list that inflates past the limit is refused")
    func statusListBomb() async throws {
        let listURL = "https://issuer.example/status/bomb"
        var list = try OB3Factory.bitstringStatusList(url: listURL, revoked: [], issuer: Self.issuer)
        list["proof"] = nil
        var subject = try #require(list["credentialSubject"]?.objectValue)
        let bomb = try deflate([UInt8](repeating: 0, count: VerificationOptions.forTests(now: ob3Now).maximumStatusListBytes + 1), container: .gzip)
        subject["encodedList"] = .string("u" + Base64URL.encode(bomb))
        list["credentialSubject"] = .object(subject)
        let signedList = try OB3Factory.sign(list, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod)
        let payload = OB3Factory.text(
            try OB3Factory.sign(
                OB3Factory.credential(
                    issuer: Self.issuer.didKey,
                    extra: [("credentialStatus", OB3Factory.bitstringEntry(list: listURL, index: 1))]), key: Self.issuer.privateKey,
                method: Self.issuer.didKeyMethod))
        let report = try await verify(payload, documents: [listURL: OB3Factory.text(signedList)])
        #expect(report.status(.revocation) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test(
        "malformed credentials fail the payload check",
        arguments: [
            #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"type":"Profile"},"credentialSubject":{}}"#,
            #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["OpenBadgeCredential"],"issuer":"did:example:1","credentialSubject":{"id":"x"}}"#,
        ])
    func malformed(_ text: String) async throws {
        let report = try await verify(text)
        #expect(report.verdict == .failed)
        #expect(report.status(.payload) == .failed, "\(report.summaryText)")
    }
}
