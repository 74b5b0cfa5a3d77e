import Crypto
import OpenBadgesModel

/// The outcome of comparing a known identity with a badge's recipient.
public enum RecipientMatchResult: String, Sendable, Hashable, Codable, Comparable {
    /// The identity matches exactly (plaintext equality, or the hash of identity‖salt).
    case matched
    /// The identity matches only after lower-casing the email address. The specs do not normalise, so this is not
    /// a match by the letter of the spec; show it to the user as such.
    case matchedAfterCaseFolding
    /// The identity does not match.
    case notMatched
    /// The recipient is of another identity type (e.g. a URL, while an email was given).
    case differentIdentityType
    /// The hash is malformed (`sha256$` without 64 hex digits, no `$`, …).
    case malformedHash
    /// The hash algorithm is neither `sha256` nor `md5`.
    case unsupportedHashAlgorithm

    private var rank: Int {
        switch self {
        case .matched: 0
        case .matchedAfterCaseFolding: 1
        case .notMatched: 2
        case .malformedHash: 3
        case .unsupportedHashAlgorithm: 4
        case .differentIdentityType: 5
        }
    }

    /// Better results sort first (`matched` < `matchedAfterCaseFolding` < `notMatched` < …).
    public static func < (lhs: RecipientMatchResult, rhs: RecipientMatchResult) -> Bool { lhs.rank < rhs.rank }

    /// Whether the result is ``matched`` or ``matchedAfterCaseFolding``.
    public var isMatch: Bool { self == .matched || self == .matchedAfterCaseFolding }
}

/// Checks whether a known identity (email, URL, telephone) is the recipient of a badge.
///
/// Implements OB 2.0 `IdentityObject` / OB 3.0 `IdentityObject` matching: plaintext equality, or
/// `alg$hex` where hex = hash(UTF-8(identity) ‖ UTF-8(salt or "")), `alg` ∈ {`sha256`, `md5`}, hex in either case.
/// The exact comparison is tried first; for emails a case-folded retry is reported separately.
public enum RecipientMatcher {
    /// Compares an identity with an OB 0.5–2.0 recipient.
    /// - Parameters:
    ///   - identity: the known identifier, e.g. `alice@example.org`.
    ///   - type: its type (`email`, `url`, `telephone`); `nil` to skip the type check (then `@` means email).
    ///   - recipient: the assertion's recipient.
    public static func match(_ identity: String, type: String? = nil, against recipient: OB2.IdentityObject) -> RecipientMatchResult {
        if let type, !sameType(type, recipient.type) { return .differentIdentityType }
        let isEmail = isEmailType(type ?? recipient.type) || (type == nil && identity.contains("@"))
        return compare(stored: recipient.identity, hashed: recipient.isHashed, salt: recipient.salt, candidate: identity, isEmail: isEmail)
    }

    /// Compares an identity with one OB 3.0 `IdentityObject`.
    /// - Parameters:
    ///   - identity: the known identifier.
    ///   - identityType: its type (`emailAddress`, `email`, `url`, `phone`, …); `nil` to skip the type check.
    ///   - identifier: the subject's identifier.
    public static func match(_ identity: String, identityType: String? = nil, against identifier: OB3.IdentityObject) -> RecipientMatchResult {
        if let identityType, let stored = identifier.identityType, !sameType(identityType, stored) { return .differentIdentityType }
        let isEmail = isEmailType(identityType ?? identifier.identityType ?? "") || (identityType == nil && identity.contains("@"))
        return compare(stored: identifier.identityHash, hashed: identifier.hashed, salt: identifier.salt, candidate: identity, isEmail: isEmail)
    }

    /// Compares an identity with an OB 3.0 subject: every `identifier`, and the subject `id` (exact only); the best
    /// result wins.
    public static func match(_ identity: String, identityType: String? = nil, against subject: OB3.AchievementSubject) -> RecipientMatchResult {
        var results = subject.identifier.map { match(identity, identityType: identityType, against: $0) }
        if let id = subject.id { results.append(id == identity ? .matched : .notMatched) }
        return results.min() ?? .notMatched
    }

    /// Computes an identity hash as OB 2.0/3.0 define it: `alg$` + lowercase hex of hash(identity ‖ salt).
    /// - Parameters:
    ///   - identity: the plaintext identifier.
    ///   - salt: the salt, or `nil`.
    ///   - algorithm: `sha256` or `md5` (case-insensitive).
    /// - Returns: the `alg$hex` string, or `nil` for an unsupported algorithm.
    public static func identityHash(of identity: String, salt: String?, algorithm: String) -> String? {
        let input = Array((identity + (salt ?? "")).utf8)
        switch algorithm.lowercased() {
        case "sha256": return "sha256$" + hex(SHA256.hash(data: input))
        case "md5": return "md5$" + hex(Insecure.MD5.hash(data: input))
        default: return nil
        }
    }

    /// Lowercase hex of a digest.
    static func hex(_ digest: some Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(Int(type(of: digest).byteCount) * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func compare(stored: String, hashed: Bool, salt: String?, candidate: String, isEmail: Bool) -> RecipientMatchResult {
        guard hashed else {
            if stored == candidate { return .matched }
            if isEmail, stored.lowercased() == candidate.lowercased() { return .matchedAfterCaseFolding }
            return .notMatched
        }
        guard let dollar = stored.firstIndex(of: "$") else { return .malformedHash }
        let algorithm = stored[..<dollar].lowercased()
        let hex = stored[stored.index(after: dollar)...].lowercased()
        let expectedLength: Int
        switch algorithm {
        case "sha256": expectedLength = 64
        case "md5": expectedLength = 32
        default: return .unsupportedHashAlgorithm
        }
        guard hex.count == expectedLength, hex.allSatisfy({ $0.isHexDigit }) else { return .malformedHash }
        if identityHash(of: candidate, salt: salt, algorithm: algorithm) == "\(algorithm)$\(hex)" { return .matched }
        if isEmail, candidate.lowercased() != candidate,
            identityHash(of: candidate.lowercased(), salt: salt, algorithm: algorithm) == "\(algorithm)$\(hex)"
        {
            return .matchedAfterCaseFolding
        }
        return .notMatched
    }

    static func canonicalType(_ t: String) -> String {
        let l = t.lowercased()
        switch l {
        case "email", "emailaddress", "mailto": return "email"
        case "telephone", "phone", "phonenumber": return "telephone"
        case "url", "uri": return "url"
        default: return l
        }
    }

    static func sameType(_ a: String, _ b: String) -> Bool { canonicalType(a) == canonicalType(b) }

    static func isEmailType(_ t: String) -> Bool { canonicalType(t) == "email" }
}
