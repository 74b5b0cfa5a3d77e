import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing
import _CryptoExtras

@testable import BadgeVerification
import OpenBadgesModel

/// OB 3.0 VC-JWTs signed by the tests: RS256, ES256, EdDSA; keys from `jwk`, did:key, did:jwk, did:web and HTTPS.
@Suite("OB 3.0 VC-JWT")
struct OB3JWTTests {
    static let rsa = OB3Factory.JWTKey.rsa(BadgeHost.signingKey)
    static let p256 = P256.Signing.PrivateKey()
    static let ed = Ed25519Key()

    func verify(_ payload: String, documents: [String: String] = [:]) async throws -> VerificationReport {
        let folder = try OfflineFolder(documents)
        defer { folder.remove() }
        return await BadgeVerifier(options: VerificationOptions.forTests(loader: folder.loader, now: ob3Now)).verify(payload: payload)
    }

    func jwt(
        issuer: String = "https://issuer.example/profile", header: JSONObject, key: OB3Factory.JWTKey,
        edit: (inout JSONObject) -> Void = { _ in }, credential: JSONObject? = nil
    ) throws -> String {
        var payload = OB3Factory.jwtPayload(credential ?? OB3Factory.credential(issuer: issuer))
        edit(&payload)
        return try OB3Factory.jwt(payload, header: header, key: key)
    }

    @Test("RS256 with the key in the jwk header: a valid signature by an unbound key is never verified")
    func rs256JWK() async throws {
        let token = try jwt(header: ["typ": "JWT", "jwk": .object(Self.rsa.publicJWK)], key: Self.rsa)
        let report = try await verify(token)
        #expect(report.verdict == .indeterminate, "\(report.summaryText)")
        #expect(report.method == "vc-jwt")
        #expect(report.status(.signature) == .passed)
        #expect(report.status(.jwtClaims) == .passed)
        #expect(report.status(.issuerBinding) == .notChecked)
        // 1EdTech's permissive behaviour, on request only: verified with a warning.
        var options = VerificationOptions.forTests(loader: try OfflineFolder([:]).loader, now: ob3Now)
        options.acceptsUnboundKeys = true
        let permissive = await BadgeVerifier(options: options).verify(payload: token)
        #expect(permissive.verdict == .verified, "\(permissive.summaryText)")
        #expect(permissive.status(.issuerBinding) == .warning)
    }

    @Test("the issuer's JWK Set binds a jwk-header key; a set without the key fails the binding")
    func jwksProvenance() async throws {
        let token = try jwt(header: ["kid": "rsa-1", "jwk": .object(Self.rsa.publicJWK)], key: Self.rsa)
        var listed = Self.rsa.publicJWK
        listed["kid"] = "rsa-1"
        let jwks = OB3Factory.text(["keys": [.object(listed)]])
        let bound = try await verify(token, documents: ["https://issuer.example/.well-known/jwks.json": jwks])
        #expect(bound.status(.issuerBinding) == .passed, "\(bound.summaryText)")
        #expect(bound.verdict == .verified)
        let otherSet = OB3Factory.text(["keys": [.object(OB3Factory.JWTKey.p256(Self.p256).publicJWK)]])
        let unlisted = try await verify(token, documents: ["https://issuer.example/.well-known/jwks.json": otherSet])
        #expect(unlisted.status(.issuerBinding) == .failed)
        #expect(unlisted.verdict == .failed)
    }

    @Test("ES256 with a did:jwk issuer and kid")
    func es256DidJWK() async throws {
        let key = OB3Factory.JWTKey.p256(Self.p256)
        let did = "did:jwk:" + Base64URL.encode(Array(OB3Factory.text(key.publicJWK).utf8))
        let report = try await verify(try jwt(issuer: did, header: ["typ": "vc+jwt", "kid": .string(did + "#0")], key: key))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
    }

    @Test("EdDSA with a did:key issuer and kid")
    func edDSADidKey() async throws {
        let report = try await verify(try jwt(issuer: Self.ed.didKey, header: ["kid": .string(Self.ed.didKeyMethod)], key: .ed25519(Self.ed.privateKey)))
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        // Signed by another key than the kid names.
        let other = Ed25519Key()
        let forged = try await verify(try jwt(issuer: Self.ed.didKey, header: ["kid": .string(Self.ed.didKeyMethod)], key: .ed25519(other.privateKey)))
        #expect(forged.status(.signature) == .failed)
    }

    @Test("RS256 with a did:web kid served offline")
    func rs256DidWeb() async throws {
        let did = "did:web:issuer.example"
        let document = """
            {"@context":["https://www.w3.org/ns/did/v1"],"id":"\(did)","verificationMethod":[{"id":"\(did)#key-1","type":"JsonWebKey2020",
            "controller":"\(did)","publicKeyJwk":\(OB3Factory.text(Self.rsa.publicJWK))}],"assertionMethod":["\(did)#key-1"]}
            """
        let token = try jwt(issuer: did, header: ["kid": .string(did + "#key-1")], key: Self.rsa)
        let report = try await verify(token, documents: ["https://issuer.example/.well-known/did.json": document])
        #expect(report.verdict == .verified, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .passed)
        let offline = try await verify(token)
        #expect(offline.status(.signature) == .networkError)
        #expect(offline.verdict == .indeterminate)
        // A relative kid names a key in the issuer's DID document.
        let relative = try jwt(issuer: did, header: ["kid": "#key-1"], key: Self.rsa)
        let relativeReport = try await verify(relative, documents: ["https://issuer.example/.well-known/did.json": document])
        #expect(relativeReport.verdict == .verified, "\(relativeReport.summaryText)")
    }

