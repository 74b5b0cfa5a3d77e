extension OB3 {
    /// OB 3.0 Evidence.
    public struct Evidence: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "narrative", "name", "description", "genre", "audience",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The evidence URL.
        public let id: String?
        /// Markdown narrative.
        public let narrative: LanguageString?
        /// A name.
        public let name: LanguageString?
        /// A description.
        public let description: LanguageString?
        /// The kind of evidence.
        public let genre: String?
        /// The intended audience.
        public let audience: String?

        /// Reads Evidence.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            narrative = try r.optional("narrative")
            name = try r.optional("name")
            description = try r.optional("description")
            genre = try r.optional("genre")
            audience = try r.optional("audience")
        }
    }
}
