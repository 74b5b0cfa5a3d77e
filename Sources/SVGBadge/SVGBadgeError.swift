/// Why an SVG could not be read or baked.
///
/// The ``code`` is an extensible set of static values (new codes do not break `switch` statements),
/// ``offset`` is the byte offset in the (inflated) XML document where the problem was seen, when known,
/// and ``reason`` is a one-line explanation for people. Errors compare and hash by ``code`` only (the design of
/// swift-asn1's `ASN1Error`); ``file`` and ``line`` say where the error was raised.
public struct SVGBadgeError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure, an open set of static values.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case notSVG, malformedXML, unexpectedEndOfInput, invalidUTF8, invalidReference, unsupportedEncoding,
                documentTooLarge, inflatedTooLarge, corruptCompression, depthLimitExceeded, tooManyAttributes,
                attributeTooLong, tooManyNamespaceBindings, payloadTooLarge, unremovableActiveContent, invalidContent
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The root element is not `svg` (in the SVG namespace or unprefixed without a namespace).
        public static let notSVG = Code(.notSVG)
        /// The bytes are not well-formed XML where it matters (tags, quotes, end-tag names, stray text).
        public static let malformedXML = Code(.malformedXML)
        /// The document ends inside a token or with elements still open.
        public static let unexpectedEndOfInput = Code(.unexpectedEndOfInput)
        /// Badge data (or an attribute it depends on) is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A character or entity reference is malformed or names a character XML forbids.
        public static let invalidReference = Code(.invalidReference)
        /// The document uses an encoding other than UTF-8 (for example UTF-16).
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// The input is larger than ``SVGBadgeLimits/maximumDocumentBytes``.
        public static let documentTooLarge = Code(.documentTooLarge)
        /// Inflated `.svgz` data is larger than ``SVGBadgeLimits/maximumInflatedBytes``.
        public static let inflatedTooLarge = Code(.inflatedTooLarge)
        /// The gzip stream of an `.svgz` file is corrupt or truncated.
        public static let corruptCompression = Code(.corruptCompression)
        /// Elements nest deeper than ``SVGBadgeLimits/maximumDepth``.
        public static let depthLimitExceeded = Code(.depthLimitExceeded)
        /// An element has more than ``SVGBadgeLimits/maximumAttributesPerElement`` attributes.
        public static let tooManyAttributes = Code(.tooManyAttributes)
        /// An attribute value is longer than ``SVGBadgeLimits/maximumAttributeBytes``.
        public static let attributeTooLong = Code(.attributeTooLong)
        /// More namespace bindings are in scope than ``SVGBadgeLimits/maximumNamespaceBindings``.
        public static let tooManyNamespaceBindings = Code(.tooManyNamespaceBindings)
        /// The badge element's body or `verify` attribute is larger than ``SVGBadgeLimits/maximumPayloadBytes``.
        public static let payloadTooLarge = Code(.payloadTooLarge)
        /// Removing active content cannot make the document safe: it refers to entities other than the five
        /// predefined ones (declared in a DOCTYPE internal subset, which is removed, or nowhere), and they could
        /// expand into script.
        public static let unremovableActiveContent = Code(.unremovableActiveContent)
        /// The content to bake is unusable (nothing to write, characters XML cannot carry, unknown payload form).
        public static let invalidContent = Code(.invalidContent)

        /// The code's name.
        public var description: String { String(describing: backing) }
    }

    /// The kind of failure.
    public let code: Code
    /// Byte offset in the (inflated) XML document where the failure was detected, if known.
    public let offset: ByteOffset?
    /// A one-line explanation.
    public let reason: String
    /// The source file that raised the error (`#fileID`).
    public let file: String
    /// The source line that raised the error.
    public let line: UInt

    /// Makes an error (only this module raises them).
    init(code: Code, offset: Int?, message reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.offset = offset.map(ByteOffset.init)
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `code at offset: reason`.
    public var description: String {
        if let offset { return "\(code) at byte \(offset): \(reason)" }
        return "\(code): \(reason)"
    }

    /// The description, then where the error was raised.
    public var debugDescription: String { "SVGBadgeError.\(description) (\(file):\(line))" }

    /// Errors are equal when their codes are.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
