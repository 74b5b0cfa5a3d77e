import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches documents over HTTP(S) with `URLSession`, under a ``FetchPolicy``.
///
/// Every URL, including each redirect target, is checked against the policy before it is requested: scheme,
/// and the addresses its host resolves to. Bodies are capped while they stream in, so an endless response
/// cannot exhaust memory. The check resolves the host itself, before `URLSession` resolves it again; a DNS
/// server that answers differently the second time (DNS rebinding) is not caught, so a server that must be
/// immune should also block private ranges at its network egress.
public struct HTTPDocumentLoader: DocumentLoader {
    /// The limits in force.
    public var policy: FetchPolicy

    /// Makes a loader.
    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
    }

    /// Fetches `url` under the policy, checking every redirect and capping the body.
    public func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        try policy.check(url)
        let delegate = FetchTaskDelegate(url: url, kind: kind, policy: policy)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: policy.timeout)
        request.setValue(kind.accept, forHTTPHeaderField: "Accept")
        request.setValue("BadgeBaking-Verifier/1.0", forHTTPHeaderField: "User-Agent")
        do {
            return try await withCheckedThrowingContinuation { continuation in
                delegate.start(session.dataTask(with: request), continuation: continuation)
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(.transport, url: url.absoluteString, "\(error)")
        }
    }
}

/// Follows one request: checks redirects, caps the body, and resumes the caller once.
private final class FetchTaskDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let url: URL
    private let kind: DocumentKind
    private let policy: FetchPolicy
    private let lock = NSLock()
    private var redirects = 0
    private var body = Data()
    private var failure: FetchError?
    private var continuation: CheckedContinuation<LoadedDocument, any Error>?

    init(url: URL, kind: DocumentKind, policy: FetchPolicy) {
        self.url = url
        self.kind = kind
        self.policy = policy
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<LoadedDocument, any Error>) {
        lock.withLock { self.continuation = continuation }
        task.resume()
    }

    private func fail(_ error: FetchError) {
        lock.withLock { if failure == nil { failure = error } }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let count = lock.withLock { redirects += 1; return redirects }
        guard count <= policy.maximumRedirects else {
            fail(FetchError(.tooManyRedirects, url: url.absoluteString, "more than \(policy.maximumRedirects) redirects"))
            completionHandler(nil)
            task.cancel()
            return
        }
        guard let target = request.url else {
            completionHandler(nil)
            return
        }
        do throws(FetchError) {
            try policy.check(target)
            completionHandler(request)
        } catch {
            fail(FetchError(error.code, url: url.absoluteString, "redirect to \(target.absoluteString) refused: \(error.message)"))
            completionHandler(nil)
            task.cancel()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(policy.maximumResponseBytes) {
            fail(FetchError(.responseTooLarge, url: url.absoluteString, "the response announces \(response.expectedContentLength) bytes, over the limit of \(policy.maximumResponseBytes)"))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock { () -> Bool in
            body.append(data)
            return body.count > policy.maximumResponseBytes
        }
        if tooLarge {
            fail(FetchError(.responseTooLarge, url: url.absoluteString, "the response is over the limit of \(policy.maximumResponseBytes) bytes"))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, failure, body) = lock.withLock { () -> (CheckedContinuation<LoadedDocument, any Error>?, FetchError?, Data) in
            defer { self.continuation = nil }
            return (self.continuation, self.failure, self.body)
        }
        guard let continuation else { return }
        if let failure { return continuation.resume(throwing: failure) }
        if let error {
            let nsError = error as NSError
            let code: FetchError.Code = nsError.code == NSURLErrorTimedOut ? .timedOut : .transport
            return continuation.resume(throwing: FetchError(code, url: url.absoluteString, error.localizedDescription))
        }
        guard let response = task.response as? HTTPURLResponse else {
            return continuation.resume(throwing: FetchError(.transport, url: url.absoluteString, "no HTTP response"))
        }
        guard (200..<300).contains(response.statusCode) else {
            return continuation.resume(
                throwing: FetchError(.httpStatus, url: url.absoluteString, status: response.statusCode, "HTTP status \(response.statusCode)")
            )
        }
        let contentType = (response.value(forHTTPHeaderField: "Content-Type"))
            .flatMap { $0.split(separator: ";").first }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard kind.accepts(contentType) else {
            return continuation.resume(
                throwing: FetchError(.unexpectedContentType, url: url.absoluteString, "unexpected content type \(contentType ?? "none")")
            )
        }
        continuation.resume(returning: LoadedDocument(requestedURL: url, finalURL: response.url ?? url, contentType: contentType, body: body))
    }
}
