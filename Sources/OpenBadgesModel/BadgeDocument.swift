/// Any Open Badges document this module reads, detected from its `type` and shape.
public indirect enum BadgeDocument: Sendable, Equatable {
    /// An OB 0.5–2.0 Assertion.
    case assertion(OB2.Assertion)
    /// A hosted OB 2.0 assertion that now only says it is revoked (`{"id": …, "revoked": true}`).
    case revokedAssertion(OB2.RevokedAssertion)
    /// An OB 0.5–2.0 BadgeClass.
    case badgeClass(OB2.BadgeClass)
    /// An OB 0.5–2.0 issuer Profile.
    case profile(OB2.Profile)
    /// An OB 2.0 CryptographicKey.
    case cryptographicKey(OB2.CryptographicKey)
    /// An OB 2.0 RevocationList.
    case revocationList(OB2.RevocationList)
    /// An OB 2.0 Endorsement.
    case endorsement(OB2.Endorsement)
    /// An OB 3.0 OpenBadgeCredential / AchievementCredential.
    case achievementCredential(OB3.AchievementCredential)
    /// An OB 3.0 EndorsementCredential.
    case endorsementCredential(OB3.EndorsementCredential)
    /// A CLR 2.0 ClrCredential (a learner record embedding AchievementCredentials).
    case clrCredential(OB3.ClrCredential)

    /// Reads a document from JSON text.
    /// - Parameters:
    ///   - text: the JSON text.
    ///   - options: parsing limits.
    /// - Throws: ``ModelError`` (JSON errors, `.unrecognisedDocument`, or a field error naming the field).
    public init(jsonText text: String, options: JSONParsingOptions = .default) throws {
        try self.init(jsonValue: JSONValue(parsing: text, options: options))
    }

    /// Reads a document from JSON bytes (must be UTF-8).
    public init(jsonBytes bytes: some Collection<UInt8>, options: JSONParsingOptions = .default) throws {
        try self.init(jsonValue: JSONValue(parsing: bytes, options: options))
    }

    /// Reads a document from a parsed JSON value.
    public init(jsonValue: JSONValue) throws {
        guard case .object(let o) = jsonValue else {
            throw ModelError(.unrecognisedDocument, field: "$", reason: "expected a JSON object, found \(jsonValue.typeName)")
        }
        let types = Set(Self.typeNames(o["type"]))
        func has(_ t: String) -> Bool { types.contains(t.lowercased()) }
        if has("ClrCredential") {
            self = .clrCredential(try OB3.ClrCredential(object: o, path: "$"))
        } else if has("EndorsementCredential") {
            self = .endorsementCredential(try OB3.EndorsementCredential(object: o, path: "$"))
        } else if has("VerifiableCredential") || has("OpenBadgeCredential") || has("AchievementCredential")
            || o.contains("credentialSubject")
        {
            self = .achievementCredential(try OB3.AchievementCredential(object: o, path: "$"))
        } else if o["revoked"] == .bool(true), !o.contains("recipient") {
            self = .revokedAssertion(try OB2.RevokedAssertion(jsonValue: jsonValue, path: "$"))
        } else if has("Assertion") || o.contains("recipient") || (o.contains("identity") && o.contains("badge")) {
            self = .assertion(try OB2.Assertion(object: o, path: "$"))
        } else if has("BadgeClass") || (o.contains("criteria") && o.contains("issuer")) {
            self = .badgeClass(try OB2.BadgeClass(object: o, path: "$"))
        } else if has("CryptographicKey") || o.contains("publicKeyPem") {
            self = .cryptographicKey(try OB2.CryptographicKey(object: o, path: "$"))
        } else if has("RevocationList") || o.contains("revokedAssertions") {
            self = .revocationList(try OB2.RevocationList(object: o, path: "$"))
        } else if has("Endorsement") || o.contains("claim") {
            self = .endorsement(try OB2.Endorsement(object: o, path: "$"))
        } else if has("Issuer") || has("Profile") || o.contains("name") && (o.contains("url") || o.contains("email") || o.contains("origin")) {
            self = .profile(try OB2.Profile(object: o, path: "$"))
        } else {
            throw ModelError(
                .unrecognisedDocument, field: "$.type",
                reason: "not an Open Badges assertion, badge class, issuer, key, revocation list, endorsement or credential")
        }
    }

    /// Lower-cased last segment of each `type` value (`https://w3id.org/openbadges#Assertion` → `assertion`).
    static func typeNames(_ value: JSONValue?) -> [String] {
        let raw: [String]
        switch value {
        case .string(let s)?: raw = [s]
        case .array(let a)?: raw = a.compactMap(\.stringValue)
        default: raw = []
        }
        return raw.map { t in
            // The last non-empty segment after '#', '/' or ':', found on bytes (a type is untrusted text, and
            // String's split walks grapheme clusters).
            let bytes = t.utf8
            let isSeparator = { (b: UInt8) in b == UInt8(ascii: "#") || b == UInt8(ascii: "/") || b == UInt8(ascii: ":") }
            let end = bytes.lastIndex { !isSeparator($0) }.map { bytes.index(after: $0) } ?? bytes.startIndex
            let start = bytes[..<end].lastIndex(where: isSeparator).map { bytes.index(after: $0) } ?? bytes.startIndex
            let tail = start < end ? String(Substring(bytes[start..<end])) : t
            return tail.lowercased()
        }
    }

    /// The Open Badges version the document was written in.
    public var specVersion: OpenBadgesVersion {
        switch self {
        case .assertion(let a): a.specVersion
        case .badgeClass(let b): b.specVersion
        case .profile(let p): OB2.detectVersion(of: p.json)
        case .cryptographicKey, .revocationList, .endorsement, .revokedAssertion: .v2_0
        case .achievementCredential, .endorsementCredential, .clrCredential: .v3_0
        }
    }

    /// The document's JSON, as read.
    public var jsonValue: JSONValue {
        switch self {
        case .assertion(let m): m.jsonValue
        case .revokedAssertion(let m): m.jsonValue
        case .badgeClass(let m): m.jsonValue
        case .profile(let m): m.jsonValue
        case .cryptographicKey(let m): m.jsonValue
        case .revocationList(let m): m.jsonValue
        case .endorsement(let m): m.jsonValue
        case .achievementCredential(let m): m.jsonValue
        case .endorsementCredential(let m): m.jsonValue
        case .clrCredential(let m): m.jsonValue
        }
    }

    /// A short name of the kind (`assertion`, `achievementCredential`, …).
    public var kindName: String {
        switch self {
        case .assertion: "assertion"
        case .revokedAssertion: "revokedAssertion"
        case .badgeClass: "badgeClass"
        case .profile: "profile"
        case .cryptographicKey: "cryptographicKey"
        case .revocationList: "revocationList"
        case .endorsement: "endorsement"
        case .achievementCredential: "achievementCredential"
        case .endorsementCredential: "endorsementCredential"
        case .clrCredential: "clrCredential"
        }
    }
}
