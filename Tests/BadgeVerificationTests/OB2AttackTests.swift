import Crypto
import Foundation
import BadgeTestSupport
import Testing
import _CryptoExtras

@testable import BadgeVerification

/// OB 1.x/2.0 badges crafted to look issued by a real issuer: the real issuer's site and the attacker's site are two
/// loopback servers (two origins: same host, different ports). Each attack fails on the check named; the genuine
/// badge of the same issuer still verifies.
@Suite("OB 2.0 attacks")
struct OB2AttackTests {
    func verifier(_ host: BadgeHost) -> BadgeVerifier { BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, now: testNow)) }

    func signedAssertion(_ host: BadgeHost, badge: String? = nil, verification: String) -> String {
        var text = host.assertion(id: "urn:uuid:\(UUID())", verification: verification)
        if let badge { text = text.replacingOccurrences(of: "\"badge\":\"\(host.badgeID)\"", with: "\"badge\":\(badge)") }
        return text
    }

    @Test("control: the genuine signed and hosted badges verify")
    func controls() async throws {
        let host = try BadgeHost()
        let signed = try BadgeHost.sign(signedAssertion(host, verification: #"{"type":"SignedBadge","creator":"\#(host.keyID)"}"#))
        #expect(await verifier(host).verify(payload: signed).verdict == .verified)
        #expect(await verifier(host).verify(payload: host.hosted("/assertions/genuine.json")).verdict == .verified)
    }

    @Test("a creator object with a listed key IRI and the attacker's PEM: the key comes from its IRI")
    func embeddedCreatorKey() async throws {
        let host = try BadgeHost()
        let pem = BadgeHost.otherKey.publicKey.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
        let creator = #"{"id":"\#(host.keyID)","type":"CryptographicKey","owner":"\#(host.issuerID)","publicKeyPem":"\#(pem)"}"#
        let forged = try BadgeHost.sign(signedAssertion(host, verification: #"{"type":"SignedBadge","creator":\#(creator)}"#), with: BadgeHost.otherKey)
        let report = await verifier(host).verify(payload: forged)
        #expect(report.status(.signature) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
    }

    @Test("a JWS embedding its own BadgeClass and issuer Profile with the real issuer's id and the attacker's key")
    func embeddedIssuer() async throws {
        let host = try BadgeHost()
        let attacker = try BadgeHost()
        let attackerKey = "\(attacker.base)/key.json"
        attacker.server.route("/key.json", .json(BadgeHost.keyDocument(id: attackerKey, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
        let issuer = #"{"id":"\#(host.issuerID)","type":"Profile","name":"Loopback Academy","publicKey":["\#(attackerKey)"]}"#
        // The BadgeClass embedded with no id, then with the real BadgeClass's id: either way the issuer is fetched.
        for badgeID in ["", #""id":"\#(host.badgeID)","#] {
            let badge =
                #"{\#(badgeID)"type":"BadgeClass","name":"Forged","description":"x","image":"\#(host.base)/b.png","criteria":{"narrative":"x"},"issuer":\#(issuer)}"#
            let forged = try BadgeHost.sign(
                signedAssertion(host, badge: badge, verification: #"{"type":"SignedBadge","creator":"\#(attackerKey)"}"#), with: BadgeHost.otherKey)
            let report = await verifier(host).verify(payload: forged)
            #expect(report.status(.keyOwnership) == .failed, "\(report.checks)")
            #expect(report.verdict == .failed)
        }
    }

    @Test("hosted on the attacker's origin, with an issuer (embedded, or the attacker's own copy) allowing that origin")
    func hostedElsewhere() async throws {
        let host = try BadgeHost()
        let attacker = try BadgeHost()
        let authority = attacker.base.replacingOccurrences(of: "http://", with: "")
        let policy = #""verification":{"type":"hosted","allowedOrigins":["\#(authority)"]}"#
        // The attacker's own issuer document claims the real issuer's id.
        attacker.server.route(
            "/issuer.json",
            .json(#"{"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"\#(host.issuerID)","name":"Loopback Academy",\#(policy)}"#))
        attacker.server.route(
            "/badge.json",
            .json(
                #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\#(attacker.badgeID)","name":"Forged","description":"x","image":"\#(attacker.base)/b.png","criteria":{"narrative":"x"},"issuer":"\#(attacker.issuerID)"}"#
            ))
        let viaOwnCopy = attacker.base + "/assertions/1.json"
        attacker.server.route("/assertions/1.json", .json(attacker.assertion(id: viaOwnCopy)))
        let ownCopy = await verifier(host).verify(payload: viaOwnCopy)
        #expect(ownCopy.status(.issuer) == .failed, "\(ownCopy.checks)")
        #expect(ownCopy.verdict == .failed)

        // The real BadgeClass with an embedded issuer that allows the attacker: the real issuer's policy decides.
        let embedded = #"{"id":"\#(host.badgeID)","type":"BadgeClass","issuer":{"id":"\#(host.issuerID)","type":"Profile",\#(policy)}}"#
        let viaEmbedded = attacker.base + "/assertions/2.json"
        attacker.server.route(
            "/assertions/2.json",
            .json(attacker.assertion(id: viaEmbedded).replacingOccurrences(of: "\"badge\":\"\(attacker.badgeID)\"", with: "\"badge\":\(embedded)")))
        let report = await verifier(host).verify(payload: viaEmbedded)
        #expect(report.status(.hostedScope) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)

        // Same host, another port: another origin.
        let sameHost = attacker.base + "/assertions/3.json"
        attacker.server.route("/assertions/3.json", .json(host.assertion(id: sameHost)))
        #expect(await verifier(host).verify(payload: sameHost).status(.hostedScope) == .failed)
    }

    @Test("an open redirect on the issuer's origin does not carry its identity to the attacker's assertion")
    func openRedirect() async throws {
        let host = try BadgeHost()
        let attacker = try BadgeHost()
        let url = host.base + "/go"
        attacker.server.route("/assertion.json", .json(host.assertion(id: url)))
        host.server.route("/go", .redirect(to: attacker.base + "/assertion.json"))
        let report = await verifier(host).verify(payload: url)
        #expect(report.status(.hostedAssertion) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
        // Nor the key's: a listed key IRI that redirects to the attacker's key.
        let redirectingKey = host.base + "/k"
        host.server.route("/k", .redirect(to: attacker.base + "/key.json"))
        attacker.server.route("/key.json", .json(BadgeHost.keyDocument(id: redirectingKey, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
        host.setIssuer(publicKeys: [redirectingKey])
        let jws = try BadgeHost.sign(signedAssertion(host, verification: #"{"type":"SignedBadge","creator":"\#(redirectingKey)"}"#), with: BadgeHost.otherKey)
        let signed = await verifier(host).verify(payload: jws)
        #expect(signed.status(.signature) == .failed, "\(signed.checks)")
        #expect(signed.verdict == .failed)
    }

    @Test("OB 1.x: a verify.url key off the issuer's origin fails the signature; on an OB 1.x issuer's origin, it verifies")
    func legacyKeyOrigin() async throws {
        let host = try BadgeHost()
        // An OB 1.x issuer organization: it lists no keys, so its keys are the ones on its origin.
        host.server.route(
            "/issuer.json",
            .json(#"{"@context":"https://w3id.org/openbadges/v1","type":"Issuer","id":"\#(host.issuerID)","name":"Loopback Academy","url":"\#(host.base)"}"#))
        let attacker = try BadgeHost()
        let pem = BadgeHost.otherKey.publicKey.pemRepresentation
        attacker.server.route("/key.pem", .json(pem, contentType: "application/x-pem-file"))
        func legacy(_ keyURL: String) -> String {
            #"{"@context":"https://w3id.org/openbadges/v1","uid":"\#(UUID())","recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"badge":"\#(host.badgeID)","verify":{"type":"signed","url":"\#(keyURL)"},"issuedOn":"2024-01-01T00:00:00Z"}"#
        }
        let forged = await verifier(host).verify(payload: try BadgeHost.sign(legacy(attacker.base + "/key.pem"), with: BadgeHost.otherKey))
        #expect(forged.status(.signature) == .failed, "\(forged.checks)")
        #expect(forged.verdict == .failed)
        host.server.route("/key.pem", .json(BadgeHost.signingKey.publicKey.pemRepresentation, contentType: "application/x-pem-file"))
        let genuine = await verifier(host).verify(payload: try BadgeHost.sign(legacy(host.base + "/key.pem")))
        #expect(genuine.verdict == .verified, "\(genuine.checks)")
    }

    @Test("an OB 2.0 JWS with a crit header fails the signature, with the issuer's own key", arguments: [#"["exp"]"#, #"["b64"]"#])
    func criticalHeader(_ critical: String) async throws {
        let host = try BadgeHost()
        let payload = signedAssertion(host, verification: #"{"type":"SignedBadge","creator":"\#(host.keyID)"}"#)
        let header = BadgeHost.base64URL(Data(#"{"alg":"RS256","crit":\#(critical),"exp":1}"#.utf8))
        let input = header + "." + BadgeHost.base64URL(Data(payload.utf8))
        let signature = try BadgeHost.signingKey.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        let report = await verifier(host).verify(payload: input + "." + BadgeHost.base64URL(signature.rawRepresentation))
        #expect(report.status(.signature) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
    }
}
