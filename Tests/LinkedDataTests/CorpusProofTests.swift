import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing
import OpenBadgesModel

/// End-to-end check of the linked-data layer on real OB 3.0 credentials: canonicalize with the bundled contexts and
/// verify the Ed25519 proofs whose key is in the verification method (did:key or a multibase fragment).
let corpusOB3 = Suites.sharedRoot.appendingPathComponent("corpus/ob3")

let corpusFiles: [String] = {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpusOB3.path) else { return [] }
    return names.filter { $0.hasSuffix(".json") && $0 != "dcc-empty-file.json" }.sorted()
}()

/// Files whose proofs are expected not to verify.
let corpusExpectedInvalid: Set<String> = ["dcpv-ob3-bad-proof-value.json"]

/// Files whose contexts are not valid JSON-LD 1.1: the educredential context has a term definition with a
/// `context` (not `@context`) entry, which JSON-LD 1.1 rejects as an invalid term definition.
let corpusExpectedErrors: [String: JSONLDErrorCode] = ["edubadges-ob3-unsigned-minimal.json": .invalidScopedContext]

/// Verifies every Ed25519 proof of `doc` whose key is in its verification method (did:key or a multibase fragment)
/// through the library's Data Integrity code (eddsa-rdfc-2022 / eddsa-2022 / eddsa-jcs-2022, Ed25519Signature2020,
/// Ed25519Signature2018 detached JWS; proof chains via `previousProof`). nil = not checkable here.
func verifyEd25519Proofs(_ doc: JSONObject, processor: JSONLDProcessor) throws -> [Bool?] {
    DataIntegrity.proofs(of: doc).map { proof in
        guard DataIntegritySuite(proof: proof) != nil, let vm = proof["verificationMethod"]?.stringValue, let key = ed25519Key(from: vm),
            let data = try? DataIntegrity.hashData(secured: doc, proof: proof, processor: processor)
        else { return nil }
        return DataIntegrity.verify(data, key: key)
    }
}

/// The Ed25519 key of a did:key or of a `…#z6Mk…` fragment.
func ed25519Key(from verificationMethod: String) -> Curve25519.Signing.PublicKey? {
    var mb = verificationMethod
    if let h = mb.firstIndex(of: "#") { mb = String(mb[mb.index(after: h)...]) } else if mb.hasPrefix("did:key:") { mb = String(mb.dropFirst(8)) }
    guard case .ed25519(let raw)? = MultikeyPublicKey(multibase: mb) else { return nil }
    return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
}

@Suite("vc-di-eddsa proof sets and chains", .enabled(if: Suites.exists(vectorsDir) && Suites.exists(contextIndex)))
struct ProofSetChainTests {
    @Test(arguments: ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"])
    func verify(_ file: String) throws {
        let doc = try Suites.readJSON(vectorsDir.appendingPathComponent("proof-set-chain/" + file))
        let loader = try StaticDocumentLoader(contextIndexTSV: contextIndex.path)
        let results = try verifyEd25519Proofs(doc.objectValue!, processor: JSONLDProcessor(options: JSONLDOptions(documentLoader: loader)))
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0 == true }, "\(results)")
    }
}

@Suite("OB 3.0 corpus proofs", .enabled(if: Suites.exists(corpusOB3) && Suites.exists(contextIndex)))
struct CorpusProofTests {
    @Test("canonicalize and verify Ed25519 proofs", arguments: corpusFiles)
    func verify(_ file: String) throws {
        let doc = try Suites.readJSON(corpusOB3.appendingPathComponent(file))
        var unsecured = try #require(doc.objectValue)
        unsecured["proof"] = nil
        let loader = try StaticDocumentLoader(contextIndexTSV: contextIndex.path)
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: loader))
        if let code = corpusExpectedErrors[file] {
            do {
                _ = try processor.canonicalize(.object(unsecured))
                Issue.record("expected \(code)")
            } catch let e as JSONLDError {
                #expect(e.code == code)
            }
            return
        }
        _ = try processor.toRDF(.object(unsecured))
        let dropped = processor.droppedKeys.map(\.description) + processor.droppedRDFValues.map(\.description)
        let results = try verifyEd25519Proofs(doc.objectValue!, processor: processor)
        let checked = results.compactMap { $0 }.count
        let allValid = results.allSatisfy { $0 != false }
        if corpusExpectedInvalid.contains(file) {
            #expect(checked > 0 && !allValid)
        } else {
            #expect(allValid, "\(file): a proof did not verify")
        }
        print("CORPUS \(file): \(checked) Ed25519 proof(s) checked, valid=\(allValid), dropped=\(dropped)")
    }
}
