extension OB3 {
    /// A credential status entry (`1EdTechRevocationList`, `BitstringStatusListEntry`, …).
    public struct CredentialStatus: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "statusPurpose", "statusListIndex", "statusListCredential", "statusSize",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The status URL.
        public let id: String?
        /// The status method.
        public let type: String
        /// Bitstring: the purpose (`revocation`).
        public let statusPurpose: String?
        /// Bitstring: the index (a string of digits, or a number in some files).
        public let statusListIndex: String?
        /// Bitstring: the list credential URL.
        public let statusListCredential: String?

        /// Reads a status entry.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.required("type")
            statusPurpose = try r.optional("statusPurpose")
            statusListIndex = try r.optional("statusListIndex", as: JSONValue.self).flatMap { $0.stringValue ?? $0.numberValue?.text }
            statusListCredential = try r.optional("statusListCredential")
        }
    }
}
