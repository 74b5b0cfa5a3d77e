/// Something odd about an image that did not stop extraction or baking.
///
/// Like ``BadgeError``: a ``code`` from an open set, a one-line ``reason`` and the byte ``offset`` it is about
/// when known; warnings compare and hash by ``code`` only. The SVG layer's warnings keep their own codes here
/// (``Code/unboundPrefix``, ``Code/undecodedEntityReference``, ``Code/internalSubsetIgnored``…).
public struct BadgeWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of oddity this is: an open set of static values. Do not switch over them exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case compressedText, duplicateBadgeData, languageTag, legacyTextChunk, keywordMismatch, invalidPayload,
                relativeURL, badChecksum, truncatedAfterBadge, trailingData, bakerQuirk, namespaceMismatch,
                unboundPrefix, undecodedEntityReference, internalSubsetIgnored
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The badge text was compressed, which the baking specifications forbid.
        public static let compressedText = Code(.compressedText)
        /// More than one badge chunk or element was found; the first preferred one was used.
        public static let duplicateBadgeData = Code(.duplicateBadgeData)
        /// The iTXt chunk has a language tag or translated keyword (legal PNG, no meaning for badges).
        public static let languageTag = Code(.languageTag)
        /// The data came from a legacy `tEXt` or `zTXt` chunk, not `iTXt`.
        public static let legacyTextChunk = Code(.legacyTextChunk)
        /// The keyword or element does not match the generation of the payload.
        public static let keywordMismatch = Code(.keywordMismatch)
        /// The payload looks like JSON but does not parse, or is otherwise not what it claims.
        public static let invalidPayload = Code(.invalidPayload)
        /// The payload is a relative reference, not an absolute URL.
        public static let relativeURL = Code(.relativeURL)
        /// A chunk's CRC does not match (reported instead of failing when checksums are not enforced).
        public static let badChecksum = Code(.badChecksum)
        /// The file ends early, after the badge data was complete.
        public static let truncatedAfterBadge = Code(.truncatedAfterBadge)
        /// Bytes follow the end of the image.
        public static let trailingData = Code(.trailingData)
        /// A malformed chunk written by a known baker was read through its quirk.
        public static let bakerQuirk = Code(.bakerQuirk)
        /// The SVG badge element was matched by its literal `openbadges:` prefix, but that prefix is bound to another namespace URI.
        public static let namespaceMismatch = Code(.namespaceMismatch)
        /// The SVG badge element was matched by its literal `openbadges:` prefix, which is not bound to any namespace.
        public static let unboundPrefix = Code(.unboundPrefix)
        /// An SVG entity reference other than the five predefined ones was left as written (`&name;`), never expanded.
        public static let undecodedEntityReference = Code(.undecodedEntityReference)
        /// The SVG document has a DOCTYPE with an internal subset; its declarations were ignored.
        public static let internalSubsetIgnored = Code(.internalSubsetIgnored)

        /// The code's name, for example `compressedText`: what JSON reports show.
        public var description: String { String(describing: backing) }
    }

    /// What kind of oddity this is.
    public let code: Code
    /// A one-line explanation for people.
    public let reason: String
    /// The byte offset in the input the warning is about, when known (for SVG: in the inflated document).
    public let offset: ByteOffset?

    /// Makes a warning (only this module raises them).
    init(_ code: Code, at offset: ByteOffset? = nil, _ reason: String) {
        self.code = code
        self.reason = reason
        self.offset = offset
    }

    /// The reason.
    public var description: String { reason }

    /// Warnings are equal when their codes are.
    public static func == (lhs: BadgeWarning, rhs: BadgeWarning) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
