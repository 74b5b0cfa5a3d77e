import Foundation
import PNGValidation
import Testing

@testable import BadgeBaking

/// Runs the built `bake` executable under faults: a full disk (file-size limit), an unwritable directory, an
/// input cut short while it is read, and signals mid-bake. Whatever happens, the output is complete and valid
/// or absent, never partial, and the input is unchanged. No test depends on timing: where a fault may land
/// before, during or after the write, every outcome is checked against the same invariant.
@Suite("bake under faults", .serialized, .enabled(if: TestPaths.products != nil, "the bake executable is not built"))
struct BakeFaultTests {
    var bake: URL { TestPaths.products!.appendingPathComponent("bake") }
    static let payload = Payloads.ob2Assertion

    /// A folder with `in.png` (a valid PNG padded with `megabytes` MiB of private ancillary chunks, which
    /// libpng skips) and `payload.json`; a separate folder for logs.
    struct Fixture {
        let directory: URL
        let logs: URL
        let input: URL
        let payload: URL
        let output: URL
        let inputBytes: [UInt8]

        init(megabytes: Int = 1) throws {
            directory = try TestPaths.temporaryDirectory()
            logs = try TestPaths.temporaryDirectory()
            var png = TestPNG()
            let padding = [UInt8](repeating: 0xA5, count: 1 << 20)
            for _ in 0..<megabytes { png.insertBeforeIEND(PNGChunk(type: PNGChunkType(validating: Array("prVt".utf8))!, data: padding)) }
            inputBytes = png.bytes
            input = directory.appendingPathComponent("in.png")
            payload = directory.appendingPathComponent("payload.json")
            output = directory.appendingPathComponent("out.png")
            try Data(inputBytes).write(to: input)
            try Data(BakeFaultTests.payload.utf8).write(to: payload)
        }

        var arguments: [String] { [input.path, "--payload", payload.path, "--output", output.path] }

