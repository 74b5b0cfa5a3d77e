extension OB2 {
    /// The recipient of an OB 0.5–2.0 assertion.
    ///
    /// OB 0.5 (and some 1.0 hybrids) wrote the recipient as a bare string with a top-level `salt`; such an
    /// assertion gets an identity object built from those two members (``isLegacyString`` is `true`).
    public struct IdentityObject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["@context", "type", "identity", "hashed", "salt"]
        /// The object as read (or as built from a bare-string recipient).
        public let json: JSONObject
        /// The identity property (`email`, `url`, `telephone`); `email` when absent.
        public let type: String
        /// The identifier, plaintext or `alg$hex`.
        public let identity: String
        /// The `hashed` member, as written.
        public let hashed: Bool?
        /// The salt (`"salt": null` reads as `nil`).
        public let salt: String?
        /// Whether this was built from an OB 0.5 bare-string recipient.
        public let isLegacyString: Bool

        /// Reads an IdentityObject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            type = try r.optional("type") ?? "email"
            identity = try r.required("identity")
            hashed = try r.optional("hashed")
            salt = try r.optional("salt")
            isLegacyString = false
        }

        /// Builds the identity of an OB 0.5 assertion whose `recipient` is a bare string.
        /// - Parameters:
        ///   - legacyRecipient: the string (`test@example.com` or `sha256$…`).
        ///   - salt: the assertion's top-level `salt`.
        public init(legacyRecipient: String, salt: String?) {
            var o: JSONObject = ["type": .string("email"), "identity": .string(legacyRecipient)]
            o["hashed"] = .bool(!legacyRecipient.contains("@"))
            if let salt { o["salt"] = .string(salt) }
            json = o
            type = "email"
            identity = legacyRecipient
            hashed = !legacyRecipient.contains("@")
            self.salt = salt
            isLegacyString = true
        }

        /// Whether the identity is hashed: `hashed` when present, else whether it looks like `sha256$…`/`md5$…`.
        public var isHashed: Bool {
            hashed ?? (identity.lowercased().hasPrefix("sha256$") || identity.lowercased().hasPrefix("md5$"))
        }

        /// The hash algorithm name (`sha256`, `md5`, or whatever precedes `$`) when hashed.
        public var hashAlgorithm: String? {
            guard isHashed, let dollar = identity.firstIndex(of: "$") else { return nil }
            return identity[..<dollar].lowercased()
        }
    }
}
