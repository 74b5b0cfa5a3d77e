import Foundation
import Testing

/// `unbake --fetch`: the summary completed from the documents the image names, on the real OB 1.1 badge of the
/// shared corpus served from an offline folder written at run time.
@Suite("unbake --fetch", .enabled(if: TestPaths.products != nil && TestPaths.corpus != nil, "unbake or ../shared/corpus is absent"))
struct FetchCLITests {
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }
    var image: String { TestPaths.corpus!.appendingPathComponent("png/chytanya-ob11-itxt-hosted.png").path }
    static let origin = "http://ufjbggbuwy.localtunnel.me/data/"

    /// The documents the badge was served with, in an offline folder (`withBadgeClass: false` leaves it out).
    func folder(withBadgeClass: Bool = true) throws -> URL {
        let folder = try TestPaths.temporaryDirectory()
        var manifest = ""
        var files = ["assertion.json": "chytanya-ob11-hosted-assertion.json", "organization.json": "chytanya-ob11-issuer.json"]
        if withBadgeClass { files["badge.json"] = "chytanya-ob11-badgeclass.json" }
        for (path, file) in files {
            try Data(contentsOf: TestPaths.corpus!.appendingPathComponent("json/\(file)")).write(to: folder.appendingPathComponent(file))
            manifest += "\(Self.origin)\(path)\t\(file)\n"
        }
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.tsv"))
        return folder
    }

    @Test("--summary --fetch shows the title, issuer and skills that only the BadgeClass and issuer hold")
    func summary() throws {
        let documents = try folder()
        defer { try? FileManager.default.removeItem(at: documents) }
        let plain = try run(unbake, ["--summary", image])
        #expect(plain.stdoutText.contains("Title:        (not in the image)"))
        let output = try run(unbake, ["--summary", "--fetch", "--offline", documents.path, image])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdoutText.contains("Title:        Awesome Badge 2"))
        #expect(output.stdoutText.contains("An Example Badge Issuer"))
        #expect(output.stdoutText.contains("CCSS.ELA-Literacy.RST.11-12.4"))
    }

    @Test("--json --fetch fills the badge object; documentsToFetch keeps only what could not be fetched; exit 0")
    func json() throws {
        let documents = try folder(withBadgeClass: false)
        defer { try? FileManager.default.removeItem(at: documents) }
        let output = try run(unbake, ["--json", "--fetch", "--offline", documents.path, image])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let badge = try #require(object["badge"] as? [String: Any])
        #expect(badge["documentsToFetch"] as? [String] == [Self.origin + "badge.json"])
        #expect((badge["warnings"] as? [String])?.contains { $0.contains(Self.origin + "badge.json") } == true)
        #expect((object["sources"] as? [String: String])?["recipient"] == "hostedAssertion")
    }

    @Test("--verify --fetch prints the completed summary and the report, with the verification's exit status")
    func verify() throws {
        let documents = try folder()
        defer { try? FileManager.default.removeItem(at: documents) }
        let output = try run(unbake, ["--verify", "--fetch", "--offline", documents.path, "--now", "2026-01-01T00:00:00Z", image])
        #expect(output.status == 0, "\(output.stdoutText)\(output.stderr)")
        #expect(output.stdoutText.contains("Title:        Awesome Badge 2"))
        #expect(output.stdoutText.contains("Verdict: verified (hosted, Open Badges 1.1)"))
        let expired = try run(unbake, ["--verify", "--fetch", "--json", "--offline", documents.path, "--now", "2040-01-01T00:00:00Z", image])
        #expect(expired.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: expired.stdout) as? [String: Any])
        #expect((object["verification"] as? [String: Any])?["verdict"] as? String == "failed")
        #expect((object["badge"] as? [String: Any])?["title"] as? String == "Awesome Badge 2")
    }

    @Test("--offline and --allow-private-network go with --fetch or --verify")
    func usage() throws {
        #expect(try run(unbake, ["--allow-private-network", image]).status == 64)
        #expect(try run(unbake, ["--fetch", "--allow-private-network", "--offline", "/nonexistent", image]).status == 2)
    }
}
