import Crypto
import Foundation
import BadgeTestSupport
import OpenBadgesModel
import Testing
import _CryptoExtras

@testable import BadgeVerification

/// OB 2.0 signed verification with real RSA keys, against a loopback issuer.
@Suite("Signed verification")
struct SignedVerificationTests {
    func verifier(_ host: BadgeHost, weak: Bool = false) -> BadgeVerifier {
        var options = VerificationOptions.forTests(loader: host.loader, now: testNow)
        options.allowsWeakRSAKeys = weak
        return BadgeVerifier(options: options)
    }

    func signedAssertion(_ host: BadgeHost, id: String = "urn:uuid:good", creator: String? = nil, extra: String = "") -> String {
        let verification = creator.map { "{\"type\":\"SignedBadge\",\"creator\":\"\($0)\"}" } ?? "{\"type\":\"signed\"}"
        return host.assertion(id: id, verification: verification, extra: extra)
    }

    @Test func validSignatureWithCreator() async throws {
        let host = try BadgeHost()
        let jws = try BadgeHost.sign(signedAssertion(host, creator: host.keyID))
        let report = await verifier(host).verify(payload: jws)
        #expect(report.verdict == .verified, "\(report.checks)")
        for id in [CheckID.payload, .verificationType, .signature, .keyOwnership, .badgeClass, .issuer, .revocation, .expiry] {
            #expect(report.status(id) == .passed, "\(id): \(report.check(id)?.message ?? "did not run")")
        }
    }

    @Test("without creator, the issuer's listed keys are tried")
    func validSignatureWithoutCreator() async throws {
        let host = try BadgeHost()
        let other = "\(host.base)/key0.json"
        host.server.route("/key0.json", .json(BadgeHost.keyDocument(id: other, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
        host.setIssuer(publicKeys: [other, host.keyID])
        let report = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host)))
        #expect(report.status(.signature) == .passed)
        #expect(report.verdict == .verified)
    }

    @Test("a validly signed assertion that says it is hosted fails verificationType")
    func signedAssertionClaimingHosted() async throws {
        let host = try BadgeHost()
        let hosted = host.assertion(id: "urn:uuid:hosted-in-a-jws", verification: "{\"type\":\"HostedBadge\"}")
        let report = await verifier(host).verify(payload: try BadgeHost.sign(hosted))
        #expect(report.status(.verificationType) == .failed, "\(report.checks)")
        #expect(report.status(.signature) == .passed)
        #expect(report.verdict == .failed)
    }

    @Test(
        "a JWS whose payload is not an assertion fails the payload check",
        arguments: [
            #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"urn:uuid:class","name":"Not an assertion"}"#,
            #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:no-recipient","issuedOn":"2024-01-01T00:00:00Z"}"#,
        ])
    func payloadThatIsNotAnAssertion(_ payload: String) async throws {
        let host = try BadgeHost()
        let report = await verifier(host).verify(payload: try BadgeHost.sign(payload))
        #expect(report.status(.payload) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
    }

