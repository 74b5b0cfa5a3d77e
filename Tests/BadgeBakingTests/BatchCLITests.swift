import Foundation
import Testing

/// `unbake --json [--verify] [--jobs N] IMAGE...`: many images in one process, one JSON object per line in the order
/// given, and the worst exit status (3 failed > 2 unreadable > 4 indeterminate > 1 no data).
@Suite("unbake over many images", .enabled(if: TestPaths.products != nil, "unbake is absent"))
struct BatchCLITests {
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }
    var example: String { TestPaths.fixtures.appendingPathComponent("example-badge.png").path }
    var plain: String { TestPaths.fixtures.appendingPathComponent("plain-badge.png").path }
    var offline: String { TestPaths.fixtures.appendingPathComponent("example-offline").path }

    func lines(_ output: ProcessOutput) throws -> [[String: Any]] {
        try output.stdoutText.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("--verify --json --jobs 2: one line per image, in order, file first, the verdicts, the worst exit status")
    func verifyMany() throws {
        let junk = try TestPaths.temporaryDirectory().appendingPathComponent("junk.png")
        try Data("not an image".utf8).write(to: junk)
        let files = [example, plain, junk.path, example]
        let output = try run(unbake, ["--verify", "--json", "--jobs", "2", "--offline", offline, "--now", "2027-01-01T00:00:00Z"] + files)
        let objects = try lines(output)
        #expect(objects.map { $0["file"] as? String } == files)
        #expect(output.stdoutText.hasPrefix(#"{"file":"\#(example)","verdict":"verified","#), "file, then verdict, then the report")
        // The report's own members follow, the verdict not repeated.
        #expect(objects[0]["checks"] != nil && objects[3]["checks"] != nil && !output.stdoutText.contains(#""status":"passed"},"verdict""#))
        #expect(output.stdoutText.components(separatedBy: #""verdict""#).count == 5)
        #expect(objects.map { $0["verdict"] as? String } == ["verified", "noBadgeData", "unreadable", "verified"])
        #expect(output.status == 2, "unreadable (2) outranks no data (1)")
        // An expired badge among them: failed (3) outranks everything.
        let expired = try run(unbake, ["--verify", "--json", "--offline", offline, "--now", "2040-01-01T00:00:00Z", example, plain])
        #expect(try lines(expired).map { $0["verdict"] as? String } == ["failed", "noBadgeData"])
        #expect(expired.status == 3)
        let allGood = try run(unbake, ["--verify", "--json", "--jobs", "1", "--offline", offline, "--now", "2027-01-01T00:00:00Z", example, example])
        #expect(allGood.status == 0)
    }

    @Test("--json over many images extracts each; no data gives 1")
    func extractMany() throws {
        let output = try run(unbake, ["--json", example, plain])
        let objects = try lines(output)
        #expect(objects.count == 2)
        #expect((objects[0]["badge"] as? [String: Any])?["title"] as? String == "Swift Badge Baker")
        #expect(objects[1]["error"] != nil)
        #expect(output.status == 1)
        // A folder and a missing file among the images: each its own line, unreadable (2).
        let folder = try TestPaths.temporaryDirectory()
        let missing = folder.appendingPathComponent("missing.png").path
        let mixed = try run(unbake, ["--json", "--jobs", "2", folder.path, example, missing])
        let mixedLines = try lines(mixed)
        #expect(mixedLines.map { $0["file"] as? String } == [folder.path, example, missing])
        #expect((mixedLines[0]["error"] as? String)?.contains("directory") == true)
        #expect(mixedLines[1]["badge"] != nil && mixedLines[2]["error"] != nil)
        #expect(mixed.status == 2)
    }

    @Test("images are told from options wherever they stand: --name value, --name=value, after --, hundreds of them")
    func imagesAmongOptions() throws {
        // An image whose name starts with a dash, after `--`.
        let folder = try TestPaths.temporaryDirectory()
        let dashed = folder.appendingPathComponent("-dashed.png")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: example), to: dashed)
        let forms: [[String]] = [
            ["--json", "--jobs", "2", example, plain, "--max-payload-bytes", "100000", example],
            [example, "--jobs=2", "--json", plain, "--max-payload-bytes=100000", example],
            ["--json", "--jobs", "1", example, plain, "--", dashed.path],
        ]
        for arguments in forms {
            let output = try run(unbake, arguments, currentDirectory: folder)
            let files = try lines(output).map { $0["file"] as? String }
            let expected = arguments.last == dashed.path ? [example, plain, dashed.path] : [example, plain, example]
            #expect(files == expected, "\(arguments)")
            #expect(output.status == 1, "the plain image holds no data")
        }
        // A value that names an existing image is still the option's value.
        let limited = try run(unbake, ["--json", "--jobs", "1", "--max-payload-bytes", "10", example])
        #expect(try lines(limited).map { $0["file"] as? String } == [example])
        #expect(limited.status == 2, "over the 10-byte limit")
        // Hundreds of images, with options between them, in the order given.
        var many: [String] = ["--json"]
        var expected: [String] = []
        for index in 0..<400 {
            let file = index % 3 == 0 ? plain : example
            many.append(file)
            expected.append(file)
            if index == 200 { many += ["--jobs", "2"] }
        }
        let output = try run(unbake, many)
        #expect(try lines(output).map { $0["file"] as? String } == expected)
        #expect(output.status == 1)
    }

    @Test("several images need --json")
    func usage() throws {
        #expect(try run(unbake, [example, plain]).status == 64)
        #expect(try run(unbake, ["--json", "--jobs", "0", example]).status == 64)
    }
}
