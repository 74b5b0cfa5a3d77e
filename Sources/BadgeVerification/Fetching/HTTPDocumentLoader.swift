import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import OpenBadgesModel

/// Fetches documents over HTTP(S) with AsyncHTTPClient (SwiftNIO), under a ``FetchPolicy``.
///
/// The loader owns every connection it makes, so that a badge cannot turn it against the network:
/// - Each URL, the first and every redirect target, is checked by ``FetchPolicy/check(_:resolver:)``: scheme,
///   canonical literal address, and every address its host name resolves to (asked once of ``resolver``).
/// - The connection goes to one of the addresses that passed, never to a second resolution of the name, so
///   DNS rebinding cannot reach an address the policy refused. TLS still validates the certificate for the
///   URL's host name, which is also sent as SNI and in the `Host` header.
/// - Redirects are followed by the loader itself, hop by hop, each hop checked as above and counted against
///   ``FetchPolicy/maximumRedirects``.
/// - ``FetchPolicy/timeout`` bounds the whole load: the time spent waiting on resolution, connections, every
///   redirect and the body, added up (a body that trickles in a byte a second times out like a silent server).
/// - The body is capped while it streams in (``FetchPolicy/maximumResponseBytes``): an endless or trickling
///   response cannot exhaust memory or hold the verifier.
///
/// Each request (each redirect hop, each address tried) uses its own `HTTPClient`, on AsyncHTTPClient's
/// process-wide event loop group, and shuts it down before going on: a connection is never reused for another
/// host, address or load.
public struct HTTPDocumentLoader: DocumentLoader {
    /// The limits in force.
    public var policy: FetchPolicy
    /// Resolves host names (default: the system resolver). Asked once per URL fetched.
    public var resolver: any HostResolving
    /// The TLS settings for `https` (nil: AsyncHTTPClient's defaults, which verify the certificate chain
    /// against the system's trust roots and the URL's host name). The tests set their own trust roots.
    var tlsConfiguration: TLSConfiguration?

    /// Makes a loader.
    public init(policy: FetchPolicy = FetchPolicy(), resolver: any HostResolving = SystemHostResolver()) {
        self.policy = policy
        self.resolver = resolver
    }

