/// The error thrown when a payload cannot be read as Open Badges data.
///
/// Follows the swift-asn1 pattern: a struct with an extensible ``Code`` (new codes do not break `switch`es), the
/// JSON path of the offending field, and a human-readable reason. Two errors are equal when their codes are equal,
/// so tests can compare against a fresh error.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input was empty (or only whitespace).
        public static let emptyInput = Code("emptyInput")
        /// The input is not valid UTF-8.
        public static let invalidUTF8 = Code("invalidUTF8")
        /// The input is not valid JSON.
        public static let invalidJSON = Code("invalidJSON")
        /// An object has the same member name twice.
        public static let duplicateKey = Code("duplicateKey")
        /// The input is longer than ``JSONParsingOptions/maximumBytes``.
        public static let inputTooLarge = Code("inputTooLarge")
        /// Arrays/objects are nested deeper than ``JSONParsingOptions/maximumDepth``.
        public static let nestingTooDeep = Code("nestingTooDeep")
        /// A required property is absent.
        public static let missingProperty = Code("missingProperty")
        /// A property has the wrong JSON type.
        public static let invalidType = Code("invalidType")
        /// A property holds an impossible or unreadable date.
        public static let invalidDate = Code("invalidDate")
        /// A property holds a value outside what is allowed.
        public static let invalidValue = Code("invalidValue")
        /// The payload is not recognised as any Open Badges document.
        public static let unrecognisedDocument = Code("unrecognisedDocument")
        /// A compact JWS is malformed.
        public static let invalidJWS = Code("invalidJWS")
        /// Text that must be strict base64url is not.
        public static let invalidBase64URL = Code("invalidBase64URL")

        /// The code's stable name (e.g. `invalidDate`).
        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// The JSON path of the field concerned (`$.recipient.identity`), or `nil` when the whole input is concerned.
    public let field: String?
    /// Why the input was refused.
    public let reason: String
    /// The source file that raised the error (for diagnostics; not compared).
    public let file: String
    /// The source line that raised the error (for diagnostics; not compared).
    public let line: UInt

    /// Creates an error.
    public init(_ code: Code, field: String? = nil, reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.field = field
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `code` (at `field`): `reason`.
    public var description: String {
        if let field { return "\(code) at \(field): \(reason)" }
        return "\(code): \(reason)"
    }

    /// Compares the codes only.
    public static func == (lhs: ModelError, rhs: ModelError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
