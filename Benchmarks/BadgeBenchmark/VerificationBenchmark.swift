import BadgeBaking
import BadgeVerification
import Crypto
import Foundation
import BadgeTestSupport
import OpenBadgesModel
import _CryptoExtras

/// Verification throughput: signed OB 2.0 badges with every document already cached (pure signature and
/// check cost), and hosted badges against a real HTTP server on loopback, one at a time and concurrently.
enum VerificationBenchmark {
    /// Serves documents from memory, as a warm cache would.
    struct MemoryLoader: DocumentLoader {
        let documents: [String: Data]
        func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
            guard let body = documents[url.absoluteString] else { throw FetchError(.notAvailableOffline, url: url.absoluteString, "not cached") }
            return LoadedDocument(requestedURL: url, finalURL: url, contentType: "application/ld+json", body: body)
        }
    }

    static func run(count: Int) async throws {
        line("\n== Verification (\(ProcessInfo.processInfo.activeProcessorCount) cores) ==")
        try await signed(count: count)
        try await hosted(count: max(50, count / 10))
    }

    static func documents(base: String, key: _RSA.Signing.PublicKey) -> [String: String] {
        let pem = key.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
        return [
            "\(base)/issuer.json": """
            {"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"\(base)/issuer.json","name":"Bench",\
            "url":"\(base)","email":"b@example.org","publicKey":"\(base)/key.json"}
            """,
            "\(base)/badge.json": """
            {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\(base)/badge.json","name":"Bench badge",\
            "description":"d","image":"\(base)/b.png","criteria":{"narrative":"n"},"issuer":"\(base)/issuer.json"}
            """,
            "\(base)/key.json": """
            {"@context":"https://w3id.org/openbadges/v2","type":"CryptographicKey","id":"\(base)/key.json","owner":"\(base)/issuer.json","publicKeyPem":"\(pem)"}
            """,
        ]
    }

    static func assertion(base: String, id: String, signed: Bool) -> String {
        let verification = signed ? "{\"type\":\"SignedBadge\",\"creator\":\"\(base)/key.json\"}" : "{\"type\":\"hosted\"}"
        return """
            {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"\(id)","recipient":{"type":"email","hashed":true,\
            "salt":"s","identity":"sha256$0000000000000000000000000000000000000000000000000000000000000000"},"badge":"\(base)/badge.json",\
            "verification":\(verification),"issuedOn":"2024-01-01T00:00:00Z"}
            """
    }

    static func signed(count: Int) async throws {
        let base = "https://bench.example.org"
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let loader = MemoryLoader(documents: documents(base: base, key: key.publicKey).mapValues { Data($0.utf8) })
        let header = base64URL(Data("{\"alg\":\"RS256\"}".utf8))
        let tokens = try (0..<64).map { index -> String in
            let input = header + "." + base64URL(Data(assertion(base: base, id: "urn:uuid:\(index)", signed: true).utf8))
            let signature = try key.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
            return input + "." + base64URL(signature.rawRepresentation)
        }
        let verifier = BadgeVerifier(options: VerificationOptions(loader: loader))
        guard await verifier.verify(payload: tokens[0]).verdict == .verified else { throw BenchmarkError("signed benchmark badge does not verify") }
        let sequential = try await measure(count) { index in await verifier.verify(payload: tokens[index % tokens.count]).verdict }
        line(String(format: "signed OB 2.0, documents cached, sequential:      %7.0f badges/s", sequential))
        let concurrent = try await measureConcurrently(count, width: 8) { index in await verifier.verify(payload: tokens[index % tokens.count]).verdict }
        line(String(format: "signed OB 2.0, documents cached, 8 tasks at once: %7.0f badges/s", concurrent))
    }

    static func hosted(count: Int) async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let base = server.base
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        for (url, body) in documents(base: base, key: key.publicKey) {
            server.route(String(url.dropFirst(base.count)), .json(body))
        }
        for index in 0..<count {
            server.route("/a/\(index).json", .json(assertion(base: base, id: "\(base)/a/\(index).json", signed: false)))
        }
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = true
        let fresh = BadgeVerifier(options: VerificationOptions(loader: HTTPDocumentLoader(policy: policy)))
        guard await fresh.verify(payload: "\(base)/a/0.json").verdict == .verified else { throw BenchmarkError("hosted benchmark badge does not verify") }
        let sequential = try await measure(count) { index in await fresh.verify(payload: "\(base)/a/\(index).json").verdict }
        line(String(format: "hosted OB 2.0 on loopback, no cache, sequential:  %7.0f badges/s (3 fetches each)", sequential))
        let cached = BadgeVerifier(options: VerificationOptions(loader: CachingDocumentLoader(HTTPDocumentLoader(policy: policy))))
        let concurrent = try await measureConcurrently(count, width: 16) { index in await cached.verify(payload: "\(base)/a/\(index).json").verdict }
        line(String(format: "hosted OB 2.0 on loopback, cache, 16 at once:     %7.0f badges/s (1 fetch each once warm)", concurrent))
        try await imports(base: base, policy: policy, count: count)
    }

    /// Wallet imports of baked hosted badges whose title and issuer live in the BadgeClass and Profile, from the
    /// loopback server with a warm cache (the hosted assertion, BadgeClass and Profile each come from the cache).
    static func imports(base: String, policy: FetchPolicy, count: Int) async throws {
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("bench-plain-\(getpid()).png")
        defer { try? FileManager.default.removeItem(at: plain) }
        try PNGGenerator.write(to: plain, approximateBytes: 4096)
        let png = try Data(contentsOf: plain)
        let images = try (0..<count).map { index in
            let payload = assertion(base: base, id: "\(base)/a/\(index).json", signed: false)
            return try BadgeBaker().bake(payload, from: .bytes(png), to: .memory).bakedImage!
        }
        var options = VerificationOptions()
        options.now = { Date(timeIntervalSince1970: 1_767_225_600) }
        let importer = BadgeImporter(loader: CachingDocumentLoader(HTTPDocumentLoader(policy: policy)), verificationOptions: options)
        for image in images { _ = try await importer.importBadge(from: image) }  // warm the cache
        guard try await importer.importBadge(from: images[0])?.summary?.title == "Bench badge" else { throw BenchmarkError("the import did not complete") }
        let start = DispatchTime.now()
        for image in images { _ = try await importer.importBadge(from: image) }
        line(String(format: "wallet import (extract + 3 documents), warm cache:  %7.0f imports/s", Double(count) / seconds(since: start)))
        let verifying = DispatchTime.now()
        for image in images where try await importer.importBadge(from: image, verify: true)?.report?.verdict != .verified {
            throw BenchmarkError("an imported badge did not verify")
        }
        line(String(format: "wallet import and verification, warm cache:        %7.0f imports/s", Double(count) / seconds(since: verifying)))
    }

    static func measure(_ count: Int, _ body: (Int) async -> Verdict) async throws -> Double {
        let start = DispatchTime.now()
        for index in 0..<count where await body(index) != .verified { throw BenchmarkError("a benchmark badge did not verify") }
        return Double(count) / seconds(since: start)
    }

    static func measureConcurrently(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) async -> Verdict) async throws -> Double {
        let start = DispatchTime.now()
        let failures = await withTaskGroup(of: Bool.self) { group in
            var next = 0
            var failures = 0
            while next < min(width, count) {
                let index = next
                group.addTask { await body(index) == .verified }
                next += 1
            }
            for await ok in group {
                if !ok { failures += 1 }
                if next < count {
                    let index = next
                    group.addTask { await body(index) == .verified }
                    next += 1
                }
            }
            return failures
        }
        guard failures == 0 else { throw BenchmarkError("\(failures) benchmark badges did not verify") }
        return Double(count) / seconds(since: start)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
