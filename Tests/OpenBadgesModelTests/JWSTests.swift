import BadgeTestSupport
import Foundation
import Testing
@testable import OpenBadgesModel

@Suite("JWS / JWT decoding (no verification)")
struct JWSTests {
    static func compact(header: String, payload: String, signature: [UInt8] = [1, 2, 3]) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
    }

    @Test("OB 2.0 signed assertion (corpus)", .enabled(if: Corpus.isAvailable))
    func ob2Signed() throws {
        let text = try Corpus.text("json/dcpv-ob2-signed-assertion.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        let signed = try SignedBadge(compact: text)
        #expect(signed.jws.type == "JWT")
        #expect(signed.payloadForm == .bare)
        guard case .assertion(let a) = signed.document else { Issue.record("kind"); return }
        #expect(a.verificationKind == .signed)
        #expect(a.verification?.creator?.iri == "http://example.org/key1.json")
        #expect(signed.credentialID == "https://example.org/beths-robotics-badge.json")
        #expect(try BadgePayload(text: text + "\n") == .jws(signed))
    }

    @Test("OB 3.0 VC-JWT with a vc claim: iss/sub/nbf/jti mapped (corpus)", .enabled(if: Corpus.isAvailable))
    func ob3VCClaim() throws {
        let text = try Corpus.text("ob3/dcpv-ob3-vc1.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        let signed = try SignedBadge(compact: text)
        #expect(signed.payloadForm == .vcClaim)
        #expect(signed.jws.keyID == nil && signed.jws.jwk == nil)
        #expect(signed.claims.issuer == "https://example.edu/issuers/565049")
        #expect(signed.issuerID == "https://example.edu/issuers/565049")
        #expect(signed.subjectID == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        #expect(signed.credentialID == "http://example.edu/credentials/3732")
        #expect(signed.validFrom.map(FlexibleDate.iso8601) == "2010-01-01T00:00:00Z")
        #expect(signed.validUntil == nil)
        #expect(signed.claimMismatches.isEmpty)
        guard case .achievementCredential(let c) = signed.document else { Issue.record("kind"); return }
        #expect(c.vcVersion == .v1_1)
        #expect(c.name?.text() == "Example University Degree")
    }

    @Test("Velocity VC-JWT: kid header, did:web issuer (corpus)", .enabled(if: Corpus.isAvailable))
    func velocity() throws {
        let signed = try SignedBadge(compact: Corpus.text("ob3/velocity-network-ob3.jwt").trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(signed.jws.keyID?.hasPrefix("did:velocity:v2:") == true)
        #expect(signed.issuerID == "did:web:registrar%3A3000:d:www.acmecorp-zrnkgupzazhhustuwbufc.com")
        guard case .achievementCredential(let c) = signed.document else { Issue.record("kind"); return }
        #expect(c.issuanceDate?.iso8601 == "2025-10-15T00:44:21.142Z")
        #expect(c.validFrom?.iso8601 == "2022-12-31T00:00:00Z")
    }

    @Test("VC-JWT from the 1EdTech baked PNGs (bare and vc claim)", .enabled(if: Corpus.isAvailable))
    func bakedJWTs() throws {
        let bare = try #require(try Corpus.pngText("png/dcpv-ob3-jwt.png", keyword: "openbadgecredential"))
        let s1 = try SignedBadge(compact: bare)
        #expect(s1.payloadForm == .bare)
        #expect(s1.jws.jwk?["kty"]?.stringValue == "RSA")
        let v1 = try #require(try Corpus.pngText("png/dcpv-ob3-jwt-vc1.png", keyword: "openbadgecredential"))
        let s2 = try SignedBadge(compact: v1)
        #expect(s2.payloadForm == .vcClaim)
        #expect(s2.claims.audience == ["did:example:ebfeb1f712ebc6f1c276e12ec21"])
        #expect(s2.claims.issuedAt != nil)
    }

    @Test("bare VC 2.0 payload: claims fill in and mismatches are reported")
    func bareClaims() throws {
        let payload =
            #"{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:1","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":"https://a.example","validFrom":"2024-01-01T00:00:00Z","credentialSubject":{"id":"did:example:x","type":"AchievementSubject"},"iss":"https://b.example","sub":"did:example:x","nbf":1704067200,"exp":1735689600.5,"jti":"urn:uuid:2"}"#
        let s = try SignedBadge(compact: Self.compact(header: #"{"alg":"RS256","typ":"JWT","kid":"https://a.example/keys/1"}"#, payload: payload))
        #expect(s.payloadForm == .bare)
        #expect(s.issuerID == "https://b.example")
        #expect(s.validUntil == Date(timeIntervalSince1970: 1735689600.5))
        #expect(s.claimMismatches.count == 2)
        #expect(s.claimMismatches.contains { $0.hasPrefix("iss") })
        #expect(s.claimMismatches.contains { $0.hasPrefix("jti") })
    }

    @Test("strict base64url")
    func base64url() {
        #expect(Base64URL.decode("") == [])
        #expect(Base64URL.decode("Zg") == Array("f".utf8))
        #expect(Base64URL.decode("Zm8") == Array("fo".utf8))
        #expect(Base64URL.decode("Zm9v") == Array("foo".utf8))
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("Zg==") == nil)  // padding
        #expect(Base64URL.decode("Zh") == nil)  // non-zero unused bits
        #expect(Base64URL.decode("Z") == nil)  // impossible length
        #expect(Base64URL.decode("+/8") == nil)  // standard alphabet
        #expect(Base64URL.decode("Zm 9v") == nil)
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(Base64URL.decode(Substring(Base64URL.encode(bytes))) == bytes)
        }
    }

    @Test(
        "malformed compact JWS give typed errors naming the segment",
        arguments: [
            ("a.b", ModelError.Code.invalidJWS, nil as String?),
            ("a.b.c.d", .invalidJWS, nil),
            (".eyJ9.", .invalidJWS, "header"),
            ("eyJhbGciOiJub25lIn0..sig", .invalidJWS, "payload"),
            ("eyJhbGciOiJub25lIn0=.eyJ9.", .invalidBase64URL, "header"),
            ("eyJhbGciOiJub25lIn0.e30.a+b", .invalidBase64URL, "signature"),
            ("eyJhbGciOiJub25lIn0.WzFd.", .invalidJWS, "payload"),  // payload [1]
            ("WzFd.e30.", .invalidJWS, "header"),  // header [1]
            ("eyJhbGciOiJub25lIn0.e31.", .invalidBase64URL, "payload"),
        ])
    func malformed(text: String, code: ModelError.Code, field: String?) {
        #expect {
            try JWS(compact: text)
        } throws: { error in
            let e = error as? ModelError
            return e?.code == code && e?.field == field
        }
    }

    @Test("the payload JSON is parsed with the same limits")
    func payloadLimits() {
        let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        let text = Self.compact(header: #"{"alg":"none"}"#, payload: #"{"a":"# + deep + "}")
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) {
            try JWS(compact: text, options: JSONParsingOptions(maximumDepth: 5))
        }
        #expect(throws: ModelError(.invalidUTF8, reason: "")) {
            try JWS(compact: Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "." + Base64URL.encode([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) + ".")
        }
    }
}
