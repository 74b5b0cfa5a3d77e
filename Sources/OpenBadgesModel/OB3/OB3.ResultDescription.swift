extension OB3 {
    /// A ResultDescription: a result an achievement can record (a grade, a rubric level, a competency).
    public struct ResultDescription: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "name", "resultType", "alignment", "allowedValue", "requiredLevel", "requiredValue",
            "valueMax", "valueMin", "rubricCriterionLevel",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The IRI that Results point to.
        public let id: String?
        /// The name.
        public let name: LanguageString?
        /// The result type (`GradePointAverage`, `ext:…`).
        public let resultType: String?
        /// Alignments of this result.
        public let alignment: [Alignment]
        /// Allowed values, for enumerated results.
        public let allowedValue: [String]
        /// The required level's id.
        public let requiredLevel: String?
        /// The required value.
        public let requiredValue: String?
        /// The largest value.
        public let valueMax: String?
        /// The smallest value.
        public let valueMin: String?

        /// Reads a ResultDescription.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            name = try r.optional("name")
            resultType = try r.optional("resultType")
            alignment = try r.list("alignment")
            allowedValue = try r.list("allowedValue")
            requiredLevel = try r.optional("requiredLevel")
            requiredValue = try r.optional("requiredValue")
            valueMax = try r.optional("valueMax")
            valueMin = try r.optional("valueMin")
        }
    }
}
