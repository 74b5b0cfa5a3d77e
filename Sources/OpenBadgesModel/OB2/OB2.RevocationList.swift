extension OB2 {
    /// One entry of a RevocationList: an IRI string, `{id, revocationReason?}`, or legacy `{uid, revocationReason?}`.
    public struct RevokedAssertion: JSONConvertible, Equatable {
        /// The JSON as read.
        public let jsonValue: JSONValue
        /// The revoked assertion's IRI.
        public let id: String?
        /// OB 1.x: the revoked assertion's `uid`.
        public let uid: String?
        /// Why it was revoked.
        public let revocationReason: String?
        /// `revoked` as written (absent means revoked).
        public let revoked: Bool?

        /// Reads an entry.
        public init(jsonValue: JSONValue, path: String) throws {
            self.jsonValue = jsonValue
            switch jsonValue {
            case .string(let s):
                id = s; uid = nil; revocationReason = nil; revoked = nil
            case .object(let o):
                let r = ObjectReader(o, path: path)
                id = try r.optional("id")
                uid = try r.optional("uid")
                revocationReason = try r.optional("revocationReason")
                revoked = try r.optional("revoked")
                if id == nil, uid == nil {
                    throw ModelError(.missingProperty, field: path + ".id", reason: "a revoked assertion entry needs an id or a uid")
                }
            default:
                throw ModelError(.invalidType, field: path, reason: "expected an IRI string or an object, found \(jsonValue.typeName)")
            }
        }
    }

    /// An OB 2.0 RevocationList.
    public struct RevocationList: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["@context", "id", "type", "issuer", "revokedAssertions"]
        /// The object as read.
        public let json: JSONObject
        /// The list IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// The issuer IRI.
        public let issuer: String?
        /// The revoked assertions.
        public let revokedAssertions: [RevokedAssertion]

        /// Reads a RevocationList.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            issuer = try r.optional("issuer")
            revokedAssertions = try r.list("revokedAssertions")
        }

        /// The entry revoking an assertion with this IRI or uid, if any (entries with `revoked: false` are ignored).
        public func entry(revoking idOrUID: String) -> RevokedAssertion? {
            revokedAssertions.first { ($0.id == idOrUID || $0.uid == idOrUID) && $0.revoked != false }
        }
    }
}
