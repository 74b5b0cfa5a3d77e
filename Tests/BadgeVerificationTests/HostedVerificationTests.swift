import Foundation
import BadgeTestSupport
import Testing

@testable import BadgeVerification

/// OB 2.0 hosted verification against a real HTTP server on loopback. Each check has a test that fails
/// without it.
@Suite("Hosted verification")
struct HostedVerificationTests {
    func verifier(_ host: BadgeHost, identity: String? = nil) -> BadgeVerifier {
        BadgeVerifier(options: VerificationOptions.forTests(loader: host.loader, identity: identity.map(RecipientIdentity.init(guessing:)), now: testNow))
    }

    @Test func validHostedBadge() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/1.json")
        let report = await verifier(host, identity: "learner@example.org").verify(payload: url)
        #expect(report.verdict == .verified, "\(report.checks)")
        #expect(report.method == "hosted")
        for id in [CheckID.hostedAssertion, .verificationType, .hostedScope, .badgeClass, .issuer, .revocation, .expiry, .recipient] {
            #expect(report.status(id) == .passed, "\(id)")
        }
        let json = try report.jsonText()
        #expect(json.contains("\"verdict\":\"verified\""))
        #expect(try JSONDecoder().decode(VerificationReport.self, from: Data(json.utf8)) == report)
    }

    @Test("the baked copy only locates the hosted one; the fetched copy is what is verified")
    func bakedCopyIsNotTrusted() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/2.json")
        let forged = host.assertion(id: url, identity: "attacker@example.org")
        let report = await verifier(host, identity: "attacker@example.org").verify(payload: forged)
        #expect(report.status(.recipient) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test func revokedWith410() async throws {
        let host = try BadgeHost()
        host.server.route("/assertions/gone.json", .json("{}", status: 410))
        let report = await verifier(host).verify(payload: "\(host.base)/assertions/gone.json")
        #expect(report.status(.revocation) == .failed)
        #expect(report.verdict == .failed)
    }

    @Test func revokedTrue() async throws {
        let host = try BadgeHost()
        let url = "\(host.base)/assertions/revoked.json"
        host.server.route("/assertions/revoked.json", .json("{\"id\":\"\(url)\",\"revoked\":true,\"revocationReason\":\"Issued in error\"}"))
        let report = await verifier(host).verify(payload: url)
        #expect(report.status(.revocation) == .failed)
        #expect(report.check(.revocation)?.message.contains("Issued in error") == true)
        let full = host.hosted("/assertions/revoked-full.json", extra: ",\"revoked\":true")
        #expect(await verifier(host).verify(payload: full).status(.revocation) == .failed)
    }

    @Test func outsideTheIssuersAllowedOrigins() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/3.json")
        host.setIssuer(verification: "{\"type\":\"hosted\",\"allowedOrigins\":\"badges.example.org\"}")
        var report = await verifier(host).verify(payload: url)
        #expect(report.status(.hostedScope) == .failed)
        #expect(report.verdict == .failed)

        host.setIssuer(verification: "{\"type\":\"hosted\",\"startsWith\":[\"\(host.base)/official/\"]}")
        report = await verifier(host).verify(payload: url)
        #expect(report.status(.hostedScope) == .failed)

        // allowedOrigins compares host and port: a bare host means the scheme's default port.
        host.setIssuer(verification: "{\"type\":\"hosted\",\"startsWith\":\"\(host.base)/assertions/\",\"allowedOrigins\":[\"127.0.0.1\"]}")
        report = await verifier(host).verify(payload: url)
        #expect(report.status(.hostedScope) == .failed)
        let authority = host.base.replacingOccurrences(of: "http://", with: "")
        host.setIssuer(verification: "{\"type\":\"hosted\",\"startsWith\":\"\(host.base)/assertions/\",\"allowedOrigins\":[\"\(authority)\"]}")
        report = await verifier(host).verify(payload: url)
        #expect(report.status(.hostedScope) == .passed)
    }

    @Test func expiredAndNotYetIssued() async throws {
        let host = try BadgeHost()
        let expired = host.hosted("/assertions/expired.json", expires: "2025-01-01T00:00:00Z")
        #expect(await verifier(host).verify(payload: expired).status(.expiry) == .failed)
        let future = host.base + "/assertions/future.json"
        host.server.route("/assertions/future.json", .json(host.assertion(id: future, issuedOn: "2030-01-01T00:00:00Z")))
        #expect(await verifier(host).verify(payload: future).status(.expiry) == .failed)
        // Within the leeway (5 minutes by default): fine.
        let justExpired = host.hosted("/assertions/just.json", expires: "2025-05-31T23:58:00Z")
        #expect(await verifier(host).verify(payload: justExpired).status(.expiry) == .passed)
    }

    @Test func recipient() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/4.json")
        #expect(await verifier(host, identity: "Learner@Example.org").verify(payload: url).status(.recipient) == .warning)
        let other = await verifier(host, identity: "someone@example.org").verify(payload: url)
        #expect(other.status(.recipient) == .failed)
        #expect(other.verdict == .failed)
        #expect(await verifier(host).verify(payload: url).check(.recipient) == nil)
    }

    @Test func missingBadgeClassIsANetworkErrorNotAPass() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/5.json")
        host.server.route("/badge.json", .json("{}", status: 404))
        let report = await verifier(host).verify(payload: url)
        #expect(report.status(.badgeClass) == .networkError)
        #expect(report.status(.hostedScope) == .notChecked)
        #expect(report.verdict == .indeterminate)
    }

    @Test func verificationTypeMustBeHosted() async throws {
        let host = try BadgeHost()
        let url = host.base + "/assertions/signed-type.json"
        host.server.route(
            "/assertions/signed-type.json", .json(host.assertion(id: url, verification: "{\"type\":\"SignedBadge\",\"creator\":\"\(host.keyID)\"}")))
        let report = await verifier(host).verify(payload: url)
        #expect(report.status(.verificationType) == .failed)
        // Spelled in any case, "hosted" means hosted.
        let hostedURL = host.base + "/assertions/capital.json"
        host.server.route("/assertions/capital.json", .json(host.assertion(id: hostedURL, verification: "{\"type\":\"HostedBadge\"}")))
        #expect(await verifier(host).verify(payload: hostedURL).status(.verificationType) == .passed)
    }

    @Test func hostedCopyDeclaringAnotherIDIsRejected() async throws {
        let host = try BadgeHost()
        host.server.route("/assertions/elsewhere.json", .json(host.assertion(id: "\(host.base)/assertions/real.json")))
        let report = await verifier(host).verify(payload: "\(host.base)/assertions/elsewhere.json")
        #expect(report.status(.hostedAssertion) == .failed)
    }

    @Test func redirectsAreFollowed() async throws {
        let host = try BadgeHost()
        let url = host.base + "/a/6.json"
        host.server.route("/a/6.json", .redirect(to: "/b/6.json"))
        host.server.route("/b/6.json", .json(host.assertion(id: url)))
        #expect(await verifier(host).verify(payload: url).verdict == .verified)
    }

    @Test func concurrentVerificationsShareOneCache() async throws {
        let host = try BadgeHost()
        let urls = (0..<20).map { host.hosted("/assertions/c\($0).json") }
        let options = VerificationOptions.forTests(loader: CachingDocumentLoader(host.loader), now: testNow)
        let verifier = BadgeVerifier(options: options)
        let verdicts = await withTaskGroup(of: Verdict.self) { group in
            for url in urls { group.addTask { await verifier.verify(payload: url).verdict } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(verdicts.count == 20)
        #expect(verdicts.allSatisfy { $0 == .verified })
    }
}
