// The checks behind the `jsonld-rdfc` and `verify` fuzz targets: JSON-LD expansion, conversion to RDF and
// RDFC-1.0 canonicalisation, as OB 3.0 Data Integrity verification runs them on a credential a stranger
// uploaded; and whole verifications, where every document fetched (issuer, key, DID document, status list)
// is the fuzzer's input too.
// Errors are the right answer to bad input and are ignored; a broken invariant calls `fail`. The fuzz target
// passes a `fail` that traps; the root package's LinkedDataTests (through this BadgeTestSupport target)
// passes one that records a test issue, and replays FailCases/jsonld-rdfc/ in every `swift test`.
//
// Keep this file free of anything but the linked-data modules and BadgeVerification's bundled contexts.

import BadgeVerification
import Foundation
import OpenBadgesModel
import JSONLD
import RDFCanonicalization

public enum LinkedDataFuzzInvariants {
    /// Reports a broken invariant.
    public typealias Failure = (String) -> Void

    /// The targets' names, as used for `FailCases/<name>/` and `fuzz.sh --target <name>`.
    public static let targetNames = ["jsonld-rdfc", "verify"]

    /// Runs the checks of the target named `target`; false for an unknown name.
    public static func check(target: String, _ bytes: [UInt8], fail: Failure) async -> Bool {
        switch target {
        case "jsonld-rdfc": check(bytes, fail: fail)
        case "verify": await verify(bytes, fail: fail)
        default: return false
        }
        return true
    }

