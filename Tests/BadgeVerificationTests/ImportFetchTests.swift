import BadgeBaking
import Foundation
import BadgeTestSupport
import OpenBadgesModel
import Testing
import _CryptoExtras

@testable import BadgeVerification

/// The wallet import that completes itself: badge images whose title, issuer and skills live behind URLs, served by
/// a real loopback server (and by an offline folder), with request counts checked on the server.
@Suite("Import with fetching")
struct ImportFetchTests {
    static let plainPNG = try! Data(contentsOf: OB3Paths.packageRoot.appendingPathComponent("Tests/Fixtures/plain-badge.png"))

    /// A Credly-like OB 2.0 graph on the loopback host: hosted assertion, BadgeClass with tags and alignments, issuer.
    static func credlyGraph(_ host: BadgeHost) {
        host.server.route(
            "/badge.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\(host.badgeID)","name":"Cloud Practitioner",
                "description":"Earners understand cloud concepts.","image":"\(host.base)/badge.png","criteria":{"url":"\(host.base)/criteria"},
                "issuer":"\(host.issuerID)","tags":["cloud","aws","cloud"],
                "alignment":[{"targetName":"Cloud Computing","targetFramework":"O*NET","targetCode":"15-1241.00","targetUrl":"https://www.onetonline.org/link/summary/15-1241.00"},
                {"targetName":"Cloud Computing","targetFramework":"O*NET","targetCode":"15-1241.00"},{"targetName":"cloud"}]}
                """))
    }

    func bake(_ payload: String) throws -> [UInt8] { try BadgeBaker().bake(payload, from: .bytes(Self.plainPNG), to: .memory).bakedImage! }

    func importer(_ host: BadgeHost, policy configure: (inout FetchPolicy) -> Void = { _ in }) -> BadgeImporter {
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = true
        policy.timeout = 5
        configure(&policy)
        return BadgeImporter(loader: HTTPDocumentLoader(policy: policy), verificationOptions: VerificationOptions.forTests(now: testNow))
    }

    @Test("a hosted OB 2.0 badge: title, issuer and deduplicated skills from the BadgeClass and Profile, each URL fetched once with verification")
    func credlyHosted() async throws {
        let host = try BadgeHost()
        Self.credlyGraph(host)
        let url = host.hosted("/assertions/credly.json")
        let image = try bake(host.assertion(id: url))
        let completed = try #require(try await importer(host).importBadge(from: image, verify: true))
        let summary = try #require(completed.summary)
        #expect(summary.title == "Cloud Practitioner")
        #expect(summary.description == "Earners understand cloud concepts.")
        #expect(summary.criteria?.url == "\(host.base)/criteria")
        #expect(summary.issuer?.name == "Loopback Academy")
        // The tag "cloud" twice and the alignment "cloud" are one skill; the two O*NET alignments are one.
        #expect(summary.skills.map(\.name) == ["cloud", "aws", "Cloud Computing"])
        let onet = try #require(summary.skills.first { $0.framework == "O*NET" })
        #expect(onet.code == "15-1241.00")
        #expect(onet.url == "https://www.onetonline.org/link/summary/15-1241.00")
        #expect(summary.documentsToFetch.isEmpty, "\(summary.documentsToFetch)")
        #expect(completed.sources["title"] == .badgeClass)
        #expect(completed.sources["skills"] == .badgeClass)
        #expect(completed.sources["issuer"] == .issuerProfile)
        #expect(completed.sources["issuedOn"] == .hostedAssertion)
        #expect(completed.report?.verdict == .verified, "\(completed.report?.checks ?? [])")
        for path in ["/assertions/credly.json", "/badge.json", "/issuer.json"] {
            #expect(host.server.hitCount(path) == 1, "\(path) requested \(host.server.hitCount(path)) times")
        }
    }

    @Test("a legacy payload that is only the assertion's URL")
    func urlOnly() async throws {
        let host = try BadgeHost()
        Self.credlyGraph(host)
        let url = host.hosted("/assertions/url-only.json")
        let completed = try #require(try await importer(host).importBadge(from: try bake(url)))
        #expect(completed.summary?.title == "Cloud Practitioner")
        #expect(completed.summary?.payloadKind == .url)
        #expect(completed.summary?.issuedOn == "2024-01-01T00:00:00Z")
        #expect(completed.sources["recipient"] == .hostedAssertion)
        #expect(completed.fetched == [url, host.badgeID, host.issuerID])
    }

    @Test("an OB 1.1 graph: the BadgeClass's issuer is an IssuerOrganization URL; 1.x alignments give skills")
    func ob11() async throws {
        let host = try BadgeHost()
        let assertion = host.base + "/data/assertion.json"
        host.server.route(
            "/data/assertion.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v1","type":"Assertion","id":"\(assertion)","uid":"f2c22",
                "recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"issuedOn":1468282917,
                "badge":"\(host.base)/data/badge.json","verify":{"type":"hosted","url":"\(assertion)"}}
                """))
        host.server.route(
            "/data/badge.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v1","type":"BadgeClass","id":"\(host.base)/data/badge.json","name":"Awesome Badge",
                "description":"Awesome things.","image":"\(host.base)/b.png","criteria":"\(host.base)/criteria.html","tags":["badges"],
                "issuer":"\(host.base)/data/organization.json","alignment":[{"name":"CCSS.ELA-Literacy.RST.11-12.4","url":"https://example.org/ccss"}]}
                """))
        host.server.route(
            "/data/organization.json",
            .json(
                """
                {"@context":"https://w3id.org/openbadges/v1","type":"Issuer","id":"\(host.base)/data/organization.json","name":"Example Issuer","url":"\(host.base)/"}
                """))
        let image = try bake(
            #"{"@context":"https://w3id.org/openbadges/v1","type":"Assertion","id":"\#(assertion)","uid":"f2c22","recipient":{"type":"email","hashed":false,"identity":"learner@example.org"},"issuedOn":1468282917,"badge":"\#(host.base)/data/badge.json","verify":{"type":"hosted","url":"\#(assertion)"}}"#
        )
        let completed = try #require(try await importer(host).importBadge(from: image, verify: true))
        #expect(completed.summary?.title == "Awesome Badge")
        #expect(completed.summary?.issuer?.name == "Example Issuer")
        #expect(completed.summary?.skills.map(\.name) == ["badges", "CCSS.ELA-Literacy.RST.11-12.4"])
        #expect(completed.summary?.skills.last?.url == "https://example.org/ccss")
        #expect(completed.report?.verdict == .verified, "\(completed.report?.checks ?? [])")
    }

    @Test("a signed OB 2.0 JWS whose badge is a URL: BadgeClass and issuer fetched once, shared with the verification")
    func signedWithBadgeURL() async throws {
        let host = try BadgeHost()
        Self.credlyGraph(host)
        let jws = try BadgeHost.sign(host.assertion(id: "urn:uuid:signed", verification: #"{"type":"SignedBadge","creator":"\#(host.keyID)"}"#))
        let completed = try #require(try await importer(host).importBadge(from: try bake(jws), verify: true))
        #expect(completed.summary?.title == "Cloud Practitioner")
        #expect(completed.summary?.verification.mode == .signed)
        #expect(completed.report?.verdict == .verified, "\(completed.report?.checks ?? [])")
        for path in ["/badge.json", "/issuer.json", "/key1.json"] { #expect(host.server.hitCount(path) == 1, "\(path)") }
    }

    @Test("a stale baked copy: the hosted assertion wins and the difference is a warning")
    func staleBakedCopy() async throws {
        let host = try BadgeHost()
        Self.credlyGraph(host)
        let url = host.hosted("/assertions/stale.json", expires: "2030-01-01T00:00:00Z")
        let stale = host.assertion(id: url, expires: "2099-01-01T00:00:00Z")
        let completed = try #require(try await importer(host).importBadge(from: try bake(stale)))
        #expect(completed.summary?.expires == "2030-01-01T00:00:00Z")
        #expect(completed.summary?.warnings.contains { $0.contains("expires") && $0.contains("hosted") } == true, "\(completed.summary?.warnings ?? [])")
    }

    @Test("documents that cannot be had: missing, refused by the policy, too large, another document's id; the import still succeeds")
    func unavailableDocuments() async throws {
        let host = try BadgeHost()
        let url = host.hosted("/assertions/missing.json")
        host.server.route("/badge.json", .json("{}", status: 404))
        let missing = try #require(try await importer(host).importBadge(from: try bake(host.assertion(id: url))))
        #expect(missing.summary?.title == nil)
        #expect(missing.summary?.documentsToFetch == [host.badgeID])
        #expect(missing.summary?.warnings.contains { $0.contains(host.badgeID) && $0.contains("404") } == true, "\(missing.summary?.warnings ?? [])")

        // The default policy refuses loopback: nothing is requested, and the reason is given.
        let refused = try #require(try await BadgeImporter(loader: HTTPDocumentLoader()).importBadge(from: try bake(host.assertion(id: url))))
        #expect(refused.summary?.documentsToFetch.contains(url) == true)
        #expect(refused.summary?.warnings.contains { $0.contains(url) } == true)
        #expect(host.server.hitCount("/assertions/missing.json") == 1, "only the first import reached the server")

        Self.credlyGraph(host)
        let oversized = try #require(try await importer(host) { $0.maximumResponseBytes = 200 }.importBadge(from: try bake(host.assertion(id: url))))
        #expect(oversized.summary?.title == nil)
        #expect(oversized.summary?.documentsToFetch.contains(host.badgeID) == true)

        // A BadgeClass that declares another id is not the document at its URL.
        host.server.route(
            "/badge.json",
            .json(
                #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"https://elsewhere.example/badge","name":"Impostor","issuer":"\#(host.issuerID)"}"#
            ))
        let impostor = try #require(try await importer(host).importBadge(from: try bake(host.assertion(id: url))))
        #expect(impostor.summary?.title == nil)
        #expect(impostor.summary?.documentsToFetch.contains(host.badgeID) == true)
    }

    @Test("an offline folder serves the same graph")
    func offline() async throws {
        let base = "https://badges.example.org"
        let assertion =
            #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"\#(base)/a/1","recipient":{"type":"email","hashed":false,"identity":"l@example.org"},"badge":"\#(base)/badge","verification":{"type":"hosted"},"issuedOn":"2024-01-01T00:00:00Z"}"#
        let folder = try OfflineFolder([
            "\(base)/a/1": assertion,
            "\(base)/badge":
                #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"\#(base)/badge","name":"Offline Badge","description":"d","image":"\#(base)/i.png","criteria":{"narrative":"n"},"issuer":"\#(base)/issuer","tags":["offline"]}"#,
            "\(base)/issuer":
                #"{"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"\#(base)/issuer","name":"Offline Issuer","url":"\#(base)","email":"i@example.org"}"#,
        ])
        defer { folder.remove() }
        let completed = try #require(
            try await BadgeImporter(loader: folder.loader, verificationOptions: VerificationOptions.forTests(now: testNow))
                .importBadge(from: try bake(assertion), verify: true))
        #expect(completed.summary?.title == "Offline Badge")
        #expect(completed.summary?.issuer?.name == "Offline Issuer")
        #expect(completed.summary?.skills.map(\.name) == ["offline"])
        #expect(completed.report?.verdict == .verified, "\(completed.report?.checks ?? [])")
    }

    @Test(
        "the real OB 1.1 badge (chytanya/badge-bake) with the documents it was served with",
        .enabled(if: OB3Paths.hasCorpus, "needs ../shared/corpus (png/chytanya-ob11-itxt-hosted.png and its documents)"))
    func realOB11() async throws {
        let corpus = OB3Paths.corpus
        let image = corpus.appendingPathComponent("png/chytanya-ob11-itxt-hosted.png")
        func text(_ name: String) throws -> String { try String(contentsOf: corpus.appendingPathComponent("json/\(name)"), encoding: .utf8) }
        let origin = "http://ufjbggbuwy.localtunnel.me/data/"
        let folder = try OfflineFolder([
            origin + "assertion.json": try text("chytanya-ob11-hosted-assertion.json"),
            origin + "badge.json": try text("chytanya-ob11-badgeclass.json"),
            origin + "organization.json": try text("chytanya-ob11-issuer.json"),
        ])
        defer { folder.remove() }
        let completed = try #require(
            try await BadgeImporter(loader: folder.loader, verificationOptions: VerificationOptions.forTests(now: testNow))
                .importBadge(contentsOf: image, verify: true))
        #expect(completed.summary?.title == "Awesome Badge 2")
        #expect(completed.summary?.issuer?.name == "An Example Badge Issuer")
        #expect(completed.summary?.skills.map(\.name) == ["badges", "awesome", "CCSS.ELA-Literacy.RST.11-12.4"])
        #expect(completed.summary?.documentsToFetch == [])
        #expect(completed.report?.verdict == .verified, "\(completed.report?.checks ?? [])")
    }
}
