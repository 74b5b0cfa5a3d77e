/// Why an SVG could not be read or baked.
///
/// The ``code`` is an extensible set of static values (new codes do not break `switch` statements),
/// ``offset`` is the byte offset in the (inflated) XML document where the problem was seen, when known,
/// and ``reason`` is a one-line explanation for people. Errors compare and hash by ``code`` only (the design of
/// swift-asn1's `ASN1Error`); ``file`` and ``line`` say where the error was raised.
package struct SVGBadgeError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure, an open set of static values.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case notSVG, malformedXML, unexpectedEndOfInput, invalidUTF8, invalidReference, unsupportedEncoding,
                documentTooLarge, inflatedTooLarge, corruptCompression, depthLimitExceeded, tooManyAttributes,
                attributeTooLong, tooManyNamespaceBindings, payloadTooLarge, unremovableActiveContent, invalidContent
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The root element is not `svg` (in the SVG namespace or unprefixed without a namespace).
        package static let notSVG = Code(.notSVG)
        /// The bytes are not well-formed XML where it matters (tags, quotes, end-tag names, stray text).
        package static let malformedXML = Code(.malformedXML)
        /// The document ends inside a token or with elements still open.
        package static let unexpectedEndOfInput = Code(.unexpectedEndOfInput)
        /// Badge data (or an attribute it depends on) is not valid UTF-8.
        package static let invalidUTF8 = Code(.invalidUTF8)
        /// A character or entity reference is malformed or names a character XML forbids.
        package static let invalidReference = Code(.invalidReference)
        /// The document uses an encoding other than UTF-8 (for example UTF-16).
        package static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// The input is larger than ``SVGBadgeLimits/maximumDocumentBytes``.
        package static let documentTooLarge = Code(.documentTooLarge)
        /// Inflated `.svgz` data is larger than ``SVGBadgeLimits/maximumInflatedBytes``.
        package static let inflatedTooLarge = Code(.inflatedTooLarge)
        /// The gzip stream of an `.svgz` file is corrupt or truncated.
        package static let corruptCompression = Code(.corruptCompression)
        /// Elements nest deeper than ``SVGBadgeLimits/maximumDepth``.
        package static let depthLimitExceeded = Code(.depthLimitExceeded)
        /// An element has more than ``SVGBadgeLimits/maximumAttributesPerElement`` attributes.
        package static let tooManyAttributes = Code(.tooManyAttributes)
        /// An attribute value is longer than ``SVGBadgeLimits/maximumAttributeBytes``.
        package static let attributeTooLong = Code(.attributeTooLong)
        /// More namespace bindings are in scope than ``SVGBadgeLimits/maximumNamespaceBindings``.
        package static let tooManyNamespaceBindings = Code(.tooManyNamespaceBindings)
        /// The badge element's body or `verify` attribute is larger than ``SVGBadgeLimits/maximumPayloadBytes``.
        package static let payloadTooLarge = Code(.payloadTooLarge)
        /// Removing active content cannot make the document safe: it refers to entities other than the five
        /// predefined ones (declared in a DOCTYPE internal subset, which is removed, or nowhere), and they could
        /// expand into script.
        package static let unremovableActiveContent = Code(.unremovableActiveContent)
        /// The content to bake is unusable (nothing to write, characters XML cannot carry, unknown payload form).
        package static let invalidContent = Code(.invalidContent)

        /// The code's name.
        package var description: String { String(describing: backing) }
    }

    /// The kind of failure.
    package let code: Code
    /// Byte offset in the (inflated) XML document where the failure was detected, if known.
    package let offset: ByteOffset?
    /// A one-line explanation.
    package let reason: String
    /// The source file that raised the error (`#fileID`).
    package let file: String
    /// The source line that raised the error.
    package let line: UInt

    /// Makes an error (only this module raises them).
    init(code: Code, offset: Int?, message reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.offset = offset.map(ByteOffset.init)
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `code at offset: reason`.
    package var description: String {
        if let offset { return "\(code) at byte \(offset): \(reason)" }
        return "\(code): \(reason)"
    }

    /// The description, then where the error was raised.
    package var debugDescription: String { "SVGBadgeError.\(description) (\(file):\(line))" }

    /// Errors are equal when their codes are.
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
