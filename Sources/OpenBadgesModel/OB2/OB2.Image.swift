extension OB2 {
    /// An OB 2.0 Image object (`id` is the image URL or a `data:` URI).
    public struct Image: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["@context", "id", "type", "caption", "author"]
        /// The object as read.
        public let json: JSONObject
        /// The image URL or data URI.
        public let id: String?
        /// A caption.
        public let caption: String?
        /// The author's IRI.
        public let author: String?

        /// Reads an Image object.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            caption = try r.optional("caption")
            author = try r.optional("author")
        }
    }
}
