extension OB3 {
    /// An OB 3.0 Image (`id` is the URL or a `data:` URI).
    public struct Image: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "caption"]
        /// The object as read.
        public let json: JSONObject
        /// The image URL or data URI.
        public let id: String
        /// A caption.
        public let caption: LanguageString?

        /// Reads an Image.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.required("id")
            caption = try r.optional("caption")
        }
    }
}