    @Test("an HTTPS kid that serves a bare JWK: valid, but unbound")
    func httpsKid() async throws {
        let kid = "https://issuer.example/keys/rsa.json"
        let report = try await verify(try jwt(header: ["kid": .string(kid)], key: Self.rsa), documents: [kid: OB3Factory.text(Self.rsa.publicJWK)])
        #expect(report.status(.signature) == .passed, "\(report.summaryText)")
        #expect(report.status(.issuerBinding) == .notChecked)
        #expect(report.verdict == .indeterminate)
    }

    @Test("VC 1.1 JWT with a vc claim")
    func vcClaim() async throws {
        var credential = OB3Factory.credential(issuer: Self.ed.didKey, extra: [("issuanceDate", "2025-01-01T00:00:00Z")])
        credential["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
        credential["validFrom"] = nil
        let payload: JSONObject = [
            "iss": .string(Self.ed.didKey), "jti": credential["id"]!, "sub": "did:example:learner",
            "nbf": .int(1_735_689_600), "vc": .object(credential),
        ]
        let token = try OB3Factory.jwt(payload, header: ["kid": .string(Self.ed.didKeyMethod)], key: .ed25519(Self.ed.privateKey))
        let report = try await verify(token)
        #expect(report.verdict == .verified, "\(report.summaryText)")
        // A vc claim whose credential uses the VC 2.0 context is inconsistent.
        let v2 = OB3Factory.credential(issuer: Self.ed.didKey)
        let mixed: JSONObject = ["iss": .string(Self.ed.didKey), "jti": v2["id"]!, "vc": .object(v2)]
        let bad = try await verify(try OB3Factory.jwt(mixed, header: ["kid": .string(Self.ed.didKeyMethod)], key: .ed25519(Self.ed.privateKey)))
        #expect(bad.status(.payload) == .failed)
    }

    @Test("header tampering: alg, typ, private jwk, mismatched key type")
    func headers() async throws {
        let jwk = JSONValue.object(Self.rsa.publicJWK)
        #expect(try await verify(try jwt(header: ["alg": "RS512", "jwk": jwk], key: Self.rsa)).status(.signature) == .failed)
        #expect(try await verify(try jwt(header: ["typ": "JOSE+JSON", "jwk": jwk], key: Self.rsa)).status(.signature) == .failed)
        var privateJWK = Self.rsa.publicJWK
        privateJWK["d"] = "AAAA"
        let leaked = try await verify(try jwt(header: ["jwk": .object(privateJWK)], key: Self.rsa))
        #expect(leaked.status(.signature) == .failed)
        #expect(leaked.check(.signature)?.message.contains("private") == true)
        #expect(try await verify(try jwt(header: ["alg": "ES256", "jwk": jwk], key: Self.rsa)).status(.signature) == .failed)
        #expect(try await verify(try jwt(header: [:], key: Self.rsa)).status(.signature) == .failed)
        // alg none: no signature at all.
        let unsigned =
            Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "."
            + Base64URL.encode(Array(OB3Factory.text(OB3Factory.jwtPayload(OB3Factory.credential(issuer: "https://issuer.example/profile"))).utf8)) + "."
        #expect(try await verify(unsigned).verdict == .failed)
    }

    @Test("a payload changed after signing fails the signature")
    func tamperedPayload() async throws {
        let token = try jwt(header: ["jwk": .object(Self.rsa.publicJWK)], key: Self.rsa)
        let parts = token.split(separator: ".").map(String.init)
        var payload = try #require(try JSONValue(parsing: Base64URL.decode(parts[1])!).objectValue)
        payload["name"] = "Forged"
        let forged = parts[0] + "." + Base64URL.encode(Array(OB3Factory.text(payload).utf8)) + "." + parts[2]
        #expect(try await verify(forged).status(.signature) == .failed)
    }

    @Test("claims disagreeing with the credential", arguments: ["iss", "jti", "sub", "nbf"])
    func claims(_ claim: String) async throws {
        let token = try jwt(header: ["jwk": .object(Self.rsa.publicJWK)], key: Self.rsa) { payload in
            payload[claim] = claim == "nbf" ? .int(1_600_000_000) : "urn:example:other"
        }
        let report = try await verify(token)
        #expect(report.status(.jwtClaims) == .failed, "\(report.summaryText)")
        #expect(report.verdict == .failed)
    }

    @Test("exp in the past and nbf in the future fail expiry with distinct messages")
    func dates() async throws {
        let expired = try await verify(
            try jwt(
                header: ["jwk": .object(Self.rsa.publicJWK)], key: Self.rsa,
                credential: OB3Factory.credential(issuer: "https://issuer.example/profile", validUntil: "2025-06-01T00:00:00Z")))
        #expect(expired.status(.jwtClaims) == .passed)
        #expect(expired.check(.expiry)?.message.hasPrefix("expired") == true)
        let future = try await verify(
            try jwt(
                header: ["jwk": .object(Self.rsa.publicJWK)], key: Self.rsa,
                credential: OB3Factory.credential(issuer: "https://issuer.example/profile", validFrom: "2027-01-01T00:00:00Z")))
        #expect(future.check(.expiry)?.message.hasPrefix("not yet valid") == true)
        #expect(future.verdict == .failed)
    }
}
