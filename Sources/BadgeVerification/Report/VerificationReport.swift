import Foundation
import OpenBadgesModel

/// A stable identifier for one check in a ``VerificationReport`` (e.g. `signature`, `revocation`).
public struct CheckID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier as it appears in JSON reports.
    public let rawValue: String
    /// Makes an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The badge data could be decoded into an assertion or credential.
    public static let payload = CheckID(rawValue: "payload")
    /// The hosted assertion was fetched and is the same badge.
    public static let hostedAssertion = CheckID(rawValue: "hostedAssertion")
    /// The assertion's `verification.type` matches how it is being verified.
    public static let verificationType = CheckID(rawValue: "verificationType")
    /// The hosted assertion's URL is within the issuer's verification policy (`startsWith`, `allowedOrigins`).
    public static let hostedScope = CheckID(rawValue: "hostedScope")
    /// The BadgeClass was found and is valid.
    public static let badgeClass = CheckID(rawValue: "badgeClass")
    /// The issuer Profile was found and is valid.
    public static let issuer = CheckID(rawValue: "issuer")
    /// The signature is valid under an acceptable algorithm and key.
    public static let signature = CheckID(rawValue: "signature")
    /// The signing key is one the issuer lists (and, as a warning, names the issuer as its owner).
    public static let keyOwnership = CheckID(rawValue: "keyOwnership")
    /// The assertion is not revoked (HTTP 410, `revoked: true`, or the issuer's revocation list).
    public static let revocation = CheckID(rawValue: "revocation")
    /// The badge was issued in the past and has not expired.
    public static let expiry = CheckID(rawValue: "expiry")
    /// The given identity is the badge's recipient.
    public static let recipient = CheckID(rawValue: "recipient")
    /// OB 3.0: one embedded proof (each is reported; the credential needs one valid proof, see ``signature``).
    public static let proof = CheckID(rawValue: "proof")
    /// OB 3.0: the key that signed is the issuer's (self-certifying DID equal to the issuer, or a fetched controller
    /// document listing it); an unbound key is a warning, never a pass.
    public static let issuerBinding = CheckID(rawValue: "issuerBinding")
    /// OB 3.0: the credential's JSON is the plain form of the data its proof signed (a Data Integrity proof that
    /// canonicalizes RDF covers the JSON-LD dataset, not the JSON text, so JSON that says something else fails).
    public static let signedData = CheckID(rawValue: "signedData")
    /// A work budget of the verification (``VerificationOptions/maximumDocumentsFetched``, ``VerificationOptions/maximumKeysTried``,
    /// ``VerificationOptions/maximumProofsVerified``, ``VerificationOptions/maximumLinkedDataWork``,
    /// ``VerificationOptions/deadline``) was spent: the message names it; what needed more was not checked.
    public static let budget = CheckID(rawValue: "budget")
    /// OB 3.0 / CLR 2.0: the credential is valid against the published 1EdTech JSON Schema its `credentialSchema` names
    /// (type `1EdTechJsonSchemaValidator2019`); bundled schemas only, never fetched.
    public static let schema = CheckID(rawValue: "schema")
    /// CLR 2.0: one credential embedded in the record, verified with the full OB 3.0 verifier (node = its id; details in
    /// ``VerificationReport/credentials``). One embedded failure fails the record; a credential of a kind not verified
    /// here is not checked, never passed.
    public static let embeddedCredential = CheckID(rawValue: "embeddedCredential")
    /// OB 3.0: terms that no JSON-LD context defines (they are dropped by expansion, so not signed); a warning.
    public static let undefinedTerms = CheckID(rawValue: "undefinedTerms")
    /// OB 3.0 VC-JWT: the `iss`, `jti`, `sub`, `nbf` and `exp` claims agree with the credential.
    public static let jwtClaims = CheckID(rawValue: "jwtClaims")
    /// OB 3.0: an embedded endorsement (`endorsement` / `endorsementJwt`); node = the endorsement id, details in
    /// ``VerificationReport/endorsements``.
    public static let endorsement = CheckID(rawValue: "endorsement")
}

/// How one check came out.
public enum CheckStatus: String, Hashable, Sendable, Codable {
    /// The check passed.
    case passed
    /// The check failed: the badge is not valid.
    case failed
    /// The check passed, with a caveat worth showing.
    case warning
    /// The check could not run; the message says why. Never counted as a pass.
    case notChecked
    /// A document the check needs could not be fetched.
    case networkError
}

/// One check: what was checked, how it came out, and about which node.
public struct VerificationCheck: Hashable, Sendable, Codable {
    /// Which check.
    public var id: CheckID
    /// How it came out.
    public var status: CheckStatus
    /// A one-line explanation.
    public var message: String
    /// The id or URL of the document the check is about, when there is one.
    public var node: String?

