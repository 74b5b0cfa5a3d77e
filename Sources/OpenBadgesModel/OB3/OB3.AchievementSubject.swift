extension OB3 {
    /// The subject of an AchievementCredential: who earned what.
    public struct AchievementSubject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "identifier", "achievement", "result", "source", "creditsEarned", "activityStartDate",
            "activityEndDate", "role", "term", "licenseNumber", "narrative",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The subject's IRI (often a DID).
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The subject's identifiers (plaintext or hashed).
        public let identifier: [IdentityObject]
        /// The achievement.
        public let achievement: Achievement?
        /// Results.
        public let result: [Result]
        /// The organisation that assessed the subject.
        public let source: IRIOrObject<Profile>?
        /// Credits earned.
        public let creditsEarned: JSONNumber?
        /// Start of the activity.
        public let activityStartDate: FlexibleDate?
        /// End of the activity.
        public let activityEndDate: FlexibleDate?
        /// The role.
        public let role: String?
        /// The term.
        public let term: String?
        /// A licence number.
        public let licenseNumber: String?
        /// A narrative.
        public let narrative: LanguageString?

        /// Reads an AchievementSubject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            identifier = try r.list("identifier")
            achievement = try r.optional("achievement")
            result = try r.list("result")
            source = try r.optional("source")
            creditsEarned = try r.optional("creditsEarned")
            activityStartDate = try r.optional("activityStartDate")
            activityEndDate = try r.optional("activityEndDate")
            role = try r.optional("role")
            term = try r.optional("term")
            licenseNumber = try r.optional("licenseNumber")
            narrative = try r.optional("narrative")
        }
    }
}
