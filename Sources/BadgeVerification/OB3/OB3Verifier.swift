import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// Loads JSON-LD contexts that are not bundled through ``VerificationOptions/contextLoader``, when one is set.
struct ContextLoaderBridge: AsyncDocumentLoader {
    let loader: (any BadgeVerification.DocumentLoader)?

    func loadDocument(_ url: String) async throws -> RemoteDocument {
        // A bundled context that failed its hash check is never fetched instead.
        guard BundledContexts.entry(for: url) == nil else {
            throw JSONLDError(.loadingDocumentFailed, "the bundled context \(url) could not be read; it is not fetched")
        }
        guard let loader else {
            throw JSONLDError(.loadingDocumentFailed, "the context \(url) is not bundled, and no context loader is set (VerificationOptions.contextLoader)")
        }
        guard let target = URL(string: url), target.scheme != nil else { throw JSONLDError(.loadingDocumentFailed, "\(url) is not an absolute URL") }
        let document = try await loader.load(target, kind: .json)
        return RemoteDocument(documentURL: document.finalURL.absoluteString, document: try JSONValue(parsing: Array(document.body)))
    }
}

/// The outcome of one embedded proof.
struct ProofOutcome {
    var status: CheckStatus
    var message: String
    var node: String?
    var key: ResolvedKey?
    var droppedTerms: [String]?
    /// Whether the proof's suite canonicalizes with JSON-LD (so dropped terms are unsigned).
    var canonicalizedAsRDF = true
    var valid: Bool { status == .passed }
}

/// Verifies Open Badges 3.0 credentials: Data Integrity proofs and VC-JWTs, issuer binding, undefined terms,
/// status (1EdTechRevocationList, BitstringStatusList), dates, recipient and endorsements.
struct OB3Verifier {
    let options: VerificationOptions
    /// The budget this verification, and every endorsement and status list inside it, spends from.
    let budget: VerificationBudget
    /// Nesting of endorsements (endorsements of endorsements are verified, deeper ones are not).
    var depth = 0
    /// The credential's expansion, made once for its proof's canonical form and read again for its signed data.
    let expansions = JSONLDExpansionMemo()

    static let vc11Context = "https://www.w3.org/2018/credentials/v1"
    static let vc20Context = "https://www.w3.org/ns/credentials/v2"

    // MARK: Entry points

    /// Verifies an already parsed credential with embedded proofs.
    func verify(credential: JSONObject, report start: ReportBuilder? = nil) async -> VerificationReport {
        await PreparationInFlight.shared.wait()
        var report =
            start
            ?? {
                var r = ReportBuilder()
                r.method = "data-integrity"
                r.specVersion = "3.0"
                r.require(.payload)
                return r
            }()
        let id = credential["id"]?.stringValue
        report.subject = id
        guard checkShape(credential, into: &report) else { return report.report() }
        report.require(.signature, .issuerBinding)
        let proofs = DataIntegrity.proofs(of: credential)
        if proofs.isEmpty {
            report.add(.signature, .failed, "the credential has no proof (and is not a VC-JWT)", node: id)
            return report.report()
        }
        let outcomes = await verifyProofs(credential)
        let valid = outcomes.filter(\.valid)
        for outcome in outcomes {
            if !outcome.valid && !valid.isEmpty {
                report.add(.proof, .warning, "\(outcome.message) (another proof verifies)", node: outcome.node)
            } else {
                report.add(.proof, outcome.status, outcome.message, node: outcome.node)
            }
        }
        if !valid.isEmpty {
            report.add(.signature, .passed, "\(valid.count) of \(outcomes.count) proof(s) verify", node: id)
        } else if let worst = [CheckStatus.failed, .networkError, .notChecked].first(where: { s in outcomes.contains { $0.status == s } }) {
            let reasons = outcomes.filter { $0.status == worst }.map(\.message).joined(separator: "; ")
            report.add(.signature, worst, "no proof verifies: \(reasons)", node: id)
        }
        // Of the valid proofs, the key best tied to the issuer: bound, then unbound, then another controller.
        let issuer = Self.issuerID(credential)
        func rank(_ key: ResolvedKey?) -> Int {
            guard let key else { return 3 }
            if case .unbound = key.provenance { return 1 }
            if case .rejected = key.provenance { return 2 }
            if key.controller == issuer { return 0 }
            return key.controller == nil ? 1 : 2
        }
        let key = valid.map(\.key).min { rank($0) < rank($1) } ?? nil
        await checkIssuerBinding(key, credential: credential, into: &report)
        if valid.contains(where: \.canonicalizedAsRDF) {
            report.require(.signedData)
            await checkSignedData(credential, into: &report)
        }
        var dropped = (valid.first ?? outcomes.first { $0.droppedTerms != nil })?.droppedTerms
        let jcs = !(valid.first?.canonicalizedAsRDF ?? true)
        if jcs || dropped == nil {
            // eddsa-jcs-2022 signs the JSON itself; terms are still checked against the contexts.
            dropped = await undefinedTerms(of: credential)
        }
        checkUndefinedTerms(dropped, node: id, signedAsJSON: jcs, into: &report)
        await finish(credential, into: &report)
        return report.report()
    }

