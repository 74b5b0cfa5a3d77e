extension OB3 {
    /// An OB 3.0 Alignment (a skill, competency or framework item).
    public struct Alignment: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "type", "targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode", "targetType",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The aligned item's name.
        public let targetName: LanguageString?
        /// Its URL.
        public let targetUrl: String?
        /// A description (`null` in Credly files reads as `nil`).
        public let targetDescription: LanguageString?
        /// The framework's name.
        public let targetFramework: LanguageString?
        /// The code within the framework.
        public let targetCode: String?
        /// The kind of item (`CFItem`, `ext:…`).
        public let targetType: String?

        /// Reads an Alignment.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            targetName = try r.optional("targetName")
            targetUrl = try r.optional("targetUrl")
            targetDescription = try r.optional("targetDescription")
            targetFramework = try r.optional("targetFramework")
            targetCode = try r.optional("targetCode")
            targetType = try r.optional("targetType")
        }
    }
}
