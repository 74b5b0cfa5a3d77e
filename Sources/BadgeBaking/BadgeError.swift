/// Why an image could not be read, baked or written.
///
/// Errors compare by ``code`` only, so tests and callers can match a fresh value:
/// `error.code == .badChecksum`. The ``offset`` says where in the input the problem lies, and
/// ``message`` explains it in one line.
public struct BadgeError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; do not switch over them exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The input is empty.
        public static let emptyInput = Code("emptyInput")
        /// The input is neither a PNG nor an SVG image.
        public static let unsupportedFormat = Code("unsupportedFormat")
        /// The input ends in the middle of a structure.
        public static let truncated = Code("truncated")
        /// A chunk's CRC does not match its contents.
        public static let badChecksum = Code("badChecksum")
        /// A length field is over 2³¹−1, or points past the end of the input.
        public static let invalidLength = Code("invalidLength")
        /// The PNG chunk stream is malformed (bad chunk type, IHDR not first, bad text chunk fields…).
        public static let malformedPNG = Code("malformedPNG")
        /// The SVG document is malformed or hostile (see the message).
        public static let malformedSVG = Code("malformedSVG")
        /// Text that must be UTF-8 is not.
        public static let invalidUTF8 = Code("invalidUTF8")
        /// A payload is larger than the configured limit.
        public static let payloadTooLarge = Code("payloadTooLarge")
        /// Compressed text inflates to more than the configured limit (a decompression bomb, or just too large).
        public static let decompressionLimitExceeded = Code("decompressionLimitExceeded")
        /// Compressed text is corrupt.
        public static let corruptCompressedData = Code("corruptCompressedData")
        /// The input (a whole SVG document, or a PNG that has to be buffered) is larger than the configured limit.
        public static let inputTooLarge = Code("inputTooLarge")
        /// The input has more chunks than the configured limit.
        public static let tooManyChunks = Code("tooManyChunks")
        /// A payload to bake is not JSON, a compact JWS or an absolute URL.
        public static let invalidPayload = Code("invalidPayload")
        /// Baking was asked to fail when the image already holds badge data, and it does.
        public static let alreadyBaked = Code("alreadyBaked")
        /// The output file exists and overwriting was not allowed.
        public static let outputExists = Code("outputExists")
        /// Reading or writing a file failed.
        public static let io = Code("io")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The byte offset in the input where the problem was found, when it applies.
    public let offset: Int64?
    /// A one-line explanation.
    public let message: String

    /// Makes an error.
    public init(_ code: Code, at offset: Int64? = nil, _ message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset { return "\(message) (at byte \(offset))" }
        return message
    }
}

extension BadgeError: Equatable {
    /// Errors are equal when their codes are.
    public static func == (lhs: BadgeError, rhs: BadgeError) -> Bool { lhs.code == rhs.code }
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
