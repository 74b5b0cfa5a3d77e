import Foundation
import Testing

/// `unbake --verify --offline` on the baked OB 3.0 credentials of the shared corpus. The offline folder is written
/// here at run time (contexts are bundled with the package, so only issuer documents are needed).
@Suite("unbake --verify for Open Badges 3.0", .enabled(if: TestPaths.products != nil && TestPaths.corpus != nil, "unbake or ../shared/corpus is absent"))
struct OB3CLITests {
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }

    /// Writes `manifest.tsv` and the documents.
    func offlineFolder(_ documents: [String: String]) throws -> URL {
        let folder = try TestPaths.temporaryDirectory()
        var manifest = "# OB 3.0 CLI test documents\n"
        for (index, (url, body)) in documents.sorted(by: { $0.key < $1.key }).enumerated() {
            try Data(body.utf8).write(to: folder.appendingPathComponent("doc\(index).json"))
            manifest += "\(url)\tdoc\(index).json\n"
        }
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.tsv"))
        return folder
    }

    func report(_ output: ProcessOutput) throws -> (verdict: String, checks: [String: String], messages: [String: String]) {
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        var messages: [String: String] = [:]
        for check in checks {
            let id = check["id"] as? String ?? ""
            if statuses[id] == nil {
                statuses[id] = check["status"] as? String
                messages[id] = check["message"] as? String
            }
        }
        return (object["verdict"] as? String ?? "", statuses, messages)
    }

    @Test(
        "baked 1EdTech sample credentials: a valid signature by a key that cannot be bound offline is indeterminate (exit 4), verified only with --accept-unbound-keys",
        arguments: [
            "png/dcpv-ob3-json.png", "png/dcpv-ob3-jwt.png", "png/dcpv-ob3-jwt-vc1.png",
            "svg/dcpv-ob3-json.svg", "svg/dcpv-ob3-jwt.svg", "svg/dcpv-ob3-jwt-vc1.svg",
        ])
    func verifies(_ file: String) throws {
        let folder = try offlineFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = TestPaths.corpus!.appendingPathComponent(file).path
        let output = try run(unbake, ["--verify", "--json", "--offline", folder.path, "--now", "2026-01-01T00:00:00Z", path])
        #expect(output.status == 4, "\(output.stdoutText)\(output.stderr)")
        let result = try report(output)
        #expect(result.verdict == "indeterminate")
        #expect(result.checks["signature"] == "passed")
        // The keys are not tied to the issuers (URL fragment, JWT jwk header) and the https issuers cannot be asked offline.
        #expect(result.checks["issuerBinding"] == "notChecked")
        let permissive = try run(unbake, ["--verify", "--json", "--accept-unbound-keys", "--offline", folder.path, "--now", "2026-01-01T00:00:00Z", path])
        #expect(permissive.status == 0, "\(permissive.stdoutText)\(permissive.stderr)")
        #expect(try report(permissive).checks["issuerBinding"] == "warning")
    }

    @Test("with the issuer profile served, listing the key under assertionMethod, the Data Integrity key is bound to the issuer")
    func boundWithProfile() throws {
        let issuer = "https://example.com/issuers/876543"
        let key = "z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x"
        let profile = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"\(issuer)",
            "type":"Profile","name":"Example issuer (written by the test)","verificationMethod":[{"id":"\(issuer)#\(key)","type":"Multikey",
            "controller":"\(issuer)","publicKeyMultibase":"\(key)"}],"assertionMethod":["\(issuer)#\(key)"]}
            """
        let folder = try offlineFolder([issuer: profile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try run(unbake, ["--verify", "--json", "--offline", folder.path, TestPaths.corpus!.appendingPathComponent("png/dcpv-ob3-json.png").path])
        #expect(output.status == 0, "\(output.stdoutText)\(output.stderr)")
        let result = try report(output)
        #expect(result.checks["issuerBinding"] == "passed", "\(result.messages)")
    }

    @Test("Credly's did:web key is only online: the signature is a network error, with the reason")
    func credlyOffline() throws {
        let folder = try offlineFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try run(
            unbake,
            [
                "--verify", "--json", "--offline", folder.path,
                TestPaths.corpus!.appendingPathComponent("png/credly-ob3-lightbend-reactive-microservices.png").path,
            ])
        #expect(output.status == 4, "\(output.stdoutText)\(output.stderr)")
        let result = try report(output)
        #expect(result.verdict == "indeterminate")
        #expect(result.checks["signature"] == "networkError")
        #expect(result.messages["signature"]?.contains("did:web:www.credly.com") == true)
        #expect(result.messages["signature"]?.contains("not in the offline store") == true)
        #expect(result.checks["revocation"] == "networkError")
    }

    @Test("the human-readable report of a VC-JWT")
    func textReport() throws {
        let folder = try offlineFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try run(unbake, ["--verify", "--offline", folder.path, TestPaths.corpus!.appendingPathComponent("png/dcpv-ob3-jwt.png").path])
        #expect(output.status == 4)
        #expect(output.stdoutText.hasPrefix("Verdict: indeterminate (vc-jwt, Open Badges 3.0)"))
        #expect(output.stdoutText.contains("PASS signature"))
        #expect(output.stdoutText.contains("SKIP issuerBinding"))
    }
}
