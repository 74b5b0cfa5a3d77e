import Foundation

/// A document fetched for verification: an assertion, badge class, issuer profile, key, revocation list or
/// JSON-LD context.
public struct LoadedDocument: Sendable, Hashable {
    /// The URL asked for.
    public var requestedURL: URL
    /// The URL the document finally came from, after redirects.
    public var finalURL: URL
    /// The `Content-Type` media type, lowercased, without parameters (nil when the server sent none).
    public var contentType: String?
    /// The body.
    public var body: Data

    /// Makes a document.
    public init(requestedURL: URL, finalURL: URL, contentType: String?, body: Data) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.contentType = contentType
        self.body = body
    }
}

/// What kind of document a fetch expects, which decides the `Accept` header and the content types accepted.
public enum DocumentKind: Sendable, Hashable {
    /// JSON or JSON-LD (assertions, badge classes, profiles, keys, revocation lists, contexts).
    case json
    /// A PEM public key (Open Badges 1.x signed badges).
    case pem
    /// Anything (the caller checks the body itself).
    case any

    /// The `Accept` header value.
    var accept: String {
        switch self {
        case .json: "application/ld+json, application/json;q=0.9, */*;q=0.1"
        case .pem: "application/x-pem-file, text/plain;q=0.9, */*;q=0.1"
        case .any: "*/*"
        }
    }

    /// Whether a response's media type is acceptable. A missing type is accepted (many badge hosts send none).
    func accepts(_ contentType: String?) -> Bool {
        guard let contentType else { return true }
        switch self {
        case .json:
            return contentType == "application/json" || contentType == "application/ld+json" || contentType.hasSuffix("+json")
                || contentType == "text/plain" || contentType == "application/octet-stream"
        case .pem:
            return contentType.hasPrefix("text/") || contentType == "application/x-pem-file" || contentType == "application/octet-stream"
                || contentType == "application/json"
        case .any:
            return true
        }
    }
}

/// Fetches documents for verification. Implementations must be safe to call concurrently.
///
/// The package offers ``HTTPDocumentLoader`` (the network, with a safe ``FetchPolicy``),
/// ``OfflineDocumentLoader`` (a folder of saved documents) and ``CachingDocumentLoader`` (an in-memory
/// cache in front of either). Callers may supply their own.
public protocol DocumentLoader: Sendable {
    /// Fetches the document at `url`, expecting `kind`.
    func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument
}
