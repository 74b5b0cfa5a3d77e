/// Why a document could not be fetched.
///
/// Errors compare by ``code``; the ``message`` explains in one line.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name, e.g. `forbiddenAddress`.
        public var description: String { name }

        /// Only `http` and `https` URLs are fetched.
        public static let unsupportedScheme = Code("unsupportedScheme")
        /// The host resolves to a loopback, private, link-local, multicast or other special-purpose address, which
        /// the policy refuses, or is a literal address the C library would read differently (`012.0.0.1`).
        public static let forbiddenAddress = Code("forbiddenAddress")
        /// The host name could not be resolved.
        public static let unresolvableHost = Code("unresolvableHost")
        /// More redirects than the policy allows. (A redirect to a URL the policy refuses fails with the code
        /// that refuses it: ``unsupportedScheme``, ``forbiddenAddress``, ``unresolvableHost``.)
        public static let tooManyRedirects = Code("tooManyRedirects")
        /// The response is larger than the policy allows.
        public static let responseTooLarge = Code("responseTooLarge")
        /// The response's content type is not one the caller accepts.
        public static let unexpectedContentType = Code("unexpectedContentType")
        /// The server answered with an HTTP error status (see ``FetchError/status``).
        public static let httpStatus = Code("httpStatus")
        /// The load did not complete within ``FetchPolicy/timeout``: a silent, slow or trickling server, or a
        /// slow resolver.
        public static let timedOut = Code("timedOut")
        /// The document is not in the offline store.
        public static let notAvailableOffline = Code("notAvailableOffline")
        /// The verification's budget of documents (``VerificationOptions/maximumDocumentsFetched``) is spent.
        public static let budgetExhausted = Code("budgetExhausted")
        /// Another transport failure.
        public static let transport = Code("transport")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The URL that failed.
    public let url: String
    /// The HTTP status, for ``Code/httpStatus``.
    public let status: Int?
    /// A one-line explanation.
    public let message: String

    /// Makes an error.
    public init(_ code: Code, url: String, status: Int? = nil, _ message: String) {
        self.code = code
        self.url = url
        self.status = status
        self.message = message
    }

    /// The URL and the message, e.g. `http://10.0.0.1/a.json: ... a private address`.
    public var description: String { "\(url): \(message)" }

    /// Errors are equal when their ``code`` and ``status`` are (the URL and message are not compared).
    public static func == (lhs: FetchError, rhs: FetchError) -> Bool { lhs.code == rhs.code && lhs.status == rhs.status }
    /// Hashes ``code`` and ``status``, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(status)
    }
}