    @Test("a BadgeClass without a name fails the badgeClass check")
    func badgeClassWithoutName() async throws {
        let host = try BadgeHost()
        host.server.route(
            "/badge.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\(host.badgeID)","description":"No name.",
                "image":"\(host.base)/badge.png","criteria":{"narrative":"Run the tests."},"issuer":"\(host.issuerID)"}
                """))
        let report = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, creator: host.keyID)))
        #expect(report.status(.badgeClass) == .failed, "\(report.checks)")
        #expect(report.verdict == .failed)
    }

    @Test func tamperedPayloadFails() async throws {
        let host = try BadgeHost()
        let jws = try BadgeHost.sign(signedAssertion(host, creator: host.keyID))
        let parts = jws.split(separator: ".")
        let forged = BadgeHost.base64URL(Data(signedAssertion(host, creator: host.keyID, extra: ",\"narrative\":\"x\"").utf8))
        let report = await verifier(host).verify(payload: "\(parts[0]).\(forged).\(parts[2])")
        #expect(report.status(.signature) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test func signedWithAKeyTheIssuerDoesNotList() async throws {
        let host = try BadgeHost()
        // The creator is the issuer's key, but the signature was made with another key.
        let wrongKey = try BadgeHost.sign(signedAssertion(host, creator: host.keyID), with: BadgeHost.otherKey)
        #expect(await verifier(host).verify(payload: wrongKey).status(.signature) == .failed)
        // The creator is a key the issuer does not list, even though it signed the badge.
        let rogue = "\(host.base)/rogue.json"
        host.server.route("/rogue.json", .json(BadgeHost.keyDocument(id: rogue, owner: host.issuerID, key: BadgeHost.otherKey.publicKey)))
        let unlisted = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, creator: rogue), with: BadgeHost.otherKey))
        #expect(unlisted.status(.keyOwnership) == .failed)
        #expect(unlisted.verdict == .failed)
    }

    @Test func keyOwnedBySomeoneElseFails() async throws {
        let host = try BadgeHost()
        host.server.route(
            "/key1.json", .json(BadgeHost.keyDocument(id: host.keyID, owner: "https://other.example/issuer.json", key: BadgeHost.signingKey.publicKey)))
        let report = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, creator: host.keyID)))
        #expect(report.status(.signature) == .failed, "the key document says it is another issuer's")
        #expect(report.verdict == .failed)
    }

    @Test("algorithms: none and HMAC are refused, RS384 and RS512 pass with a warning")
    func algorithms() async throws {
        let host = try BadgeHost()
        let payload = BadgeHost.base64URL(Data(signedAssertion(host, creator: host.keyID).utf8))
        for header in ["{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"ES256\"}"] {
            let token = BadgeHost.base64URL(Data(header.utf8)) + "." + payload + ".c2ln"
            #expect(await verifier(host).verify(payload: token).status(.signature) == .failed, "\(header)")
        }
        for algorithm in ["RS384", "RS512"] {
            let report = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, creator: host.keyID), algorithm: algorithm))
            #expect(report.status(.signature) == .warning, "\(algorithm)")
            #expect(report.verdict == .verified)
        }
    }

    @Test("revocation lists match by id and by legacy uid")
    func revocationList() async throws {
        let host = try BadgeHost()
        let byID = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, id: "urn:uuid:revoked-by-id", creator: host.keyID)))
        #expect(byID.status(.revocation) == .failed)
        #expect(byID.check(.revocation)?.message.contains("Cheated") == true)
        let byUID = await verifier(host).verify(
            payload: try BadgeHost.sign(signedAssertion(host, id: "urn:uuid:fine", creator: host.keyID, extra: ",\"uid\":\"legacy-uid-7\"")))
        #expect(byUID.status(.revocation) == .failed)
        let bare = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, id: "urn:uuid:bare", creator: host.keyID)))
        #expect(bare.status(.revocation) == .failed)
    }

    @Test func weakKeysAreRefusedUnlessAllowed() async throws {
        let host = try BadgeHost()
        let weak = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        host.server.route("/key1.json", .json(BadgeHost.keyDocument(id: host.keyID, owner: host.issuerID, key: weak.publicKey)))
        let jws = try BadgeHost.sign(signedAssertion(host, creator: host.keyID), with: weak)
        let refused = await verifier(host).verify(payload: jws)
        #expect(refused.status(.signature) == .failed)
        #expect(refused.check(.signature)?.message.contains("2048") == true)
        #expect(await verifier(host, weak: true).verify(payload: jws).status(.signature) == .passed)
    }

    @Test func unreachableKeyIsANetworkErrorNotAPass() async throws {
        let host = try BadgeHost()
        host.server.route("/key1.json", .json("{}", status: 500))
        let report = await verifier(host).verify(payload: try BadgeHost.sign(signedAssertion(host, creator: host.keyID)))
        #expect(report.status(.signature) == .networkError)
        #expect(report.verdict == .indeterminate)
    }

    @Test("the 1EdTech signed OB 2.0 vector verifies offline", .enabled(if: corpus != nil))
    func corpusVector() async throws {
        let corpus = try #require(corpus)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("json/dcpv-ob2-key.json"), to: directory.appendingPathComponent("key1.json"))
        try Data(
            """
            {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"https://example.org/robotics-badge.json",
            "name":"Awesome Robotics Badge","description":"For doing awesome things with robots.","image":"https://example.org/robotics-badge.png",
            "criteria":"https://example.org/robotics-badge.html","issuer":"https://example.org/organization.json"}
            """.utf8
        ).write(to: directory.appendingPathComponent("badge.json"))
        try Data(
            """
            {"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"https://example.org/organization.json",
            "name":"An Example Badge Issuer","url":"https://example.org","email":"steved@example.org","publicKey":"http://example.org/key1.json"}
            """.utf8
        ).write(to: directory.appendingPathComponent("issuer.json"))
        try Data(
            """
            http://example.org/key1.json\tkey1.json
            https://example.org/robotics-badge.json\tbadge.json
            https://example.org/organization.json\tissuer.json
            """.utf8
        ).write(to: directory.appendingPathComponent("manifest.tsv"))
        let jws = try String(contentsOf: corpus.appendingPathComponent("json/dcpv-ob2-signed-assertion.jwt"), encoding: .utf8)
        var options = VerificationOptions.forTests(
            loader: try OfflineDocumentLoader(directory: directory), identity: RecipientIdentity(guessing: "nobody@example.org"), now: testNow)
        options.leeway = 0
        let report = await BadgeVerifier(options: options).verify(payload: jws)
        #expect(report.status(.signature) == .passed, "\(report.checks)")
        #expect(report.status(.recipient) == .passed)
        #expect(report.verdict == .verified)
    }
}

/// The shared corpus (``SharedFiles``), when present.
let corpus: URL? = SharedFiles.hasCorpus ? SharedFiles.corpus : nil

/// Open Badges 1.x signed badges: the PEM key sits at `verify.url`, and the revocation list maps uids to reasons.
@Suite("Signed verification, Open Badges 1.x")
struct LegacySignedVerificationTests {
    func legacyAssertion(_ host: BadgeHost, uid: String) -> String {
        """
        {"uid":"\(uid)","recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},\
        "badge":"\(host.base)/v1/badge.json","verify":{"type":"signed","url":"\(host.base)/v1/public.pem"},"issuedOn":1404172800}
        """
    }

    func serve(_ host: BadgeHost, key: _RSA.Signing.PublicKey = BadgeHost.signingKey.publicKey) {
        host.server.route("/v1/public.pem", .json(key.pemRepresentation, contentType: "application/x-pem-file"))
        host.server.route(
            "/v1/badge.json",
            .json(
                """
                {"name":"Legacy Badge","description":"A 1.0 badge.","image":"\(host.base)/v1/b.png","criteria":"\(host.base)/v1/criteria",\
                "issuer":"\(host.base)/v1/issuer.json"}
                """, contentType: "application/json"))
        host.server.route(
            "/v1/issuer.json",
            .json(
                """
                {"name":"Legacy Issuer","url":"\(host.base)","revocationList":"\(host.base)/v1/revoked.json"}
                """, contentType: "application/json"))
        host.server.route("/v1/revoked.json", .json("{\"uid-revoked\":\"Plagiarism\"}", contentType: "application/json"))
    }

    func verifier(_ host: BadgeHost) -> BadgeVerifier {
        BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, identity: RecipientIdentity(guessing: "learner@example.org"), now: testNow))
    }

    @Test func validLegacySignedBadge() async throws {
        let host = try BadgeHost()
        serve(host)
        let report = await verifier(host).verify(payload: try BadgeHost.sign(legacyAssertion(host, uid: "uid-1")))
        #expect(report.specVersion == "1.0")
        #expect(report.status(.signature) == .passed, "\(report.checks)")
        #expect(report.status(.keyOwnership) == .passed)
        #expect(report.status(.revocation) == .passed)
        #expect(report.verdict == .verified)
    }

    @Test func legacyRevocationAndWrongKey() async throws {
        let host = try BadgeHost()
        serve(host)
        let revoked = await verifier(host).verify(payload: try BadgeHost.sign(legacyAssertion(host, uid: "uid-revoked")))
        #expect(revoked.status(.revocation) == .failed)
        #expect(revoked.check(.revocation)?.message.contains("Plagiarism") == true)
        let forged = await verifier(host).verify(payload: try BadgeHost.sign(legacyAssertion(host, uid: "uid-2"), with: BadgeHost.otherKey))
        #expect(forged.status(.signature) == .failed)
    }
}

/// Payload, issuer and BadgeClass checks shared by both flows.
@Suite("Document checks")
struct DocumentCheckTests {
    @Test func jwsWhosePayloadIsNotAnAssertion() async throws {
        let host = try BadgeHost()
        let token = try BadgeHost.sign("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\",\"name\":\"x\"}")
        let report = await BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, now: testNow)).verify(payload: token)
        #expect(report.status(.payload) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test func issuerMissingOrInvalid() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/issuer-check.json")
        let verifier = BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, now: testNow))
        host.server.route("/issuer.json", .json("{}", status: 503))
        var report = await verifier.verify(payload: url)
        #expect(report.status(.issuer) == .networkError)
        #expect(report.verdict == .indeterminate)
        host.server.route("/issuer.json", .json("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\",\"id\":\"\(host.issuerID)\"}"))
        report = await verifier.verify(payload: url)
        #expect(report.status(.issuer) == .failed)
        host.server.route("/badge.json", .json("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\",\"name\":\"not a badge class\"}"))
        report = await verifier.verify(payload: url)
        #expect(report.status(.badgeClass) == .failed)
    }

    @Test func undecodablePayload() async {
        let report = await BadgeVerifier().verify(payload: "{\"not\": json")
        #expect(report.status(.payload) == .failed)
        #expect(report.verdict == .failed)
    }
}