    /// Fetches `url` under the policy, checking every redirect and capping the body. The time spent waiting
    /// on the network (resolution, connections, every redirect and the body) adds up to at most
    /// ``FetchPolicy/timeout``.
    public func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        do {
            return try await fetch(url, kind: kind)
        } catch let error as FetchError {
            throw error
        } catch {
            throw Self.fetchError(error, url: url)
        }
    }

    private func fetch(_ url: URL, kind: DocumentKind) async throws -> LoadedDocument {
        // What is left of the timeout. It is measured where the waiting happens (the resolver's thread, the
        // event loop), so a busy cooperative thread pool in this process does not use it up.
        var budget = TimeAmount.nanoseconds(Int64((max(0, policy.timeout) * 1e9).rounded(.up)))
        let timedOut = FetchError(.timedOut, url: url.absoluteString, "no complete response within \(policy.timeout) s")
        var current = url
        var redirects = 0
        while true {
            let addresses: [IPAddress]
            let (outcome, resolving) = await checked(current, budget: budget)
            switch outcome {
            case .success(let checked):
                addresses = checked
            case .failure(let error) where redirects == 0:
                throw error
            case .failure(let error):
                throw FetchError(error.code, url: url.absoluteString, "redirect to \(current.absoluteString) refused: \(error.message)")
            }
            budget = budget - resolving
            guard budget > .zero else { throw timedOut }
            let (hop, requesting) = try await fetchOnce(current, original: url, addresses: addresses, kind: kind, budget: budget)
            switch hop {
            case .document(let document):
                return document
            case .redirect(let target):
                redirects += 1
                guard redirects <= policy.maximumRedirects else {
                    throw FetchError(.tooManyRedirects, url: url.absoluteString, "more than \(policy.maximumRedirects) redirects")
                }
                budget = budget - requesting
                guard budget > .zero else { throw timedOut }
                current = target
            }
        }
    }

    /// Runs the policy check (which may block in the resolver) on a thread of its own, and gives up when
    /// `budget` runs out or the task is cancelled, leaving a slow resolver to finish unheard. Returns the
    /// outcome and the time the resolver took.
    private func checked(_ url: URL, budget: TimeAmount) async -> (Result<[IPAddress], FetchError>, TimeAmount) {
        let policy = policy
        let resolver = resolver
        let once = ResumeOnce<(Result<[IPAddress], FetchError>, TimeAmount)>()
        let timedOut = FetchError(.timedOut, url: url.absoluteString, "no complete response within \(policy.timeout) s (resolving the host)")
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                once.set(continuation)
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(budget.nanoseconds))) {
                    once.resume((.failure(timedOut), budget))
                }
                DispatchQueue.global().async {
                    let start = NIODeadline.now()
                    let result: Result<[IPAddress], FetchError>
                    do throws(FetchError) {
                        result = .success(try policy.check(url, resolver: resolver))
                    } catch {
                        result = .failure(error)
                    }
                    once.resume((result, NIODeadline.now() - start))
                }
            }
        } onCancel: {
            once.resume((.failure(FetchError(.timedOut, url: url.absoluteString, "cancelled while resolving the host")), budget))
        }
    }

    /// One hop: tries the checked addresses in order until one connects, all within `budget`. Returns what
    /// the hop produced and, for a redirect, the time it took.
    private func fetchOnce(
        _ url: URL, original: URL, addresses: [IPAddress], kind: DocumentKind, budget: TimeAmount
    ) async throws -> (Hop, TimeAmount) {
        let issued = NIODeadline.now()
        let deadline = issued + budget
        var lastError: (any Error)?
        for address in addresses {
            do {
                return try await fetchOnce(url, original: original, address: address, kind: kind, issued: issued, deadline: deadline)
            } catch  where Self.isConnectionFailure(error) {
                lastError = error  // nothing was sent: try the host's next checked address
            }
        }
        throw lastError ?? FetchError(.unresolvableHost, url: url.absoluteString, "no address to connect to")
    }

    /// One request to one address. The response is read on the event loop by a ``HopDelegate`` and the
    /// client's deadline covers it all, headers and body, so a busy thread pool cannot stretch it.
    private func fetchOnce(
        _ url: URL, original: URL, address: IPAddress, kind: DocumentKind, issued: NIODeadline, deadline: NIODeadline
    ) async throws -> (Hop, TimeAmount) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.connectionPool.retryConnectionEstablishment = false
        if let tlsConfiguration { configuration.tlsConfiguration = tlsConfiguration }
        // The only address this client may connect to, whatever the name: AsyncHTTPClient connects to it and
        // still validates TLS (SNI and certificate) for the URL's host name.
        let host = FetchPolicy.bareHost(url.host ?? "")
        configuration.dnsOverride = [host: address.description, "[\(host)]": address.description]

        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: kind.accept)
        headers.add(name: "User-Agent", value: "BadgeBaking-Verifier/1.0")
        let request = try HTTPClient.Request(url: url.absoluteString, method: .GET, headers: headers)
        let delegate = HopDelegate(url: url, original: original, kind: kind, limit: policy.maximumResponseBytes)
        return try await HTTPClient.withHTTPClient(configuration: configuration) { client in
            let task = client.execute(request: request, delegate: delegate, deadline: deadline)
            do {
                let hop = try await withTaskCancellationHandler {
                    try await task.futureResult.get()
                } onCancel: {
                    task.cancel()
                }
                return (hop, NIODeadline.now() - issued)
            } catch let found as RedirectFound {
                return (.redirect(found.target), found.at - issued)
            }
        }
    }

    /// Whether `error` means the connection was never made (so no request was sent).
    private static func isConnectionFailure(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? HTTPClientError, error == .connectTimeout { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, EAFNOSUPPORT].contains(error.errnoCode)
        }
        return false
    }

    /// Maps a transport error to a ``FetchError``.
    private static func fetchError(_ error: any Error, url: URL) -> FetchError {
        if let error = error as? HTTPClientError,
            error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout || error == .writeTimeout
        {
            return FetchError(.timedOut, url: url.absoluteString, "timed out: \(error)")
        }
        if error is CancellationError {
            return FetchError(.timedOut, url: url.absoluteString, "cancelled")
        }
        return FetchError(.transport, url: url.absoluteString, "\(error)")
    }
}

