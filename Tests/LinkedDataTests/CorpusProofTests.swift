import Crypto
import Foundation
import JSONLD
import Testing

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

func base58Decode(_ s: String) -> [UInt8]? {
    let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    var bytes: [UInt8] = [0]
    for c in s {
        guard let v = alphabet.firstIndex(of: c) else { return nil }
        var carry = v
        for i in 0..<bytes.count {
            carry += Int(bytes[i]) * 58
            bytes[i] = UInt8(carry & 0xFF)
            carry >>= 8
        }
        while carry > 0 {
            bytes.append(UInt8(carry & 0xFF))
            carry >>= 8
        }
    }
    let zeros = s.prefix(while: { $0 == "1" }).count
    while bytes.count > 1, bytes.last == 0 { bytes.removeLast() }
    if bytes == [0] { bytes = [] }
    return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
}

func base64URLDecode(_ s: String) -> Data? {
    var b = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while b.count % 4 != 0 { b += "=" }
    return Data(base64Encoded: b)
}

func ed25519Key(from verificationMethod: String) -> Curve25519.Signing.PublicKey? {
    var mb = verificationMethod
    if let h = mb.firstIndex(of: "#") { mb = String(mb[mb.index(after: h)...]) } else if mb.hasPrefix("did:key:") { mb = String(mb.dropFirst(8)) }
    guard mb.hasPrefix("z"), let raw = base58Decode(String(mb.dropFirst())), raw.count == 34, raw[0] == 0xED, raw[1] == 0x01 else {
        return nil
    }
    return try? Curve25519.Signing.PublicKey(rawRepresentation: raw[2...])
}

/// Verifies every Ed25519 proof of `doc` whose key is in its verification method (Data Integrity eddsa-rdfc-2022 /
/// eddsa-2022, Ed25519Signature2020, Ed25519Signature2018 detached JWS). Proofs with `previousProof` are checked
/// against the document carrying the proofs they name (proof chains). nil = not checkable here.
func verifyEd25519Proofs(_ doc: JSONObject, processor: JSONLDProcessor) throws -> [Bool?] {
    var unsecured = doc
    let proofs = unsecured["proof"]?.asArray ?? []
    unsecured["proof"] = nil
    var results: [Bool?] = []
    for proofValue in proofs {
        guard var proof = proofValue.objectValue, let type = proof["type"]?.stringValue,
            let vm = proof["verificationMethod"]?.stringValue, let key = ed25519Key(from: vm)
        else {
            results.append(nil)
            continue
        }
        let signature: [UInt8]
        var jwsHeader: String?
        if let pv = proof["proofValue"]?.stringValue, pv.hasPrefix("z"), let sig = base58Decode(String(pv.dropFirst())) {
            signature = sig
            proof["proofValue"] = nil
        } else if let jws = proof["jws"]?.stringValue, type == "Ed25519Signature2018" {
            let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let sig = base64URLDecode(String(parts[2])) else {
                results.append(nil)
                continue
            }
            jwsHeader = String(parts[0])
            signature = Array(sig)
            proof["jws"] = nil
        } else {
            results.append(nil)
            continue
        }
        var secured = unsecured
        if let prev = proof["previousProof"] {
            let ids = Set(prev.asArray.compactMap { $0.stringValue })
            secured["proof"] = .array(proofs.filter { ids.contains($0["id"]?.stringValue ?? "") })
        }
        let canonDoc = try processor.canonicalize(.object(secured)).nquads
        proof["@context"] = unsecured["@context"]
        let canonProof = try processor.canonicalize(.object(proof)).nquads
        var message = Array(SHA256.hash(data: Array(canonProof.utf8))) + Array(SHA256.hash(data: Array(canonDoc.utf8)))
        if let jwsHeader { message = Array(jwsHeader.utf8) + [UInt8(ascii: ".")] + message }
        results.append(key.isValidSignature(signature, for: message))
    }
    return results
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
