extension OB2 {
    /// An OB 2.0 CryptographicKey (the public key of a signed badge's issuer).
    public struct CryptographicKey: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["@context", "id", "type", "owner", "publicKeyPem"]
        /// The object as read.
        public let json: JSONObject
        /// The key IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The owning Profile's IRI.
        public let owner: String?
        /// The PEM-encoded public key.
        public let publicKeyPem: String?

        /// Reads a CryptographicKey.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            owner = try r.optional("owner")
            publicKeyPem = try r.optional("publicKeyPem")
        }
    }
}
