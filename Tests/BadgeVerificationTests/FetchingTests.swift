import Foundation
import BadgeTestSupport
import Testing

@testable import BadgeVerification

@Suite("Fetching documents")
struct FetchingTests {
    @Test func fetchesFromALoopbackServer() async throws {
        let host = try BadgeHost()
        let document = try await host.loader.load(URL(string: host.issuerID)!, kind: .json)
        #expect(document.contentType == "application/ld+json")
        #expect(String(decoding: document.body, as: UTF8.self).contains("Loopback Academy"))
    }

    @Test func refusesLoopbackPrivateAndOddSchemesByDefault() async throws {
        let host = try BadgeHost()
        let loader = HTTPDocumentLoader()
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) { try await loader.load(URL(string: host.issuerID)!, kind: .json) }
        for url in ["http://10.0.0.1/a.json", "http://[::1]/a.json", "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/", "http://[fe80::1]/"] {
            await #expect(throws: FetchError(.forbiddenAddress, url: "", ""), "\(url)") { try await loader.load(URL(string: url)!, kind: .json) }
        }
        for url in ["file:///etc/passwd", "ftp://example.org/a.json", "gopher://example.org/"] {
            await #expect(throws: FetchError(.unsupportedScheme, url: "", ""), "\(url)") { try await loader.load(URL(string: url)!, kind: .json) }
        }
        #expect(throws: Never.self) { try FetchPolicy().check(URL(string: "https://93.184.215.14/a.json")!) }
    }

    @Test func addressClassification() {
        for address in [
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
        ] {
            #expect(IPAddress(address)?.isPublic == false, "\(address)")
        }
        for address in ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"] {
            #expect(IPAddress(address)?.isPublic == true, "\(address)")
        }
        #expect(IPAddress("300.1.1.1") == nil)
        #expect(IPAddress("1::2::3") == nil)
    }

    @Test func followsBoundedRedirects() async throws {
        let host = try BadgeHost()
        host.server.route("/r1", .redirect(to: "/r2"))
        host.server.route("/r2", .redirect(to: "\(host.base)/issuer.json", status: 301))
        let document = try await host.loader.load(URL(string: "\(host.base)/r1")!, kind: .json)
        #expect(document.finalURL.absoluteString == host.issuerID)

        for index in 0..<10 { host.server.route("/loop\(index)", .redirect(to: "/loop\(index + 1)")) }
        await #expect(throws: FetchError(.tooManyRedirects, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/loop0")!, kind: .json) }
    }

    @Test("a redirect to a private address is refused before any connection is made")
    func redirectToAPrivateAddressIsRefused() async throws {
        let host = try BadgeHost()
        host.server.route("/to-internal", .redirect(to: "http://10.255.255.1/admin.json"))
        var policy = FetchPolicy()
        policy.trustedHosts = ["127.0.0.1"]  // the test server only; 10.x stays forbidden
        let loader = HTTPDocumentLoader(policy: policy)
        #expect(try await loader.load(URL(string: host.issuerID)!, kind: .json).body.isEmpty == false)
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) {
            try await loader.load(URL(string: "\(host.base)/to-internal")!, kind: .json)
        }
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) {
            try await HTTPDocumentLoader().load(URL(string: "\(host.base)/to-internal")!, kind: .json)
        }
    }

    @Test func timeoutsSizeCapsAndContentTypes() async throws {
        let host = try BadgeHost()
        var slow = LoopbackHTTPServer.Response.json("{}")
        slow.delay = 4
        host.server.route("/slow", slow)
        await #expect(throws: FetchError(.timedOut, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/slow")!, kind: .json) }

        host.server.route("/huge", .json("{\"a\":\"" + String(repeating: "x", count: 200_000) + "\"}"))
        await #expect(throws: FetchError(.responseTooLarge, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/huge")!, kind: .json) }

        host.server.route("/page", .json("<html></html>", contentType: "text/html"))
        await #expect(throws: FetchError(.unexpectedContentType, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/page")!, kind: .json) }

        host.server.route("/gone", .json("{}", status: 410))
        await #expect(throws: FetchError(.httpStatus, url: "", status: 410, "")) { try await host.loader.load(URL(string: "\(host.base)/gone")!, kind: .json) }
    }

    @Test func cacheServesRepeatsAndExpires() async throws {
        let host = try BadgeHost()
        let clock = Clock()
        let cache = CachingDocumentLoader(host.loader, timeToLive: 60, now: { clock.now })
        let url = URL(string: host.issuerID)!
        _ = try await cache.load(url, kind: .json)
        _ = try await cache.load(url, kind: .json)
        #expect(host.server.hitCount("/issuer.json") == 1)
        clock.advance(61)
        _ = try await cache.load(url, kind: .json)
        #expect(host.server.hitCount("/issuer.json") == 2)
    }

    @Test func offlineStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"a\":1}".utf8).write(to: directory.appendingPathComponent("a.json"))
        try Data("https://example.org/a.json\ta.json\napplication/json\nhttps://example.org/escape\t../../etc/passwd\n".utf8)
            .write(to: directory.appendingPathComponent("manifest.tsv"))
        let loader = try OfflineDocumentLoader(directory: directory)
        let document = try await loader.load(URL(string: "https://example.org/a.json")!, kind: .json)
        #expect(document.body == Data("{\"a\":1}".utf8))
        await #expect(throws: FetchError(.notAvailableOffline, url: "", "")) { try await loader.load(URL(string: "https://example.org/b.json")!, kind: .json) }
        await #expect(throws: FetchError(.notAvailableOffline, url: "", "")) { try await loader.load(URL(string: "https://example.org/escape")!, kind: .json) }
    }
}

/// A clock tests move by hand.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