/// Resumes a continuation exactly once, from whichever side comes first.
private final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var early: Value?
    private var done = false

    func set(_ continuation: CheckedContinuation<Value, Never>) {
        let pending = lock.withLock { () -> Value? in
            if let early { return early }
            self.continuation = continuation
            return nil
        }
        if let pending { continuation.resume(returning: pending) }
    }

    func resume(_ value: Value) {
        let waiting = lock.withLock { () -> CheckedContinuation<Value, Never>? in
            guard !done else { return nil }
            done = true
            if let continuation {
                self.continuation = nil
                return continuation
            }
            early = value
            return nil
        }
        waiting?.resume(returning: value)
    }
}

/// What one hop produced: a document, or the next URL to follow.
private enum Hop: Sendable {
    case document(LoadedDocument)
    case redirect(URL)
}

/// How a ``HopDelegate`` ends a request at a redirect's headers.
private struct RedirectFound: Error {
    let target: URL
    /// When its headers arrived, read on the event loop.
    let at: NIODeadline
}

/// Reads one response on the event loop: a redirect's target, or a document whose status, content type and
/// size are checked as they arrive. A check that fails ends the request at once.
private final class HopDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Hop

    // Touched only on the request's event loop, one call at a time.
    private let url: URL
    private let original: URL
    private let kind: DocumentKind
    private let limit: Int
    private var contentType: String?
    private var body = Data()

    init(url: URL, original: URL, kind: DocumentKind, limit: Int) {
        self.url = url
        self.original = original
        self.kind = kind
        self.limit = limit
    }

    func didReceiveHead(task: HTTPClient.Task<Hop>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let status = Int(head.status.code)
        if [301, 302, 303, 307, 308].contains(status), let location = head.headers.first(name: "Location") {
            guard let target = URL(string: location, relativeTo: url)?.absoluteURL else {
                return task.eventLoop.makeFailedFuture(
                    FetchError(.transport, url: original.absoluteString, "redirect to an unreadable location \(location)")
                )
            }
            // Ends the request here: a redirect's body is never read.
            return task.eventLoop.makeFailedFuture(RedirectFound(target: target, at: .now()))
        }
        guard (200..<300).contains(status) else {
            return task.eventLoop.makeFailedFuture(
                FetchError(.httpStatus, url: original.absoluteString, status: status, "HTTP status \(status)")
            )
        }
        contentType = head.headers.first(name: "Content-Type")
            .flatMap { $0.split(separator: ";").first }
            .map { $0.trimmingWhitespace(newlines: false).lowercased() }
        guard kind.accepts(contentType) else {
            return task.eventLoop.makeFailedFuture(
                FetchError(.unexpectedContentType, url: original.absoluteString, "unexpected content type \(contentType ?? "none")")
            )
        }
        if let announced = head.headers.first(name: "Content-Length").flatMap(Int.init), announced > limit {
            return task.eventLoop.makeFailedFuture(
                FetchError(.responseTooLarge, url: original.absoluteString, "the response announces \(announced) bytes, over the limit of \(limit)")
            )
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Hop>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard buffer.readableBytes <= limit - body.count else {
            return task.eventLoop.makeFailedFuture(
                FetchError(.responseTooLarge, url: original.absoluteString, "the response is over the limit of \(limit) bytes")
            )
        }
        body.append(contentsOf: buffer.readableBytesView)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Hop>) throws -> Hop {
        .document(LoadedDocument(requestedURL: original, finalURL: url, contentType: contentType, body: body))
    }
}
