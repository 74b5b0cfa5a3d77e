extension OB3 {
    /// An OB 3.0 IdentityObject (`credentialSubject.identifier`): a plaintext or hashed identifier.
    public struct IdentityObject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["type", "hashed", "identityHash", "identityType", "salt"]
        /// The object as read.
        public let json: JSONObject
        /// Whether ``identityHash`` is `alg$hex`.
        public let hashed: Bool
        /// The identifier, plaintext or `sha256$…`/`md5$…`.
        public let identityHash: String
        /// The identifier type (`emailAddress`, `url`, `phone`, `ext:…`).
        public let identityType: String?
        /// The salt.
        public let salt: String?

        /// Reads an IdentityObject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            identityHash = try r.required("identityHash")
            hashed = try r.optional("hashed") ?? identityHash.contains("$")
            identityType = try r.optional("identityType")
            salt = try r.optional("salt")
        }
    }
}
