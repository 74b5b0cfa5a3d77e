import Foundation
import BadgeTestSupport
import NIOSSL
import Testing

@testable import BadgeVerification

/// A resolver that answers as a hostile (or test) DNS server would, counting the questions it is asked.
/// The only addresses it ever gives a loader that may connect are loopback ones: public-looking answers
/// appear only where the policy refuses the host or where nothing connects (a bare ``FetchPolicy/check``).
final class ScriptedResolver: HostResolving, @unchecked Sendable {
    private let lock = NSLock()
    private let answers: [[IPAddress]]
    private var asked = 0

    /// Answers `answers[0]` the first time, `answers[1]` the second, and the last answer from then on.
    init(_ answers: [IPAddress]...) { self.answers = answers }

    /// How many times it was asked.
    var calls: Int { lock.withLock { asked } }

    func addresses(of host: String) throws -> [IPAddress] {
        lock.withLock {
            defer { asked += 1 }
            return answers[min(asked, answers.count - 1)]
        }
    }
}

private let publicAddress = IPAddress.v4(93, 184, 216, 34)
private let loopback = IPAddress.v4(127, 0, 0, 1)

@Suite("Fetching: connections go only to checked addresses")
struct FetchingSecurityTests {
    private func policy(allowsPrivateNetwork: Bool = false) -> FetchPolicy {
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = allowsPrivateNetwork
        policy.timeout = 10  // not a timing test: room for a busy machine
        policy.maximumResponseBytes = 64 * 1024
        return policy
    }

