import Foundation

/// A badge carried as a compact JWS: an OB 2.0 signed assertion, or an OB 3.0 VC-JWT (bare credential payload
/// or VC 1.1 `vc` claim). Decoded, **not verified**.
public struct SignedBadge: Sendable, Equatable {
    /// Where the credential sits in the JWT payload.
    public enum PayloadForm: String, Sendable, Hashable, Codable {
        /// The payload is the document itself (OB 2.0 signed assertion; VC 2.0 / VC-JOSE style).
        case bare
        /// The payload has a `vc` claim holding the credential (VC 1.1 JWT encoding).
        case vcClaim
    }

    /// The JWS.
    public let jws: JWS
    /// The document read from the payload.
    public let document: BadgeDocument
    /// Where the document was found.
    public let payloadForm: PayloadForm

    /// Decodes the JWS and reads its document.
    /// - Throws: ``ModelError`` for a malformed JWS or document.
    public init(compact: String, options: JSONParsingOptions = .default) throws {
        jws = try JWS(compact: compact, options: options)
        if let vc = jws.claims.verifiableCredential {
            payloadForm = .vcClaim
            document = try BadgeDocument(jsonValue: .object(vc))
        } else {
            payloadForm = .bare
            document = try BadgeDocument(jsonValue: jws.payload)
        }
    }

    /// The JWT claims.
    public var claims: JWTClaims { jws.claims }

    private var credential: OB3.AchievementCredential? {
        if case .achievementCredential(let c) = document { return c }
        return nil
    }

    /// The issuer: `iss`, else the credential's issuer id.
    public var issuerID: String? { claims.issuer ?? credential?.issuer.id }
    /// The subject: `sub`, else `credentialSubject.id`.
    public var subjectID: String? { claims.subject ?? credential?.credentialSubject.id }
    /// The credential id: `jti`, else the document `id`.
    public var credentialID: String? { claims.tokenID ?? document.jsonValue["id"]?.stringValue }
    /// Start of validity: `nbf`, else `validFrom`/`issuanceDate` (OB 2.0: `issuedOn`).
    public var validFrom: Date? {
        if let nbf = claims.notBefore { return nbf }
        switch document {
        case .assertion(let a): return a.issuedOn?.date
        default: return credential?.validityStart?.date
        }
    }
    /// End of validity: `exp`, else `validUntil`/`expirationDate` (OB 2.0: `expires`).
    public var validUntil: Date? {
        if let exp = claims.expiration { return exp }
        switch document {
        case .assertion(let a): return a.expires?.date
        default: return credential?.validityEnd?.date
        }
    }

    /// Claims that disagree with the credential they carry (OB 3.0 `#jwt-verify` requires them to match):
    /// human-readable descriptions, empty when consistent or not applicable.
    public var claimMismatches: [String] {
        guard let c = credential else { return [] }
        var out: [String] = []
        if let iss = claims.issuer, let id = c.issuer.id, iss != id { out.append("iss \(iss) ≠ issuer.id \(id)") }
        if let sub = claims.subject, let id = c.credentialSubject.id, sub != id { out.append("sub \(sub) ≠ credentialSubject.id \(id)") }
        if let jti = claims.tokenID, let id = c.id, jti != id { out.append("jti \(jti) ≠ id \(id)") }
        if let nbf = claims.notBefore, let start = c.validityStart, abs(nbf.timeIntervalSince(start.date)) >= 1 {
            out.append("nbf ≠ \(c.validFrom != nil ? "validFrom" : "issuanceDate") \(start)")
        }
        if let exp = claims.expiration, let end = c.validityEnd, abs(exp.timeIntervalSince(end.date)) >= 1 {
            out.append("exp ≠ \(c.validUntil != nil ? "validUntil" : "expirationDate") \(end)")
        }
        return out
    }
}
