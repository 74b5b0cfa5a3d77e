import BadgeBaking
import Foundation

// Release-mode benchmark: bakes and extracts generated PNGs of 256 KB, 64 MB and 500 MB as whole processes
// and compares with `cp` of the same file and with the Python openbadges-bakery.
//
//     swift build -c release && .build/release/badge-benchmark [--sizes 256K,64M,500M] [--runs 5] [--bake PATH] [--unbake PATH]
//     .build/release/badge-benchmark --ob3-only [--ob3-verifications 400]   (OB 3.0 eddsa-rdfc-2022 vs PyLD)
//     .build/release/badge-benchmark --make-credentials DIR [--count 200]   (fresh signed credentials, JSON + PNG)
//     .build/release/badge-benchmark --schema-only [--schema-compiles 50] [--schema-validations 20000]   (OB 3.0 JSON Schema)

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
if let path = option("--generate") {
    // Helper mode: write one PNG and exit (used to make files for profiling).
    let size = Int(option("--bytes") ?? "") ?? 64 << 20
    let idat = Int(option("--idat") ?? "") ?? 8192
    try PNGGenerator.write(
        to: URL(fileURLWithPath: path), approximateBytes: size, idatChunkSize: idat, badgeBeforeIEND: arguments.contains("--badge") ? "{\"a\":1}" : nil)
    exit(0)
}
if let path = option("--make-credentials") {
    // Helper mode: write N fresh eddsa-rdfc-2022 credentials (fresh did:key each), as JSON and baked into PNGs.
    try BenchCredential.write(count: Int(option("--count") ?? "") ?? 200, to: URL(fileURLWithPath: path))
    exit(0)
}
if let count = option("--ob3-profile").flatMap(Int.init) {
    // Helper mode for profilers (perf, callgrind): N full verifications of the typical credential, contexts cached.
    try await OB3Benchmark.profile(count: count, canonicalizeOnly: arguments.contains("--canonicalize-only"))
    exit(0)
}
let runs = Int(option("--runs") ?? "") ?? 5
if arguments.contains("--ob3-only") {
    try await OB3Benchmark.run(count: Int(option("--ob3-verifications") ?? "") ?? 400)
    exit(0)
}
if arguments.contains("--schema-only") {
    try SchemaBenchmark.run(
        compiles: Int(option("--schema-compiles") ?? "") ?? 50, validations: Int(option("--schema-validations") ?? "") ?? 20_000)
    exit(0)
}
if arguments.contains("--svg-only") {
    try SVGBenchmark.run(sizes: [("200K", 200_000), ("50M", 50_000_000)], payload: "{\"a\":1}")
    exit(0)
}
if arguments.contains("--verification-only") {
    try await VerificationBenchmark.run(count: Int(option("--verifications") ?? "") ?? 2000)
    exit(0)
}
let idatSizes = (option("--idat") ?? "8192,65536").split(separator: ",").compactMap { Int($0) }
let sizes: [(String, Int)] = (option("--sizes") ?? "256K,64M,500M").split(separator: ",").map { label in
    let number = Int(label.dropLast()) ?? 1
    let unit = label.last == "M" ? 1 << 20 : label.last == "G" ? 1 << 30 : 1 << 10
    return (String(label), number * unit)
}
let tools = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let bake = option("--bake") ?? tools.appendingPathComponent("bake").path
let unbake = option("--unbake") ?? tools.appendingPathComponent("unbake").path
let python = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
    .first { FileManager.default.isExecutableFile(atPath: $0) }
