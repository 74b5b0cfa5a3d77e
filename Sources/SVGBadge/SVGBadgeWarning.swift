/// Something tolerated while reading badge data, worth telling the user about.
///
/// Warnings compare and hash by ``code`` only, like ``SVGBadgeError``.
package struct SVGBadgeWarning: Sendable, Hashable, CustomStringConvertible {
    /// The kind of warning, an open set of static values.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case unexpectedNamespace, unboundPrefix, undecodedEntityReference, internalSubsetIgnored
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The element was matched by its literal `openbadges:` prefix, but that prefix is bound to another namespace URI.
        package static let unexpectedNamespace = Code(.unexpectedNamespace)
        /// The element was matched by its literal `openbadges:` prefix, which is not bound to any namespace.
        package static let unboundPrefix = Code(.unboundPrefix)
        /// An entity reference other than the five predefined ones was left as written (`&name;`), never expanded.
        package static let undecodedEntityReference = Code(.undecodedEntityReference)
        /// The document has a DOCTYPE with an internal subset; its declarations were ignored.
        package static let internalSubsetIgnored = Code(.internalSubsetIgnored)

        /// The code's name.
        package var description: String { String(describing: backing) }
    }

    /// The kind of warning.
    package let code: Code
    /// Byte offset in the (inflated) XML document the warning is about.
    package let offset: ByteOffset
    /// A one-line explanation.
    package let reason: String

    /// Makes a warning (only this module raises them).
    init(code: Code, offset: Int, message reason: String) {
        self.code = code
        self.offset = ByteOffset(offset)
        self.reason = reason
    }

    /// `code at offset: reason`.
    package var description: String { "\(code) at byte \(offset): \(reason)" }

    /// Warnings are equal when their codes are.
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
