import Foundation
import Testing

@testable import BadgeBaking

/// Runs the built `unbake` and `bake` executables and checks their output and exit status: a contract
/// other tools and CI scripts rely on.
@Suite("Command-line tools", .enabled(if: TestPaths.products != nil, "the unbake and bake executables are not built"))
struct CLITests {
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }
    var bake: URL { TestPaths.products!.appendingPathComponent("bake") }
    var example: URL { TestPaths.fixtures.appendingPathComponent("example-badge.png") }

    @Test func unbakePrintsThePayloadAndOneNewline() throws {
        let output = try run(unbake, [example.path])
        #expect(output.status == 0)
        let expected = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("example-assertion.json"), encoding: .utf8)
        #expect(output.stdoutText == expected.trimmingCharacters(in: .whitespacesAndNewlines) + "\n")
    }

    @Test func unbakeJSONReport() throws {
        let output = try run(unbake, ["--json", example.path])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect(object["format"] as? String == "png")
        #expect(object["payloadKind"] as? String == "json")
        #expect(object["specVersion"] as? String == "2.0")
        #expect((object["payload"] as? String)?.contains("Swift Badge Baker") == true)
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        #expect(output.stdoutText.filter { $0 == "\n" }.count == 1)
        let badge = try #require(object["badge"] as? [String: Any])
        #expect(badge["title"] as? String == "Swift Badge Baker")
        #expect((badge["issuer"] as? [String: Any])?["name"] as? String == "Example Badge Academy")
    }

    @Test func unbakeJSONReportsNullVersionForURLs() throws {
        var png = TestPNG()
        png.insert(TextChunkData.tEXt("openbadges", Payloads.hostedURL), at: 1)
        let output = try run(unbake, ["--json", "-"], input: Data(png.bytes))
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect(object["specVersion"] is NSNull)
        #expect(object["payloadKind"] as? String == "url")
        #expect((object["warnings"] as? [String])?.count == 1)
    }

    @Test func summary() throws {
        let output = try run(unbake, ["--summary", example.path])
        #expect(output.status == 0)
        for line in [
            "Title:        Swift Badge Baker", "Issuer:       Example Badge Academy", "Skills:       swift; open badges; png",
            "Version:      Open Badges 2.0 (json)",
        ] {
            #expect(output.stdoutText.contains(line), "missing \(line) in \(output.stdoutText)")
        }
    }

    @Test func undecodablePayloadGivesNullBadgeWithAWarning() throws {
        var png = TestPNG()
        png.insert(TextChunkData.iTXt("openbadges", "https://example.org/a.json"), at: 1)
        png.insert(TextChunkData.iTXt("openbadgecredential", "{oops"), at: 1)
        let output = try run(unbake, ["--json", "-"], input: Data(png.bytes))
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect(object["badge"] is NSNull)
        #expect((object["warnings"] as? [String])?.contains { $0.contains("could not be decoded") } == true)
    }

    @Test func svgFromStandardInput() throws {
        let svg = try BadgeBaker().bake(Payloads.ob3Credential, into: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
        let output = try run(unbake, ["--json", "-"], input: Data(svg))
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect(object["format"] as? String == "svg")
        #expect(object["specVersion"] as? String == "3.0")
        #expect(object["body"] as? String == Payloads.ob3Credential)
    }

    @Test("unbake --verify: exit 0 verified, 3 failed, 4 could not complete")
    func verify() throws {
        let offline = TestPaths.fixtures.appendingPathComponent("example-offline").path
        let verified = try run(unbake, ["--verify", "--offline", offline, "--identity", "learner@example.org", "--now", "2027-01-01T00:00:00Z", example.path])
        #expect(verified.status == 0, "\(verified.stdoutText)\(verified.stderr)")
        #expect(verified.stdoutText.hasPrefix("Verdict: verified (hosted, Open Badges 2.0)"))
        #expect(verified.stdoutText.contains("PASS recipient"))

        let expired = try run(unbake, ["--verify", "--json", "--offline", offline, "--now", "2032-01-01T00:00:00Z", example.path])
        #expect(expired.status == 3)
        let report = try #require(try JSONSerialization.jsonObject(with: expired.stdout) as? [String: Any])
        #expect(report["verdict"] as? String == "failed")
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.contains { $0["id"] as? String == "expiry" && $0["status"] as? String == "failed" })

        let stranger = try run(unbake, ["--verify", "--offline", offline, "--identity", "someone@example.org", "--now", "2027-01-01T00:00:00Z", example.path])
        #expect(stranger.status == 3)
        #expect(stranger.stdoutText.contains("FAIL recipient"))

        let empty = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data("# nothing here\n".utf8).write(to: empty.appendingPathComponent("manifest.tsv"))
        let unreachable = try run(unbake, ["--verify", "--offline", empty.path, example.path])
        #expect(unreachable.status == 4)
        #expect(unreachable.stdoutText.contains("NET "))

        #expect(try run(unbake, ["--identity", "x@example.org", example.path]).status == 64)
        #expect(try run(unbake, ["--verify", "--now", "yesterday", example.path]).status == 64)
        // A date alone is midnight UTC; a date-time needs its offset, and a Unix timestamp is no ISO 8601 date.
        #expect(try run(unbake, ["--verify", "--offline", offline, "--now", "2032-01-01", example.path]).status == 3)
        #expect(try run(unbake, ["--verify", "--offline", offline, "--now", "2032-01-01T00:00:00", example.path]).status == 64)
        #expect(try run(unbake, ["--verify", "--offline", offline, "--now", "1956528000", example.path]).status == 64)
    }

    @Test func exitStatuses() throws {
        let plain = try run(unbake, [TestPaths.fixtures.appendingPathComponent("plain-badge.png").path])
        #expect(plain.status == 1)
        #expect(plain.stdout.isEmpty)
        #expect(plain.stderr.contains("no Open Badges data"))
        #expect(plain.stderr.contains("strip"))

        let truncated = try run(unbake, ["-"], input: Data(try Data(contentsOf: example).prefix(60)))
        #expect(truncated.status == 2)
        #expect(truncated.stderr.split(separator: "\n").count == 1)

        #expect(try run(unbake, ["/nonexistent/badge.png"]).status == 2)
        #expect(try run(unbake, []).status == 64)
        #expect(try run(unbake, ["--no-such-flag", example.path]).status == 64)
        #expect(try run(bake, [example.path]).status == 64)
    }

    @Test func bakeWritesAtomicallyAndRefusesToOverwrite() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let payload = directory.appendingPathComponent("payload.json")
        try Data(Payloads.ob3Credential.utf8).write(to: payload)
        let output = directory.appendingPathComponent("baked.png")
        let plain = TestPaths.fixtures.appendingPathComponent("plain-badge.png")
        let before = try Data(contentsOf: plain)

        let first = try run(bake, [plain.path, "--payload", payload.path, "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.ob3Credential)
        #expect(try Data(contentsOf: plain) == before)

        let again = try run(bake, [plain.path, "--payload", "-", "--output", output.path], input: Data(Payloads.hostedURL.utf8))
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists"))
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.ob3Credential)

        let forced = try run(bake, [plain.path, "--payload", "-", "--output", output.path, "--force"], input: Data(Payloads.hostedURL.utf8))
        #expect(forced.status == 0)
        #expect(try BadgeExtractor().extract(contentsOf: output)?.payload == Payloads.hostedURL)

        let bad = try run(bake, [plain.path, "--payload", "-", "--output", directory.appendingPathComponent("x.png").path], input: Data("not a payload".utf8))
        #expect(bad.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["baked.png", "payload.json"])
    }

    @Test func bakeStreamsBetweenStandardInputAndOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let payload = directory.appendingPathComponent("payload.txt")
        try Data((Payloads.ob2JWS + "\n").utf8).write(to: payload)
        let piped = try run(bake, ["-", "--payload", payload.path, "--output", "-"], input: try Data(contentsOf: example))
        #expect(piped.status == 0)
        #expect(try BadgeExtractor().extract(from: piped.stdout)?.payload == Payloads.ob2JWS)

        let fromFile = try run(bake, [example.path, "--payload", payload.path, "--output", "-"])
        #expect(fromFile.stdout == piped.stdout)

        let broken = directory.appendingPathComponent("broken.png")
        try Data(contentsOf: example).prefix(300).write(to: broken)
        let failed = try run(bake, [broken.path, "--payload", payload.path, "--output", "-"])
        #expect(failed.status == 2)
        #expect(failed.stdout.isEmpty)
    }
}
