extension OB2 {
    /// An OB 2.0 Endorsement (a claim by a third party about an issuer, badge class or assertion).
    public struct Endorsement: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "claim", "issuedOn", "issuer", "verification",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The Endorsement IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The claim (`id` of the endorsed node plus `endorsementComment`).
        public let claim: JSONObject?
        /// When it was issued.
        public let issuedOn: FlexibleDate?
        /// The endorser.
        public let issuer: IRIOrObject<Profile>?
        /// How to verify it.
        public let verification: VerificationObject?

        /// Reads an Endorsement.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            claim = try r.optional("claim", as: JSONValue.self).flatMap(\.objectValue)
            issuedOn = try r.optional("issuedOn")
            issuer = try r.optional("issuer")
            verification = try r.optional("verification")
        }

        /// The endorsement comment, if the claim has one.
        public var endorsementComment: String? { claim?["endorsementComment"]?.stringValue }
    }
}