    @Test("DNS rebinding: the loader resolves once and never connects to the later, loopback answer")
    func dnsRebindingIsRefused() async throws {
        let host = try BadgeHost()
        let url = URL(string: "http://rebind.test:\(host.server.port)/issuer.json")!
        let resolver = ScriptedResolver([publicAddress], [loopback])
        // The attacker's first answer is public: a check on its own passes (and connects to nothing)...
        #expect(try policy().check(url, resolver: resolver) == [publicAddress])
        // ...but the loader asks again, once, checks that answer and refuses it: no connection to loopback.
        let loader = HTTPDocumentLoader(policy: policy(), resolver: resolver)
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) { try await loader.load(url, kind: .json) }
        #expect(resolver.calls == 2)
        #expect(host.server.connectionCount == 0)
        #expect(host.server.requestCount == 0)
    }

    @Test("a name is connected to at the address its one resolution gave, not resolved again by the transport")
    func connectionIsPinnedToTheResolvedAddress() async throws {
        let host = try BadgeHost()
        // `badge.test` exists only in this resolver: the fetch can reach the server only through its answer.
        let resolver = ScriptedResolver([loopback])
        let loader = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: resolver)
        let url = URL(string: "http://badge.test:\(host.server.port)/issuer.json")!
        let document = try await loader.load(url, kind: .json)
        #expect(String(decoding: document.body, as: UTF8.self).contains("Loopback Academy"))
        #expect(document.requestedURL == url)
        #expect(document.finalURL == url)
        #expect(resolver.calls == 1)
        #expect(host.server.hitCount("/issuer.json") == 1)
    }

    @Test("a name with several addresses is refused when any one is not public")
    func anyPrivateAddressRefusesTheName() async throws {
        let host = try BadgeHost()
        let url = URL(string: "http://mixed.test:\(host.server.port)/issuer.json")!
        let mixes: [[IPAddress]] = [
            [publicAddress, loopback],
            [loopback, publicAddress],
            [IPAddress("2606:4700::1111")!, IPAddress("::1")!],
            [publicAddress, IPAddress("::ffff:127.0.0.1")!],
            [publicAddress, IPAddress("64:ff9b::a00:1")!],
        ]
        for addresses in mixes {
            let loader = HTTPDocumentLoader(policy: policy(), resolver: ScriptedResolver(addresses))
            await #expect(throws: FetchError(.forbiddenAddress, url: "", ""), "\(addresses)") { try await loader.load(url, kind: .json) }
        }
        #expect(host.server.connectionCount == 0)
        // The same mix with private networks allowed (tests, closed networks) reaches the loopback server.
        let allowed = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: ScriptedResolver([loopback]))
        #expect(try await allowed.load(url, kind: .json).body.isEmpty == false)
        #expect(host.server.hitCount("/issuer.json") == 1)
    }

    @Test("when one checked address refuses the connection, the next checked address is tried")
    func fallsBackToTheNextCheckedAddress() async throws {
        let host = try BadgeHost()  // listens on 127.0.0.1 only: [::1] at that port refuses (or has no route)
        let resolver = ScriptedResolver([IPAddress("::1")!, loopback])
        let loader = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: resolver)
        let document = try await loader.load(URL(string: "http://dual.test:\(host.server.port)/issuer.json")!, kind: .json)
        #expect(document.body.isEmpty == false)
        #expect(resolver.calls == 1)
    }

    @Test("each redirect hop is checked again: scheme, and the addresses of its host")
    func redirectHopsAreChecked() async throws {
        let host = try BadgeHost()
        host.server.route("/to-name", .redirect(to: "http://internal.test:\(host.server.port)/secret.json"))
        host.server.route("/secret.json", .json("{}"))
        host.server.route("/to-file", .redirect(to: "file:///etc/passwd"))
        host.server.route("/to-octal", .redirect(to: "http://0177.0.0.1:\(host.server.port)/secret.json"))
        var trusting = policy()
        trusting.trustedHosts = ["127.0.0.1"]  // the test server only; `internal.test` is checked
        let resolver = ScriptedResolver([loopback])
        let loader = HTTPDocumentLoader(policy: trusting, resolver: resolver)
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) { try await loader.load(URL(string: "\(host.base)/to-name")!, kind: .json) }
        await #expect(throws: FetchError(.unsupportedScheme, url: "", "")) { try await loader.load(URL(string: "\(host.base)/to-file")!, kind: .json) }
        await #expect(throws: FetchError(.forbiddenAddress, url: "", "")) { try await loader.load(URL(string: "\(host.base)/to-octal")!, kind: .json) }
        #expect(host.server.hitCount("/secret.json") == 0)
        #expect(resolver.calls == 1)

        // With private networks allowed, the same hop is followed, to the address the resolver gave.
        let open = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: resolver)
        let document = try await open.load(URL(string: "\(host.base)/to-name")!, kind: .json)
        #expect(document.requestedURL.absoluteString == "\(host.base)/to-name")
        #expect(document.finalURL.absoluteString == "http://internal.test:\(host.server.port)/secret.json")
        #expect(host.server.hitCount("/secret.json") == 1)
    }

    @Test("literal IPv4 hosts the C library reads differently from how they look are refused, even on private networks")
    func nonCanonicalLiteralsAreRefused() async throws {
        let host = try BadgeHost()
        let port = host.server.port
        for literal in ["012.0.0.1", "0177.0.0.1", "0x7f.1", "0x7f000001", "2130706433", "127.1", "127.0.1", "127.000.000.001"] {
            let url = URL(string: "http://\(literal):\(port)/issuer.json")!
            await #expect(throws: FetchError(.forbiddenAddress, url: "", ""), "\(literal)") { try await host.loader.load(url, kind: .json) }
            #expect(throws: FetchError(.forbiddenAddress, url: "", ""), "\(literal)") { try FetchPolicy().check(url) }
        }
        #expect(host.server.connectionCount == 0)
    }

    @Test("the whole request is bounded: a body trickling a byte a second times out")
    func tricklingBodyTimesOut() async throws {
        let host = try BadgeHost()  // its loader's timeout is 2 s
        host.server.route("/trickle", .trickle(count: 60))
        await #expect(throws: FetchError(.timedOut, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/trickle")!, kind: .json) }
        #expect(host.server.hitCount("/trickle") == 1)
    }

    @Test("the size cap holds while the body streams, when no length is announced")
    func unannouncedBodyIsCappedWhileStreaming() async throws {
        let host = try BadgeHost()  // its loader's cap is 64 KiB
        var huge = LoopbackHTTPServer.Response.json("{\"a\":\"" + String(repeating: "x", count: 200_000) + "\"}")
        huge.sendsContentLength = false
        host.server.route("/huge", huge)
        await #expect(throws: FetchError(.responseTooLarge, url: "", "")) { try await host.loader.load(URL(string: "\(host.base)/huge")!, kind: .json) }
        var small = LoopbackHTTPServer.Response.json("{\"a\":1}")
        small.sendsContentLength = false
        host.server.route("/small", small)
        #expect(try await host.loader.load(URL(string: "\(host.base)/small")!, kind: .json).body == Data("{\"a\":1}".utf8))
    }

    @Test("https: the connection goes to the checked address and TLS is verified for the URL's host name")
    func tlsIsVerifiedForTheHostName() async throws {
        let server = try await TLSLoopbackServer.start()  // its certificate names `badge.test` only
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates(try TLSLoopbackServer.certificateAuthority())
        var loader = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: ScriptedResolver([loopback]))
        loader.tlsConfiguration = trusting

        let url = URL(string: "https://badge.test:\(server.port)/a.json")!
        let document = try await loader.load(url, kind: .json)
        #expect(String(decoding: document.body, as: UTF8.self).contains("served over TLS"))
        #expect(document.finalURL == url)
        // The same server and address under a name the certificate does not cover, or by its address: the
        // handshake fails, so the pinned address does not stand in for the name.
        for other in ["https://other.test:\(server.port)/a.json", "https://127.0.0.1:\(server.port)/a.json"] {
            await #expect(throws: FetchError(.transport, url: "", ""), "\(other)") { try await loader.load(URL(string: other)!, kind: .json) }
        }
        // Without the test CA (the system's trust roots), the certificate is not trusted.
        let untrusting = HTTPDocumentLoader(policy: policy(allowsPrivateNetwork: true), resolver: ScriptedResolver([loopback]))
        await #expect(throws: FetchError(.transport, url: "", "")) { try await untrusting.load(url, kind: .json) }
        #expect(server.requestCount == 1)
        await server.stop()
    }
}
