/// Something odd about an image that did not stop extraction or baking.
public struct BadgeWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of oddity this is. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        /// Makes a code; the name is what JSON reports show.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The badge text was compressed, which the baking specifications forbid.
        public static let compressedText = Code("compressedText")
        /// More than one badge chunk or element was found; the first preferred one was used.
        public static let duplicateBadgeData = Code("duplicateBadgeData")
        /// The iTXt chunk has a language tag or translated keyword (legal PNG, no meaning for badges).
        public static let languageTag = Code("languageTag")
        /// The data came from a legacy `tEXt` or `zTXt` chunk, not `iTXt`.
        public static let legacyTextChunk = Code("legacyTextChunk")
        /// The keyword or element does not match the generation of the payload.
        public static let keywordMismatch = Code("keywordMismatch")
        /// The payload looks like JSON but does not parse, or is otherwise not what it claims.
        public static let invalidPayload = Code("invalidPayload")
        /// The payload is a relative reference, not an absolute URL.
        public static let relativeURL = Code("relativeURL")
        /// A chunk's CRC does not match (reported instead of failing when checksums are not enforced).
        public static let badChecksum = Code("badChecksum")
        /// The file ends early, after the badge data was complete.
        public static let truncatedAfterBadge = Code("truncatedAfterBadge")
        /// Bytes follow the end of the image.
        public static let trailingData = Code("trailingData")
        /// A malformed chunk written by a known baker was read through its quirk.
        public static let bakerQuirk = Code("bakerQuirk")
        /// The SVG badge element uses a prefix or namespace other than the specified one.
        public static let namespaceMismatch = Code("namespaceMismatch")
        /// Something else; see the message.
        public static let other = Code("other")
    }

    /// What kind of oddity this is.
    public let code: Code
    /// A one-line explanation.
    public let message: String

    /// Makes a warning.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
