extension OB3 {
    /// An OB 3.0 Achievement (what was earned; the 3.0 successor of the BadgeClass).
    public struct Achievement: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "achievementType", "name", "description", "criteria", "image", "creator", "alignment", "tag",
            "resultDescription", "humanCode", "fieldOfStudy", "specialization", "version", "inLanguage",
            "creditsAvailable", "endorsement", "endorsementJwt",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The Achievement IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The kind (`Badge`, `Degree`, `Certificate`, `ext:…`).
        public let achievementType: String?
        /// The achievement's name (the badge title).
        public let name: LanguageString?
        /// The description.
        public let description: LanguageString?
        /// The criteria.
        public let criteria: IRIOrObject<Criteria>?
        /// The badge image.
        public let image: IRIOrObject<Image>?
        /// Who created the achievement.
        public let creator: IRIOrObject<Profile>?
        /// Alignments.
        public let alignment: [Alignment]
        /// Tags (keywords, skills).
        public let tag: [String]
        /// Results this achievement can record.
        public let resultDescription: [ResultDescription]
        /// A short human code.
        public let humanCode: String?
        /// The field of study.
        public let fieldOfStudy: String?
        /// The specialisation.
        public let specialization: String?
        /// The achievement version.
        public let version: String?
        /// The language (BCP 47).
        public let inLanguage: String?
        /// Credits available.
        public let creditsAvailable: JSONNumber?
        /// Endorsements.
        public let endorsement: [EndorsementCredential]

        /// Reads an Achievement.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            achievementType = try r.optional("achievementType")
            name = try r.optional("name")
            description = try r.optional("description")
            criteria = try r.optional("criteria")
            image = try r.optional("image")
            creator = try r.optional("creator")
            alignment = try r.list("alignment")
            tag = try r.list("tag")
            resultDescription = try r.list("resultDescription")
            humanCode = try r.optional("humanCode")
            fieldOfStudy = try r.optional("fieldOfStudy")
            specialization = try r.optional("specialization")
            version = try r.optional("version")
            inLanguage = try r.optional("inLanguage")
            creditsAvailable = try r.optional("creditsAvailable")
            endorsement = try r.list("endorsement")
        }
    }
}
