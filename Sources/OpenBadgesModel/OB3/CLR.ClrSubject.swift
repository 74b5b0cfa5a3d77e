extension OB3 {
    /// A CLR 2.0 (Comprehensive Learner Record) credential: a Verifiable Credential whose subject carries a learner's
    /// achievements and the AchievementCredentials that award them.
    public typealias ClrCredential = Credential<ClrSubject>

    /// The subject of a ``ClrCredential``: the learner, the credentials embedded in the record, the achievements it
    /// lists and how they relate.
    public struct ClrSubject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "identifier", "verifiableCredential", "achievement", "association"]
        /// The object as read.
        public let json: JSONObject
        /// The learner's IRI.
        public let id: String?
        /// The `type` values (`ClrSubject`).
        public let type: OneOrMany<String>?
        /// Identity objects of the learner.
        public let identifier: [IdentityObject]
        /// The credentials embedded in the record, in order.
        public let verifiableCredential: [ClrEmbeddedCredential]
        /// The achievements the record lists (some are awarded by ``verifiableCredential``, some only described).
        public let achievement: [Achievement]
        /// Relations between achievements (`associationType`, `sourceId`, `targetId`).
        public let association: [ClrAssociation]

        /// Reads a ClrSubject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            type = try r.optional("type")
            identifier = try r.list("identifier")
            verifiableCredential = try r.list("verifiableCredential")
            achievement = try r.list("achievement")
            association = try r.list("association")
        }
    }

    /// One credential embedded in a CLR: an AchievementCredential (JSON with its proof), a compact VC-JWT, or a
    /// Verifiable Credential of another kind, kept as written.
    public enum ClrEmbeddedCredential: JSONConvertible, Equatable {
        /// An OpenBadgeCredential / AchievementCredential in JSON.
        case achievementCredential(AchievementCredential)
        /// A compact VC-JWT (an AchievementCredential or another credential), as written.
        case jwt(String)
        /// A credential of another kind, or one that does not read as an AchievementCredential.
        case other(JSONObject)

        /// Reads an embedded credential: a string is a VC-JWT, an object an AchievementCredential when it reads as one.
        public init(jsonValue: JSONValue, path: String) throws {
            switch jsonValue {
            case .string(let s): self = .jwt(s)
            case .object(let o):
                let types = BadgeDocument.typeNames(o["type"])
                if types.contains("clrcredential") || types.contains("endorsementcredential") {
                    self = .other(o)
                } else if let credential = try? AchievementCredential(object: o, path: path) {
                    self = .achievementCredential(credential)
                } else {
                    self = .other(o)
                }
            default:
                throw ModelError(.invalidType, field: path, reason: "expected a credential object or a compact JWT, found \(jsonValue.typeName)")
            }
        }

        /// The JSON form, as written.
        public var jsonValue: JSONValue {
            switch self {
            case .achievementCredential(let c): c.jsonValue
            case .jwt(let s): .string(s)
            case .other(let o): .object(o)
            }
        }
    }

    /// How two achievements of a CLR relate (`isChildOf`, `isPartOf`, `precedes`, …).
    public struct ClrAssociation: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["type", "associationType", "sourceId", "targetId"]
        /// The object as read.
        public let json: JSONObject
        /// The relation.
        public let associationType: String?
        /// The achievement the relation starts from.
        public let sourceId: String?
        /// The achievement it points to.
        public let targetId: String?

        /// Reads an association.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            associationType = try r.optional("associationType")
            sourceId = try r.optional("sourceId")
            targetId = try r.optional("targetId")
        }
    }
}
