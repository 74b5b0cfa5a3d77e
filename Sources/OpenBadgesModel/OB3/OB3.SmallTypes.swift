extension OB3 {
    /// An OB 3.0 Image (`id` is the URL or a `data:` URI).
    public struct Image: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "caption"]
        /// The object as read.
        public let json: JSONObject
        /// The image URL or data URI.
        public let id: String
        /// A caption.
        public let caption: LanguageString?

        /// Reads an Image.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.required("id")
            caption = try r.optional("caption")
        }
    }

    /// OB 3.0 Criteria: a URL and/or a Markdown narrative.
    public struct Criteria: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type", "narrative"]
        /// The object as read.
        public let json: JSONObject
        /// The criteria page URL.
        public let id: String?
        /// The criteria in Markdown.
        public let narrative: LanguageString?

        /// Reads Criteria.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            narrative = try r.optional("narrative")
        }
    }

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

    /// OB 3.0 Evidence.
    public struct Evidence: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "id", "type", "narrative", "name", "description", "genre", "audience",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The evidence URL.
        public let id: String?
        /// Markdown narrative.
        public let narrative: LanguageString?
        /// A name.
        public let name: LanguageString?
        /// A description.
        public let description: LanguageString?
        /// The kind of evidence.
        public let genre: String?
        /// The intended audience.
        public let audience: String?

        /// Reads Evidence.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.optional("id")
            narrative = try r.optional("narrative")
            name = try r.optional("name")
            description = try r.optional("description")
            genre = try r.optional("genre")
            audience = try r.optional("audience")
        }
    }

    /// An OB 3.0 IdentityObject (`credentialSubject.identifier`): a plaintext or hashed identifier.
    public struct IdentityObject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["type", "hashed", "identityHash", "identityType", "salt"]
        /// The object as read.
        public let json: JSONObject
        /// Whether ``identityHash`` is `alg$hex`.
        public let hashed: Bool
        /// The identifier, plaintext or `sha256$…`/`md5$…`.
        public let identityHash: String
        /// The identifier type (`emailAddress`, `url`, `phone`, `ext:…`).
        public let identityType: String?
        /// The salt.
        public let salt: String?

        /// Reads an IdentityObject.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            identityHash = try r.required("identityHash")
            hashed = try r.optional("hashed") ?? identityHash.contains("$")
            identityType = try r.optional("identityType")
            salt = try r.optional("salt")
        }
    }

    /// A proof (Data Integrity, Ed25519Signature2018/2020, or an unknown suite) embedded in a credential.
    public struct Proof: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "created", "verificationMethod", "proofPurpose", "proofValue", "cryptosuite", "jws",
            "challenge", "domain", "nonce", "expires",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The proof type (`DataIntegrityProof`, `Ed25519Signature2020`, …).
        public let type: String?
        /// When it was created.
        public let created: FlexibleDate?
        /// The key (DID URL or https URL).
        public let verificationMethod: String?
        /// The purpose (`assertionMethod`).
        public let proofPurpose: String?
        /// The multibase signature.
        public let proofValue: String?
        /// The cryptosuite (`eddsa-rdfc-2022`).
        public let cryptosuite: String?
        /// Ed25519Signature2018: the detached JWS.
        public let jws: String?

        /// Reads a proof.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            type = try r.optional("type", as: OneOrMany<String>.self)?.first
            created = try r.optional("created")
            verificationMethod = try r.optional("verificationMethod")
            proofPurpose = try r.optional("proofPurpose")
            proofValue = try r.optional("proofValue")
            cryptosuite = try r.optional("cryptosuite")
            jws = try r.optional("jws")
        }
    }

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

    /// A credential schema reference (`1EdTechJsonSchemaValidator2019`).
    public struct CredentialSchema: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = ["id", "type"]
        /// The object as read.
        public let json: JSONObject
        /// The schema URL.
        public let id: String
        /// The validator type.
        public let type: String

        /// Reads a schema reference.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            id = try r.required("id")
            type = try r.required("type")
        }
    }
}
