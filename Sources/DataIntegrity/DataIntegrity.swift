import Crypto
import Foundation
import JSONLD
import RDFCanonicalization
import OpenBadgesModel

/// The proof types this module verifies: the EdDSA suites (Ed25519) and the ECDSA suites (P-256, P-384).
package enum DataIntegritySuite: String, Sendable, Hashable, CaseIterable {
    /// `DataIntegrityProof` + `eddsa-rdfc-2022` (what OB 3.0 requires).
    case eddsaRdfc2022 = "eddsa-rdfc-2022"
    /// `DataIntegrityProof` + `eddsa-2022`: the draft name of eddsa-rdfc-2022, same algorithm.
    case eddsa2022 = "eddsa-2022"
    /// `DataIntegrityProof` + `eddsa-jcs-2022`: JCS instead of RDF canonicalization.
    case eddsaJcs2022 = "eddsa-jcs-2022"
    /// `Ed25519Signature2020`: RDFC-1.0, `proofValue` multibase.
    case ed25519Signature2020 = "Ed25519Signature2020"
    /// `Ed25519Signature2018`: RDFC-1.0, detached JWS (`b64: false`) in `jws`.
    case ed25519Signature2018 = "Ed25519Signature2018"
    /// `DataIntegrityProof` + `ecdsa-rdfc-2019`: RDFC-1.0, ECDSA with P-256 (SHA-256) or P-384 (SHA-384).
    case ecdsaRdfc2019 = "ecdsa-rdfc-2019"
    /// `DataIntegrityProof` + `ecdsa-jcs-2019`: JCS, ECDSA with P-256 (SHA-256) or P-384 (SHA-384).
    case ecdsaJcs2019 = "ecdsa-jcs-2019"

    /// The suite of a proof object, or nil when it is not one of these.
    package init?(proof: JSONObject) {
        guard let type = proof["type"]?.stringValue else { return nil }
        if type == "DataIntegrityProof" {
            guard let suite = proof["cryptosuite"]?.stringValue.flatMap(Self.init(rawValue:)),
                suite != .ed25519Signature2020 && suite != .ed25519Signature2018
            else { return nil }
            self = suite
        } else if type == "Ed25519Signature2020" || type == "Ed25519Signature2018" {
            self = Self(rawValue: type)!
        } else {
            return nil
        }
    }

    /// Whether the suite canonicalizes with JSON-LD + RDFC-1.0 (all but the JCS suites).
    package var usesRDFCanonicalization: Bool { self != .eddsaJcs2022 && self != .ecdsaJcs2019 }
    /// Whether the suite signs with ECDSA (P-256 or P-384) rather than Ed25519.
    package var isECDSA: Bool { self == .ecdsaRdfc2019 || self == .ecdsaJcs2019 }
}

/// Why a proof could not be processed (malformed proof, JSON-LD error).
package struct DataIntegrityError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    package let message: String
    /// Makes an error with a message.
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

/// Everything that goes into checking one proof: the canonical forms, their hashes, the signed bytes and the signature.
package struct ProofHashData: Sendable {
    /// The suite.
    package var suite: DataIntegritySuite
    /// The canonical unsecured document (N-Quads, or JCS JSON for the JCS suites).
    package var canonicalDocument: String
    /// The canonical proof configuration.
    package var canonicalProofConfiguration: String
    /// SHA-256 of ``canonicalDocument``.
    package var documentHash: [UInt8]
    /// SHA-256 of ``canonicalProofConfiguration``.
    package var proofHash: [UInt8]
    /// What the signature covers: proofHash ‖ documentHash (prefixed by the JWS header and `.` for Ed25519Signature2018).
    package var signedBytes: [UInt8]
    /// The signature from the proof (empty when signing).
    package var signature: [UInt8]
    /// The `verificationMethod` of the proof.
    package var verificationMethod: String?
    /// Terms of the document or proof that no context defines, and values toRdf left out: they are not signed.
    package var droppedTerms: [String]

    /// The hash function of the canonicalization and of the hashes: SHA-256, or SHA-384 for an ECDSA proof by a P-384
    /// key (whose RDFC-1.0 canonicalization also hashes with SHA-384).
    package var digest: Digest = .sha256

    /// A hash function of ``ProofHashData/digest``.
    package enum Digest: Sendable, Hashable {
        /// SHA-256 (every suite's default).
        case sha256
        /// SHA-384 (the ECDSA suites with P-384).
        case sha384
    }
}