    /// Verifies a compact VC-JWT.
    func verify(jwt text: String) async -> VerificationReport {
        do {
            return await verify(jwt: try JWS(compact: text.trimmingWhitespace()))
        } catch {
            var report = ReportBuilder()
            report.method = "vc-jwt"
            report.specVersion = "3.0"
            report.require(.payload, .signature, .issuerBinding, .jwtClaims)
            report.add(.payload, .failed, "the VC-JWT cannot be decoded: \(error)")
            return report.report()
        }
    }

    /// Verifies a decoded VC-JWT (its header and payload were parsed once, by `JWS(compact:)`).
    func verify(jwt jws: JWS) async -> VerificationReport {
        await PreparationInFlight.shared.wait()
        var report = ReportBuilder()
        report.method = "vc-jwt"
        report.specVersion = "3.0"
        report.require(.payload, .signature, .issuerBinding, .jwtClaims)
        let header = jws.header
        guard let payload = jws.payload.objectValue else {
            report.add(.payload, .failed, "the VC-JWT cannot be decoded: the JWT payload is not a JSON object")
            return report.report()
        }
        // VC 1.1 JWTs hold the credential in `vc`; VC 2.0 (VC-JOSE) JWTs are the credential.
        let credential: JSONObject
        let expectedContext: String
        if let vc = payload["vc"]?.objectValue {
            credential = vc
            expectedContext = Self.vc11Context
        } else {
            credential = payload
            expectedContext = Self.vc20Context
        }
        let id = credential["id"]?.stringValue ?? jws.claims.tokenID
        report.subject = id
        let first = credential["@context"]?.asArray.first?.stringValue
        guard first == expectedContext else {
            let form = expectedContext == Self.vc11Context ? "a vc claim (VC 1.1)" : "no vc claim (VC 2.0)"
            report.add(.payload, .failed, "the JWT has \(form) but the first @context is \(first ?? "missing"), not \(expectedContext)", node: id)
            return report.report()
        }
        guard checkShape(credential, into: &report) else { return report.report() }

        // Signature, then whether the key is the issuer's.
        let key = await checkJWTSignature(jws, header: header, credential: credential, node: id, into: &report)
        await checkIssuerBinding(key, credential: credential, into: &report)
        checkClaims(jws.claims, credential: credential, vc11: expectedContext == Self.vc11Context, node: id, into: &report)
        checkUndefinedTerms(await undefinedTerms(of: credential), node: id, signedAsJSON: true, into: &report)
        await finish(credential, notBefore: jws.claims.notBefore, expires: jws.claims.expiration, into: &report)
        return report.report()
    }

