import BadgeBaking
import Foundation
import JSONLD
import OpenBadgesModel
import Testing

@testable import BadgeVerification

/// CLR 2.0 learner records signed by fresh did:key issuers, baked into PNG and SVG, extracted through the same path as
/// badges, summarised (one summary per achievement) and verified (the record's proof, then every embedded credential).
@Suite("CLR 2.0")
struct CLRTests {
    static let school = Ed25519Key()
    static let registrar = Ed25519Key()
    static let clrContexts: JSONValue = [
        "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]

    /// An AchievementCredential by the school (signed), with a skill alignment.
    func achievementCredential(_ name: String, validUntil: String? = nil) throws -> JSONObject {
        var subject = OB3Factory.subject()
        subject["type"] = ["AchievementSubject"]
        subject["achievement"] = [
            "id": .string("https://school.example/achievements/\(name.lowercased())"), "type": ["Achievement"], "name": .string(name),
            "description": "A course.", "criteria": ["narrative": "Pass."],
            "alignment": [
                [
                    "type": ["Alignment"], "targetName": .string("\(name) skill"), "targetFramework": "ESCO", "targetCode": .string("S-\(name)"),
                    "targetUrl": "https://esco.example/skill",
                ]
            ],
        ]
        let credential = OB3Factory.credential(issuer: Self.school.didKey, id: "urn:uuid:\(UUID())", subject: subject, validUntil: validUntil)
        return try OB3Factory.sign(credential, key: Self.school.privateKey, method: Self.school.didKeyMethod)
    }

    /// A ClrCredential by the registrar embedding `credentials` (signed unless `sign` is false).
    func record(_ credentials: [JSONObject], sign: Bool = true) throws -> JSONObject {
        let record: JSONObject = [
            "@context": Self.clrContexts, "id": "urn:uuid:8c6b3a5e-1f2d-4e3c-9a7b-6d5e4f3a2b1c", "type": ["VerifiableCredential", "ClrCredential"],
            "issuer": ["id": .string(Self.registrar.didKey), "type": ["Profile"], "name": "Registrar"], "name": "Transcript",
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": [
                "id": "did:example:learner", "type": ["ClrSubject"], "verifiableCredential": .array(credentials.map(JSONValue.object)),
                "achievement": [
                    [
                        "id": "https://school.example/achievements/capstone", "type": ["Achievement"], "name": "Capstone (in progress)",
                        "criteria": ["narrative": "Finish the project."],
                    ]
                ],
            ],
        ]
        return sign ? try OB3Factory.sign(record, key: Self.registrar.privateKey, method: Self.registrar.didKeyMethod) : record
    }

    func verify(_ payload: String) async throws -> VerificationReport {
        let folder = try OfflineFolder([:])
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: payload)
    }

    @Test(
        "a valid record in PNG and SVG: extracted as a CLR, summarised per achievement, verified with one report per embedded credential",
        arguments: ["png", "svg"])
    func validRecord(_ format: String) async throws {
        let text = OB3Factory.text(try record([try achievementCredential("Algebra"), try achievementCredential("Biology")]))
        let image: [UInt8] =
            format == "png"
            ? try BadgeBaker().bake(text, from: .file(OB3Paths.packageRoot.appendingPathComponent("Tests/Fixtures/plain-badge.png")), to: .memory).bakedImage!
            : try BadgeBaker().bake(text, from: .bytes(Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#.utf8)), to: .memory)
                .bakedImage!
        if format == "svg" {
            let svg = String(decoding: image, as: UTF8.self)
            #expect(svg.contains(#"xmlns:clr="https://purl.imsglobal.org/clr/v2p0""#) && svg.contains("<clr:credential>"), "\(svg.prefix(300))")
        }
        let baked = try #require(try BadgeExtractor().extract(from: image))
        #expect(baked.generation == .clr)
        if case .pngChunk = baked.location { #expect(baked.generation.pngKeyword == "clrcredential") }
        // One upload, every achievement: the two awarded ones and the one the record only describes.
        let summary = try BadgeSummary(payload: baked.payload)
        #expect(summary.documentKind == "clrCredential")
        #expect(summary.title == "Transcript")
        #expect(summary.achievements.map(\.title) == ["Algebra", "Biology", "Capstone (in progress)"])
        #expect(summary.achievements.first?.skills.first?.framework == "ESCO")
        let report = await BadgeVerifier(options: VerificationOptions.forTests(loader: try OfflineFolder([:]).loader, now: ob3Now)).verify(baked)
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.credentials?.count == 2)
        #expect(report.credentials?.allSatisfy { $0.verdict == .verified } == true)
        #expect(report.checks.filter { $0.id == .embeddedCredential }.allSatisfy { $0.status == .passed })
    }

    @Test("an embedded credential tampered with, the record re-signed over it: the embedded credential and the record fail")
    func tamperedEmbedded() async throws {
        var tampered = try achievementCredential("Algebra")
        var subject = try #require(tampered["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["name"] = "Advanced Algebra"
        subject["achievement"] = .object(achievement)
        tampered["credentialSubject"] = .object(subject)
        let report = try await verify(OB3Factory.text(try record([tampered])))
        #expect(report.status(.signature) == .passed, "the record's own proof is valid")
        #expect(report.status(.embeddedCredential) == .failed, "\(report.summaryText)")
        #expect(report.credentials?.first?.status(.signature) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test("the record's own proof broken: the signature fails")
    func brokenOuterProof() async throws {
        var signed = try record([try achievementCredential("Algebra")])
        signed["name"] = "Forged Transcript"
        let report = try await verify(OB3Factory.text(signed))
        #expect(report.status(.signature) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    @Test("an embedded credential expired: the record fails")
    func expiredEmbedded() async throws {
        let report = try await verify(OB3Factory.text(try record([try achievementCredential("Algebra", validUntil: "2025-02-01T00:00:00Z")])))
        #expect(report.credentials?.first?.status(.expiry) == .failed)
        #expect(report.status(.embeddedCredential) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test("an embedded credential of a kind not verified here is not checked, never passed")
    func unsupportedEmbedded() async throws {
        let other: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "ExampleCredential"],
            "issuer": .string(Self.school.didKey), "credentialSubject": ["id": "did:example:learner"],
        ]
        let report = try await verify(OB3Factory.text(try record([try achievementCredential("Algebra"), other])))
        #expect(report.checks.contains { $0.id == .embeddedCredential && $0.status == .notChecked })
        #expect(report.verdict == .indeterminate, "\(report.summaryText)")
    }
}
