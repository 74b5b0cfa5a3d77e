/// What a badge payload is, judged by its content.
public enum PayloadKind: String, Hashable, Sendable, Codable {
    /// A JSON object: an assertion or a credential.
    case json
    /// A JWS in compact serialization: a signed assertion or a VC-JWT.
    case jws
    /// An absolute URL: a hosted assertion.
    case url
    /// Anything else.
    case unknown
}
