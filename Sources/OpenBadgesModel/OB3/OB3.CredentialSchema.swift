extension OB3 {
    /// A credential schema reference (`1EdTechJsonSchemaValidator2019`).
    public struct CredentialSchema: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type"]
        /// The object as read.
        public let json: JSONObject
        /// The schema URL.
        public let id: String
        /// The validator type.
        public let type: String

        /// Reads a schema reference.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.required("id")
            type = try r.required("type")
        }
    }
}
