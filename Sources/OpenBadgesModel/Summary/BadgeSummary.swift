import Foundation

/// What a wallet shows when a badge is imported, built from the payload text alone (no network access).
///
/// `Codable` to JSON (dates as RFC 3339 UTC strings). For hosted OB 0.5–2.0 badges whose payload is only a URL, or
/// whose BadgeClass/issuer are IRIs, the fields that live in those documents are empty and ``documentsToFetch``
/// lists the URLs to fetch; build a more complete summary after fetching with ``init(document:payloadKind:)``.
public struct BadgeSummary: Sendable, Codable, Equatable {
    /// How the payload was written.
    public enum PayloadKind: String, Sendable, Codable, Hashable {
        /// JSON (hosted assertion, or credential with an embedded proof).
        case json
        /// Compact JWS (signed assertion, or VC-JWT).
        case jws
        /// A URL reference.
        case url
    }

    /// How the badge can be verified.
    public enum VerificationMode: String, Sendable, Codable, Hashable {
        /// Hosted: the issuer's copy must be fetched (online).
        case hosted
        /// Signed: a JWS or embedded proof can be checked without fetching the badge (keys may still need resolving).
        case signed
        /// No proof and no hosted copy (e.g. an unsigned OB 3.0 example).
        case unverifiable
    }

    /// The badge criteria.
    public struct Criteria: Sendable, Codable, Equatable {
        /// The criteria page.
        public var url: String?
        /// The criteria text (Markdown).
        public var narrative: String?

        /// Creates criteria.
        public init(url: String? = nil, narrative: String? = nil) {
            self.url = url
            self.narrative = narrative
        }
    }

    /// The issuer, as far as the payload tells.
    public struct Issuer: Sendable, Codable, Equatable {
        /// The issuer IRI (URL or DID).
        public var id: String?
        /// The display name.
        public var name: String?
        /// The web site.
        public var url: String?
        /// The contact email.
        public var email: String?
        /// The logo (URL or data URI).
        public var image: String?

        /// Creates an issuer summary.
        public init(id: String? = nil, name: String? = nil, url: String? = nil, email: String? = nil, image: String? = nil) {
            self.id = id
            self.name = name
            self.url = url
            self.email = email
            self.image = image
        }
    }

    /// A skill, tag or alignment shown with the badge.
    public struct Skill: Sendable, Codable, Equatable {
        /// Where it came from.
        public enum Source: String, Sendable, Codable, Hashable {
            /// OB 2.0 `tags` / OB 3.0 `achievement.tag`.
            case tag
            /// An alignment (OB 2.0 AlignmentObject / OB 3.0 Alignment).
            case alignment
            /// An OB 3.0 ResultDescription.
            case resultDescription
        }
        /// The name.
        public var name: String
        /// The framework (`targetFramework`).
        public var framework: String?
        /// The code in the framework (`targetCode`).
        public var code: String?
        /// A URL describing it.
        public var url: String?
        /// Where it came from.
        public var source: Source

        /// Creates a skill.
        public init(name: String, framework: String? = nil, code: String? = nil, url: String? = nil, source: Source) {
            self.name = name
            self.framework = framework
            self.code = code
            self.url = url
            self.source = source
        }
    }

    /// A piece of evidence.
    public struct Evidence: Sendable, Codable, Equatable {
        /// Its URL.
        public var url: String?
        /// Its name.
        public var name: String?
        /// Its description.
        public var description: String?
        /// A narrative (Markdown).
        public var narrative: String?

        /// Creates an evidence summary.
        public init(url: String? = nil, name: String? = nil, description: String? = nil, narrative: String? = nil) {
            self.url = url
            self.name = name
            self.description = description
            self.narrative = narrative
        }
    }

