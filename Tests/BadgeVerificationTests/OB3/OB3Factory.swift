import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Zlib
import _CryptoExtras

@testable import BadgeVerification
import OpenBadgesModel

/// An Ed25519 key with its did:key names.
struct Ed25519Key {
    let privateKey = Curve25519.Signing.PrivateKey()
    var multikey: String { MultikeyPublicKey.ed25519(Array(privateKey.publicKey.rawRepresentation)).multibase }
    var didKey: String { "did:key:" + multikey }
    var didKeyMethod: String { didKey + "#" + multikey }
    var jwk: JSONObject { ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(privateKey.publicKey.rawRepresentation))] }
}

/// Builds and signs OB 3.0 credentials for the tests.
enum OB3Factory {
    static let contexts: JSONValue = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]

    static func subject(id: String? = "did:example:learner", identifier: JSONValue? = nil) -> JSONObject {
        var subject: JSONObject = [
            "type": ["AchievementSubject"],
            "achievement": [
                "id": "https://issuer.example/achievements/swift", "type": ["Achievement"], "name": "Swift verification",
                "description": "Verifies badges.", "criteria": ["narrative": "Write the verifier."],
            ],
        ]
        if let id { subject["id"] = .string(id) }
        if let identifier { subject["identifier"] = identifier }
        return subject
    }

    /// An unsigned OpenBadgeCredential (VC 2.0).
    static func credential(
        issuer: String, id: String = "urn:uuid:6f0b7a0e-3c1d-4f55-9b7e-2f1e3a5c9d01", subject: JSONObject = subject(),
        validFrom: String = "2025-01-01T00:00:00Z", validUntil: String? = nil, extra: [(String, JSONValue)] = []
    ) -> JSONObject {
        var credential: JSONObject = [
            "@context": contexts, "id": .string(id), "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Test Issuer"], "name": "Swift verification badge",
            "validFrom": .string(validFrom), "credentialSubject": .object(subject),
        ]
        if let validUntil { credential["validUntil"] = .string(validUntil) }
        for (key, value) in extra { credential[key] = value }
        return credential
    }

    static func processor() -> JSONLDProcessor { JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader())) }

    /// Adds a Data Integrity proof.
    static func sign(_ document: JSONObject, key: Curve25519.Signing.PrivateKey, method: String, suite: String = "eddsa-rdfc-2022") throws -> JSONObject {
        var options: JSONObject = [
            "type": "DataIntegrityProof", "cryptosuite": .string(suite), "created": "2025-01-01T00:00:00Z",
            "verificationMethod": .string(method), "proofPurpose": "assertionMethod",
        ]
        if suite == "Ed25519Signature2020" {
            options["type"] = "Ed25519Signature2020"
            options["cryptosuite"] = nil
        }
        return try DataIntegrity.sign(document, proofOptions: options, key: key, processor: processor())
    }

    static func text(_ object: JSONObject) -> String { JSONValue.object(object).serialized() }

    // MARK: VC-JWT

    enum JWTKey {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        var alg: String {
            switch self {
            case .rsa: "RS256"
            case .p256: "ES256"
            case .ed25519: "EdDSA"
            }
        }

        var publicJWK: JSONObject {
            switch self {
            case .rsa(let key):
                let primitives = try! key.publicKey.getKeyPrimitives()
                return ["kty": "RSA", "n": .string(Base64URL.encode(primitives.modulus)), "e": .string(Base64URL.encode(primitives.publicExponent))]
            case .p256(let key):
                let raw = Array(key.publicKey.rawRepresentation)
                return ["kty": "EC", "crv": "P-256", "x": .string(Base64URL.encode(raw[0..<32])), "y": .string(Base64URL.encode(raw[32...]))]
            case .ed25519(let key):
                return ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(key.publicKey.rawRepresentation))]
            }
        }

        func sign(_ input: [UInt8]) throws -> [UInt8] {
            switch self {
            case .rsa(let key): Array(try key.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
            case .p256(let key): Array(try key.signature(for: SHA256.hash(data: input)).rawRepresentation)
            case .ed25519(let key): Array(try key.signature(for: input))
            }
        }
    }

    /// A compact JWS over `payload` with `header` (alg added unless given).
    static func jwt(_ payload: JSONObject, header: JSONObject, key: JWTKey) throws -> String {
        var header = header
        if header["alg"] == nil { header["alg"] = .string(key.alg) }
        let input = Base64URL.encode(Array(text(header).utf8)) + "." + Base64URL.encode(Array(text(payload).utf8))
        return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
    }

    /// VC 2.0 JWT claims for a credential: the credential plus iss, jti, sub, nbf (and exp).
    static func jwtPayload(_ credential: JSONObject) -> JSONObject {
        var payload = credential
        payload["iss"] = credential["issuer"]?["id"] ?? credential["issuer"]
        payload["jti"] = credential["id"]
        payload["sub"] = credential["credentialSubject"]?["id"]
        if let from = credential["validFrom"]?.stringValue, let date = ISO8601DateFormatter().date(from: from) {
            payload["nbf"] = .int(Int(date.timeIntervalSince1970))
        }
        if let until = credential["validUntil"]?.stringValue, let date = ISO8601DateFormatter().date(from: until) {
            payload["exp"] = .int(Int(date.timeIntervalSince1970))
        }
        return payload
    }

    // MARK: Status lists

    /// A signed BitstringStatusListCredential of 131,072 entries with `revoked` set (most significant bit first).
    static func bitstringStatusList(url: String, revoked: [Int], issuer: Ed25519Key) throws -> JSONObject {
        var bits = [UInt8](repeating: 0, count: 131_072 / 8)
        for index in revoked { bits[index / 8] |= 0x80 >> UInt8(index % 8) }
        let encoded = "u" + Base64URL.encode(try deflate(bits, container: .gzip))
        let list: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string(url), "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": .string(issuer.didKey), "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": ["id": .string(url + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": .string(encoded)],
        ]
        return try sign(list, key: issuer.privateKey, method: issuer.didKeyMethod)
    }

    static func bitstringEntry(list: String, index: Int) -> JSONValue {
        [
            "id": .string("\(list)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(list),
        ]
    }
}
