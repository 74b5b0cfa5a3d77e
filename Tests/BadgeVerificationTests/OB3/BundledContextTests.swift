import Crypto
import Foundation
import JSONLD
import Testing

@testable import BadgeVerification

@Suite("Bundled JSON-LD contexts")
struct BundledContextTests {
    @Test("every bundled context loads, parses and matches its pinned SHA-256")
    func allLoad() throws {
        #expect(BundledContexts.entries.count >= 30)
        for entry in BundledContexts.entries {
            let data = try BundledContexts.data(for: entry.url)
            #expect(SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() == entry.sha256)
            let document = try BundledContextLoader(caching: false).loadDocument(entry.url)
            #expect(document.document["@context"] != nil, "\(entry.url)")
        }
    }

    @Test("the pins agree with ../shared/contexts/INDEX.tsv when it is present")
    func pinsMatchIndex() throws {
        let index = OB3Paths.shared.appendingPathComponent("contexts/INDEX.tsv")
        guard let text = try? String(contentsOf: index, encoding: .utf8) else { return }
        var rows = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 5, !fields[1].hasPrefix("alternates/") else { continue }
            rows += 1
            #expect(BundledContexts.entry(for: fields[0])?.sha256 == fields[5], "\(fields[0])")
            #expect(BundledContexts.entry(for: fields[0])?.file == fields[1])
        }
        #expect(rows == BundledContexts.entries.count)
    }

    @Test("unknown contexts are not fetched by the bundled loader")
    func unknownRefused() {
        #expect(throws: JSONLDError.self) { try BundledContextLoader().loadDocument("https://example.com/context.json") }
        #expect(throws: (any Error).self) { try BundledContexts.data(for: "https://example.com/context.json") }
    }

    @Test("a context the bundle lacks comes only from VerificationOptions.contextLoader")
    func callerLoaderAddsContexts() async throws {
        let issuer = Ed25519Key()
        var credential = OB3Factory.credential(issuer: issuer.didKey)
        credential["@context"] = [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://contexts.example/extra.json",
        ]
        credential["extraTerm"] = "x"
        let extra = #"{"@context":{"extraTerm":"https://contexts.example/vocab#extraTerm"}}"#
        let processor = JSONLDProcessor(
            options: JSONLDOptions(documentLoader: BundledContextLoader(documents: ["https://contexts.example/extra.json": try JSONValue(parsing: extra)])))
        let signed = try DataIntegritySigning.sign(credential, issuer: issuer, processor: processor)
        let folder = try OfflineFolder(["https://contexts.example/extra.json": extra])
        defer { folder.remove() }
        // By default a context the bundle lacks is not loaded, even when the document loader has it.
        let byDefault = await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: OB3Factory.text(signed))
        #expect(byDefault.status(.signature) == .notChecked)
        #expect(byDefault.verdict == .indeterminate)
        #expect(byDefault.check(.signature)?.message.contains("no context loader is set") == true, "\(byDefault.summaryText)")
        var options = VerificationOptions.forTests(loader: folder.loader, now: ob3Now)
        options.contextLoader = folder.loader
        let report = await BadgeVerifier(options: options).verify(payload: OB3Factory.text(signed))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        let missing = try OfflineFolder([:])
        defer { missing.remove() }
        options.contextLoader = missing.loader
        let offline = await BadgeVerifier(options: options).verify(payload: OB3Factory.text(signed))
        #expect(offline.status(.signature) == .networkError)
    }
}

import DataIntegrity
import OpenBadgesModel

enum DataIntegritySigning {
    static func sign(_ credential: JSONObject, issuer: Ed25519Key, processor: JSONLDProcessor) throws -> JSONObject {
        let options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(issuer.didKeyMethod), "proofPurpose": "assertionMethod",
        ]
        return try DataIntegrity.sign(credential, proofOptions: options, key: issuer.privateKey, processor: processor)
    }
}
