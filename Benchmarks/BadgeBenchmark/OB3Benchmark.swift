import BadgeVerification
import Crypto
import DataIntegrity
import Foundation
import JSONLD
import OpenBadgesModel
import RDFCanonicalization

/// Open Badges 3.0 Data Integrity throughput: eddsa-rdfc-2022 verifications per second on a typical credential,
/// cold (contexts read, hash-checked and parsed again every time) and with the bundled contexts cached; and the
/// same canonicalization (document + proof configuration, RDFC-1.0) in Python PyLD with the same context files.
enum OB3Benchmark {
    /// No network: the credential's key is a did:key.
    struct NoLoader: BadgeVerification.DocumentLoader {
        func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
            throw FetchError(.notAvailableOffline, url: url.absoluteString, "the benchmark fetches nothing")
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(count: Int) async throws {
        let file = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/ob3/dcc-v2-eddsa-rdfc-basic.json")
        print("\n== Open Badges 3.0 eddsa-rdfc-2022 (\(file.lastPathComponent)) ==")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            print("skipped: \(file.path) is absent")
            return
        }
        func row(_ columns: [String]) { print(columns.map { $0.padding(toLength: 44, withPad: " ", startingAt: 0) }.joined()) }
        row(["measure", "per second", "time each"])

        // Whole verifications through BadgeVerifier (payload, proof, binding, terms, dates).
        for cached in [false, true] {
            var options = VerificationOptions(loader: NoLoader())
            options.cachesBundledContexts = cached
            let verifier = BadgeVerifier(options: options)
            guard await verifier.verify(payload: text).verdict == .verified else {
                print("the credential does not verify; stopping")
                return
            }
            let n = cached ? count : max(20, count / 4)
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { _ = await verifier.verify(payload: text) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            row(["verify, contexts \(cached ? "cached" : "cold")", String(format: "%.1f verifications/s", Double(n) / seconds), String(format: "%.2f ms", seconds / Double(n) * 1000)])
        }

        // Canonicalization only (what PyLD is compared on): document + proof configuration, new processor each time.
        guard let credential = try? JSONValue(parsing: text).objectValue, let proof = DataIntegrity.proofs(of: credential).first else { return }
        var unsecured = credential
        unsecured["proof"] = nil
        let config = DataIntegrity.proofConfiguration(proof, document: unsecured)
        var ourHash = ""
        for cached in [false, true] {
            let n = cached ? count : max(20, count / 4)
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n {
                let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(caching: cached)))
                let doc = try processor.canonicalize(.object(unsecured)).nquads
                _ = try processor.canonicalize(.object(config)).nquads
                ourHash = RDFCHashAlgorithm.sha256.hexDigest(doc)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            row(["canonicalize (Swift), contexts \(cached ? "cached" : "cold")", String(format: "%.1f docs/s", Double(n) / seconds), String(format: "%.2f ms", seconds / Double(n) * 1000)])
        }
        // One processor reused: processed contexts stay in its cache (PyLD's resolved-context cache does the same).
        do {
            let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader()))
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count {
                _ = try processor.canonicalize(.object(unsecured)).nquads
                _ = try processor.canonicalize(.object(config)).nquads
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            row(["canonicalize (Swift), processor reused", String(format: "%.1f docs/s", Double(count) / seconds), String(format: "%.2f ms", seconds / Double(count) * 1000)])
        }
        try pyld(unsecured: unsecured, config: config, count: max(10, count / 20), ourHash: ourHash, row: row)
    }

    /// Runs PyLD on the same document with a loader over the same (bundled) context files.
    static func pyld(unsecured: JSONObject, config: JSONObject, count: Int, ourHash: String, row: ([String]) -> Void) throws {
        let python = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else {
            row(["pyld", "skipped: no python3", ""])
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ob3-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let contexts = packageRoot.appendingPathComponent("Sources/BadgeVerification/Contexts")
        var map: [String: String] = [:]
        for entry in BundledContexts.entries { map[entry.url] = contexts.appendingPathComponent(entry.file).path }
        try JSONSerialization.data(withJSONObject: map).write(to: work.appendingPathComponent("contexts.json"))
        try Data(JSONValue.object(unsecured).serialized().utf8).write(to: work.appendingPathComponent("doc.json"))
        try Data(JSONValue.object(config).serialized().utf8).write(to: work.appendingPathComponent("config.json"))
        let script = """
            import json, sys, time, hashlib
            try:
                from pyld import jsonld
            except ImportError:
                print("pyld not installed"); sys.exit(3)
            work, n = sys.argv[1], int(sys.argv[2])
            files = json.load(open(work + "/contexts.json"))
            doc = json.load(open(work + "/doc.json")); config = json.load(open(work + "/config.json"))
            parsed = {}
            def loader(cached):
                def load(url, options=None):
                    key = url.split("#")[0]
                    if cached and key in parsed:
                        d = parsed[key]
                    else:
                        d = json.load(open(files[key]))
                        parsed[key] = d
                    return {"contextUrl": None, "documentUrl": key, "document": d}
                return load
            def run(cached):
                opts = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader(cached)}
                out = jsonld.normalize(doc, opts); jsonld.normalize(config, opts)
                return out
            for cached in (False, True):
                if not cached and hasattr(jsonld, "_resolved_context_cache"):
                    pass
                out = run(cached)
                t = time.perf_counter()
                for _ in range(n):
                    if not cached:
                        try: jsonld._resolved_context_cache.clear()
                        except Exception: pass
                    run(cached)
                s = time.perf_counter() - t
                print("%s\\t%.1f\\t%.2f\\t%s" % ("cached" if cached else "cold", n / s, s / n * 1000, hashlib.sha256(out.encode()).hexdigest()))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, work.path, String(count)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            row(["pyld", "skipped: \(output.trimmingCharacters(in: .whitespacesAndNewlines))", ""])
            return
        }
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 4 else { continue }
            row(["canonicalize (PyLD), contexts \(fields[0])", "\(fields[1]) docs/s", "\(fields[2]) ms"])
            if fields[3] != ourHash { print("  warning: PyLD's canonical document differs from ours (\(fields[3]) vs \(ourHash))") }
        }
        print("  (same canonical document hash in Swift and PyLD: \(output.contains(ourHash) ? "yes" : "no"))")
    }
}