    // MARK: Data Integrity

    /// Runs JSON-LD work, bounded by what is left of ``VerificationOptions/maximumLinkedDataWork`` and charged to it.
    func withProcessor<T>(_ body: (JSONLDProcessor) throws -> T) async throws -> T {
        let left = budget.remaining(.linkedDataWork)
        guard left > 0 else {
            _ = budget.spend(.linkedDataWork)
            throw JSONLDError(.contextOverflow, VerificationBudget.message(.linkedDataWork, limit: budget.limit(.linkedDataWork)))
        }
        let contexts = BundledContextLoader(caching: options.cachesBundledContexts)
        var jsonld = JSONLDOptions(documentLoader: contexts)
        jsonld.maximumContextWork = min(jsonld.maximumContextWork, left)
        if options.cachesBundledContexts { jsonld.contextCache = BundledContexts.processedContexts }
        let budget = self.budget
        return try await JSONLDProcessor.run(
            options: jsonld, asyncLoader: ContextLoaderBridge(loader: options.contextLoader), maximumFetches: options.maximumContextLoads
        ) {
            processor in
            var canonicalizer = RDFCanonicalizer.Options()
            canonicalizer.maximumNDegreeHashCalls = min(canonicalizer.maximumNDegreeHashCalls, left)
            processor.canonicalizer = RDFCanonicalizer(options: canonicalizer)
            processor.expansionMemo = expansions
            defer { _ = budget.record(.linkedDataWork, processor.totalContextWork + processor.canonicalizationCalls) }
            return try body(processor)
        }
    }

    /// For a proof that canonicalizes RDF: the JSON must be the plain form of the signed dataset
    /// (``SignedDataAgreement``), so that every check and summary that reads the JSON reads what was signed.
    func checkSignedData(_ credential: JSONObject, into report: inout ReportBuilder) async {
        let node = credential["id"]?.stringValue
        var unsecured = credential
        unsecured["proof"] = nil
        let contexts = Self.contextValues(in: .object(credential))
        do {
            let (expanded, vocabulary) = try await withProcessor { processor -> ([JSONValue], JSONLDVocabulary) in
                (try processor.expand(.object(unsecured)), try publishedVocabulary(of: contexts, processor: processor))
            }
            var agreement = SignedDataAgreement(vocabulary: vocabulary)
            agreement.compare(document: unsecured, expanded: expanded)
            if agreement.disagreements.isEmpty {
                report.add(.signedData, .passed, "the JSON is the plain form of the signed data", node: node)
            } else {
                report.add(.signedData, .failed, "the JSON does not show what was signed: " + agreement.disagreements.joined(separator: "; "), node: node)
            }
        } catch {
            report.add(.signedData, .notChecked, "the signed data could not be read back: \(error)", node: node)
        }
    }

    /// The names a document whose `@context` values are `contexts` may give IRIs: the published vocabulary, with
    /// the terms of its remote contexts, and the new terms of its inline ones.
    func publishedVocabulary(of contexts: [JSONValue], processor: JSONLDProcessor) throws -> JSONLDVocabulary {
        // Contexts that only name bundled contexts give the same vocabulary every time: merged once per process.
        let bundledOnly =
            options.cachesBundledContexts && !contexts.isEmpty
            && contexts.allSatisfy { context in
                context.asArray.allSatisfy { $0.stringValue.map { BundledContexts.entry(for: $0) != nil } ?? false }
            }
        let memoKey = bundledOnly ? contexts.map { $0.asArray.compactMap(\.stringValue).map(CodePointString.init) } : nil
        // The usual lists name nothing beyond the bundled vocabulary (each list is checked by a test).
        if let memoKey, memoKey.allSatisfy(BundledContexts.listsNamedByVocabulary.contains) { return BundledContexts.vocabulary }
        var vocabularies: [JSONLDVocabulary] = []
        for context in contexts { vocabularies.append(try processor.vocabulary(of: context)) }
        if let memoKey, let merged = Self.mergedVocabularies.get(memoKey) { return merged }
        var vocabulary = BundledContexts.vocabulary
        for (context, terms) in zip(contexts, vocabularies) {
            // Remote contexts are bundled or the caller's vetted ones; inline ones may only add new terms.
            if context.asArray.allSatisfy(\.isString) { vocabulary.merge(terms) } else { vocabulary.addNew(from: terms) }
        }
        if let memoKey { Self.mergedVocabularies.set(memoKey, vocabulary) }
        return vocabulary
    }

