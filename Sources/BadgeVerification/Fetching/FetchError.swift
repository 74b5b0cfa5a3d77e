/// Why a document could not be fetched.
///
/// Errors compare by ``code``; the ``message`` explains in one line.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Only `http` and `https` URLs are fetched.
        public static let unsupportedScheme = Code("unsupportedScheme")
        /// The host resolves to a loopback, private, link-local or multicast address, which the policy refuses.
        public static let forbiddenAddress = Code("forbiddenAddress")
        /// The host name could not be resolved.
        public static let unresolvableHost = Code("unresolvableHost")
        /// More redirects than the policy allows, or a redirect to a refused URL.
        public static let tooManyRedirects = Code("tooManyRedirects")
        /// The response is larger than the policy allows.
        public static let responseTooLarge = Code("responseTooLarge")
        /// The response's content type is not one the caller accepts.
        public static let unexpectedContentType = Code("unexpectedContentType")
        /// The server answered with an HTTP error status (see ``FetchError/status``).
        public static let httpStatus = Code("httpStatus")
        /// The request timed out.
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

    public var description: String { "\(url): \(message)" }

    public static func == (lhs: FetchError, rhs: FetchError) -> Bool { lhs.code == rhs.code && lhs.status == rhs.status }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(status)
    }
}
