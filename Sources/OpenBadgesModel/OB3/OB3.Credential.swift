extension OB3 {
    /// An OB 3.0 credential in either VC Data Model form, generic over its subject.
    ///
    /// Use ``OB3/AchievementCredential`` (alias ``OB3/OpenBadgeCredential``) and ``OB3/EndorsementCredential``.
    public struct Credential<Subject: JSONObjectModel>: JSONObjectModel {
        /// The members this type reads.
        public static var knownProperties: Set<String> {
            [
                "@context", "id", "type", "issuer", "name", "description", "image", "issuanceDate", "expirationDate",
                "validFrom", "validUntil", "awardedDate", "credentialSubject", "evidence", "proof", "credentialStatus",
                "credentialSchema", "refreshService", "endorsement", "endorsementJwt", "termsOfUse",
            ]
        }
        /// The object as read.
        public let json: JSONObject
        /// The `@context` entries (strings or inline objects).
        public let context: [JSONValue]
        /// The VC Data Model version, from the first context.
        public let vcVersion: VCDataModelVersion
        /// The credential IRI.
        public let id: String?
        /// The `type` values.
        public let type: OneOrMany<String>
        /// The issuer (an IRI such as a DID, or a Profile).
        public let issuer: IRIOrObject<Profile>
        /// The credential name. Credly writes the *earner's* name here; the badge title is the achievement's name.
        public let name: LanguageString?
        /// The credential description.
        public let description: LanguageString?
        /// The credential image.
        public let image: IRIOrObject<Image>?
        /// VC 1.1: when it was issued.
        public let issuanceDate: FlexibleDate?
        /// VC 1.1: when it expires.
        public let expirationDate: FlexibleDate?
        /// VC 2.0: start of validity.
        public let validFrom: FlexibleDate?
        /// VC 2.0: end of validity.
        public let validUntil: FlexibleDate?
        /// OB 3.0: when it was awarded (informational).
        public let awardedDate: FlexibleDate?
        /// The subject.
        public let credentialSubject: Subject
        /// Evidence.
        public let evidence: [Evidence]
        /// Embedded proofs (one or many).
        public let proof: [Proof]
        /// Status entries.
        public let credentialStatus: [CredentialStatus]
        /// Schemas to validate against.
        public let credentialSchema: [CredentialSchema]
        /// The refresh service, as written.
        public let refreshService: JSONValue?
        /// Embedded endorsements.
        public let endorsement: [EndorsementCredential]
        /// Endorsements as compact JWS strings.
        public let endorsementJwt: [String]

        /// Reads a credential.
        /// - Throws: ``ModelError`` naming the field; `issuer`, `type` and `credentialSubject` are required.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            context = try r.list("@context", as: JSONValue.self)
            if let first = context.first?.stringValue {
                vcVersion = first == OB3.vc20Context ? .v2_0 : first == OB3.vc11Context ? .v1_1 : .unknown
            } else {
                vcVersion = .unknown
            }
            id = try r.optional("id")
            type = try r.required("type")
            issuer = try r.required("issuer")
            name = try r.optional("name")
            description = try r.optional("description")
            image = try r.optional("image")
            issuanceDate = try r.optional("issuanceDate")
            expirationDate = try r.optional("expirationDate")
            validFrom = try r.optional("validFrom")
            validUntil = try r.optional("validUntil")
            awardedDate = try r.optional("awardedDate")
            credentialSubject = try r.required("credentialSubject")
            evidence = try r.list("evidence")
            proof = try r.list("proof")
            credentialStatus = try r.list("credentialStatus")
            credentialSchema = try r.list("credentialSchema")
            refreshService = object["refreshService"]
            endorsement = try r.list("endorsement")
            endorsementJwt = try r.list("endorsementJwt")
        }

        /// The start of validity: `validFrom`, else `issuanceDate`.
        public var validityStart: FlexibleDate? { validFrom ?? issuanceDate }
        /// The end of validity: `validUntil`, else `expirationDate`.
        public var validityEnd: FlexibleDate? { validUntil ?? expirationDate }
        /// The `@context` entries that are URLs.
        public var contextURLs: [String] { context.compactMap(\.stringValue) }
    }

    /// An OpenBadgeCredential / AchievementCredential.
    public typealias AchievementCredential = Credential<AchievementSubject>
    /// The OB 3.0 name of ``AchievementCredential``.
    public typealias OpenBadgeCredential = AchievementCredential
    /// An EndorsementCredential.
    public typealias EndorsementCredential = Credential<EndorsementSubject>
}
