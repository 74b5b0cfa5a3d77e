/// Why an SVG could not be read or baked.
///
/// The ``code`` is an extensible set of static values (new codes do not break `switch` statements),
/// ``offset`` is the byte offset in the (inflated) XML document where the problem was seen, when known,
/// and ``message`` is a one-line explanation for people.
public struct SVGBadgeError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, an open set of static values.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The root element is not `svg` (in the SVG namespace or unprefixed without a namespace).
        public static let notSVG = Code("notSVG")
        /// The bytes are not well-formed XML where it matters (tags, quotes, end-tag names, stray text).
        public static let malformedXML = Code("malformedXML")
        /// The document ends inside a token or with elements still open.
        public static let unexpectedEndOfInput = Code("unexpectedEndOfInput")
        /// Badge data (or an attribute it depends on) is not valid UTF-8.
        public static let invalidUTF8 = Code("invalidUTF8")
        /// A character or entity reference is malformed or names a character XML forbids.
        public static let invalidReference = Code("invalidReference")
        /// The document uses an encoding other than UTF-8 (for example UTF-16).
        public static let unsupportedEncoding = Code("unsupportedEncoding")
        /// The input is larger than ``SVGBadgeLimits/maxDocumentBytes``.
        public static let documentTooLarge = Code("documentTooLarge")
        /// Inflated `.svgz` data is larger than ``SVGBadgeLimits/maxInflatedBytes``.
        public static let inflatedTooLarge = Code("inflatedTooLarge")
        /// The gzip stream of an `.svgz` file is corrupt or truncated.
        public static let corruptCompression = Code("corruptCompression")
        /// Elements nest deeper than ``SVGBadgeLimits/maxDepth``.
        public static let depthLimitExceeded = Code("depthLimitExceeded")
        /// An element has more than ``SVGBadgeLimits/maxAttributesPerElement`` attributes.
        public static let tooManyAttributes = Code("tooManyAttributes")
        /// An attribute value is longer than ``SVGBadgeLimits/maxAttributeBytes``.
        public static let attributeTooLong = Code("attributeTooLong")
        /// More namespace bindings are in scope than ``SVGBadgeLimits/maxNamespaceBindings``.
        public static let tooManyNamespaceBindings = Code("tooManyNamespaceBindings")
        /// The badge element's body or `verify` attribute is larger than ``SVGBadgeLimits/maxPayloadBytes``.
        public static let payloadTooLarge = Code("payloadTooLarge")
        /// Removing active content cannot make the document safe: it refers to entities other than the five
        /// predefined ones (declared in a DOCTYPE internal subset, which is removed, or nowhere), and they could
        /// expand into script.
        public static let unremovableActiveContent = Code("unremovableActiveContent")
        /// The content to bake is unusable (nothing to write, characters XML cannot carry, unknown payload form).
        public static let invalidContent = Code("invalidContent")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// Byte offset in the (inflated) XML document where the failure was detected, if known.
    public let offset: Int?
    /// A one-line explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, offset: Int?, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    /// `code at offset: message`.
    public var description: String {
        if let offset { return "\(code) at byte \(offset): \(message)" }
        return "\(code): \(message)"
    }
}
