import Foundation
import Testing
import Zlib

@testable import BadgeBaking

/// Issue 12 §4 (baking) and §3's payload limit on the SVG path, through the library and the CLIs.
@Suite("Bake hardening")
struct BakeHardeningTests {
    static let iend: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    /// An SVG carrying a different badge, to append after a PNG's IEND.
    static let riderSVG = Array(
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://evil.example/other-badge"/></svg>"#
            .utf8)

    @Test("A second badge after IEND does not ride along: dropped by default, kept only when asked", arguments: [256, 300, 4096, 1 << 20])
    func trailingBadgeIsDropped(blockSize: Int) throws {
        let image = TestPNG(width: 30, height: 30, idatChunkSize: 100).bytes + Self.riderSVG
        var options = BakeOptions()
        options.bufferSize = blockSize
        var sink = MemoryByteSink()
        let payload = try BakePayload(Payloads.hostedURL, options: options)
        let report = try BadgeBaker(options: options).bake(payload, from: MemoryByteSource(image), to: &sink)
        #expect(Array(sink.bytes.suffix(12)) == Self.iend)
        #expect(sink.bytes.count == image.count - Self.riderSVG.count + 12 + "openbadges".utf8.count + 5 + Payloads.hostedURL.utf8.count)
        #expect(report.droppedTrailingBytes == Self.riderSVG.count && report.trailingBytes == 0)
        #expect(try BadgeExtractor().extract(from: sink.bytes)?.warnings.map(\.code).contains(.trailingData) == false)

        options.keepTrailingData = true
        var keptSink = MemoryByteSink()
        let kept = try BadgeBaker(options: options).bake(payload, from: MemoryByteSource(image), to: &keptSink)
        #expect(Array(keptSink.bytes.suffix(Self.riderSVG.count)) == Self.riderSVG)
        #expect(kept.trailingBytes == Self.riderSVG.count && kept.droppedTrailingBytes == 0)
    }

    @Test("An SVG badge element over the payload limit is payloadTooLarge, as in a PNG")
    func svgPayloadLimit() throws {
        var options = ExtractionOptions()
        options.maximumPayloadBytes = 1000
        let body = String(repeating: "A", count: 4 << 20)
        let svg = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>\#(body)</openbadges:assertion></svg>"#
                .utf8)
        let packed = try deflate(svg, container: .gzip, level: 9)
        for input in [svg, packed] {
            let error = #expect(throws: BadgeError.self) { try BadgeExtractor(options: options).extract(from: input) }
            #expect(error?.code == .payloadTooLarge)
        }
        let verify = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/\#(String(repeating: "a", count: 1000))"/></svg>"#
                .utf8)
        let error = #expect(throws: BadgeError.self) { try BadgeExtractor(options: options).extract(from: verify) }
        #expect(error?.code == .payloadTooLarge)
        options.maximumPayloadBytes = 2000
        #expect(try BadgeExtractor(options: options).extract(from: verify) != nil)
    }
}

/// The same points through the `bake` and `unbake` executables.
@Suite("Bake hardening (CLI)", .enabled(if: TestPaths.products != nil, "the unbake and bake executables are not built"))
struct BakeHardeningCLITests {
    var bake: URL { TestPaths.products!.appendingPathComponent("bake") }
    var unbake: URL { TestPaths.products!.appendingPathComponent("unbake") }

    /// Runs `bake` under `umask` through the shell (the test process's own umask is shared by parallel tests).
    func bake(umask: String, _ arguments: [String]) throws -> ProcessOutput {
        let quoted = ([bake.path] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        return try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "umask \(umask) && exec \(quoted)"])
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("The output's mode follows the umask; --force keeps the replaced file's mode")
    func outputMode() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("in.png")
        let payload = directory.appendingPathComponent("payload.txt")
        try Data(TestPNG().bytes).write(to: image)
        try Data(Payloads.hostedURL.utf8).write(to: payload)
        for (umask, expected) in [("077", 0o600), ("022", 0o644), ("027", 0o640), ("000", 0o666)] {
            let output = directory.appendingPathComponent("out-\(umask).png")
            let result = try bake(umask: umask, [image.path, "--payload", payload.path, "--output", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try mode(output) == expected, "umask \(umask)")
        }
        // Replacing a private file keeps it private, whatever the umask.
        let existing = directory.appendingPathComponent("private.png")
        try Data([1]).write(to: existing)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: existing.path)
        let result = try bake(umask: "000", [image.path, "--payload", payload.path, "--output", existing.path, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try mode(existing) == 0o600)
        #expect(try BadgeExtractor().extract(contentsOf: existing)?.payload == Payloads.hostedURL)
    }

    @Test("A payload FIFO nobody writes to gives up after --payload-timeout")
    func fifoWithoutWriter() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("in.png")
        try Data(TestPNG().bytes).write(to: image)
        let fifo = directory.appendingPathComponent("payload.fifo")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let output = directory.appendingPathComponent("out.png")
        let result = try run(bake, [image.path, "--payload", fifo.path, "--payload-timeout", "0.2", "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("timed out"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let invalid = try run(bake, [image.path, "--payload", fifo.path, "--payload-timeout", "0", "--output", output.path])
        #expect(invalid.status == 64)
    }

    @Test("bake drops a trailing SVG badge after IEND; --keep-trailing-data keeps it")
    func trailingBadge() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("in.png")
        let payload = directory.appendingPathComponent("payload.txt")
        try Data(TestPNG().bytes + BakeHardeningTests.riderSVG).write(to: image)
        try Data(Payloads.hostedURL.utf8).write(to: payload)
        let dropped = directory.appendingPathComponent("dropped.png")
        #expect(try run(bake, [image.path, "--payload", payload.path, "--output", dropped.path]).status == 0)
        #expect(Array(try Data(contentsOf: dropped).suffix(12)) == BakeHardeningTests.iend)
        let kept = directory.appendingPathComponent("kept.png")
        #expect(try run(bake, [image.path, "--payload", payload.path, "--output", kept.path, "--keep-trailing-data"]).status == 0)
        #expect(Array(try Data(contentsOf: kept).suffix(BakeHardeningTests.riderSVG.count)) == BakeHardeningTests.riderSVG)
    }

    @Test("unbake --max-payload-bytes applies to an SVG badge element")
    func unbakeSVGPayloadLimit() throws {
        let body = String(repeating: "A", count: 1 << 20)
        let svg = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>\#(body)</openbadges:assertion></svg>"#
                .utf8)
        for flags in [[], ["--json"], ["--summary"]] {
            let result = try run(unbake, flags + ["--max-payload-bytes", "1000", "-"], input: Data(try deflate(svg, container: .gzip, level: 9)))
            #expect(result.status == 2)
            #expect(result.stderr.contains("payload limit"), "\(result.stderr)")
        }
    }
}