    /// Makes a check result.
    public init(_ id: CheckID, _ status: CheckStatus, _ message: String, node: String? = nil) {
        self.id = id
        self.status = status
        self.message = message
        self.node = node
    }
}

/// The overall outcome of a verification.
public enum Verdict: String, Hashable, Sendable, Codable {
    /// Every required check passed (some perhaps with warnings).
    case verified
    /// At least one check failed: the badge is not valid (revoked, expired, bad signature, out of scope…).
    case failed
    /// Nothing failed, but a required check could not run (a document could not be fetched, …).
    case indeterminate
}

/// Everything a verification found, check by check. Codable to JSON.
///
/// The ``verdict`` follows fixed rules: ``Verdict/failed`` when any check failed; otherwise
/// ``Verdict/verified`` when every required check passed or passed with a warning; otherwise
/// ``Verdict/indeterminate``. A check that could not run is never counted as passed.
public struct VerificationReport: Hashable, Sendable, Codable {
    /// The overall outcome.
    public var verdict: Verdict
    /// How the badge was verified: `hosted`, `signed` (OB 1.x/2.0 JWS), `data-integrity` or `vc-jwt` (OB 3.0), or
    /// `unverifiable`.
    public var method: String
    /// The specification version of the verified data, when known.
    public var specVersion: String?
    /// The assertion or credential id.
    public var subject: String?
    /// Every check, in the order run.
    public var checks: [VerificationCheck]
    /// The checks that had to pass (or pass with a warning) for ``Verdict/verified``, sorted by id.
    public var requiredChecks: [CheckID]
    /// OB 3.0: the reports of the credential's embedded endorsements, in order (nil when it has none).
    public var endorsements: [VerificationReport]?
    /// CLR 2.0: the reports of the credentials the record embeds, in order (nil for anything but a record).
    public var credentials: [VerificationReport]?

    /// The check with `id`, if it ran.
    public func check(_ id: CheckID) -> VerificationCheck? { checks.first { $0.id == id } }

    /// The report as JSON text (sorted keys).
    public func jsonText(prettyPrinted: Bool = false) throws -> String {
        jsonValue.serialized(pretty: prettyPrinted)
    }

    /// The report as a JSON object: the members its `Codable` form has, named the same, in the order of their names
    /// (absent optionals left out), as ``jsonText(prettyPrinted:)`` writes it.
    package var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("checks", .array(checks.map(\.jsonValue)))]
        if let credentials { members.append(("credentials", .array(credentials.map(\.jsonValue)))) }
        if let endorsements { members.append(("endorsements", .array(endorsements.map(\.jsonValue)))) }
        members.append(("method", .string(method)))
        members.append(("requiredChecks", .array(requiredChecks.map { .string($0.rawValue) })))
        if let specVersion { members.append(("specVersion", .string(specVersion))) }
        if let subject { members.append(("subject", .string(subject))) }
        members.append(("verdict", .string(verdict.rawValue)))
        return .object(JSONObject(members))
    }
}

extension VerificationCheck {
    /// The check as a JSON object, members in the order of their names.
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id.rawValue)), ("message", .string(message))]
        if let node { members.append(("node", .string(node))) }
        members.append(("status", .string(status.rawValue)))
        return .object(JSONObject(members))
    }
}

/// Collects checks while a verification runs, then decides the verdict.
struct ReportBuilder {
    var method = "unverifiable"
    var specVersion: String?
    var subject: String?
    var checks: [VerificationCheck] = []
    var endorsements: [VerificationReport] = []
    var credentials: [VerificationReport] = []
    /// Checks that must pass for a ``Verdict/verified`` verdict.
    var required: Set<CheckID> = []

    mutating func add(_ id: CheckID, _ status: CheckStatus, _ message: String, node: String? = nil) {
        checks.append(VerificationCheck(id, status, message, node: node))
    }

    mutating func require(_ ids: CheckID...) { required.formUnion(ids) }

    init() {}

    /// A builder holding a finished report, to add to it.
    init(_ report: VerificationReport) {
        method = report.method
        specVersion = report.specVersion
        subject = report.subject
        checks = report.checks
        endorsements = report.endorsements ?? []
        credentials = report.credentials ?? []
        required = Set(report.requiredChecks)
    }

    func report() -> VerificationReport {
        let verdict: Verdict
        if checks.contains(where: { $0.status == .failed }) {
            verdict = .failed
        } else if required.allSatisfy({ id in
            let matching = checks.filter { $0.id == id }
            return !matching.isEmpty && matching.allSatisfy { $0.status == .passed || $0.status == .warning }
        }) {
            verdict = .verified
        } else {
            verdict = .indeterminate
        }
        return VerificationReport(
            verdict: verdict, method: method, specVersion: specVersion, subject: subject, checks: checks,
            requiredChecks: required.sorted { $0.rawValue < $1.rawValue }, endorsements: endorsements.isEmpty ? nil : endorsements,
            credentials: credentials.isEmpty ? nil : credentials)
    }
}
