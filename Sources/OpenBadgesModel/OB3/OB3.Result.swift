extension OB3 {
    /// A Result: what the subject achieved for one ResultDescription.
    public struct Result: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "type", "resultDescription", "value", "status", "achievedLevel", "alignment",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The IRI of the ResultDescription.
        public let resultDescription: String?
        /// The value (`"8.5"`).
        public let value: String?
        /// The status (`Completed`, …).
        public let status: String?
        /// The achieved rubric level's id.
        public let achievedLevel: String?
        /// Alignments.
        public let alignment: [Alignment]

        /// Reads a Result.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            resultDescription = try r.optional("resultDescription")
            value = try r.optional("value", as: JSONValue.self).flatMap { $0.stringValue ?? $0.numberValue?.text }
            status = try r.optional("status")
            achievedLevel = try r.optional("achievedLevel")
            alignment = try r.list("alignment")
        }
    }
}
