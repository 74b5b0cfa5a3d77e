import Crypto
import Foundation
import OpenBadgesModel
import _CryptoExtras

/// The outcome of checking a JWS signature with one key.
enum SignatureOutcome: Equatable {
    /// Valid; `warning` is set for an algorithm accepted only with a caveat (RS384, RS512).
    case valid(warning: String?)
    /// The signature does not match.
    case invalid
    /// The JWS or key cannot be used (algorithm not allowed, key of the wrong type or too small…).
    case unusable(String)
}

/// Checks RSA signatures on compact JWS (Open Badges 1.x and 2.0 signed badges).
///
/// The algorithm allow-list is explicit: RS256; RS384 and RS512 with a warning; everything else
/// (`none`, HMAC, and any algorithm that does not match the RSA key) is rejected.
enum JWSSignatureVerifier {
    static func verify(_ jws: JWS, publicKeyPEM pem: String, allowsWeakKeys: Bool) -> SignatureOutcome {
        guard let algorithm = jws.algorithm else { return .unusable("the JWS header has no alg") }
        // RFC 7515 §4.1.11: a JWS whose critical extensions are not understood (none are, here) must be rejected.
        if let critical = jws.header["crit"] { return .unusable("the JWS header marks \(critical) as critical, which this verifier does not understand") }
        let warning: String?
        switch algorithm {
        case "RS256": warning = nil
        case "RS384", "RS512": warning = "signed with \(algorithm); RS256 is what the specification recommends"
        default: return .unusable("algorithm \(algorithm) is not accepted for an RSA key (RS256 required; none and HMAC are refused)")
        }
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(pemRepresentation: pem)
        } catch {
            guard allowsWeakKeys, let weak = try? _RSA.Signing.PublicKey(unsafePEMRepresentation: pem) else {
                if (try? _RSA.Signing.PublicKey(unsafePEMRepresentation: pem)) != nil {
                    return .unusable("the RSA key is shorter than 2048 bits")
                }
                return .unusable("the key is not an RSA public key in PEM form")
            }
            key = weak
        }
        let signature = _RSA.Signing.RSASignature(rawRepresentation: jws.signature)
        let input = Data(jws.signingInput)
        let valid: Bool
        switch algorithm {
        case "RS384": valid = key.isValidSignature(signature, for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5)
        case "RS512": valid = key.isValidSignature(signature, for: SHA512.hash(data: input), padding: .insecurePKCS1v1_5)
        default: valid = key.isValidSignature(signature, for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
        }
        return valid ? .valid(warning: warning) : .invalid
    }
}
