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

@Suite("OB 3.0 corpus proofs", .enabled(if: Suites.exists(corpusOB3) && Suites.exists(contextIndex)))
struct CorpusProofTests {
    @Test("canonicalize and verify Ed25519 proofs", arguments: corpusFiles)
    func verify(_ file: String) throws {
        let doc = try Suites.readJSON(corpusOB3.appendingPathComponent(file))
        var unsecured = try #require(doc.objectValue)
        let proofs = unsecured["proof"]?.asArray ?? []
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
        let canonDoc = try processor.canonicalize(.object(unsecured)).nquads
        #expect(!canonDoc.isEmpty)
        let docHash = Array(SHA256.hash(data: Array(canonDoc.utf8)))
        var checked = 0
        var allValid = true
        for proofValue in proofs {
            guard var proof = proofValue.objectValue, let type = proof["type"]?.stringValue,
                let vm = proof["verificationMethod"]?.stringValue, let key = ed25519Key(from: vm)
            else { continue }
            let signature: [UInt8]
            var jwsHeader: String?
            if let pv = proof["proofValue"]?.stringValue, pv.hasPrefix("z"), let sig = base58Decode(String(pv.dropFirst())) {
                signature = sig
                proof["proofValue"] = nil
            } else if let jws = proof["jws"]?.stringValue, type == "Ed25519Signature2018" {
                let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 3, let sig = base64URLDecode(String(parts[2])) else { continue }
                jwsHeader = String(parts[0])
                signature = Array(sig)
                proof["jws"] = nil
            } else {
                continue
            }
            proof["@context"] = unsecured["@context"]
            let canonProof = try processor.canonicalize(.object(proof)).nquads
            let proofHash = Array(SHA256.hash(data: Array(canonProof.utf8)))
            var message = proofHash + docHash
            if let jwsHeader { message = Array(jwsHeader.utf8) + [UInt8(ascii: ".")] + message }
            let ok = key.isValidSignature(signature, for: message)
            if !ok { allValid = false }
            checked += 1
        }
        if corpusExpectedInvalid.contains(file) {
            #expect(checked > 0 && !allValid)
        } else {
            #expect(allValid, "\(file): a proof did not verify")
        }
        #expect(processor.droppedKeys.isEmpty || file.hasPrefix("plugfest1"), "\(file) dropped: \(processor.droppedKeys)")
        print("CORPUS \(file): \(checked) Ed25519 proof(s) checked, valid=\(allValid), dropped=\(processor.droppedKeys.count), contextWork=\(processor.contextWork)")
    }
}