    /// Who the badge was issued to, as far as can be shown without knowing the earner.
    public struct RecipientHint: Sendable, Codable, Equatable {
        /// The identity type (`email`, `emailAddress`, `url`, `did`, …).
        public var type: String?
        /// The plaintext identity, when not hashed.
        public var plaintext: String?
        /// The hash algorithm (`sha256`, `md5`), when hashed.
        public var hashAlgorithm: String?
        /// Whether the hash is salted.
        public var salted: Bool
        /// A display line: the plaintext, or e.g. `hashed sha256 (salted)`.
        public var display: String
    }

    /// How the badge can be verified.
    public struct Verification: Sendable, Codable, Equatable {
        /// The mode.
        public var mode: VerificationMode
        /// Whether verifying needs the network (hosted).
        public var needsOnlineVerification: Bool
        /// Whether a signature in the payload can be checked offline (JWS or embedded proof).
        public var canVerifyOffline: Bool
        /// The hosted assertion URL to fetch, for hosted badges.
        public var hostedURL: String?
        /// JWS `alg`, when signed as a JWS.
        public var jwsAlgorithm: String?
        /// Embedded proof types (and cryptosuites), when signed with proofs.
        public var proofTypes: [String]
    }

    /// The spec version (`0.5` … `3.0`), when known.
    public var specVersion: OpenBadgesVersion?
    /// How the payload was written.
    public var payloadKind: PayloadKind
    /// The kind of document (`assertion`, `achievementCredential`, …), when the payload held one.
    public var documentKind: String?
    /// The badge title: the BadgeClass or Achievement name (never the credential name, which Credly sets to the earner).
    public var title: String?
    /// The badge description.
    public var description: String?
    /// The criteria.
    public var criteria: Criteria?
    /// The badge image (URL or data URI).
    public var image: String?
    /// The issuer.
    public var issuer: Issuer?
    /// Skills, tags and alignments.
    public var skills: [Skill]
    /// When it was issued / valid from (RFC 3339, UTC).
    public var issuedOn: String?
    /// When it expires (RFC 3339, UTC).
    public var expires: String?
    /// The recipient.
    public var recipient: RecipientHint?
    /// Evidence.
    public var evidence: [Evidence]
    /// How to verify.
    public var verification: Verification
    /// URLs that must be fetched to complete the summary (hosted assertion, BadgeClass, issuer), in that order.
    public var documentsToFetch: [String]
    /// The assertion or credential id.
    public var credentialID: String?
    /// OB 3.0: the credential-level `name` (Credly puts the earner's name here), when it differs from the title.
    public var credentialName: String?
    /// Things a wallet should tell the user (claim mismatches, relative URLs, naive dates, …).
    public var warnings: [String]
    /// OB 3.0 results: what the earner achieved for the achievement's result descriptions (a grade, a status).
    public var results: [Result]
    /// A CLR 2.0 record: one summary per achievement it holds (each embedded credential, then each achievement it
    /// only describes), so a wallet imports all of them from one upload. Empty for a single badge.
    public var achievements: [BadgeSummary]

    /// One result of an OB 3.0 achievement.
    public struct Result: Sendable, Codable, Equatable {
        /// The result description's name (`Final grade`), or its IRI when it has no name.
        public var name: String?
        /// The value (`A`, `8.5`).
        public var value: String?
        /// The status (`Completed`).
        public var status: String?

        /// Makes a result.
        public init(name: String? = nil, value: String? = nil, status: String? = nil) {
            self.name = name
            self.value = value
            self.status = status
        }
    }

    /// An empty summary of the given payload kind.
    init(payloadKind: PayloadKind) {
        self.payloadKind = payloadKind
        results = []
        achievements = []
        skills = []
        evidence = []
        verification = Verification(mode: .unverifiable, needsOnlineVerification: false, canVerifyOffline: false, proofTypes: [])
        documentsToFetch = []
        warnings = []
    }
}

extension BadgeSummary {
    /// The summary as JSON text with sorted keys and unescaped slashes (stable output for a CLI or a test).
    /// - Parameter prettyPrinted: indent the output.
    public func jsonText(prettyPrinted: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
