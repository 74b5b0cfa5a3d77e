import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// VC-JWT: the JWS signature (through the one JWS path) and the JWT claims against the credential.
extension OB3Verifier {
    // MARK: VC-JWT

    func checkJWTSignature(_ jws: JWS, header: JSONObject, credential: JSONObject, node: String?, into report: inout ReportBuilder) async -> ResolvedKey? {
        let alg = header["alg"]?.stringValue ?? "(none)"
        // The header is refused before any key is fetched.
        if case .failure(let problem) = JWSSignatureVerifier.checkHeader(jws) {
            report.add(.signature, .failed, problem.message, node: node)
            return nil
        }
        if let typ = header["typ"]?.stringValue, !["JWT", "vc+jwt"].contains(typ) {
            report.add(.signature, .failed, "JWT typ \(typ) is not JWT or vc+jwt", node: node)
            return nil
        }
        let jwk = header["jwk"]?.objectValue
        if jwk?["d"] != nil {
            report.add(.signature, .failed, "the jwk header holds a private key (d); the key is compromised", node: node)
            return nil
        }
        var resolved: ResolvedKey?
        var kidNote = ""
        if header["kid"] != nil, !budget.spend(.keys) {
            report.add(.signature, .notChecked, VerificationBudget.message(.keys, limit: budget.limit(.keys)), node: node)
            return nil
        }
        if var kid = header["kid"]?.stringValue {
            // A relative kid ("#key-1") names a key of the issuer's DID document.
            if kid.hasPrefix("#"), let issuer = Self.issuerID(credential), issuer.hasPrefix("did:") { kid = issuer + kid }
            switch await KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys).resolve(kid) {
            case .success(let key): resolved = key
            case .failure(let failure):
                let why: String
                switch failure {
                case .network(let error): why = "the kid \(kid) could not be fetched: \(error.message)"
                case .invalid(let message): why = "the kid \(kid) cannot be used: \(message)"
                case .unsupported(let message): why = "the kid \(kid) cannot be resolved: \(message)"
                }
                if jwk == nil {
                    switch failure {
                    case .network: report.add(.signature, .networkError, why, node: node)
                    case .unsupported: report.add(.signature, .notChecked, why, node: node)
                    case .invalid: report.add(.signature, .failed, why, node: node)
                    }
                    return nil
                }
                kidNote = " (\(why))"
            }
        }
        if resolved == nil {
            guard let jwk else {
                report.add(.signature, .failed, "the JWT header has neither kid nor jwk", node: node)
                return nil
            }
            do {
                resolved = ResolvedKey(
                    key: try PublicKeyMaterial(jwk: jwk, allowsWeakRSAKeys: options.allowsWeakRSAKeys), controller: nil,
                    provenance: .unbound("the public key is embedded in the JWT header and nothing ties it to the issuer\(kidNote)"), jwk: jwk)
            } catch {
                report.add(.signature, .failed, "the jwk header: \(error.message)", node: node)
                return nil
            }
        }
        guard let resolved else { return nil }
        switch JWSSignatureVerifier.verify(jws, key: resolved.key) {
        case .valid(let warning):
            report.add(.signature, .passed, "valid \(alg) signature", node: node)
            if let warning { report.add(.signature, .warning, warning, node: node) }
            return resolved
        case .unusable(let why):
            report.add(.signature, .failed, why, node: node)
            return nil
        case .invalid:
            report.add(.signature, .failed, "the \(alg) signature does not match the JWT", node: node)
            return nil
        }
    }

    /// `iss`, `jti`, `sub`, `nbf`, `exp` against the credential (OB 3.0 §8.2.4.2 / VC-JWT).
    func checkClaims(_ claims: JWTClaims, credential: JSONObject, vc11: Bool, node: String?, into report: inout ReportBuilder) {
        var failures: [String] = []
        var warnings: [String] = []
        let issuer = Self.issuerID(credential)
        if let iss = claims.issuer {
            if iss != issuer { failures.append("iss \(iss) is not the issuer \(issuer ?? "(none)")") }
        } else {
            warnings.append("no iss claim")
        }
        if let jti = claims.tokenID, let id = credential["id"]?.stringValue, jti != id { failures.append("jti \(jti) is not the credential id \(id)") }
        let subjectID = credential["credentialSubject"]?.asArray.first?.objectValue?["id"]?.stringValue
        if let sub = claims.subject {
            if sub != subjectID { failures.append("sub \(sub) is not the credentialSubject id \(subjectID ?? "(none)")") }
        } else if subjectID != nil {
            warnings.append("no sub claim")
        }
        func date(_ name: String) -> Date? { credential[name]?.stringValue.flatMap { try? FlexibleDate($0).date } }
        let start = vc11 ? date("issuanceDate") : date("validFrom")
        let end = vc11 ? date("expirationDate") : date("validUntil")
        if let nbf = claims.notBefore, let start, abs(nbf.timeIntervalSince(start)) >= 1 {
            failures.append("nbf \(FlexibleDate.iso8601(nbf)) is not \(vc11 ? "issuanceDate" : "validFrom") \(FlexibleDate.iso8601(start))")
        }
        if let exp = claims.expiration, let end, abs(exp.timeIntervalSince(end)) >= 1 {
            failures.append("exp \(FlexibleDate.iso8601(exp)) is not \(vc11 ? "expirationDate" : "validUntil") \(FlexibleDate.iso8601(end))")
        } else if claims.expiration != nil, end == nil {
            warnings.append("exp is set but the credential has no \(vc11 ? "expirationDate" : "validUntil")")
        }
        if !failures.isEmpty {
            report.add(.jwtClaims, .failed, "the JWT claims disagree with the credential: " + failures.joined(separator: "; "), node: node)
        } else if !warnings.isEmpty {
            report.add(.jwtClaims, .warning, "the JWT claims agree with the credential, but: " + warnings.joined(separator: "; "), node: node)
        } else {
            report.add(.jwtClaims, .passed, "iss, jti, sub, nbf and exp agree with the credential", node: node)
        }
    }
}
