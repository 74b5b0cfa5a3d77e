extension OB2 {
    /// An OB 0.5–2.0 Assertion (one award of a badge to one recipient).
    public struct Assertion: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "uid", "recipient", "salt", "badge", "verification", "verify", "issuedOn",
            "issued_on", "image", "evidence", "narrative", "expires", "revoked", "revocationReason", "endorsement",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The version this assertion was written in.
        public let specVersion: OpenBadgesVersion
        /// The `@context`, as written.
        public let context: JSONValue?
        /// The assertion IRI (OB 2.0; the hosted URL).
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>?
        /// OB 1.x: the unique id within the issuer.
        public let uid: String?
        /// The recipient.
        public let recipient: IdentityObject
        /// The BadgeClass, embedded or by IRI.
        public let badge: IRIOrObject<BadgeClass>
        /// How to verify (from `verification`, or the OB 1.0 `verify`).
        public let verification: VerificationObject?
        /// When it was issued (`issuedOn` or OB 0.5 `issued_on`).
        public let issuedOn: FlexibleDate?
        /// The baked image (IRI or Image object).
        public let image: IRIOrObject<Image>?
        /// Evidence (URLs or Evidence objects).
        public let evidence: [IRIOrObject<Evidence>]
        /// Markdown narrative of how it was earned.
        public let narrative: String?
        /// When it expires.
        public let expires: FlexibleDate?
        /// Whether the hosted copy says it is revoked.
        public let revoked: Bool?
        /// The reason for revocation.
        public let revocationReason: String?
        /// Endorsements (IRIs or Endorsement objects).
        public let endorsement: [IRIOrObject<Endorsement>]

        /// Reads an assertion of any version 0.5–2.0.
        /// - Throws: ``ModelError`` naming the field (e.g. `$.issuedOn` with `.invalidDate` for 2015-04-31).
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            specVersion = OB2.detectVersion(of: object)
            context = object["@context"]
            id = try r.optional("id")
            type = try r.optional("type")
            uid = try r.optional("uid", as: JSONValue.self).flatMap { $0.stringValue ?? $0.numberValue?.text }
            if case .string(let legacy) = object["recipient"] {
                recipient = IdentityObject(legacyRecipient: legacy, salt: try r.optional("salt"))
            } else if object["recipient"] == nil, case .string(let legacy)? = object["identity"]?["recipient"] {
                // A pre-1.0 draft shape (the Python bakery's example): "identity": {"recipient": "sha256$…", …}.
                recipient = IdentityObject(legacyRecipient: legacy, salt: object["identity"]?["salt"]?.stringValue)
            } else {
                recipient = try r.required("recipient")
            }
            badge = try r.required("badge")
            verification = try r.optional(anyOf: ["verification", "verify"])
            issuedOn = try r.optional(anyOf: ["issuedOn", "issued_on"])
            image = try r.optional("image")
            evidence = try r.list("evidence")
            narrative = try r.optional("narrative")
            expires = try r.optional("expires")
            revoked = try r.optional("revoked")
            revocationReason = try r.optional("revocationReason")
            endorsement = try r.list("endorsement")
        }

        /// The normalised verification kind. OB 0.5 assertions, which had no `verify`, are hosted.
        public var verificationKind: VerificationKind {
            if let kind = verification?.kind, kind != .unknown { return kind }
            return specVersion == .v0_5 || verification == nil ? .hosted : .unknown
        }

        /// The URL of the hosted copy: `id` when it is an http(s) URL, else OB 1.0 `verify.url`.
        public var hostedURL: String? {
            if let id, id.hasPrefix("http://") || id.hasPrefix("https://") { return id }
            if verificationKind == .hosted { return verification?.url }
            return nil
        }
    }
}
