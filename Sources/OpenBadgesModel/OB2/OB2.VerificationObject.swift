extension OB2 {
    /// How an OB 0.5–2.0 assertion is verified, normalised from the many spellings found in real files.
    public enum VerificationKind: String, Sendable, Hashable, Codable {
        /// Hosted: fetch the assertion from its URL (`hosted`, `HostedBadge`, `Hosted`, …).
        case hosted
        /// Signed: a JWS whose key the issuer publishes (`signed`, `SignedBadge`).
        case signed
        /// Absent or not recognised.
        case unknown

        /// Normalises a `type` value case-insensitively, with or without the `Badge` suffix or a namespace prefix.
        public init(typeValue: String?) {
            guard var t = typeValue?.lowercased() else { self = .unknown; return }
            if let hash = t.lastIndex(of: "#") { t = String(t[t.index(after: hash)...]) }
            if t.hasSuffix("badge") { t.removeLast(5) }
            self = t == "hosted" ? .hosted : t == "signed" ? .signed : .unknown
        }
    }

    /// An OB 2.0 VerificationObject, or an OB 1.0 `verify` object (`{type, url}`).
    public struct VerificationObject: JSONObjectModel {
        /// The members this type reads.
        public static let knownProperties: Set<String> = [
            "@context", "id", "type", "url", "creator", "verificationProperty", "startsWith", "allowedOrigins",
        ]
        /// The object as read.
        public let json: JSONObject
        /// The `type` as written (`hosted`, `HostedBadge`, `Hosted`, …).
        public let type: String?
        /// The normalised kind.
        public let kind: VerificationKind
        /// OB 1.0: the hosted assertion URL, or the signing key URL.
        public let url: String?
        /// OB 2.0 signed: the key that signed the assertion.
        public let creator: IRIOrObject<CryptographicKey>?
        /// Issuer policy: the property to check (`id`).
        public let verificationProperty: String?
        /// Issuer policy: allowed URL prefixes.
        public let startsWith: OneOrMany<String>?
        /// Issuer policy: allowed host names.
        public let allowedOrigins: OneOrMany<String>?

        /// Reads a verification object.
        public init(object: JSONObject, path: String) throws {
            let r = ObjectReader(object, path: path)
            json = object
            type = try r.optional("type", as: OneOrMany<String>.self)?.first
            kind = VerificationKind(typeValue: type)
            url = try r.optional("url")
            creator = try r.optional("creator")
            verificationProperty = try r.optional("verificationProperty")
            startsWith = try r.optional("startsWith")
            allowedOrigins = try r.optional("allowedOrigins")
        }
    }
}