/// Data Integrity proofs with Ed25519: hash data construction, verification and signing (W3C vc-di-eddsa,
/// Ed25519Signature2020, Ed25519Signature2018).
///
/// ```swift
/// let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: contexts))
/// let data = try DataIntegrity.hashData(secured: credential, proof: credential["proof"]!.objectValue!, processor: processor)
/// let ok = DataIntegrity.verify(data, key: publicKey)
/// ```
package enum DataIntegrity {
    /// The proofs of a secured document (`proof` as one object or an array).
    package static func proofs(of secured: JSONObject) -> [JSONObject] {
        (secured["proof"]?.asArray ?? []).compactMap(\.objectValue)
    }

    /// The document a proof signs: the secured document without `proof`, plus (for a proof chain) the proofs its
    /// `previousProof` names.
    package static func unsecuredDocument(_ secured: JSONObject, for proof: JSONObject) -> JSONObject {
        var unsecured = secured
        unsecured["proof"] = nil
        if let previous = proof["previousProof"] {
            let ids = Set(previous.asArray.compactMap(\.stringValue))
            let named = proofs(of: secured).filter { ids.contains($0["id"]?.stringValue ?? "") }
            if !named.isEmpty { unsecured["proof"] = .array(named.map(JSONValue.object)) }
        }
        return unsecured
    }

    /// The proof configuration: the proof without its value, with the document's `@context`.
    package static func proofConfiguration(_ proof: JSONObject, document: JSONObject) -> JSONObject {
        var config = proof
        config["proofValue"] = nil
        config["jws"] = nil
        if let context = document["@context"] { config["@context"] = context }
        return config
    }

    /// Builds the hash data of `proof` (one of `secured`'s proofs) and decodes its signature.
    /// - Throws: ``DataIntegrityError`` for an unsupported or malformed proof; `JSONLDError` when the document cannot
    ///   be processed (e.g. an unknown context).
    ///   `digest` is the hash function: SHA-256, or SHA-384 for an ECDSA proof by a P-384 key.
    package static func hashData(secured: JSONObject, proof: JSONObject, processor: JSONLDProcessor, digest: ProofHashData.Digest = .sha256) throws
        -> ProofHashData
    {
        guard let suite = DataIntegritySuite(proof: proof) else {
            let type = proof["type"]?.stringValue ?? "?"
            let suite = proof["cryptosuite"]?.stringValue.map { " / \($0)" } ?? ""
            throw DataIntegrityError("unsupported proof type \(type)\(suite)")
        }
        var signature: [UInt8] = []
        var jwsHeader: String?
        if suite == .ed25519Signature2018 {
            guard let jws = proof["jws"]?.stringValue else { throw DataIntegrityError("the Ed25519Signature2018 proof has no jws") }
            let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].isEmpty, let header = Base64URL.decode(String(parts[0])),
                let headerJSON = try? JSONValue(parsing: header).objectValue, let sig = Base64URL.decode(String(parts[2]))
            else { throw DataIntegrityError("the jws is not a detached compact JWS") }
            guard headerJSON["alg"]?.stringValue == "EdDSA", headerJSON["b64"]?.boolValue == false else {
                throw DataIntegrityError("the detached JWS header must have alg EdDSA and b64 false")
            }
            jwsHeader = String(parts[0])
            signature = sig
        } else {
            guard let value = proof["proofValue"]?.stringValue else { throw DataIntegrityError("the proof has no proofValue") }
            guard value.hasPrefix("z"), let sig = Multibase.decode(value) else {
                throw DataIntegrityError("the proofValue is not multibase base58btc")
            }
            signature = sig
        }
        var data = try hashData(suite: suite, unsecured: unsecuredDocument(secured, for: proof), proofOptions: proof, processor: processor, digest: digest)
        if let jwsHeader { data.signedBytes = Array(jwsHeader.utf8) + [UInt8(ascii: ".")] + data.signedBytes }
        data.signature = signature
        return data
    }

    /// Builds the hash data of an unsecured document and proof options (the proof without its value).
    package static func hashData(
        suite: DataIntegritySuite, unsecured: JSONObject, proofOptions: JSONObject, processor: JSONLDProcessor, digest: ProofHashData.Digest = .sha256
    ) throws -> ProofHashData {
        let config = proofConfiguration(proofOptions, document: unsecured)
        let canonDoc: String
        let canonProof: String
        var dropped: [String] = []
        if suite.usesRDFCanonicalization {
            var canonicalizer = processor.canonicalizer
            canonicalizer.options.hashAlgorithm = digest == .sha384 ? .sha384 : .sha256
            canonDoc = try processor.canonicalize(.object(unsecured), canonicalizer: canonicalizer).nquads
            dropped += processor.droppedKeys.map(\.description) + processor.droppedRDFValues.map(\.description)
            canonProof = try processor.canonicalize(.object(config), canonicalizer: canonicalizer).nquads
            dropped += processor.droppedKeys.map { "/proof" + $0.description } + processor.droppedRDFValues.map { "proof: \($0.description)" }
        } else {
            canonDoc = JCS.canonicalize(.object(unsecured))
            canonProof = JCS.canonicalize(.object(config))
        }
        func hash(_ text: String) -> [UInt8] {
            text.withUTF8Bytes { digest == .sha384 ? Array(SHA384.hash(data: $0)) : Array(SHA256.hash(data: $0)) }
        }
        let docHash = hash(canonDoc)
        let proofHash = hash(canonProof)
        return ProofHashData(
            suite: suite, canonicalDocument: canonDoc, canonicalProofConfiguration: canonProof, documentHash: docHash,
            proofHash: proofHash, signedBytes: proofHash + docHash, signature: [],
            verificationMethod: proofOptions["verificationMethod"]?.stringValue, droppedTerms: dropped, digest: digest)
    }

    /// Whether the signature in `data` is valid for the Ed25519 `key` (an EdDSA suite's proof).
    package static func verify(_ data: ProofHashData, key: Curve25519.Signing.PublicKey) -> Bool {
        !data.suite.isECDSA && data.signature.count == 64 && key.isValidSignature(data.signature, for: data.signedBytes)
    }

    /// Whether the signature in `data` is valid for the P-256 `key` (an ECDSA suite's proof: SHA-256 hashes, and the
    /// 64-byte r ‖ s signature over their concatenation).
    package static func verify(_ data: ProofHashData, p256 key: P256.Signing.PublicKey) -> Bool {
        guard data.suite.isECDSA, data.digest == .sha256, let signature = try? P256.Signing.ECDSASignature(rawRepresentation: data.signature) else {
            return false
        }
        return key.isValidSignature(signature, for: data.signedBytes)
    }

    /// Whether the signature in `data` is valid for the P-384 `key` (an ECDSA suite's proof whose hash data was made
    /// with ``ProofHashData/Digest/sha384``: the 96-byte r ‖ s signature over the concatenated SHA-384 hashes).
    package static func verify(_ data: ProofHashData, p384 key: P384.Signing.PublicKey) -> Bool {
        guard data.suite.isECDSA, data.digest == .sha384, let signature = try? P384.Signing.ECDSASignature(rawRepresentation: data.signature) else {
            return false
        }
        return key.isValidSignature(signature, for: data.signedBytes)
    }

    /// A private key for ``sign(_:proofOptions:signingKey:processor:)``.
    package enum SigningKey: Sendable {
        /// Ed25519, for the EdDSA suites.
        case ed25519(Curve25519.Signing.PrivateKey)
        /// P-256, for the ECDSA suites (SHA-256).
        case p256(P256.Signing.PrivateKey)
        /// P-384, for the ECDSA suites (SHA-384).
        case p384(P384.Signing.PrivateKey)
    }

    /// Signs `unsecured` with `signingKey` under the suite `proofOptions` name; returns the secured document with the
    /// new proof added (to any existing ones).
    package static func sign(_ unsecured: JSONObject, proofOptions: JSONObject, signingKey: SigningKey, processor: JSONLDProcessor) throws -> JSONObject {
        guard let suite = DataIntegritySuite(proof: proofOptions), suite != .ed25519Signature2018 else {
            throw DataIntegrityError("signing supports DataIntegrityProof and Ed25519Signature2020 only")
        }
        var document = unsecured
        let existing = proofs(of: document)
        document["proof"] = nil
        var digest = ProofHashData.Digest.sha256
        if case .p384 = signingKey { digest = .sha384 }
        let data = try hashData(suite: suite, unsecured: document, proofOptions: proofOptions, processor: processor, digest: digest)
        let signature: [UInt8]
        switch (signingKey, suite.isECDSA) {
        case (.ed25519(let key), false): signature = Array(try key.signature(for: data.signedBytes))
        case (.p256(let key), true): signature = Array(try key.signature(for: data.signedBytes).rawRepresentation)
        case (.p384(let key), true): signature = Array(try key.signature(for: data.signedBytes).rawRepresentation)
        default: throw DataIntegrityError("the key does not fit the suite \(suite.rawValue)")
        }
        var proof = proofOptions
        proof["proofValue"] = .string(Multibase.encodeBase58btc(signature))
        document["proof"] = existing.isEmpty ? .object(proof) : .array((existing + [proof]).map(JSONValue.object))
        return document
    }

    /// Signs `unsecured` with `key`: returns the secured document with the new proof added (to any existing ones).
    /// `proofOptions` holds `type`, `cryptosuite`, `created`, `verificationMethod`, `proofPurpose` (no `@context`).
    package static func sign(_ unsecured: JSONObject, proofOptions: JSONObject, key: Curve25519.Signing.PrivateKey, processor: JSONLDProcessor) throws
        -> JSONObject
    {
        try sign(unsecured, proofOptions: proofOptions, signingKey: .ed25519(key), processor: processor)
    }
}
