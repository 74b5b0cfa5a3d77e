extension OB2 {
    /// An OB 0.5–2.0 BadgeClass (the achievement: name, description, criteria, image, issuer).
    public struct BadgeClass: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "name", "description", "image", "criteria", "issuer", "alignment", "tags",
            "endorsement", "version",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The version this badge class was written in.
        public let specVersion: OpenBadgesVersion
        /// The BadgeClass IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The badge name.
        public let name: String?
        /// The badge description.
        public let description: String?
        /// The badge image (URL, data URI or Image object).
        public let image: IRIOrObject<Image>?
        /// The criteria (URL, or Criteria object with a narrative).
        public let criteria: IRIOrObject<Criteria>?
        /// The issuer (IRI, or embedded Profile).
        public let issuer: IRIOrObject<Profile>?
        /// Alignments to skills or standards.
        public let alignment: [AlignmentObject]
        /// Tags (keywords).
        public let tags: [String]
        /// Endorsements.
        public let endorsement: [IRIOrObject<Endorsement>]
        /// OB 0.5: the `version` member (`0.5.0`).
        public let version: String?

        /// Reads a BadgeClass.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            specVersion = OB2.detectVersion(of: object)
            id = try r.optional("id")
            type = try r.optional("type")
            name = try r.optional("name")
            description = try r.optional("description")
            image = try r.optional("image")
            criteria = try r.optional("criteria")
            issuer = try r.optional("issuer")
            alignment = try r.list("alignment")
            tags = try r.list("tags")
            endorsement = try r.list("endorsement")
            version = try r.optional("version")
        }
    }
}
