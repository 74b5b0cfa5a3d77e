import Foundation

/// A compact JWS (RFC 7515), decoded but **not verified**.
///
/// Keeps the exact signed bytes (``signingInput``) and the raw payload bytes, so a verifier can check the signature
/// over what was actually signed, never over a re-serialisation.
public struct JWS: Sendable, Equatable {
    /// The compact serialisation, as given.
    public let compactSerialization: String
    /// The JOSE header.
    public let header: JSONObject
    /// The decoded payload bytes.
    public let payloadBytes: [UInt8]
    /// The payload parsed as JSON.
    public let payload: JSONValue
    /// The decoded signature bytes.
    public let signature: [UInt8]

    /// Decodes a compact JWS: three dot-separated strict base64url segments; header and payload must be JSON objects.
    /// - Parameters:
    ///   - compact: the JWS text (no surrounding whitespace).
    ///   - options: limits for the header and payload JSON.
    /// - Throws: ``ModelError`` `.invalidJWS` (shape), `.invalidBase64URL` (naming the segment), or a JSON error.
    public init(compact: String, options: JSONParsingOptions = .default) throws {
        // Split on the UTF-8 bytes: splitting a String walks grapheme clusters, which costs far more than linear
        // time on hostile text (one cluster of millions of combining marks).
        let parts = compact.utf8.split(separator: UInt8(ascii: "."), maxSplits: 3, omittingEmptySubsequences: false).map(Substring.init)
        guard parts.count == 3 else {
            throw ModelError(.invalidJWS, reason: "a compact JWS has 3 dot-separated segments; found \(parts.count)")
        }
        guard !parts[0].isEmpty else { throw ModelError(.invalidJWS, field: "header", reason: "the header segment is empty") }
        guard !parts[1].isEmpty else {
            throw ModelError(.invalidJWS, field: "payload", reason: "the payload segment is empty (a detached JWS has no payload to read)")
        }
        guard compact.utf8.count / 2 <= options.maximumBytes else {
            throw ModelError(.inputTooLarge, reason: "the JWS is \(compact.utf8.count) bytes")
        }
        func decode(_ segment: Substring, _ name: String) throws -> [UInt8] {
            guard let bytes = Base64URL.decode(segment) else {
                throw ModelError(.invalidBase64URL, field: name, reason: "the \(name) segment is not strict unpadded base64url")
            }
            return bytes
        }
        let headerBytes = try decode(parts[0], "header")
        payloadBytes = try decode(parts[1], "payload")
        signature = try decode(parts[2], "signature")
        guard case .object(let h) = try JSONValue(parsing: headerBytes, options: options) else {
            throw ModelError(.invalidJWS, field: "header", reason: "the JOSE header is not a JSON object")
        }
        header = h
        payload = try JSONValue(parsing: payloadBytes, options: options)
        guard case .object = payload else {
            throw ModelError(.invalidJWS, field: "payload", reason: "the payload is not a JSON object")
        }
        compactSerialization = compact
    }

    /// The ASCII bytes the signature covers: `BASE64URL(header) || '.' || BASE64URL(payload)`, exactly as received.
    public var signingInput: [UInt8] {
        let s = compactSerialization
        return Array(s.utf8[..<s.utf8.lastIndex(of: UInt8(ascii: "."))!])
    }

    /// The `alg` header.
    public var algorithm: String? { header["alg"]?.stringValue }
    /// The `kid` header.
    public var keyID: String? { header["kid"]?.stringValue }
    /// The `typ` header.
    public var type: String? { header["typ"]?.stringValue }
    /// The `jwk` header (an embedded public key).
    public var jwk: JSONObject? { header["jwk"]?.objectValue }

    /// The registered JWT claims of the payload.
    public var claims: JWTClaims { JWTClaims(payload: payload.objectValue ?? [:]) }
}

/// The registered JWT claims (RFC 7519 §4.1) read from a JWS payload, plus the VC 1.1 `vc` claim.
public struct JWTClaims: Sendable, Equatable {
    /// `iss`: the issuer (OB 3.0: `issuer.id`).
    public let issuer: String?
    /// `sub`: the subject (OB 3.0: `credentialSubject.id`).
    public let subject: String?
    /// `jti`: the token id (OB 3.0: the credential `id`).
    public let tokenID: String?
    /// `aud`: the audience (one or many).
    public let audience: [String]
    /// `nbf`: not before (OB 3.0: `validFrom` / `issuanceDate`).
    public let notBefore: Date?
    /// `exp`: expiry (OB 3.0: `validUntil` / `expirationDate`).
    public let expiration: Date?
    /// `iat`: issued at.
    public let issuedAt: Date?
    /// `vc`: the credential, in the VC 1.1 JWT encoding.
    public let verifiableCredential: JSONObject?

    /// Reads the claims from a payload object (NumericDate values may be integers or decimals).
    public init(payload: JSONObject) {
        func date(_ key: String) -> Date? {
            guard let n = payload[key]?.numberValue?.doubleValue, n.isFinite else { return nil }
            return Date(timeIntervalSince1970: n)
        }
        issuer = payload["iss"]?.stringValue
        subject = payload["sub"]?.stringValue
        tokenID = payload["jti"]?.stringValue
        switch payload["aud"] {
        case .string(let s)?: audience = [s]
        case .array(let a)?: audience = a.compactMap(\.stringValue)
        default: audience = []
        }
        notBefore = date("nbf")
        expiration = date("exp")
        issuedAt = date("iat")
        verifiableCredential = payload["vc"]?.objectValue
    }
}