    /// Published vocabularies merged for lists of bundled contexts (the bundle is immutable), at most 64 lists.
    static let mergedVocabularies = LockedMemo<[[CodePointString]], JSONLDVocabulary>(capacity: 64)

    /// Every `@context` value in `value`, outermost first (each distinct value once).
    static func contextValues(in value: JSONValue) -> [JSONValue] {
        var found: [JSONValue] = []
        func visit(_ value: JSONValue, depth: Int) {
            guard depth < 64 else { return }
            switch value {
            case .object(let object):
                if let context = object["@context"], !found.contains(context) { found.append(context) }
                for (key, member) in object where key != "@context" { visit(member, depth: depth + 1) }
            case .array(let items):
                for item in items { visit(item, depth: depth + 1) }
            default:
                break
            }
        }
        visit(value, depth: 0)
        return found
    }

    /// The terms of `credential` (without its proofs) that its contexts do not define, or nil when it cannot be expanded.
    func undefinedTerms(of credential: JSONObject) async -> [String]? {
        var unsecured = credential
        unsecured["proof"] = nil
        return try? await withProcessor { p in
            _ = try p.toRDF(.object(unsecured))
            return p.droppedKeys.map(\.description) + p.droppedRDFValues.map(\.description)
        }
    }

    func checkUndefinedTerms(_ dropped: [String]?, node: String?, signedAsJSON: Bool = false, into report: inout ReportBuilder) {
        guard let dropped else {
            report.add(.undefinedTerms, .notChecked, "the credential could not be processed as JSON-LD", node: node)
            return
        }
        if dropped.isEmpty {
            report.add(.undefinedTerms, .passed, "every term is defined by the credential's contexts", node: node)
        } else {
            let shown = dropped.prefix(10).joined(separator: ", ") + (dropped.count > 10 ? ", …" : "")
            let consequence = signedAsJSON ? "have no meaning as linked data (the signature covers the JSON)" : "are not covered by the signature"
            report.add(.undefinedTerms, .warning, "\(dropped.count) term(s) no context defines \(consequence): \(shown)", node: node)
        }
    }

    // MARK: Status, dates, recipient, endorsements

    func finish(_ credential: JSONObject, notBefore: Date? = nil, expires: Date? = nil, into report: inout ReportBuilder) async {
        checkSchema(credential, into: &report)
        let statuses = credential["credentialStatus"]?.asArray.compactMap(\.objectValue) ?? []
        if !statuses.isEmpty {
            report.require(.revocation)
            let checker = StatusChecker(verifier: self)
            for (index, status) in statuses.enumerated() {
                guard index < options.maximumStatusEntries else {
                    report.add(
                        .revocation, .notChecked, "only the first \(options.maximumStatusEntries) status entries are checked", node: status["id"]?.stringValue)
                    break
                }
                await checker.check(status, credential: credential, into: &report)
            }
        }
        report.require(.expiry)
        checkDates(credential, notBefore: notBefore, expires: expires, into: &report)
        if options.identity != nil {
            report.require(.recipient)
            checkRecipient(credential, into: &report)
        }
        await checkEndorsements(credential, into: &report)
        await checkEmbeddedCredentials(credential, into: &report)
    }

}
