import BadgeBaking
import Foundation
import OpenBadgesModel

/// Verifies baked badges and badge payloads. Safe to call concurrently: it holds no mutable state, and the
/// default loader's cache is an actor.
///
/// ```swift
/// let verifier = BadgeVerifier(options: VerificationOptions(identity: RecipientIdentity(guessing: "learner@example.org")))
/// let report = await verifier.verify(badge)   // a BakedBadge from BadgeExtractor
/// print(report.verdict)                       // .verified, .failed or .indeterminate
/// ```
public struct BadgeVerifier: Sendable {
    /// The choices in force.
    public var options: VerificationOptions

    /// Makes a verifier.
    public init(options: VerificationOptions = VerificationOptions()) {
        self.options = options
    }

    /// Does now the one-time work of a process's first Open Badges 3.0 verification, so that the first badge is not
    /// the slow one: compiles the bundled OB 3.0 achievement credential schema, and processes the VC 2.0 and OB 3.0
    /// contexts, with the scoped contexts a typical credential expands with, into the caches that every verifier in
    /// the process shares (those with ``VerificationOptions/cachesBundledContexts``, the default).
    ///
    /// Optional: a verification does the same work when it first needs it, and no report depends on whether it
    /// ran. An Open Badges 3.0 verification that starts while it runs waits for it instead. A server may call it at
    /// launch; `unbake --verify` starts it on another core before it parses its arguments. Calls while it runs
    /// share that run.
    public static func prepare() async {
        await prepare(compilingSchema: true)
    }

    /// ``prepare()``, leaving out the schema when `compilingSchema` is false: for a caller that compiles it on a
    /// thread of its own (``compileUsualSchema()``), such as `unbake`'s main thread, which would otherwise only wait.
    package static func prepare(compilingSchema: Bool) async {
        await PreparationInFlight.shared.run {
            await OB3Verifier(options: VerificationOptions(), budget: VerificationBudget(VerificationOptions())).prepare(compilingSchema: compilingSchema)
        }
    }

    /// Compiles the bundled OB 3.0 achievement credential schema on the calling thread (the part of ``prepare()``
    /// that needs no task). A verification that needs it meanwhile waits for it.
    package static func compileUsualSchema() {
        OB3Verifier.compileUsualSchema()
    }

    /// Verifies badge data extracted from an image.
    public func verify(_ badge: BakedBadge) async -> VerificationReport {
        await verify(decoded: badge.decodedPayload)
    }

    /// Verifies a payload: assertion or credential JSON, a compact JWS, or a hosted assertion's URL.
    ///
    /// One verification spends from one budget (documents, keys, proofs, linked-data work, deadline: see ``VerificationOptions``),
    /// whatever it verifies along the way; a report that ran out says which budget, and is at best indeterminate.
    public func verify(payload: String) async -> VerificationReport {
        await verify(decoded: BadgePayload.decoding(payload))
    }

    /// Verifies a payload that was decoded already (`BakedBadge.decodedPayload`): it is not parsed again.
    public func verify(decoded: Result<BadgePayload, ModelError>) async -> VerificationReport {
        let budget = VerificationBudget(options)
        var options = self.options
        options.loader = BudgetedLoader(base: options.loader, budget: budget)
        options.contextLoader = options.contextLoader.map { BudgetedLoader(base: $0, budget: budget) }
        let report = await Self.verify(decoded: decoded, options: options, budget: budget)
        return Self.closing(report, budget: budget)
    }

    /// Adds a `budget` check naming every budget the verification ran out of.
    static func closing(_ report: VerificationReport, budget: VerificationBudget) -> VerificationReport {
        let exhausted = budget.exhaustedBudgets
        guard !exhausted.isEmpty else { return report }
        var builder = ReportBuilder(report)
        let names = exhausted.map { VerificationBudget.message($0, limit: budget.limit($0)) }
        builder.require(.budget)
        builder.add(.budget, .notChecked, names.joined(separator: "; ") + ": what needed more was not checked")
        return builder.report()
    }

    /// Verifies `payload` spending from `budget` (`options.loader` is expected to charge it, see ``BudgetedLoader``).
    static func verify(payload: String, options: VerificationOptions, budget: VerificationBudget) async -> VerificationReport {
        await verify(decoded: BadgePayload.decoding(payload), options: options, budget: budget)
    }

    /// Verifies a decoded payload spending from `budget`.
    static func verify(decoded outcome: Result<BadgePayload, ModelError>, options: VerificationOptions, budget: VerificationBudget) async -> VerificationReport
    {
        let verifier = OB2Verifier(options: options, budget: budget)
        let decoded: BadgePayload
        do {
            decoded = try outcome.get()
        } catch {
            var report = ReportBuilder()
            report.require(.payload)
            report.add(.payload, .failed, "the badge data cannot be decoded: \(error)")
            return report.report()
        }
        switch decoded {
        case .url(let url):
            return await verifier.verifyHosted(url: url)
        case .json(.assertion(let assertion), _):
            // The baked copy is trusted only to find the hosted URL.
            guard assertion.verificationKind != .signed else {
                return Self.unverifiable(.verificationType, "the assertion says it is signed, but the image holds JSON, not the JWS", node: assertion.id)
            }
            guard let url = assertion.hostedURL else {
                return Self.unverifiable(.hostedAssertion, "the assertion has no hosted URL (id or verify.url) to verify against", node: assertion.id)
            }
            return await verifier.verifyHosted(url: url)
        case .jws(let signed):
            switch signed.document {
            case .assertion: return await verifier.verifySigned(signed.jws)
            case .achievementCredential, .endorsementCredential, .clrCredential:
                return await OB3Verifier(options: options, budget: budget).verify(jwt: signed.jws)
            default:
                return Self.unverifiable(.payload, "the JWS payload is a \(signed.document.kindName), not an assertion or credential", node: nil)
            }
        case .json(let document, _):
            switch document {
            case .achievementCredential, .endorsementCredential, .clrCredential:
                // The JSON the payload was decoded from, parsed once (BadgePayload keeps it).
                guard case .object(let credential) = document.jsonValue else { break }
                return await OB3Verifier(options: options, budget: budget).verify(credential: credential)
            default: break
            }
            return Self.unverifiable(.payload, "a \(document.kindName) is not a badge that can be verified", node: nil)
        }
    }

    private static func unverifiable(_ id: CheckID, _ message: String, node: String?) -> VerificationReport {
        var report = ReportBuilder()
        report.require(id)
        report.add(id, id == .signature ? .notChecked : .failed, message, node: node)
        return report.report()
    }
}
