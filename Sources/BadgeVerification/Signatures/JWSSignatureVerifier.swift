import Crypto
import Foundation
import OpenBadgesModel
import _CryptoExtras

/// A JWS signature algorithm (RFC 7518 §3) that this verifier accepts.
///
/// The set is closed on purpose and extended here only: `none`, the HMAC algorithms (a public key is not a
/// shared secret) and anything unknown have no value of this type, so they cannot be accepted by mistake.
struct JWSAlgorithm: Hashable, Sendable, CustomStringConvertible {
    /// The `alg` header value.
    let name: String
    /// Why this algorithm is accepted only with a warning, if it is.
    let caveat: String?

    private init(_ name: String, caveat: String? = nil) {
        self.name = name
        self.caveat = caveat
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256: what Open Badges 2.0 and VC-JWT name.
    static let rs256 = JWSAlgorithm("RS256")
    /// RSASSA-PKCS1-v1_5 with SHA-384 (accepted with a warning).
    static let rs384 = JWSAlgorithm("RS384", caveat: "signed with RS384; RS256 is what the specification recommends")
    /// RSASSA-PKCS1-v1_5 with SHA-512 (accepted with a warning).
    static let rs512 = JWSAlgorithm("RS512", caveat: "signed with RS512; RS256 is what the specification recommends")
    /// ECDSA with P-256 and SHA-256.
    static let es256 = JWSAlgorithm("ES256")
    /// ECDSA with P-384 and SHA-384.
    static let es384 = JWSAlgorithm("ES384")
    /// Ed25519 (RFC 8037).
    static let edDSA = JWSAlgorithm("EdDSA")

    /// Every accepted algorithm.
    static let all: [JWSAlgorithm] = [.rs256, .rs384, .rs512, .es256, .es384, .edDSA]

    /// The accepted algorithm named `name`, or `nil` when it is not accepted.
    init?(named name: String) {
        guard let known = Self.all.first(where: { $0.name == name }) else { return nil }
        self = known
    }

    var description: String { name }
}

/// The outcome of checking a JWS signature with one key.
enum SignatureOutcome: Equatable {
    /// Valid; `warning` is set for an algorithm accepted only with a caveat (RS384, RS512).
    case valid(warning: String?)
    /// The signature does not match.
    case invalid
    /// The JWS or key cannot be used (algorithm not accepted, key of the wrong type, critical header…).
    case unusable(String)
}

/// The one JWS signature check, for Open Badges 1.x/2.0 signed badges and for OB 3.0 VC-JWTs alike: the header
/// (`alg` accepted, no `crit`), the key's type against the algorithm, then the signature over the signing input.
enum JWSSignatureVerifier {
    /// The accepted algorithm of `jws`'s header, or why the header is refused (before any key is looked for).
    static func checkHeader(_ jws: JWS) -> Result<JWSAlgorithm, HeaderProblem> {
        guard let name = jws.algorithm else { return .failure(HeaderProblem(message: "the JWS header has no alg")) }
        guard let algorithm = JWSAlgorithm(named: name) else {
            let accepted = JWSAlgorithm.all.map(\.name).joined(separator: ", ")
            return .failure(HeaderProblem(message: "JWS alg \(name) is not accepted (\(accepted) are; none and HMAC are refused)"))
        }
        // RFC 7515 §4.1.11: a JWS whose critical extensions are not understood (none are, here) must be rejected.
        if let critical = jws.header["crit"] {
            return .failure(HeaderProblem(message: "the JWS header marks \(critical) as critical, which this verifier does not understand"))
        }
        return .success(algorithm)
    }

    /// Why a JWS header is refused.
    struct HeaderProblem: Error {
        /// What is wrong.
        let message: String
    }

    /// Checks `jws` with `key`.
    static func verify(_ jws: JWS, key: PublicKeyMaterial) -> SignatureOutcome {
        let algorithm: JWSAlgorithm
        switch checkHeader(jws) {
        case .success(let accepted): algorithm = accepted
        case .failure(let problem): return .unusable(problem.message)
        }
        let input = Data(jws.signingInput)
        let valid: Bool
        switch (algorithm, key) {
        case (.rs256, .rsa(let key)), (.rs384, .rsa(let key)), (.rs512, .rsa(let key)):
            let signature = _RSA.Signing.RSASignature(rawRepresentation: jws.signature)
            switch algorithm {
            case .rs384: valid = key.isValidSignature(signature, for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5)
            case .rs512: valid = key.isValidSignature(signature, for: SHA512.hash(data: input), padding: .insecurePKCS1v1_5)
            default: valid = key.isValidSignature(signature, for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
            }
        case (.es256, .p256(let key)):
            guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: jws.signature) else {
                return .unusable("the ES256 signature is not 64 bytes (r ‖ s)")
            }
            valid = key.isValidSignature(signature, for: SHA256.hash(data: input))
        case (.es384, .p384(let key)):
            guard let signature = try? P384.Signing.ECDSASignature(rawRepresentation: jws.signature) else {
                return .unusable("the ES384 signature is not 96 bytes (r ‖ s)")
            }
            valid = key.isValidSignature(signature, for: SHA384.hash(data: input))
        case (.edDSA, .ed25519(let key)):
            valid = key.isValidSignature(jws.signature, for: input)
        default:
            return .unusable("JWS alg \(algorithm) does not match the \(key.kind) key")
        }
        return valid ? .valid(warning: algorithm.caveat) : .invalid
    }

    /// Checks `jws` with an RSA public key in PEM form (Open Badges 1.x/2.0 keys).
    static func verify(_ jws: JWS, publicKeyPEM pem: String, allowsWeakKeys: Bool) -> SignatureOutcome {
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(pemRepresentation: pem)
        } catch {
            guard let weak = try? _RSA.Signing.PublicKey(unsafePEMRepresentation: pem) else {
                return .unusable("the key is not an RSA public key in PEM form")
            }
            guard allowsWeakKeys else { return .unusable("the RSA key is shorter than 2048 bits") }
            key = weak
        }
        return verify(jws, key: .rsa(key))
    }
}
