extension OB2 {
    /// An OB 2.0 AlignmentObject (a skill, standard or competency the badge aligns to).
    ///
    /// OB 1.x wrote `name`, `url` and `description`; they are read as `targetName`, `targetUrl`, `targetDescription`.
    public struct AlignmentObject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode",
            "name", "url", "description",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The aligned item's name.
        public let targetName: String?
        /// The aligned item's URL.
        public let targetUrl: String?
        /// A description.
        public let targetDescription: String?
        /// The framework's name.
        public let targetFramework: String?
        /// The item's code within the framework.
        public let targetCode: String?

        /// Reads an AlignmentObject (2.0 or 1.x names).
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            targetName = try r.optional(anyOf: ["targetName", "name"])
            targetUrl = try r.optional(anyOf: ["targetUrl", "url"])
            targetDescription = try r.optional(anyOf: ["targetDescription", "description"])
            targetFramework = try r.optional("targetFramework")
            targetCode = try r.optional("targetCode")
        }
    }
}
