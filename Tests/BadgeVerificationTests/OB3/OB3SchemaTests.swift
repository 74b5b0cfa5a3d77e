import Foundation
import JSONLD
import Testing

@testable import BadgeVerification
import OpenBadgesModel

/// The `schema` check (step 1 of the OB 3.0 verification algorithm) on credentials signed by fresh keys: one that
/// the published achievementcredential schema accepts, and ones it rejects although their proof is valid.
@Suite("OB 3.0 JSON Schema check")
struct OB3SchemaTests {
    static let issuer = Ed25519Key()
    static let schemaURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    func credential(schema: String = schemaURL, edit: (inout JSONObject) -> Void = { _ in }) throws -> String {
        var subject = OB3Factory.subject()
        subject["type"] = ["AchievementSubject"]
        subject["achievement"] = [
            "id": "https://issuer.example/achievements/1", "type": ["Achievement"], "name": "Schema Badge",
            "description": "Valid against the published schema.", "criteria": ["narrative": "Be valid."],
        ]
        var credential = OB3Factory.credential(
            issuer: Self.issuer.didKey, subject: subject,
            extra: [("credentialSchema", [["id": .string(schema), "type": "1EdTechJsonSchemaValidator2019"]])])
        edit(&credential)
        return OB3Factory.text(try OB3Factory.sign(credential, key: Self.issuer.privateKey, method: Self.issuer.didKeyMethod))
    }

    func verify(_ payload: String) async throws -> VerificationReport {
        let folder = try OfflineFolder([:])
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: payload)
    }

    @Test("a schema-valid credential verifies with schema passed")
    func valid() async throws {
        let report = try await verify(try credential())
        #expect(report.status(.schema) == .passed, "\(report.summaryText)")
        #expect(report.verdict == .verified, "\(report.summaryText)")
    }

    @Test(
        "schema-invalid credentials fail the schema check with the pointer and keyword, although the proof is valid",
        arguments: [
            ("/ (required)", "validFrom"), ("/credentialSubject/achievement/criteria", "type"),
        ])
    func invalid(_ pointer: String, _ keyword: String) async throws {
        let payload = try credential { credential in
            if pointer.hasPrefix("/ ") {
                credential["validFrom"] = nil  // the model does not need it; the schema requires it
            } else {
                var subject = credential["credentialSubject"]!.objectValue!
                var achievement = subject["achievement"]!.objectValue!
                achievement["criteria"] = "not an object"
                subject["achievement"] = .object(achievement)
                credential["credentialSubject"] = .object(subject)
            }
        }
        let report = try await verify(payload)
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.schema) == .failed, "\(report.summaryText)")
        let message = report.check(.schema)?.message ?? ""
        #expect(message.contains(pointer) && message.contains(keyword), "\(message)")
        #expect(report.verdict == .failed)
    }

    @Test("an unknown schema URL is not checked (never fetched, never passed)")
    func unknownSchema() async throws {
        let report = try await verify(try credential(schema: "https://schemas.example/any.json"))
        #expect(report.status(.schema) == .notChecked)
        #expect(report.verdict == .indeterminate)
    }

    @Test("Credly's null members (targetDescription: null) are read as absent, as JSON-LD reads them: a warning, not a failure")
    func nullMembers() async throws {
        let payload = try credential { credential in
            var subject = credential["credentialSubject"]!.objectValue!
            var achievement = subject["achievement"]!.objectValue!
            achievement["alignment"] = [
                ["type": "Alignment", "targetDescription": nil, "targetName": "Reactive Architect", "targetUrl": "https://example.org/reactive"]
            ]
            subject["achievement"] = .object(achievement)
            credential["credentialSubject"] = .object(subject)
        }
        let report = try await verify(payload)
        #expect(report.status(.schema) == .warning, "\(report.summaryText)")
        #expect(report.check(.schema)?.message.contains("/credentialSubject/achievement/alignment") == true)
        #expect(report.verdict == .verified)
    }
}
