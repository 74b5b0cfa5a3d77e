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

    static let vc11Context = "https://www.w3.org/2018/credentials/v1"
    static let vc20Context = "https://www.w3.org/ns/credentials/v2"

    // MARK: Entry points

    /// Verifies a credential in JSON with embedded proofs (the text is parsed keeping key order and numbers).
    func verify(json text: String) async -> VerificationReport {
        var report = ReportBuilder()
        report.method = "data-integrity"
        report.specVersion = "3.0"
        report.require(.payload)
        guard let credential = try? JSONValue(parsing: text).objectValue else {
            report.add(.payload, .failed, "the credential is not a JSON object")
            return report.report()
        }
        return await verify(credential: credential, report: report)
    }

    /// Verifies an already parsed credential with embedded proofs.
    func verify(credential: JSONObject, report start: ReportBuilder? = nil) async -> VerificationReport {
        var report = start ?? {
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
            return await verify(jwt: try JWS(compact: text.trimmingCharacters(in: .whitespacesAndNewlines)))
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

    // MARK: Shape

    /// Records the payload check: a VerifiableCredential with an issuer and a subject with `id` or `identifier`.
    func checkShape(_ credential: JSONObject, into report: inout ReportBuilder) -> Bool {
        let id = credential["id"]?.stringValue
        let types = credential["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else {
            report.add(.payload, .failed, "the credential's type does not include VerifiableCredential", node: id)
            return false
        }
        guard Self.issuerID(credential) != nil else {
            report.add(.payload, .failed, "the credential has no issuer id", node: id)
            return false
        }
        let subjects = credential["credentialSubject"]?.asArray.compactMap(\.objectValue) ?? []
        guard !subjects.isEmpty else {
            report.add(.payload, .failed, "the credential has no credentialSubject", node: id)
            return false
        }
        let kind = types.first { $0 != "VerifiableCredential" } ?? "VerifiableCredential"
        // The rest of the first step of OB 3.0 verification: the contexts and the subject, as the specification requires.
        // A credential that breaks them fails, and the other checks still run and are reported.
        var problems: [String] = []
        let contexts = credential["@context"]?.asArray.compactMap(\.stringValue) ?? []
        let first = credential["@context"]?.asArray.first?.stringValue
        if first != Self.vc11Context && first != Self.vc20Context { problems.append("the first @context is not the VC 1.1 or VC 2.0 context") }
        let isRecord = types.contains("ClrCredential")
        let family = isRecord ? "https://purl.imsglobal.org/spec/clr/v2p0/context" : "https://purl.imsglobal.org/spec/ob/v3p0/context"
        let isOpenBadge = isRecord || types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") || types.contains("EndorsementCredential")
        if isOpenBadge, !contexts.contains(where: { $0.hasPrefix(family) }) {
            problems.append("a \(kind) must name the \(isRecord ? "CLR 2.0" : "Open Badges 3.0") context (\(family)…)")
        }
        if !types.contains("EndorsementCredential"), !subjects.allSatisfy({ $0["id"] != nil || $0["identifier"] != nil }) {
            problems.append("the credentialSubject has neither id nor identifier, so it names no recipient")
        }
        guard problems.isEmpty else {
            report.add(.payload, .failed, "an Open Badges 3.0 \(kind) that the specification does not allow: " + problems.joined(separator: "; "), node: id)
            return true
        }
        report.add(.payload, .passed, "an Open Badges 3.0 \(kind)", node: id)
        return true
    }

    /// The id of what an endorsement credential endorses (its `credentialSubject.id`).
    static func endorsedID(_ endorsement: JSONValue) -> String? {
        endorsement["credentialSubject"]?.asArray.first?.objectValue?["id"]?.stringValue
    }

    static func issuerID(_ credential: JSONObject) -> String? {
        credential["issuer"]?.stringValue ?? credential["issuer"]?.objectValue?["id"]?.stringValue
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
        jsonld.maxContextWork = min(jsonld.maxContextWork, left)
        let budget = self.budget
        return try await JSONLDProcessor.run(options: jsonld, asyncLoader: ContextLoaderBridge(loader: options.contextLoader), maxFetches: options.maximumContextLoads) {
            processor in
            var canonicalizer = RDFCanonicalizer.Options()
            canonicalizer.maximumNDegreeHashCalls = min(canonicalizer.maximumNDegreeHashCalls, left)
            processor.canonicalizer = RDFCanonicalizer(options: canonicalizer)
            defer { _ = budget.record(.linkedDataWork, processor.totalContextWork + processor.canonicalizationCalls) }
            return try body(processor)
        }
    }

    /// Checks every embedded proof of `secured`.
    func verifyProofs(_ secured: JSONObject) async -> [ProofOutcome] {
        var outcomes: [ProofOutcome] = []
        let resolver = KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys)
        for (index, proof) in DataIntegrity.proofs(of: secured).enumerated() {
            guard index < options.maximumProofs else {
                outcomes.append(ProofOutcome(status: .notChecked, message: "proof \(index + 1): only the first \(options.maximumProofs) proofs are checked", node: proof["id"]?.stringValue))
                continue
            }
            guard budget.spend(.proofs) else {
                outcomes.append(ProofOutcome(status: .notChecked, message: "proof \(index + 1): \(VerificationBudget.message(.proofs, limit: budget.limit(.proofs)))", node: proof["id"]?.stringValue))
                continue
            }
            let type = proof["type"]?.stringValue ?? "(no type)"
            let label = "proof \(index + 1) (\(type)\(proof["cryptosuite"]?.stringValue.map { " \($0)" } ?? ""))"
            let node = proof["id"]?.stringValue ?? proof["verificationMethod"]?.stringValue
            guard DataIntegritySuite(proof: proof) != nil else {
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): unsupported proof type", node: node))
                continue
            }
            // A proof that does not say it asserts the credential does not assert it.
            guard let purpose = proof["proofPurpose"]?.stringValue, purpose == "assertionMethod" else {
                let said = proof["proofPurpose"].map { "is \($0.serialized())" } ?? "is missing"
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): proofPurpose \(said), not assertionMethod", node: node))
                continue
            }
            // The proof's own validity period (Data Integrity `created`, `expires`).
            if let problem = proofPeriodProblem(proof) {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(problem)", node: node))
                continue
            }
            let data: ProofHashData
            do {
                data = try await withProcessor { try DataIntegrity.hashData(secured: secured, proof: proof, processor: $0) }
            } catch let error as JSONLDError where error.code == .loadingRemoteContextFailed {
                // Without a context loader nothing was fetched: the proof is not checked, and no network failed.
                let status: CheckStatus = options.contextLoader == nil ? .notChecked : .networkError
                outcomes.append(ProofOutcome(status: status, message: "\(label): a context could not be loaded: \(error.message)", node: node))
                continue
            } catch let error as JSONLDError where error.code == .contextOverflow {
                // Over a work bound: the proof is not checked (it is not known to be bad either).
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(error.message)", node: node))
                continue
            } catch let error as RDFCanonicalizationError {
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(error.reason)", node: node))
                continue
            } catch {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(error)", node: node))
                continue
            }
            guard let method = data.verificationMethod else {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): no verificationMethod", node: node, droppedTerms: data.droppedTerms))
                continue
            }
            guard budget.spend(.keys) else {
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(VerificationBudget.message(.keys, limit: budget.limit(.keys)))", node: node, droppedTerms: data.droppedTerms))
                continue
            }
            switch await resolver.resolve(method) {
            case .failure(.network(let error)):
                outcomes.append(ProofOutcome(status: .networkError, message: "\(label): the key \(method) could not be fetched: \(error.message)", node: node, droppedTerms: data.droppedTerms))
            case .failure(.invalid(let message)):
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(message)", node: node, droppedTerms: data.droppedTerms))
            case .failure(.unsupported(let message)):
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(message)", node: node, droppedTerms: data.droppedTerms))
            case .success(let resolved):
                // The key must fit the suite: Ed25519 for the EdDSA suites, P-256 or P-384 for the ECDSA ones.
                let valid: Bool
                switch (resolved.key, data.suite.isECDSA) {
                case (.ed25519(let key), false): valid = DataIntegrity.verify(data, key: key)
                case (.p256(let key), true): valid = DataIntegrity.verify(data, p256: key)
                case (.p384(let key), true):
                    // A P-384 proof canonicalizes and hashes with SHA-384: its hash data is made again.
                    guard let data384 = try? await withProcessor({ try DataIntegrity.hashData(secured: secured, proof: proof, processor: $0, digest: .sha384) }) else {
                        outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): the SHA-384 canonical form could not be made", node: node, droppedTerms: data.droppedTerms))
                        continue
                    }
                    valid = DataIntegrity.verify(data384, p384: key)
                default:
                    let wanted = data.suite.isECDSA ? "P-256 or P-384" : "Ed25519"
                    outcomes.append(ProofOutcome(status: .failed, message: "\(label): the key is \(resolved.key.kind), not \(wanted)", node: node, droppedTerms: data.droppedTerms))
                    continue
                }
                if valid {
                    outcomes.append(ProofOutcome(status: .passed, message: "\(label): valid signature by \(method)", node: node, key: resolved,
                        droppedTerms: data.droppedTerms, canonicalizedAsRDF: data.suite.usesRDFCanonicalization))
                } else {
                    outcomes.append(ProofOutcome(status: .failed, message: "\(label): the signature does not match the credential", node: node, key: resolved, droppedTerms: data.droppedTerms))
                }
            }
        }
        return outcomes
    }

    /// Why a proof is outside its own validity period: `expires` past, or `created` in the future (within the leeway);
    /// nil when neither.
    func proofPeriodProblem(_ proof: JSONObject) -> String? {
        let now = options.now()
        for (name, isProblem) in [("expires", { (date: Date) in date < now.addingTimeInterval(-options.leeway) }), ("created", { (date: Date) in date > now.addingTimeInterval(options.leeway) })] {
            guard let value = proof[name] else { continue }
            guard let text = value.stringValue, let date = try? FlexibleDate(text).date else { return "its \(name) is not a date: \(value.serialized())" }
            if isProblem(date) { return name == "expires" ? "the proof expired on \(FlexibleDate.iso8601(date))" : "the proof was created in the future (\(FlexibleDate.iso8601(date)))" }
        }
        return nil
    }

    // MARK: VC-JWT

    func checkJWTSignature(_ jws: JWS, header: JSONObject, credential: JSONObject, node: String?, into report: inout ReportBuilder) async -> ResolvedKey? {
        let alg = header["alg"]?.stringValue ?? "(none)"
        // The header is refused before any key is fetched.
        if case .failure(let problem) = JWSSignatureVerifier.checkHeader(jws) {
            report.add(.signature, .failed, problem.message, node: node)
            return nil
        }
        if let typ = header["typ"]?.stringValue, !["JWT", "vc+jwt"].contains(typ) {
            report.add(.signature, .failed, "JWT typ \(typ) is not JWT or vc+jwt", node: node)
            return nil
        }
        let jwk = header["jwk"]?.objectValue
        if jwk?["d"] != nil {
            report.add(.signature, .failed, "the jwk header holds a private key (d); the key is compromised", node: node)
            return nil
        }
        var resolved: ResolvedKey?
        var kidNote = ""
        if header["kid"] != nil, !budget.spend(.keys) {
            report.add(.signature, .notChecked, VerificationBudget.message(.keys, limit: budget.limit(.keys)), node: node)
            return nil
        }
        if var kid = header["kid"]?.stringValue {
            // A relative kid ("#key-1") names a key of the issuer's DID document.
            if kid.hasPrefix("#"), let issuer = Self.issuerID(credential), issuer.hasPrefix("did:") { kid = issuer + kid }
            switch await KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys).resolve(kid) {
            case .success(let key): resolved = key
            case .failure(let failure):
                let why: String
                switch failure {
                case .network(let error): why = "the kid \(kid) could not be fetched: \(error.message)"
                case .invalid(let message): why = "the kid \(kid) cannot be used: \(message)"
                case .unsupported(let message): why = "the kid \(kid) cannot be resolved: \(message)"
                }
                if jwk == nil {
                    switch failure {
                    case .network: report.add(.signature, .networkError, why, node: node)
                    case .unsupported: report.add(.signature, .notChecked, why, node: node)
                    case .invalid: report.add(.signature, .failed, why, node: node)
                    }
                    return nil
                }
                kidNote = " (\(why))"
            }
        }
        if resolved == nil {
            guard let jwk else {
                report.add(.signature, .failed, "the JWT header has neither kid nor jwk", node: node)
                return nil
            }
            do {
                resolved = ResolvedKey(key: try PublicKeyMaterial(jwk: jwk, allowsWeakRSAKeys: options.allowsWeakRSAKeys), controller: nil,
                    provenance: .unbound("the public key is embedded in the JWT header and nothing ties it to the issuer\(kidNote)"), jwk: jwk)
            } catch {
                report.add(.signature, .failed, "the jwk header: \(error.message)", node: node)
                return nil
            }
        }
        guard let resolved else { return nil }
        switch JWSSignatureVerifier.verify(jws, key: resolved.key) {
        case .valid(let warning):
            report.add(.signature, .passed, "valid \(alg) signature", node: node)
            if let warning { report.add(.signature, .warning, warning, node: node) }
            return resolved
        case .unusable(let why):
            report.add(.signature, .failed, why, node: node)
            return nil
        case .invalid:
            report.add(.signature, .failed, "the \(alg) signature does not match the JWT", node: node)
            return nil
        }
    }


    /// `iss`, `jti`, `sub`, `nbf`, `exp` against the credential (OB 3.0 §8.2.4.2 / VC-JWT).
    func checkClaims(_ claims: JWTClaims, credential: JSONObject, vc11: Bool, node: String?, into report: inout ReportBuilder) {
        var failures: [String] = []
        var warnings: [String] = []
        let issuer = Self.issuerID(credential)
        if let iss = claims.issuer {
            if iss != issuer { failures.append("iss \(iss) is not the issuer \(issuer ?? "(none)")") }
        } else {
            warnings.append("no iss claim")
        }
        if let jti = claims.tokenID, let id = credential["id"]?.stringValue, jti != id { failures.append("jti \(jti) is not the credential id \(id)") }
        let subjectID = credential["credentialSubject"]?.asArray.first?.objectValue?["id"]?.stringValue
        if let sub = claims.subject {
            if sub != subjectID { failures.append("sub \(sub) is not the credentialSubject id \(subjectID ?? "(none)")") }
        } else if subjectID != nil {
            warnings.append("no sub claim")
        }
        func date(_ name: String) -> Date? { credential[name]?.stringValue.flatMap { try? FlexibleDate($0).date } }
        let start = vc11 ? date("issuanceDate") : date("validFrom")
        let end = vc11 ? date("expirationDate") : date("validUntil")
        if let nbf = claims.notBefore, let start, abs(nbf.timeIntervalSince(start)) >= 1 {
            failures.append("nbf \(FlexibleDate.iso8601(nbf)) is not \(vc11 ? "issuanceDate" : "validFrom") \(FlexibleDate.iso8601(start))")
        }
        if let exp = claims.expiration, let end, abs(exp.timeIntervalSince(end)) >= 1 {
            failures.append("exp \(FlexibleDate.iso8601(exp)) is not \(vc11 ? "expirationDate" : "validUntil") \(FlexibleDate.iso8601(end))")
        } else if claims.expiration != nil, end == nil {
            warnings.append("exp is set but the credential has no \(vc11 ? "expirationDate" : "validUntil")")
        }
        if !failures.isEmpty {
            report.add(.jwtClaims, .failed, "the JWT claims disagree with the credential: " + failures.joined(separator: "; "), node: node)
        } else if !warnings.isEmpty {
            report.add(.jwtClaims, .warning, "the JWT claims agree with the credential, but: " + warnings.joined(separator: "; "), node: node)
        } else {
            report.add(.jwtClaims, .passed, "iss, jti, sub, nbf and exp agree with the credential", node: node)
        }
    }

    // MARK: Schema

    /// Step 1 of the OB 3.0 verification algorithm: a credential that names a `1EdTechJsonSchemaValidator2019` schema
    /// must be valid against it. Only the published 1EdTech schemas are used (bundled, pinned by SHA-256); an unknown
    /// schema URL is not checked, never fetched and never passed. Schema work counts against
    /// ``VerificationOptions/maximumLinkedDataWork``.
    func checkSchema(_ credential: JSONObject, into report: inout ReportBuilder) {
        let entries = (credential["credentialSchema"]?.asArray ?? []).compactMap(\.objectValue)
            .filter { $0["type"]?.stringValue == "1EdTechJsonSchemaValidator2019" }
        guard !entries.isEmpty else { return }
        let node = credential["id"]?.stringValue
        let vc11 = credential["@context"]?.asArray.first?.stringValue == Self.vc11Context
        // For a VC 1.1 credential the check cannot run (see below), which says nothing against it: not required.
        if !vc11 { report.require(.schema) }
        for entry in entries {
            guard let url = entry["id"]?.stringValue else {
                report.add(.schema, .failed, "a credentialSchema entry has no id", node: node)
                continue
            }
            let schema: JSONSchema?
            do {
                schema = try BundledSchemas.schema(for: url)
            } catch {
                report.add(.schema, .notChecked, "the bundled schema \(url) could not be read: \(error)", node: url)
                continue
            }
            guard let schema else {
                report.add(.schema, .notChecked, "\(url) is not a published 1EdTech schema known here (schemas are never fetched)", node: url)
                continue
            }
            if vc11 {
                report.add(.schema, .notChecked, "\(url) describes VC 2.0 credentials; the variant for VC 1.1 credentials is not published", node: url)
                continue
            }
            var limits = JSONSchemaLimits()
            limits.maximumSteps = min(limits.maximumSteps, budget.remaining(.linkedDataWork))
            guard limits.maximumSteps > 0, budget.spend(.linkedDataWork, 0) else {
                _ = budget.spend(.linkedDataWork)
                report.add(.schema, .notChecked, VerificationBudget.message(.linkedDataWork, limit: budget.limit(.linkedDataWork)), node: url)
                continue
            }
            let (violations, steps) = schema.validateCountingSteps(.object(credential), limits: limits)
            _ = budget.record(.linkedDataWork, steps)
            // Credly writes `null` for empty members (`"targetDescription": null`), which the schema does not allow but
            // JSON-LD reads as absent: valid without them is a warning naming them, not a failure.
            var nullsOnly = false
            if !violations.isEmpty, !violations.contains(where: \.isLimitExceeded) {
                let (again, more) = schema.validateCountingSteps(Self.removingNulls(.object(credential)), limits: limits)
                _ = budget.record(.linkedDataWork, more)
                nullsOnly = again.isEmpty
            }
            if let limit = violations.first(where: \.isLimitExceeded) {
                report.add(.schema, .notChecked, "schema validation stopped at a limit: \(limit.message)", node: url)
            } else if violations.isEmpty {
                report.add(.schema, .passed, "valid against \(url)", node: url)
            } else if nullsOnly {
                let shown = violations.prefix(3).map { $0.instanceLocation.isEmpty ? "/" : $0.instanceLocation }
                report.add(.schema, .warning, "valid against \(url) once its null members are read as absent, as JSON-LD reads them; strictly the schema allows no null (at \(shown.joined(separator: ", ")))", node: url)
            } else {
                let shown = violations.prefix(5).map { "\($0.instanceLocation.isEmpty ? "/" : $0.instanceLocation) (\($0.keyword)): \($0.message)" }
                report.add(.schema, .failed, "not valid against \(url): " + shown.joined(separator: "; ") + (violations.count > 5 ? "; …" : ""), node: url)
            }
        }
    }

    /// `value` without `null` object members and array items (what JSON-LD reads as absent).
    static func removingNulls(_ value: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 256 else { return value }
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where !member.isNull { result[key] = removingNulls(member, depth: depth + 1) }
            return .object(result)
        case .array(let items):
            return .array(items.filter { !$0.isNull }.map { removingNulls($0, depth: depth + 1) })
        default:
            return value
        }
    }

    // MARK: Issuer binding, terms

    /// The key that verified must be the issuer's by the issuer's own documents (``KeyResolver/bind(_:issuer:)``):
    /// failed when those documents were fetched and do not authorise it, or it belongs to someone else; not
    /// checked when they could not be had. ``VerificationOptions/acceptsUnboundKeys`` turns a key that nothing can
    /// tie to the issuer into a warning (1EdTech's permissive behaviour); a key the issuer's own documents do not list,
    /// or that belongs to someone else, still fails.
    func checkIssuerBinding(_ key: ResolvedKey?, credential: JSONObject, into report: inout ReportBuilder) async {
        let issuer = Self.issuerID(credential)
        let node = credential["id"]?.stringValue
        guard let key else {
            report.add(.issuerBinding, .notChecked, "no verified signature, so no key to tie to the issuer", node: node)
            return
        }
        guard let issuer else {
            report.add(.issuerBinding, .failed, "the credential has no issuer id", node: node)
            return
        }
        let resolver = KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys)
        switch await resolver.bind(key, issuer: issuer) {
        case .bound(let message):
            report.add(.issuerBinding, .passed, message, node: node)
        case .otherController(let message):
            report.add(.issuerBinding, .failed, message, node: node)
        case .notAuthorized(let message):
            report.add(.issuerBinding, .failed, message, node: node)
        case .unbound(let message):
            if options.acceptsUnboundKeys {
                report.add(.issuerBinding, .warning, "accepted only because unbound keys are accepted: \(message)", node: node)
            } else {
                report.add(.issuerBinding, .notChecked, "unbound: \(message)", node: node)
            }
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
                let expanded = try processor.expand(.object(unsecured))
                var vocabulary = BundledContexts.vocabulary
                for context in contexts {
                    let terms = try processor.vocabulary(of: context)
                    // Remote contexts are bundled or the caller's vetted ones; inline ones may only add new terms.
                    if context.asArray.allSatisfy(\.isString) { vocabulary.merge(terms) } else { vocabulary.addNew(from: terms) }
                }
                return (expanded, vocabulary)
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
                    report.add(.revocation, .notChecked, "only the first \(options.maximumStatusEntries) status entries are checked", node: status["id"]?.stringValue)
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

    /// CLR 2.0: every credential the record embeds (`credentialSubject.verifiableCredential`, JSON or compact JWT) is
    /// verified with the full verifier; the record is verified only when all of them are.
    func checkEmbeddedCredentials(_ credential: JSONObject, into report: inout ReportBuilder) async {
        guard credential["type"]?.asArray.contains(where: { $0.stringValue == "ClrCredential" }) == true else { return }
        let node = credential["id"]?.stringValue
        let embedded = credential["credentialSubject"]?.asArray.first?.objectValue?["verifiableCredential"]?.asArray ?? []
        report.require(.embeddedCredential)
        guard !embedded.isEmpty else {
            report.add(.embeddedCredential, .passed, "the record embeds no credential", node: node)
            return
        }
        let nested = OB3Verifier(options: options, budget: budget, depth: depth + 1)
        for (index, item) in embedded.enumerated() {
            let label = "embedded credential \(index + 1)"
            guard index < options.maximumEmbeddedCredentials else {
                report.add(.embeddedCredential, .notChecked, "only the first \(options.maximumEmbeddedCredentials) embedded credentials are verified", node: node)
                break
            }
            let result: VerificationReport
            switch item {
            case .string(let jwt):
                result = await nested.verify(jwt: jwt)
            case .object(let object):
                let types = object["type"]?.asArray.compactMap(\.stringValue) ?? []
                guard types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") else {
                    report.add(.embeddedCredential, .notChecked, "\(label) is a \(types.joined(separator: ", ")), which is not verified here", node: object["id"]?.stringValue)
                    continue
                }
                result = await nested.verify(credential: object)
            default:
                report.add(.embeddedCredential, .failed, "\(label) is neither a credential object nor a compact JWT", node: node)
                continue
            }
            report.credentials.append(result)
            let subject = result.subject ?? label
            switch result.verdict {
            case .verified:
                report.add(.embeddedCredential, .passed, "\(label) verifies", node: subject)
            case .failed:
                let why = result.checks.first { $0.status == .failed }.map { "\($0.id): \($0.message)" } ?? ""
                report.add(.embeddedCredential, .failed, "\(label) does not verify (\(why)), so neither does the record", node: subject)
            case .indeterminate:
                report.add(.embeddedCredential, .notChecked, "\(label) could not be fully verified", node: subject)
            }
        }
    }

    func checkDates(_ credential: JSONObject, notBefore: Date?, expires: Date?, into report: inout ReportBuilder) {
        let node = credential["id"]?.stringValue
        struct BadDate: Error { let message: String }
        func date(_ name: String) -> Result<Date?, BadDate> {
            guard let value = credential[name] else { return .success(nil) }
            guard let text = value.stringValue, let parsed = try? FlexibleDate(text) else { return .failure(BadDate(message: "\(name) is not a date: \(value.serialized())")) }
            return .success(parsed.date)
        }
        // Every validity date the credential carries counts (VC 2.0 names and VC 1.1 names alike): the latest start and
        // the earliest end, so a second, later date can never hide an expired one.
        var starts: [Date] = [notBefore].compactMap { $0 }
        var ends: [Date] = [expires].compactMap { $0 }
        for (name, isStart) in [("validFrom", true), ("issuanceDate", true), ("validUntil", false), ("expirationDate", false)] {
            switch date(name) {
            case .failure(let bad):
                report.add(.expiry, .failed, bad.message, node: node)
                return
            case .success(let found?):
                if isStart { starts.append(found) } else { ends.append(found) }
            case .success(nil):
                break
            }
        }
        let start = starts.max()
        let end = ends.min()
        report.addValidityPeriod(start: start, end: end, now: options.now(), leeway: options.leeway, node: node)
    }

    func checkRecipient(_ credential: JSONObject, into report: inout ReportBuilder) {
        guard let identity = options.identity else { return }
        let node = credential["id"]?.stringValue
        let subjects = credential["credentialSubject"]?.asArray.compactMap(\.objectValue) ?? []
        var best = RecipientMatchResult.notMatched
        for subject in subjects {
            guard let model = try? OB3.AchievementSubject(object: subject, path: "credentialSubject")
            else { continue }
            best = min(best, RecipientMatcher.match(identity.value, identityType: identity.type, against: model))
        }
        report.addRecipient(best, identity: identity, recipientType: nil, node: node)
    }

    func checkEndorsements(_ credential: JSONObject, into report: inout ReportBuilder) async {
        let embedded = credential["endorsement"]?.asArray.compactMap(\.objectValue) ?? []
        let jwts = credential["endorsementJwt"]?.asArray.compactMap(\.stringValue) ?? []
        guard !embedded.isEmpty || !jwts.isEmpty else { return }
        guard depth < 2 else {
            report.add(.endorsement, .notChecked, "endorsements nested this deep are not verified", node: credential["id"]?.stringValue)
            return
        }
        var nested = OB3Verifier(options: options, budget: budget, depth: depth + 1)
        nested.depth = depth + 1
        var reports: [VerificationReport] = []
        for endorsement in embedded.prefix(options.maximumEndorsements) { reports.append(await nested.verify(credential: endorsement)) }
        for jwt in jwts.prefix(max(0, options.maximumEndorsements - embedded.count)) { reports.append(await nested.verify(jwt: jwt)) }
        if embedded.count + jwts.count > options.maximumEndorsements {
            report.add(.endorsement, .notChecked, "only the first \(options.maximumEndorsements) endorsements are verified", node: credential["id"]?.stringValue)
        }
        // An endorsement counts for this badge only when it endorses it: the credential, its achievement or its issuer.
        let achievement = credential["credentialSubject"]?.asArray.first?.objectValue?["achievement"]?.objectValue?["id"]?.stringValue
        let targets = Set([credential["id"]?.stringValue, achievement, Self.issuerID(credential)].compactMap { $0 })
        let endorsed = embedded.prefix(options.maximumEndorsements).map { Self.endorsedID(.object($0)) }
            + jwts.prefix(max(0, options.maximumEndorsements - embedded.count)).map { jwt -> String? in
                (try? JWS(compact: jwt)).flatMap { Self.endorsedID($0.payload["vc"] ?? $0.payload) }
            }
        for (endorsement, subject) in zip(reports, endorsed) {
            let node = endorsement.subject
            if endorsement.verdict == .verified, !(subject.map(targets.contains) ?? false) {
                report.add(.endorsement, .warning, "the endorsement verifies but endorses \(subject ?? "nothing named"), not this credential, its achievement or its issuer", node: node)
                continue
            }
            switch endorsement.verdict {
            case .verified:
                report.add(.endorsement, .passed, "the endorsement verifies and endorses \(subject ?? "")", node: node)
            case .failed:
                let why = endorsement.checks.first { $0.status == .failed }.map { "\($0.id): \($0.message)" } ?? ""
                report.add(.endorsement, .warning, "the endorsement does not verify (\(why)); the badge itself is not affected", node: node)
            case .indeterminate:
                report.add(.endorsement, .notChecked, "the endorsement could not be fully verified", node: node)
            }
        }
        report.endorsements.append(contentsOf: reports)
    }
}
