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

    /// `count` full verifications (or canonicalize+hash+verify only) of the typical credential, for a profiler.
    static func profile(count: Int, canonicalizeOnly: Bool) async throws {
        let credential = try BenchCredential.signed(index: 0)
        let text = JSONValue.object(credential).serialized()
        if canonicalizeOnly {
            let proof = DataIntegrity.proofs(of: credential)[0]
            for _ in 0..<count {
                let options = JSONLDOptions(documentLoader: BundledContextLoader(), contextCache: BundledContexts.processedContexts)
                _ = try DataIntegrity.hashData(secured: credential, proof: proof, processor: JSONLDProcessor(options: options))
            }
            return
        }
        let verifier = BadgeVerifier(options: VerificationOptions(loader: NoLoader()))
        for _ in 0..<count {
            guard await verifier.verify(payload: text).verdict == .verified else { throw BenchmarkError("not verified") }
        }
    }

    static func run(count: Int) async throws {
        // A typical credential (BenchCredential: VC 2.0 + OB 3.0.3, did:key issuer, achievement with alignments and
        // tags), signed now by a fresh key.
        let credential = try BenchCredential.signed(index: 0)
        let text = JSONValue.object(credential).serialized()
        print("\n== Open Badges 3.0 eddsa-rdfc-2022 (typical credential, \(text.utf8.count) bytes, one core: taskset -c 0) ==")
        func row(_ columns: [String]) { print(columns.map { $0.padding(toLength: 48, withPad: " ", startingAt: 0) }.joined()) }
        row(["measure", "per second", "time each"])
        func rate(_ n: Int, _ body: () async throws -> Void) async rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { try await body() }
            return Double(n) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        func show(_ label: String, _ perSecond: Double, _ unit: String) {
            row([label, String(format: "%.1f \(unit)/s", perSecond), String(format: "%.3f ms", 1000 / perSecond)])
        }

        // Whole verifications through BadgeVerifier (payload, proof, signed data, binding, terms, schema, dates).
        var fullRate = 0.0
        for cached in [false, true] {
            var options = VerificationOptions(loader: NoLoader())
            options.cachesBundledContexts = cached
            let verifier = BadgeVerifier(options: options)
            let first = await verifier.verify(payload: text)
            guard first.verdict == .verified else {
                print("the credential does not verify; stopping: \(first.checks)")
                return
            }
            let perSecond = await rate(cached ? count * 4 : max(20, count / 4)) { _ = await verifier.verify(payload: text) }
            show("full verification, contexts \(cached ? "cached" : "cold")", perSecond, "verifications")
            if cached { fullRate = perSecond }
        }

        // The work PyLD is compared on: canonicalize the document and the proof configuration (RDFC-1.0), hash both,
        // verify the Ed25519 signature. A new processor each time; contexts cached (Swift: processed bundled contexts
        // shared, BundledContexts.processedContexts; PyLD: its resolved-context cache) or cold.
        guard let proof = DataIntegrity.proofs(of: credential).first,
            let multikey = proof["verificationMethod"]?.stringValue?.split(separator: "#").last,
            case .ed25519(let raw)? = MultikeyPublicKey(multibase: String(multikey))
        else { return }
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        var unsecured = credential
        unsecured["proof"] = nil
        let config = DataIntegrity.proofConfiguration(proof, document: unsecured)
        var ourHash = ""
        var swiftRate = 0.0
        for cached in [false, true] {
            let perSecond = try await rate(cached ? count * 4 : max(20, count / 4)) {
                var options = JSONLDOptions(documentLoader: BundledContextLoader(caching: cached))
                if cached { options.contextCache = BundledContexts.processedContexts }
                let data = try DataIntegrity.hashData(secured: credential, proof: proof, processor: JSONLDProcessor(options: options))
                guard DataIntegrity.verify(data, key: key) else { throw BenchmarkError("the signature does not verify") }
                ourHash = RDFCHashAlgorithm.sha256.hexDigest(data.canonicalDocument)
            }
            show("canonicalize+hash+verify (Swift), contexts \(cached ? "cached" : "cold")", perSecond, "docs")
            if cached { swiftRate = perSecond }
        }
        let pyRate = try pyld(
            unsecured: unsecured, config: config, signature: proof["proofValue"]?.stringValue ?? "", publicKey: raw,
            count: max(20, count / 2), ourHash: ourHash, show: show)
        print(String(format: "full verifications per second, one core: %.0f (goal: 2,500)", fullRate))
        if let pyRate {
            print(String(format: "Swift / PyLD, same work, contexts cached: %.1fx (goal: 10x)", swiftRate / pyRate))
        }
    }

    /// Runs PyLD on the same document with a loader over the same (bundled) context files.
    /// Returns PyLD's rate with contexts cached, or nil when PyLD could not run.
    static func pyld(
        unsecured: JSONObject, config: JSONObject, signature: String, publicKey: [UInt8], count: Int, ourHash: String,
        show: (String, Double, String) -> Void
    ) throws -> Double? {
        let python = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else {
            print("PyLD skipped: no python3")
            return nil
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
        try Data(Multibase.decode(signature) ?? []).write(to: work.appendingPathComponent("signature"))
        try Data(publicKey).write(to: work.appendingPathComponent("key"))
        let script = """
            import json, sys, time, hashlib
            try:
                from pyld import jsonld
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            except ImportError as e:
                print("not installed: %s" % e); sys.exit(3)
            work, n = sys.argv[1], int(sys.argv[2])
            files = json.load(open(work + "/contexts.json"))
            doc = json.load(open(work + "/doc.json")); config = json.load(open(work + "/config.json"))
            signature = open(work + "/signature", "rb").read()
            key = Ed25519PublicKey.from_public_bytes(open(work + "/key", "rb").read())
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
                # The same work as the Swift side: canonicalize both, hash both, verify Ed25519 (raises if invalid).
                opts = {"base": None, "algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader(cached)}
                out = jsonld.normalize(doc, opts)
                proof_hash = hashlib.sha256(jsonld.normalize(config, opts).encode()).digest()
                key.verify(signature, proof_hash + hashlib.sha256(out.encode()).digest())
                return out
            for cached in (False, True):
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
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let why = (output + errorText).split(separator: "\n").last.map(String.init) ?? ""
            print("PyLD skipped: \(why)")
            return nil
        }
        var cachedRate: Double?
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 4, let perSecond = Double(fields[1]) else { continue }
            show("canonicalize+hash+verify (PyLD), contexts \(fields[0])", perSecond, "docs")
            if fields[0] == "cached" { cachedRate = perSecond }
            if fields[3] != ourHash { print("  warning: PyLD's canonical document differs from ours (\(fields[3]) vs \(ourHash))") }
        }
        print("  (same canonical document hash in Swift and PyLD: \(output.contains(ourHash) ? "yes" : "no"))")
        return cachedRate
    }
}
