import Crypto
import Foundation
import BadgeTestSupport
import _CryptoExtras

@testable import BadgeVerification

/// An issuer's badge site on a loopback server: a Profile, a BadgeClass, assertions, a key and a revocation
/// list, with real RSA keys generated for the test run.
struct BadgeHost {
    /// Keys are slow to make; one pair serves every test.
    static let signingKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let otherKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    let server: LoopbackHTTPServer
    var base: String { server.base }
    var issuerID: String { "\(base)/issuer.json" }
    var badgeID: String { "\(base)/badge.json" }
    var keyID: String { "\(base)/key1.json" }
    var revocationListID: String { "\(base)/revocations.json" }

    /// A loader that may reach loopback (the default policy refuses it), behind no cache.
    var loader: HTTPDocumentLoader {
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = true
        policy.timeout = 2
        policy.maximumResponseBytes = 64 * 1024
        return HTTPDocumentLoader(policy: policy)
    }

    init() throws {
        server = try LoopbackHTTPServer()
        setIssuer()
        server.route(
            "/badge.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\(badgeID)","name":"Loopback Badge",
                "description":"Served by the test.","image":"\(base)/badge.png","criteria":{"narrative":"Run the tests."},
                "issuer":"\(issuerID)"}
                """))
        server.route("/key1.json", .json(Self.keyDocument(id: keyID, owner: issuerID, key: Self.signingKey.publicKey)))
        server.route(
            "/revocations.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v2","id":"\(revocationListID)","type":"RevocationList","issuer":"\(issuerID)",
                "revokedAssertions":[{"id":"urn:uuid:revoked-by-id","revocationReason":"Cheated"},{"uid":"legacy-uid-7"},"urn:uuid:bare"]}
                """))
    }

    /// (Re)serves the issuer Profile, optionally with a verification policy or other keys.
    func setIssuer(verification: String? = nil, publicKeys: [String]? = nil, revocationList: Bool = true) {
        let keys = (publicKeys ?? [keyID]).map { "\"\($0)\"" }.joined(separator: ",")
        let policy = verification.map { ",\"verification\":\($0)" } ?? ""
        let list = revocationList ? ",\"revocationList\":\"\(revocationListID)\"" : ""
        server.route(
            "/issuer.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"\(issuerID)","name":"Loopback Academy",
                "url":"\(base)","email":"badges@example.org","publicKey":[\(keys)]\(list)\(policy)}
                """))
    }

    /// An assertion JSON text.
    func assertion(
        id: String, verification: String = "{\"type\":\"hosted\"}", issuedOn: String = "2024-01-01T00:00:00Z",
        expires: String? = nil, identity: String = "learner@example.org", extra: String = ""
    ) -> String {
        let expiry = expires.map { ",\"expires\":\"\($0)\"" } ?? ""
        return """
            {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"\(id)",\
            "recipient":{"type":"email","hashed":false,"identity":"\(identity)"},"badge":"\(badgeID)",\
            "verification":\(verification),"issuedOn":"\(issuedOn)"\(expiry)\(extra)}
            """
    }

    /// Serves a hosted assertion at `path` and returns its URL.
    @discardableResult
    func hosted(_ path: String, expires: String? = nil, extra: String = "") -> String {
        let id = base + path
        server.route(path, .json(assertion(id: id, expires: expires, extra: extra)))
        return id
    }

    /// A compact JWS of `payload` signed with `key` (RS256 unless told otherwise).
    static func sign(_ payload: String, with key: _RSA.Signing.PrivateKey = signingKey, algorithm: String = "RS256") throws -> String {
        let header = base64URL(Data("{\"alg\":\"\(algorithm)\",\"typ\":\"JWT\"}".utf8))
        let input = header + "." + base64URL(Data(payload.utf8))
        let signature: _RSA.Signing.RSASignature
        switch algorithm {
        case "RS384": signature = try key.signature(for: SHA384.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        case "RS512": signature = try key.signature(for: SHA512.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        default: signature = try key.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        }
        return input + "." + base64URL(signature.rawRepresentation)
    }

    static func keyDocument(id: String, owner: String, key: _RSA.Signing.PublicKey) -> String {
        let pem = key.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
        return """
            {"@context":"https://w3id.org/openbadges/v2","type":"CryptographicKey","id":"\(id)","owner":"\(owner)","publicKeyPem":"\(pem)"}
            """
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// A fixed clock for the tests: 2025-06-01.
let testNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_748_736_000) }

extension VerificationReport {
    /// The status of check `id`, or nil when it did not run.
    func status(_ id: CheckID) -> CheckStatus? { check(id)?.status }
}

extension VerificationOptions {
    /// The default options with a deadline (10 minutes) that a machine busy with other test suites cannot reach, so a
    /// test fails only for what it tests; the deadline itself is tested in `BudgetTests`.
    static func forTests(
        loader: any DocumentLoader = CachingDocumentLoader(HTTPDocumentLoader()), identity: RecipientIdentity? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) -> VerificationOptions {
        var options = VerificationOptions(loader: loader, identity: identity, now: now)
        options.deadline = 600
        return options
    }
}
