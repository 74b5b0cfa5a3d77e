extension OB3 {
    /// A proof (Data Integrity, Ed25519Signature2018/2020, or an unknown suite) embedded in a credential.
    public struct Proof: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "created", "verificationMethod", "proofPurpose", "proofValue", "cryptosuite", "jws",
            "challenge", "domain", "nonce", "expires",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The proof type (`DataIntegrityProof`, `Ed25519Signature2020`, …).
        public let type: String?
        /// When it was created.
        public let created: FlexibleDate?
        /// The key (DID URL or https URL).
        public let verificationMethod: String?
        /// The purpose (`assertionMethod`).
        public let proofPurpose: String?
        /// The multibase signature.
        public let proofValue: String?
        /// The cryptosuite (`eddsa-rdfc-2022`).
        public let cryptosuite: String?
        /// Ed25519Signature2018: the detached JWS.
        public let jws: String?

        /// Reads a proof.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            type = try r.optional("type", as: OneOrMany<String>.self)?.first
            created = try r.optional("created")
            verificationMethod = try r.optional("verificationMethod")
            proofPurpose = try r.optional("proofPurpose")
            proofValue = try r.optional("proofValue")
            cryptosuite = try r.optional("cryptosuite")
            jws = try r.optional("jws")
        }
    }
}