let hasBakery = python.map { (try? ProcessTimer.measure([$0, "-c", "import openbadges_bakery"], stderrPath: "/dev/null").status) == 0 } ?? false
guard FileManager.default.isExecutableFile(atPath: bake), FileManager.default.isExecutableFile(atPath: unbake) else {
    line("build the tools first: swift build -c release")
    exit(2)
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("badge-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let payload = work.appendingPathComponent("payload.json")
let assertion = """
    {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1.json",\
    "recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"badge":"https://example.org/badge.json",\
    "verification":{"type":"hosted"},"issuedOn":"2026-01-01T00:00:00Z"}
    """
try Data(assertion.utf8).write(to: payload)

func row(_ columns: [String]) {
    line(columns.map { $0.padding(toLength: 28, withPad: " ", startingAt: 0) }.joined())
}
/// Prints unbuffered, so that a long run shows its progress.
func line(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
func mbps(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds) }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

line("BadgeBaking benchmark: \(runs) runs each (median time, largest peak RSS), whole processes")
var unbakeTimes: [String: Double] = [:]
for idat in idatSizes {
    for (label, size) in sizes {
        let plain = work.appendingPathComponent("plain-\(label).png")
        let badged = work.appendingPathComponent("badge-before-iend-\(label).png")
        let output = work.appendingPathComponent("out-\(label).png")
        try PNGGenerator.write(to: plain, approximateBytes: size, idatChunkSize: idat)
        try PNGGenerator.write(to: badged, approximateBytes: size, idatChunkSize: idat, badgeBeforeIEND: assertion)
        let bytes = (try FileManager.default.attributesOfItem(atPath: plain.path)[.size] as? Int) ?? size
        let removeOutput = {
            try? FileManager.default.removeItem(at: output); return ()
        }
        line("\n== \(label) PNG (\(bytes) bytes, IDAT chunks of \(idat) bytes) ==")
        row(["command", "time", "throughput", "peak memory", "ratio to cp"])
        let cp = try ProcessTimer.median(runs: runs, prepare: removeOutput, ["/bin/cp", plain.path, output.path])
        row(["cp", ms(cp.seconds), mbps(bytes, cp.seconds), mib(cp.peakResidentBytes), "1.00"])
        let baked = try ProcessTimer.median(runs: runs, prepare: removeOutput, [bake, plain.path, "--payload", payload.path, "--output", output.path])
        row(["bake", ms(baked.seconds), mbps(bytes, baked.seconds), mib(baked.peakResidentBytes), String(format: "%.2f", baked.seconds / cp.seconds)])
        let extracted = try ProcessTimer.median(runs: runs, [unbake, badged.path])
        unbakeTimes["\(label)/\(idat)"] = extracted.seconds
        row([
            "unbake (chunk before IEND)", ms(extracted.seconds), mbps(bytes, extracted.seconds), mib(extracted.peakResidentBytes),
            String(format: "%.2f", extracted.seconds / cp.seconds),
        ])
        if hasBakery, let python, size <= 64 << 20 {
            // bake() returns a temporary file that disappears when collected: keep it alive while copying.
            let script =
                "import sys, shutil, openbadges_bakery as b\nbaked = b.bake(open(sys.argv[1], 'rb'), open(sys.argv[2]).read())\nshutil.copyfile(baked.name, sys.argv[3])"
            let pyBake = try ProcessTimer.median(runs: max(1, runs / 2), prepare: removeOutput, [python, "-c", script, plain.path, payload.path, output.path])
            row([
                "python bakery bake", ms(pyBake.seconds), mbps(bytes, pyBake.seconds), mib(pyBake.peakResidentBytes),
                String(format: "%.2f", pyBake.seconds / cp.seconds),
            ])
            let unbakeScript = "import sys, openbadges_bakery as b; print(b.unbake(open(sys.argv[1], 'rb')))"
            let pyUnbake = try ProcessTimer.median(runs: max(1, runs / 2), [python, "-c", unbakeScript, badged.path])
            row([
                "python bakery unbake", ms(pyUnbake.seconds), mbps(bytes, pyUnbake.seconds), mib(pyUnbake.peakResidentBytes),
                String(format: "%.2f", pyUnbake.seconds / cp.seconds),
            ])
        } else if size > 64 << 20 {
            row(["python bakery", "skipped above 64 MB", "", "", ""])
        }
        for file in [plain, badged, output] { try? FileManager.default.removeItem(at: file) }
    }
    if let small = unbakeTimes["256K/\(idat)"], let medium = unbakeTimes["64M/\(idat)"] {
        line(String(format: "\nunbake 64M / 256K time ratio with IDAT chunks of %d bytes: %.2f", idat, medium / small))
    }
}
try SVGBenchmark.run(sizes: [("200K", 200_000), ("50M", 50_000_000)], payload: assertion)
try await VerificationBenchmark.run(count: Int(option("--verifications") ?? "") ?? 2000)
try await OB3Benchmark.run(count: Int(option("--ob3-verifications") ?? "") ?? 400)
