import BadgeVerification
import Crypto
import DataIntegrity
import JSONLD
import OpenBadgesModel
import RDFCanonicalization

/// The steps of an OB 3.0 Data Integrity verification, one call each, for the nested benchmark package
/// (Benchmarks/), which cannot see the package-internal linked-data modules. Not API.
public struct LinkedDataSteps: Sendable {
    let credential: JSONObject
    let proof: JSONObject
    let unsecured: JSONObject
    let configuration: JSONObject
    let key: Curve25519.Signing.PublicKey
    let dataset: RDFDataset

    /// Prepares the steps for a credential signed with `eddsa-rdfc-2022` by a `did:key` (its first proof).
    public init(credentialText: String) throws {
        guard let credential = try JSONValue(parsing: credentialText).objectValue,
            let proof = DataIntegrity.proofs(of: credential).first,
            let method = proof["verificationMethod"]?.stringValue,
            let multibase = method.split(separator: "#").first.map({ String($0.dropFirst("did:key:".count)) }),
            case .ed25519(let raw)? = MultikeyPublicKey(multibase: multibase)
        else { throw ModelError(.invalidValue, reason: "not a credential signed eddsa-rdfc-2022 by a did:key") }
        self.credential = credential
        self.proof = proof
        var unsecured = credential
        unsecured["proof"] = nil
        self.unsecured = unsecured
        configuration = DataIntegrity.proofConfiguration(proof, document: unsecured)
        key = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        dataset = try Self.processor().toRDF(.object(unsecured))
    }

    /// A JSON-LD processor over the bundled contexts, sharing the processed-context cache as a verifier does.
    static func processor() -> JSONLDProcessor {
        JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(), contextCache: BundledContexts.processedContexts))
    }

    /// What PyLD is compared on: RDFC-1.0 of document and proof options, SHA-256 of both, Ed25519. True when valid.
    public func canonicalizeHashVerify() throws -> Bool {
        let data = try DataIntegrity.hashData(secured: credential, proof: proof, processor: Self.processor())
        return DataIntegrity.verify(data, key: key)
    }

    /// JSON-LD expansion of the credential; the number of top-level nodes.
    public func expand() throws -> Int {
        try Self.processor().expand(.object(unsecured)).count
    }

    /// toRdf and RDFC-1.0 of the document and of the proof configuration; the canonical N-Quads' total length.
    public func toRdfAndCanonicalize() throws -> Int {
        let processor = Self.processor()
        return try processor.canonicalize(.object(unsecured)).nquads.utf8.count + processor.canonicalize(.object(configuration)).nquads.utf8.count
    }

    /// RDFC-1.0 of the credential's dataset (made once); the canonical N-Quads' length.
    public func canonicalizeDataset() throws -> Int {
        try RDFCanonicalizer().canonicalize(dataset).nquads.utf8.count
    }
}
