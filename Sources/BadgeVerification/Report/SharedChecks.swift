import Foundation
import OpenBadgesModel

/// The `recipient` and `expiry` checks, reported alike for Open Badges 2.0 and 3.0.
extension ReportBuilder {
    /// Reports how the caller's identity compared with the badge's recipient.
    /// - Parameters:
    ///   - result: the best match over the badge's recipient identifiers.
    ///   - identity: the identity the caller asked about.
    ///   - recipientType: the type the badge identifies its recipient by, when it has one.
    mutating func addRecipient(_ result: RecipientMatchResult, identity: RecipientIdentity, recipientType: String?, node: String?) {
        switch result {
        case .matched:
            add(.recipient, .passed, "\(identity.value) is the recipient", node: node)
        case .matchedAfterCaseFolding:
            add(
                .recipient, .warning, "\(identity.value) matches the recipient only when letter case is ignored; the specification compares exactly", node: node
            )
        case .differentIdentityType:
            let by = recipientType.map { "by \($0), " } ?? ""
            add(.recipient, .failed, "the recipient is identified \(by)not by \(identity.type)", node: node)
        case .malformedHash, .unsupportedHashAlgorithm:
            add(.recipient, .failed, "the recipient's identity hash cannot be checked", node: node)
        case .notMatched:
            add(.recipient, .failed, "\(identity.value) is not the recipient", node: node)
        }
    }

    /// Reports whether `now` falls in the badge's validity period, with `leeway` seconds either side.
    /// - Parameters:
    ///   - start: when the badge starts to hold (OB 2.0 `issuedOn`; OB 3.0 the latest of its start dates).
    ///   - end: when it stops holding (OB 2.0 `expires`; OB 3.0 the earliest of its end dates).
    mutating func addValidityPeriod(start: Date?, end: Date?, now: Date, leeway: TimeInterval, node: String?) {
        if let start, start > now.addingTimeInterval(leeway) {
            add(.expiry, .failed, "not yet valid: valid from \(FlexibleDate.iso8601(start))", node: node)
        } else if let end, end < now.addingTimeInterval(-leeway) {
            add(.expiry, .failed, "expired on \(FlexibleDate.iso8601(end))", node: node)
        } else if let start, let end, end < start {
            add(.expiry, .failed, "expires (\(FlexibleDate.iso8601(end))) before it is valid (\(FlexibleDate.iso8601(start)))", node: node)
        } else {
            let from = start.map { "valid from \(FlexibleDate.iso8601($0))" } ?? "no start date"
            add(.expiry, .passed, from + (end.map { " until \(FlexibleDate.iso8601($0))" } ?? ", does not expire"), node: node)
        }
    }
}
