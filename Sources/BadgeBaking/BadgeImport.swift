import Foundation
import OpenBadgesModel

/// What a wallet gets from an image: "what is this badge?".
public enum BadgeImport: Sendable {
    /// The image holds badge data.
    case found(ImportedBadge)
    /// The image holds no badge data. This is common and not an error: iOS 16 and later strip metadata from
    /// images saved to Photos or Files, and so do many editors and upload pipelines.
    case noBadgeData

    /// The wording to show a user when an image holds no badge data.
    public static let noBadgeDataExplanation = """
        This image holds no Open Badges data. Download the badge image again from the issuer's site; \
        phone photo libraries (iOS 16 and later) and some apps strip the data when they save images.
        """
}

/// Badge data found in an image, decoded into a summary when possible.
public struct ImportedBadge: Sendable {
    /// What was found, where, and what it is.
    public var baked: BakedBadge
    /// The wallet summary (title, issuer, skills, dates, …), or nil when the payload could not be decoded.
    public var summary: BadgeSummary?
    /// Why the payload could not be decoded into a summary, when it could not.
    public var summaryError: String?

    /// Makes an imported badge, decoding `baked`'s payload into a summary.
    public init(_ baked: BakedBadge) {
        self.baked = baked
        switch baked.decodedPayload {
        case .success(let payload): summary = BadgeSummary(payload: payload)
        case .failure(let error): summaryError = "\(error)"
        }
    }
}

extension BadgeExtractor {
    /// Extracts and decodes the badge in the image at `url`.
    public func importBadge(contentsOf url: URL) throws(BadgeError) -> BadgeImport {
        try extract(contentsOf: url).map { .found(ImportedBadge($0)) } ?? .noBadgeData
    }

    /// Extracts and decodes the badge in image bytes held in memory.
    public func importBadge(from data: some Collection<UInt8>) throws(BadgeError) -> BadgeImport {
        try extract(from: data).map { .found(ImportedBadge($0)) } ?? .noBadgeData
    }
}
