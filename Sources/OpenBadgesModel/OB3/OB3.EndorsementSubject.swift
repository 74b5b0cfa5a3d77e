extension OB3 {
    /// The subject of an EndorsementCredential: the endorsed entity and the comment.
    public struct EndorsementSubject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "endorsementComment"]
        /// The object as read.
        public let json: JSONObject
        /// The endorsed entity's IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The comment.
        public let endorsementComment: String?

        /// Reads an EndorsementSubject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            endorsementComment = try r.optional("endorsementComment")
        }
    }
}
