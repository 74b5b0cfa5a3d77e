extension OB3 {
    /// An OB 3.0 Profile (issuer, achievement creator, or subject source).
    public struct Profile: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "name", "url", "email", "phone", "description", "image", "endorsement", "endorsementJwt",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The Profile IRI (URL or DID).
        public let id: String
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The name.
        public let name: LanguageString?
        /// The home page.
        public let url: String?
        /// The contact email.
        public let email: String?
        /// A phone number.
        public let phone: String?
        /// A description.
        public let description: LanguageString?
        /// The logo.
        public let image: IRIOrObject<Image>?
        /// Endorsements of this profile.
        public let endorsement: [EndorsementCredential]

        /// Reads a Profile.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.required("id")
            type = try r.optional("type")
            name = try r.optional("name")
            url = try r.optional("url")
            email = try r.optional("email")
            phone = try r.optional("phone")
            description = try r.optional("description")
            image = try r.optional("image")
            endorsement = try r.list("endorsement")
        }
    }
}
