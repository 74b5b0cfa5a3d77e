extension OB3 {
    /// OB 3.0 Criteria: a URL and/or a Markdown narrative.
    public struct Criteria: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "narrative"]
        /// The object as read.
        public let json: JSONObject
        /// The criteria page URL.
        public let id: String?
        /// The criteria in Markdown.
        public let narrative: LanguageString?

        /// Reads Criteria.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            narrative = try r.optional("narrative")
        }
    }
}
