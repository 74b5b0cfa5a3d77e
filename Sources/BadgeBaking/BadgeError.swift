/// Why an image could not be read, baked or written.
///
/// The design is swift-asn1's `ASN1Error`: a ``code`` from an open set (new codes may be added without breaking
/// anyone's `switch`), a one-line ``reason``, the byte ``offset`` in the input when it applies, and the ``file``
/// and ``line`` that raised it. Errors compare and hash by ``code`` only, so a test can match a fresh value:
/// `#expect(throws: BadgeError.truncated())`, or `error.code == .badChecksum`.
///
/// Errors of the SVG layer keep their own codes here (``Code/malformedXML``, ``Code/depthLimitExceeded``,
/// ``Code/tooManyAttributes``…); they are not folded into one "malformed SVG" code.
public struct BadgeError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is: an open set of static values. Do not switch over them exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case emptyInput, unsupportedFormat, truncated, badChecksum, invalidLength, malformedPNG, malformedXML,
                invalidXMLReference, unsupportedEncoding, invalidUTF8, payloadTooLarge, decompressionLimitExceeded,
                corruptCompressedData, inputTooLarge, tooManyChunks, depthLimitExceeded, tooManyAttributes,
                attributeTooLong, tooManyNamespaceBindings, unremovableActiveContent, invalidPayload, alreadyBaked,
                outputExists, io
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The input is empty.
        public static let emptyInput = Code(.emptyInput)
        /// The input is neither a PNG nor an SVG image (for SVG: its root element is not `svg`).
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// The input ends in the middle of a structure (a PNG chunk, an XML token, an open element).
        public static let truncated = Code(.truncated)
        /// A chunk's CRC does not match its contents.
        public static let badChecksum = Code(.badChecksum)
        /// A length field is over 2³¹−1, or points past the end of the input.
        public static let invalidLength = Code(.invalidLength)
        /// The PNG chunk stream is malformed (bad chunk type, IHDR not first, bad text chunk fields…).
        public static let malformedPNG = Code(.malformedPNG)
        /// The SVG document is not well-formed XML where it matters (tags, quotes, end-tag names, stray text, a
        /// second root).
        public static let malformedXML = Code(.malformedXML)
        /// An SVG character or entity reference is malformed or names a character XML forbids.
        public static let invalidXMLReference = Code(.invalidXMLReference)
        /// The SVG document uses an encoding other than UTF-8 (for example UTF-16).
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// Text that must be UTF-8 is not.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A payload is larger than the configured limit.
        public static let payloadTooLarge = Code(.payloadTooLarge)
        /// Compressed data (PNG text or an `.svgz` document) inflates to more than the configured limit (a
        /// decompression bomb, or just too large).
        public static let decompressionLimitExceeded = Code(.decompressionLimitExceeded)
        /// Compressed data is corrupt.
        public static let corruptCompressedData = Code(.corruptCompressedData)
        /// The input (a whole SVG document, or a PNG that has to be buffered) is larger than the configured limit.
        public static let inputTooLarge = Code(.inputTooLarge)
        /// The input has more PNG chunks than the configured limit.
        public static let tooManyChunks = Code(.tooManyChunks)
        /// SVG elements nest deeper than the configured limit.
        public static let depthLimitExceeded = Code(.depthLimitExceeded)
        /// An SVG element has more attributes than the limit.
        public static let tooManyAttributes = Code(.tooManyAttributes)
        /// An SVG attribute value is longer than the limit.
        public static let attributeTooLong = Code(.attributeTooLong)
        /// More SVG namespace bindings are in scope at once than the limit.
        public static let tooManyNamespaceBindings = Code(.tooManyNamespaceBindings)
        /// Removing active content cannot make the SVG safe: it refers to entities other than the five predefined
        /// ones, which could expand into script.
        public static let unremovableActiveContent = Code(.unremovableActiveContent)
        /// A payload to bake is not JSON, a compact JWS or an absolute URL (or cannot be carried by the image
        /// format).
        public static let invalidPayload = Code(.invalidPayload)
        /// Baking was asked to fail when the image already holds badge data, and it does.
        public static let alreadyBaked = Code(.alreadyBaked)
        /// The output file exists and overwriting was not allowed.
        public static let outputExists = Code(.outputExists)
        /// Reading or writing a file failed.
        public static let io = Code(.io)

        /// The code's name, for example `truncated`: what JSON reports show.
        public var description: String { String(describing: backing) }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The byte offset in the input where the problem was found, when it applies.
    public let offset: ByteOffset?
    /// A one-line explanation for people.
    public let reason: String
    /// The source file that raised the error (`#fileID`).
    public let file: String
    /// The source line that raised the error.
    public let line: UInt

    /// Makes an error (this module's own constructor; other modules use the static factories).
    init(_ code: Code, at offset: ByteOffset? = nil, _ reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.offset = offset
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The reason, with the byte offset when there is one: what a command-line tool prints.
    public var description: String {
        if let offset { return "\(reason) (at byte \(offset))" }
        return reason
    }

    /// The code, the description and where the error was raised.
    public var debugDescription: String { "BadgeError.\(code): \(description) (\(file):\(line))" }

    /// Errors are equal when their codes are.
    public static func == (lhs: BadgeError, rhs: BadgeError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

// MARK: - Factories

extension BadgeError {
    /// An error with code ``Code/emptyInput``: the input is empty.
    @inline(never)
    public static func emptyInput(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.emptyInput, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/unsupportedFormat``: the input is neither a PNG nor an SVG image (for SVG: its
    /// root element is not `svg`).
    @inline(never)
    public static func unsupportedFormat(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.unsupportedFormat, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/truncated``: the input ends in the middle of a structure (a PNG chunk, an XML
    /// token, an open element).
    @inline(never)
    public static func truncated(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.truncated, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/badChecksum``: a chunk's CRC does not match its contents.
    @inline(never)
    public static func badChecksum(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.badChecksum, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/invalidLength``: a length field is over 2³¹−1, or points past the end of the
    /// input.
    @inline(never)
    public static func invalidLength(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.invalidLength, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/malformedPNG``: the PNG chunk stream is malformed (bad chunk type, IHDR not first,
    /// bad text chunk fields…).
    @inline(never)
    public static func malformedPNG(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.malformedPNG, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/malformedXML``: the SVG document is not well-formed XML where it matters (tags,
    /// quotes, end-tag names, stray text, a second root).
    @inline(never)
    public static func malformedXML(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.malformedXML, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/invalidXMLReference``: an SVG character or entity reference is malformed or names
    /// a character XML forbids.
    @inline(never)
    public static func invalidXMLReference(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.invalidXMLReference, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/unsupportedEncoding``: the SVG document uses an encoding other than UTF-8 (for
    /// example UTF-16).
    @inline(never)
    public static func unsupportedEncoding(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.unsupportedEncoding, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/invalidUTF8``: text that must be UTF-8 is not.
    @inline(never)
    public static func invalidUTF8(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.invalidUTF8, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/payloadTooLarge``: a payload is larger than the configured limit.
    @inline(never)
    public static func payloadTooLarge(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.payloadTooLarge, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/decompressionLimitExceeded``: compressed data (PNG text or an `.svgz` document)
    /// inflates to more than the configured limit (a decompression bomb, or just too large).
    @inline(never)
    public static func decompressionLimitExceeded(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.decompressionLimitExceeded, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/corruptCompressedData``: compressed data is corrupt.
    @inline(never)
    public static func corruptCompressedData(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.corruptCompressedData, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/inputTooLarge``: the input (a whole SVG document, or a PNG that has to be
    /// buffered) is larger than the configured limit.
    @inline(never)
    public static func inputTooLarge(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.inputTooLarge, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/tooManyChunks``: the input has more PNG chunks than the configured limit.
    @inline(never)
    public static func tooManyChunks(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.tooManyChunks, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/depthLimitExceeded``: sVG elements nest deeper than the configured limit.
    @inline(never)
    public static func depthLimitExceeded(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.depthLimitExceeded, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/tooManyAttributes``: an SVG element has more attributes than the limit.
    @inline(never)
    public static func tooManyAttributes(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.tooManyAttributes, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/attributeTooLong``: an SVG attribute value is longer than the limit.
    @inline(never)
    public static func attributeTooLong(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.attributeTooLong, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/tooManyNamespaceBindings``: more SVG namespace bindings are in scope at once than
    /// the limit.
    @inline(never)
    public static func tooManyNamespaceBindings(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.tooManyNamespaceBindings, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/unremovableActiveContent``: removing active content cannot make the SVG safe: it
    /// refers to entities other than the five predefined ones, which could expand into script.
    @inline(never)
    public static func unremovableActiveContent(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.unremovableActiveContent, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/invalidPayload``: a payload to bake is not JSON, a compact JWS or an absolute URL
    /// (or cannot be carried by the image format).
    @inline(never)
    public static func invalidPayload(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.invalidPayload, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/alreadyBaked``: baking was asked to fail when the image already holds badge data,
    /// and it does.
    @inline(never)
    public static func alreadyBaked(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.alreadyBaked, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/outputExists``: the output file exists and overwriting was not allowed.
    @inline(never)
    public static func outputExists(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.outputExists, at: offset, reason, file: file, line: line)
    }

    /// An error with code ``Code/io``: reading or writing a file failed.
    @inline(never)
    public static func io(
        _ reason: String = "", at offset: ByteOffset? = nil, file: String = #fileID, line: UInt = #line
    ) -> BadgeError {
        BadgeError(.io, at: offset, reason, file: file, line: line)
    }
}

/// Runs `body`, which throws only ``BadgeError`` but through an untyped standard-library closure.
@inline(__always)
func rethrowingBadgeError<Result>(_ body: () throws -> Result) throws(BadgeError) -> Result {
    do {
        return try body()
    } catch let error as BadgeError {
        throw error
    } catch {
        throw BadgeError(.io, "\(error)")
    }
}