    /// Input that parses as JSON is a JSON-LD document: it is expanded (contexts come from the bundle only; any
    /// other URL fails to load), converted to RDF and canonicalised. Anything else is read as N-Quads and
    /// canonicalised. Either way the canonical form must be stable: canonicalising it again gives the same text,
    /// and so does canonicalising the same quads in reverse order (RDFC-1.0 does not depend on input order).
    public static func check(_ bytes: [UInt8], fail: Failure) {
        let dataset: RDFDataset
        if let json = try? JSONValue(parsing: bytes, options: JSONParsingOptions(maximumDepth: 64)) {
            let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(), maximumDepth: 64))
            guard let expanded = try? processor.expand(json) else { return }
            guard let rdf = try? processor.toRDF(expanded: expanded) else { return }
            dataset = rdf
        } else {
            guard let text = String(validating: bytes, as: UTF8.self), let quads = try? NQuads.parse(text) else { return }
            dataset = quads
        }
        canonicalForm(of: dataset, fail: fail)
    }

    /// The canonicaliser used here bounds Hash N-Degree Quads at 600 calls, not the default 5 000: the W3C suite's
    /// positive tests need at most 468, and a hostile clique of blank nodes (FailCases/jsonld-rdfc/rdfc-10-clique)
    /// that stops at the default bound in about a second of a debug build takes over 20 s under ASan, which
    /// libFuzzer reports as a timeout. The bound itself is tested in LinkedDataTests.
    static let canonicalizer = RDFCanonicalizer(options: .init(maximumNDegreeHashCalls: 600))

    static func canonicalForm(of dataset: RDFDataset, fail: Failure) {
        guard let canonical = try? canonicalizer.canonicalize(dataset) else { return }
        let parsed: RDFDataset
        do {
            parsed = try NQuads.parse(canonical.nquads)
        } catch {
            return fail("canonical N-Quads do not parse: \(error)")
        }
        guard Set(parsed.quads).count == parsed.quads.count else {
            return fail("canonical N-Quads repeat a quad")
        }
        do {
            let again = try canonicalizer.canonicalize(parsed)
            guard again.nquads == canonical.nquads else { return fail("canonicalising the canonical form changed it") }
            let reversed = try canonicalizer.canonicalize(RDFDataset(dataset.quads.reversed()))
            guard reversed.nquads == canonical.nquads else { return fail("the canonical form depends on quad order") }
        } catch {
            // Every canonicalisation error is a work limit (RDFCanonicalizationError), counted per run: a run may
            // reach one the first did not (the work depends on the order blank nodes are met). Not a finding.
            return
        }
    }

    // MARK: Verification

    /// Serves the same bytes for every URL, so that the fuzzer's input is also the issuer profile, the key,
    /// the DID or JWKS document and the status list that verification fetches.
    struct EchoLoader: BadgeVerification.DocumentLoader {
        let body: Data

        func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
            LoadedDocument(requestedURL: url, finalURL: url, contentType: nil, body: body)
        }
    }

    /// A whole verification of the input as a baked payload (OB 2.0 JSON or JWS, OB 3.0 credential or VC-JWT)
    /// never crashes and gives a report that keeps the verdict rules (failed exactly when a check failed;
    /// verified only when nothing failed or went unchecked among the checks that ran) and survives a JSON round trip.
    ///
    /// This blocks the calling thread until the verification ends: the fuzzer calls it from its own thread. Tests,
    /// which run on Swift's cooperative threads, use ``verify(_:fail:)-async`` instead.
    public static func verify(_ bytes: [UInt8], fail: Failure) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let report = BlockingTask.run { await verifier(bytes).verify(payload: text) }
        check(report, fail: fail)
    }

    /// ``verify(_:fail:)`` for async callers.
    public static func verify(_ bytes: [UInt8], fail: Failure) async {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        check(await verifier(bytes).verify(payload: text), fail: fail)
    }

    static func verifier(_ bytes: [UInt8]) -> BadgeVerifier {
        var options = VerificationOptions(loader: EchoLoader(body: Data(bytes)), now: { Date(timeIntervalSince1970: 1_767_225_600) })
        options.identity = RecipientIdentity(type: "email", value: "learner@example.org")
        options.deadline = 600  // the echo loader answers at once; a busy machine must not end the check
        return BadgeVerifier(options: options)
    }

    static func check(_ report: VerificationReport, fail: Failure) {
        checkVerdictRules(report, fail: fail)
        do {
            let json = try report.jsonText()
            let decoded = try JSONDecoder().decode(VerificationReport.self, from: Data(json.utf8))
            guard decoded == report else { return fail("the report changed through JSON") }
        } catch {
            fail("the report does not round-trip through JSON: \(error)")
        }
    }

    static func checkVerdictRules(_ report: VerificationReport, fail: Failure) {
        let failedChecks = report.checks.contains { $0.status == .failed }
        if failedChecks != (report.verdict == .failed) {
            return fail("verdict \(report.verdict) with failed checks: \(failedChecks)")
        }
        if report.verdict == .verified, report.checks.isEmpty {
            return fail("verified without any check")
        }
        if report.verdict == .verified {
            // Verified implies every required check ran and passed; a signed badge's signature is required, and an
            // OB 3.0 credential's key is bound to its issuer (this verifier does not accept unbound keys).
            for id in report.requiredChecks {
                let runs = report.checks.filter { $0.id == id }
                if runs.isEmpty || !runs.allSatisfy({ $0.status == .passed || $0.status == .warning }) {
                    return fail("verified while the required check \(id) did not pass: \(runs.map(\.status))")
                }
            }
            if ["signed", "data-integrity", "vc-jwt"].contains(report.method), !report.requiredChecks.contains(.signature) {
                return fail("verified a \(report.method) badge without requiring its signature")
            }
            if ["data-integrity", "vc-jwt"].contains(report.method) {
                guard report.requiredChecks.contains(.issuerBinding), report.checks.contains(where: { $0.id == .issuerBinding }),
                    report.checks.filter({ $0.id == .issuerBinding }).allSatisfy({ $0.status == .passed })
                else { return fail("verified an OB 3.0 credential whose key is not bound to its issuer") }
            }
        }
        for nested in (report.endorsements ?? []) + (report.credentials ?? []) { checkVerdictRules(nested, fail: fail) }
    }
}

/// Runs async work to completion from synchronous code (the fuzzer's callback), on the global executor.
enum BlockingTask {
    final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }

    static func run<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
