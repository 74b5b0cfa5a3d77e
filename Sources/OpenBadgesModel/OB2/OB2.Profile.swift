extension OB2 {
    /// An OB 2.0 Profile (usually the issuer), also read from OB 1.x IssuerOrganization and OB 0.5 `issuer`
    /// (`origin`, `contact`, `org`).
    public struct Profile: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "name", "url", "email", "telephone", "description", "image", "publicKey",
            "verification", "revocationList", "origin", "contact", "org",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The Profile IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The name.
        public let name: String?
        /// The web site (`url`, or OB 0.5 `origin`).
        public let url: String?
        /// The contact email (`email`, or OB 0.5 `contact`).
        public let email: String?
        /// A telephone number.
        public let telephone: String?
        /// A description.
        public let description: String?
        /// The logo.
        public let image: IRIOrObject<Image>?
        /// Keys authorised to sign (signed badges).
        public let publicKey: [IRIOrObject<CryptographicKey>]
        /// Hosted-verification policy.
        public let verification: VerificationObject?
        /// The RevocationList IRI.
        public let revocationList: String?
        /// OB 0.5: the organisation (shown as "name: org").
        public let org: String?

        /// Reads a Profile.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            name = try r.optional("name")
            url = try r.optional(anyOf: ["url", "origin"])
            email = try r.optional(anyOf: ["email", "contact"])
            telephone = try r.optional("telephone")
            description = try r.optional("description")
            image = try r.optional("image")
            publicKey = try r.list("publicKey")
            verification = try r.optional("verification")
            revocationList = try r.optional("revocationList")
            org = try r.optional("org")
        }
    }
}