        /// Files in the folder other than the input and the payload.
        var leftovers: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0 != "in.png" && $0 != "payload.json" }.sorted()
        }

        func inputIsUnchanged() -> Bool {
            (try? Data(contentsOf: input)).map { [UInt8]($0) == inputBytes } ?? false
        }

        /// The output is absent, or complete: it extracts the payload and libpng decodes it.
        func outputIsCompleteOrAbsent() -> Bool {
            guard let data = try? Data(contentsOf: output) else {
                return !FileManager.default.fileExists(atPath: output.path)
            }
            let bytes = [UInt8](data)
            guard (try? BadgeExtractor().extract(from: bytes))??.payload == BakeFaultTests.payload else { return false }
            guard (try? PNGImageValidator.decode(bytes)) != nil else { return false }
            let expected = try? BadgeBaker().bake(BakeFaultTests.payload, into: inputBytes)
            return expected == bytes
        }

        func remove() {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: logs)
        }
    }

    /// Starts a child with its standard error in a log file.
    func start(_ executable: URL, _ arguments: [String], log: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }

    @Test("A full disk (ulimit -f): bake fails with EFBIG, the output is absent and nothing is left behind")
    func fileSizeLimit() throws {
        let fixture = try Fixture(megabytes: 1)
        defer { fixture.remove() }
        let log = fixture.logs.appendingPathComponent("stderr")
        // 8 blocks of 512 bytes: far less than the 1 MiB image.
        let child = try start(
            URL(fileURLWithPath: "/bin/sh"), ["-c", #"ulimit -f 8; exec "$0" "$@""#, bake.path] + fixture.arguments, log: log)
        child.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        // bake ignores SIGXFSZ, so the write fails with EFBIG and the temporary file is removed.
        #expect(child.terminationReason == .exit && child.terminationStatus == 2, "\(child.terminationReason) \(child.terminationStatus): \(stderr)")
        #expect(stderr.contains("bake: "), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
        #expect(fixture.leftovers == [])
        #expect(fixture.inputIsUnchanged())
    }

    static let canDropPrivileges = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(
        "An unwritable output directory: exit 2, nothing written",
        .enabled(if: canDropPrivileges, "running as root, where permission bits do not stop writes, and setpriv is missing")
    )
    func unwritableDirectory() throws {
        let fixture = try Fixture(megabytes: 0)
        defer { fixture.remove() }
        let locked = fixture.directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        #expect(chmod(locked.path, 0o555) == 0)
        defer { chmod(locked.path, 0o755) }
        let output = locked.appendingPathComponent("out.png")
        var executable = bake
        var arguments = [fixture.input.path, "--payload", fixture.payload.path, "--output", output.path]
        if getuid() == 0 {
            // Root ignores permission bits: run the child as nobody instead.
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", bake.path] + arguments
        }
        let log = fixture.logs.appendingPathComponent("stderr")
        let child = try start(executable, arguments, log: log)
        child.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(child.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("cannot create a temporary file"), "\(stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: locked.path)) ?? ["?"]) == [])
        #expect(fixture.inputIsUnchanged())
    }

    @Test("An input cut short while it is read (a FIFO closed half-way): exit 2, the output is absent")
    func inputTruncatedWhileRead() throws {
        let fixture = try Fixture(megabytes: 1)
        defer { fixture.remove() }
        let fifo = fixture.logs.appendingPathComponent("in.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let log = fixture.logs.appendingPathComponent("stderr")
        let child = try start(bake, [fifo.path, "--payload", fixture.payload.path, "--output", fixture.output.path], log: log)
        // Blocks until the child opens the FIFO; then half the image, then end of file.
        let writer = open(fifo.path, O_WRONLY)
        #expect(writer >= 0)
        let half = fixture.inputBytes.count / 2
        var written = 0
        while written < half {
            let n = fixture.inputBytes.withUnsafeBytes { write(writer, $0.baseAddress! + written, half - written) }
            guard n > 0 else { break }
            written += n
        }
        close(writer)
        child.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(child.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("past the end") || stderr.contains("truncated") || stderr.contains("ends"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
        #expect(fixture.leftovers == [])
    }

    @Test("An input file truncated while bake runs: the output is complete or absent")
    func inputFileTruncatedDuringBake() throws {
        let fixture = try Fixture(megabytes: 64)
        defer { fixture.remove() }
        let log = fixture.logs.appendingPathComponent("stderr")
        let child = try start(bake, fixture.arguments, log: log)
        // Cut the file at once: bake may not have started, may be copying, or may be done.
        #expect(truncate(fixture.input.path, off_t(fixture.inputBytes.count / 2)) == 0)
        child.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(child.terminationStatus == 0 || child.terminationStatus == 2, "\(stderr)")
        #expect(fixture.outputIsCompleteOrAbsent(), "\(stderr)")
        if child.terminationStatus == 2 { #expect(!FileManager.default.fileExists(atPath: fixture.output.path)) }
        #expect(fixture.leftovers.allSatisfy { $0 == "out.png" }, "\(fixture.leftovers)")
    }

    @Test("Interrupted mid-bake: the output is complete or absent, the input unchanged", arguments: [SIGTERM, SIGINT, SIGKILL])
    func interrupted(signal: Int32) throws {
        let fixture = try Fixture(megabytes: 64)
        defer { fixture.remove() }
        let log = fixture.logs.appendingPathComponent("stderr")
        let child = try start(bake, fixture.arguments, log: log)
        // Wait until the temporary file (or already the output) exists, or the child is gone: then signal.
        while child.isRunning && fixture.leftovers.isEmpty { usleep(200) }
        kill(child.processIdentifier, signal)
        child.waitUntilExit()
        let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(fixture.inputIsUnchanged())
        #expect(fixture.outputIsCompleteOrAbsent(), "\(stderr)")
        let temporary = fixture.leftovers.filter { $0 != "out.png" }
        #expect(temporary.allSatisfy { $0.hasPrefix(".out.png.tmp-") }, "\(temporary)")
        if signal != SIGKILL {
            // SIGINT and SIGTERM: bake's handler unlinks its temporary file before dying of the signal.
            #expect(temporary == [], "left behind: \(temporary)")
            #expect(
                (child.terminationReason == .uncaughtSignal && child.terminationStatus == signal)
                    || (child.terminationReason == .exit && child.terminationStatus == 0),
                "\(child.terminationReason) \(child.terminationStatus): \(stderr)")
        }
    }
}
