extension OB2 {
    /// An OB 2.0 Criteria object: a URL describing the criteria and/or a Markdown narrative.
    public struct Criteria: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["@context", "id", "type", "narrative"]
        /// The object as read.
        public let json: JSONObject
        /// The criteria page URL.
        public let id: String?
        /// The criteria in Markdown.
        public let narrative: String?

        /// Reads a Criteria object.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            narrative = try r.optional("narrative")
        }
    }
}
