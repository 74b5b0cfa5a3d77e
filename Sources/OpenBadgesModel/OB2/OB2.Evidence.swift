extension OB2 {
    /// An OB 2.0 Evidence object.
    public struct Evidence: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "narrative", "name", "description", "genre", "audience",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The evidence URL.
        public let id: String?
        /// Markdown narrative.
        public let narrative: String?
        /// A name.
        public let name: String?
        /// A description.
        public let description: String?
        /// The kind of evidence.
        public let genre: String?
        /// The intended audience.
        public let audience: String?

        /// Reads an Evidence object.
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
