import BadgeBaking
import Foundation
import OpenBadgesModel
import BadgeTestSupport
import Testing

@testable import BadgeVerification

/// Many tasks extract (PNG and SVG) and verify at once, sharing one extractor, one verifier and one
/// CachingDocumentLoader: the results equal the single-threaded ones. Run under ThreadSanitizer by
/// Scripts/tsan.sh.
@Suite("Concurrency")
struct ConcurrencyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let tasks = 64

    @Test("Concurrent PNG and SVG extraction and offline verification through a shared cache")
    func extractionAndOfflineVerification() async throws {
        let png = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("example-badge.png")))
        let extractor = BadgeExtractor()
        let expected = try #require(try extractor.extract(from: png))
        let svg = try BadgeBaker().bake(expected.payload, from: .bytes(Array(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8)), to: .memory).bakedImage!
        let loader = CachingDocumentLoader(try OfflineDocumentLoader(directory: Self.fixtures.appendingPathComponent("example-offline")))
        let verifier = BadgeVerifier(
            options: VerificationOptions.forTests(
                loader: loader, identity: RecipientIdentity(guessing: "learner@example.org"),
                now: { Date(timeIntervalSince1970: 1_798_761_600) }))
        let reference = await verifier.verify(expected)
        #expect(reference.verdict == .verified, "\(reference.checks)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<Self.tasks {
                group.addTask {
                    let image = index.isMultiple(of: 2) ? png : svg
                    let badge = try #require(try extractor.extract(from: image))
                    #expect(badge.payload == expected.payload)
                    #expect(badge.format == (index.isMultiple(of: 2) ? .png : .svg))
                    let report = await verifier.verify(badge)
                    #expect(report.verdict == reference.verdict)
                    #expect(report.checks.map(\.status) == reference.checks.map(\.status))
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("Concurrent OB 3.0 verifications share the processed-context cache: genuine ones verify, tampered ones fail")
    func ob3SharedContextCache() async throws {
        // Fresh keys and credentials: each task signs its own, so the cache is shared but the credentials are not.
        let verifier = BadgeVerifier(options: VerificationOptions.forTests(loader: try OfflineFolder([:]).loader))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<Self.tasks {
                group.addTask {
                    let key = Ed25519Key()
                    let credential = OB3Factory.credential(issuer: key.didKey, id: "urn:uuid:\(UUID().uuidString.lowercased())")
                    var signed = try OB3Factory.sign(credential, key: key.privateKey, method: key.didKeyMethod)
                    let tampered = index.isMultiple(of: 4)
                    if tampered { signed["name"] = "A badge never issued" }
                    let report = await verifier.verify(payload: OB3Factory.text(signed))
                    #expect(report.verdict == (tampered ? .failed : .verified), "\(report.checks)")
                    if tampered { #expect(report.status(.signature) == .failed) }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("Concurrent hosted and signed verification against a loopback server through a shared cache")
    func hostedVerification() async throws {
        let host = try BadgeHost()
        let loader = CachingDocumentLoader(host.loader)
        let verifier = BadgeVerifier(
            options: VerificationOptions.forTests(loader: loader, identity: RecipientIdentity(guessing: "learner@example.org"), now: testNow))
        let hosted = host.hosted("/assertions/1.json")
        let signedAssertion = """
            {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:concurrent",\
            "recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"badge":"\(host.badgeID)",\
            "verification":{"type":"SignedBadge","creator":"\(host.keyID)"},"issuedOn":"2025-01-01T00:00:00Z"}
            """
        let signed = try BadgeHost.sign(signedAssertion)
        let references = [await verifier.verify(payload: hosted), await verifier.verify(payload: signed)]
        #expect(references[0].verdict == .verified, "\(references[0].checks)")
        #expect(references[1].verdict == .verified, "\(references[1].checks)")
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<Self.tasks {
                group.addTask {
                    let which = index % 2
                    let report = await verifier.verify(payload: which == 0 ? hosted : signed)
                    #expect(report.verdict == references[which].verdict, "\(report.checks)")
                }
            }
        }
    }
}
