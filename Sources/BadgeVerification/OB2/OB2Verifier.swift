import Foundation
import OpenBadgesModel

/// Verifies Open Badges 0.5–2.0 assertions, hosted and signed, as the specification says.
///
/// Unlike the old reference validator, it checks hosted revocation (HTTP 410 and `revoked: true`), never
/// skips a signature check silently, does not require `creator`, compares a key's `owner` with the issuer,
/// and matches revocation lists by `id` and by legacy `uid`.
struct OB2Verifier {
    let options: VerificationOptions
    let budget: VerificationBudget
    var fetcher: DocumentFetcher { DocumentFetcher(loader: options.loader) }

    // MARK: Hosted

    /// Verifies a hosted assertion: `url` is fetched, and only the fetched copy is trusted.
    func verifyHosted(url: String) async -> VerificationReport {
        var report = ReportBuilder()
        report.method = "hosted"
        report.subject = url
        report.require(.hostedAssertion, .verificationType, .hostedScope, .badgeClass, .issuer, .revocation, .expiry)
        if options.identity != nil { report.require(.recipient) }

        // A URL whose path the server would rewrite (`..`, `.`, backslashes) is not fetched: where it lives is not
        // what its text says, so no hosting policy can be judged on it.
        guard !Self.hasAmbiguousPath(url) else {
            report.add(.hostedAssertion, .notChecked, "\(url) was not fetched", node: url)
            report.add(
                .hostedScope, .failed, "\(url) has dot segments or backslashes in its path, so where it lives on the issuer's site is not what its text says",
                node: url)
            return report.report()
        }
        let assertion: OB2.Assertion
        switch await fetcher.decoded(url) {
        case .failure(.fetch(let error)) where error.code == .httpStatus && error.status == 410:
            report.add(.hostedAssertion, .passed, "the issuer answers 410 Gone", node: url)
            report.add(.revocation, .failed, "the assertion is revoked (HTTP 410 Gone)", node: url)
            return report.report()
        case .failure(let failure):
            report.record(failure, as: .hostedAssertion, node: url)
            return report.report()
        case .success(.revokedAssertion(let revoked)):
            report.add(.hostedAssertion, .passed, "the hosted assertion was fetched", node: url)
            let reason = revoked.revocationReason.map { ": \($0)" } ?? ""
            report.add(.revocation, .failed, "the hosted assertion says it is revoked\(reason)", node: url)
            return report.report()
        case .success(.assertion(let fetched)):
            assertion = fetched
        case .success(let other):
            report.add(.hostedAssertion, .failed, "\(url) is a \(other.kindName), not an assertion", node: url)
            return report.report()
        }
        report.specVersion = assertion.specVersion.rawValue
        report.add(.hostedAssertion, .passed, "the hosted assertion was fetched from \(url), which it names as its id", node: url)
        if assertion.revoked == true {
            report.add(.revocation, .failed, "the hosted assertion says it is revoked\(assertion.revocationReason.map { ": \($0)" } ?? "")", node: url)
        } else {
            report.add(.revocation, .passed, "not revoked (no 410, no revoked: true)", node: url)
        }
        switch assertion.verificationKind {
        case .hosted: report.add(.verificationType, .passed, "verification type is hosted", node: url)
        case .signed: report.add(.verificationType, .failed, "the assertion says it is signed, but it is verified as hosted", node: url)
        case .unknown: report.add(.verificationType, .failed, "unknown verification type \(assertion.verification?.type ?? "none")", node: url)
        }
        if let issuer = await checkBadgeClassAndIssuer(assertion, into: &report) {
            checkHostedScope(url: url, issuer: issuer, specVersion: assertion.specVersion, into: &report)
        } else {
            report.add(.hostedScope, .notChecked, "the issuer Profile is not available", node: url)
        }
        checkDates(assertion, into: &report)
        checkRecipient(assertion, into: &report)
        return report.report()
    }

    /// The assertion URL must lie within the verification policy of the issuer Profile fetched from the issuer's
    /// own IRI (never an embedded or self-declared one): `startsWith` prefixes, and `allowedOrigins` or, without
    /// them, the origin the Profile lives on, compared by scheme, host and port. OB 0.5 issuers are embedded and
    /// identified by their `origin`, which must then be where the assertion is hosted.
    func checkHostedScope(url: String, issuer: IssuerDocument, specVersion: OpenBadgesVersion, into report: inout ReportBuilder) {
        guard let here = Origin(url) else {
            report.add(.hostedScope, .failed, "\(url) is not an HTTP(S) URL", node: url)
            return
        }
        guard let issuerIRI = issuer.iri, let issuerOrigin = Origin(issuerIRI) else {
            if specVersion == .v0_5, let origin = issuer.profile.url.flatMap(Origin.init(_:)) {
                if origin.admits(here) || here.admits(origin) {
                    report.add(.hostedScope, .passed, "hosted on \(here), the OB 0.5 issuer's origin", node: url)
                } else {
                    report.add(.hostedScope, .failed, "\(url) is not on the OB 0.5 issuer's origin \(origin)", node: url)
                }
            } else {
                report.add(.hostedScope, .notChecked, "the issuer Profile was not fetched from an HTTP(S) IRI, so its hosting policy is unknown", node: url)
            }
            return
        }
        guard !Self.hasAmbiguousPath(url) else {
            report.add(
                .hostedScope, .failed, "\(url) has dot segments or backslashes in its path, so where it lives on the issuer's site is not what its prefix says",
                node: url)
            return
        }
        let policy = issuer.profile.verification
        if let prefixes = policy?.startsWith?.values, !prefixes.isEmpty {
            guard prefixes.contains(where: { url.hasPrefix($0) }) else {
                report.add(.hostedScope, .failed, "\(url) does not start with any of the issuer's allowed prefixes \(prefixes)", node: url)
                return
            }
        }
        let allowed = policy?.allowedOrigins?.values ?? []
        if allowed.isEmpty {
            guard issuerOrigin.admits(here) else {
                report.add(.hostedScope, .failed, "\(url) is not hosted on the issuer's origin \(issuerOrigin)", node: url)
                return
            }
            report.add(.hostedScope, .passed, "hosted on \(here), the issuer's own origin", node: url)
            return
        }
        guard allowed.contains(where: { Self.allowedOrigin($0, admits: here) }) else {
            report.add(.hostedScope, .failed, "\(url) is not hosted on the issuer's allowed origins \(allowed)", node: url)
            return
        }
        report.add(.hostedScope, .passed, "hosted on \(here), which the issuer \(issuerIRI) allows", node: url)
    }

    /// Whether a URL's path has `.` or `..` segments (also percent-encoded) or backslashes: a server resolves them, so
    /// a prefix check on the text would be fooled (`/badges/../uploads/evil.json` starts with `/badges/`).
    static func hasAmbiguousPath(_ url: String) -> Bool {
        guard let schemeEnd = url.firstRange(of: "://") else { return false }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let pathStart = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), afterScheme[pathStart] == "/" else { return false }
        let path = afterScheme[pathStart...].prefix { $0 != "?" && $0 != "#" }.lowercased()
        if path.unicodeScalars.contains("\\") || path.firstRange(of: "%5c") != nil { return true }
        return path.split(separator: "/", omittingEmptySubsequences: false).contains { segment in
            let decoded = segment.replacing("%2e", with: ".")
            return decoded == "." || decoded == ".."
        }
    }

    /// Whether an `allowedOrigins` entry admits `origin`: a full origin (`https://host:port`) by scheme, host and
    /// port; a bare host (`host` or `host:port`, as the specification writes them) by host and port, the port
    /// defaulting to the scheme's.
    static func allowedOrigin(_ entry: String, admits origin: Origin) -> Bool {
        let entry = entry.trimmingWhitespace(newlines: false)
        if entry.firstRange(of: "://") != nil {
            guard let allowed = Origin(entry) else { return false }
            return allowed.admits(origin)
        }
        guard let url = URL(string: "\(origin.scheme)://\(entry)"), let allowed = Origin(url), url.path.isEmpty || url.path == "/" else { return false }
        return allowed == origin
    }

    // MARK: Signed

    /// Verifies a signed assertion (a compact JWS).
    func verifySigned(_ jws: JWS) async -> VerificationReport {
        var report = ReportBuilder()
        report.method = "signed"
        report.require(.payload, .verificationType, .signature, .keyOwnership, .badgeClass, .issuer, .revocation, .expiry)
        if options.identity != nil { report.require(.recipient) }
        let assertion: OB2.Assertion
        do {
            guard case .assertion(let decoded) = try BadgeDocument(jsonValue: jws.payload) else {
                report.add(.payload, .failed, "the JWS payload is not an Open Badges assertion")
                return report.report()
            }
            assertion = decoded
        } catch {
            report.add(.payload, .failed, "the JWS payload is not a valid assertion: \(error)")
            return report.report()
        }
        let node = assertion.id ?? assertion.uid
        report.subject = node
        report.specVersion = assertion.specVersion.rawValue
        report.add(.payload, .passed, "the JWS payload is an OB \(assertion.specVersion) assertion", node: node)
        if assertion.verificationKind == .signed {
            report.add(.verificationType, .passed, "verification type is signed", node: node)
        } else {
            report.add(
                .verificationType, .failed, "the assertion says its verification type is \(assertion.verification?.type ?? "hosted"), not signed", node: node)
        }
        let issuer = await checkBadgeClassAndIssuer(assertion, into: &report)
        if let issuer, let issuerIRI = issuer.iri {
            await checkSignature(jws, assertion: assertion, issuer: issuer.profile, issuerIRI: issuerIRI, into: &report)
        } else {
            let why =
                issuer == nil
                ? "the issuer Profile, which lists the trusted keys, is not available" : "the issuer has no HTTP(S) IRI, so no key can be tied to it"
            report.add(.signature, .notChecked, why, node: node)
            report.add(.keyOwnership, .notChecked, why, node: node)
        }
        if let issuer = issuer?.profile {
            await checkRevocationList(assertion, issuer: issuer, into: &report)
        } else {
            report.add(.revocation, .notChecked, "the issuer Profile, which names the revocation list, is not available", node: node)
        }
        checkDates(assertion, into: &report)
        checkRecipient(assertion, into: &report)
        return report.report()
    }

    /// The signing key must be the issuer's, by the Profile fetched from the issuer's IRI:
    /// - OB 2.0: `verification.creator` (its IRI only: an embedded key is never used) or, without a creator, each
    ///   key the issuer lists; the key is the document fetched from its IRI, and must be listed by the issuer.
    /// - OB 1.x: the PEM at `verify.url`, which counts only when the issuer lists it or, for an issuer that lists no
    ///   keys, when it is on the issuer's own origin. The payload's version only chooses where the key IRI is read;
    ///   both paths bind the key to the issuer the same way.
    func checkSignature(_ jws: JWS, assertion: OB2.Assertion, issuer: OB2.Profile, issuerIRI: String, into report: inout ReportBuilder) async {
        let listed = issuer.publicKey
        let listedIRIs = listed.compactMap(\.id)
        func isListed(_ iri: String) -> Bool { listedIRIs.contains { DocumentIdentity.sameDocument($0, iri) } }
        let legacy = assertion.specVersion < .v2_0 && assertion.verification?.creator == nil
        let candidates: [IRIOrObject<OB2.CryptographicKey>]
        if legacy {
            guard let keyURL = assertion.verification?.url else {
                report.add(.signature, .failed, "the signed 1.x assertion has no verify.url pointing to its key", node: assertion.uid)
                report.add(.keyOwnership, .notChecked, "no key URL", node: assertion.uid)
                return
            }
            // The same-origin rule is OB 1.x's, so it holds only for an issuer whose own Profile is OB 1.x: the badge's
            // version is the signer's choice and cannot relax the rule of an OB 2.0 issuer, which lists its keys.
            let legacyIssuer = OB2.detectVersion(of: issuer.json) < .v2_0
            let onIssuerOrigin = Origin(keyURL).map { key in Origin(issuerIRI).map { $0.admits(key) } ?? false } ?? false
            if listedIRIs.isEmpty ? !(legacyIssuer && onIssuerOrigin) : !isListed(keyURL) {
                let rule =
                    !listedIRIs.isEmpty
                    ? "is not among the keys the issuer lists"
                    : legacyIssuer
                        ? "is not on the issuer's origin \(Origin(issuerIRI)?.description ?? issuerIRI)"
                        : "is not listed by the issuer, an OB 2.0 Profile that lists no keys"
                report.add(.signature, .failed, "the key at \(keyURL) \(rule), so it cannot sign for the issuer", node: keyURL)
                report.add(.keyOwnership, .failed, "the key at \(keyURL) \(rule)", node: keyURL)
                return
            }
            await checkLegacyKey(jws, keyURL: keyURL, into: &report)
            report.add(.keyOwnership, .passed, listedIRIs.isEmpty ? "the key is on the issuer's origin" : "the key is listed by the issuer", node: keyURL)
            return
        }
        if let creator = assertion.verification?.creator {
            guard let id = creator.id, DocumentFetcher.isDereferenceable(id) else {
                report.add(.keyOwnership, .failed, "the creator key has no HTTP(S) IRI, so it cannot be one the issuer lists", node: creator.id)
                report.add(.signature, .notChecked, "no key of the issuer's to check the signature with", node: creator.id)
                return
            }
            guard isListed(id) else {
                report.add(.keyOwnership, .failed, "the signing key \(id) is not listed in the issuer's publicKey", node: id)
                report.add(.signature, .notChecked, "the creator key is not the issuer's", node: id)
                return
            }
            candidates = [.iri(id)]
        } else {
            candidates = listed
        }
        guard !candidates.isEmpty else {
            report.add(.keyOwnership, .failed, "the assertion names no creator key and the issuer lists no publicKey", node: issuerIRI)
            report.add(.signature, .notChecked, "no key of the issuer's to check the signature with", node: issuerIRI)
            return
        }
        var problems: [String] = []
        var fetchFailures = 0
        for candidate in candidates {
            guard budget.spend(.keys) else {
                report.add(
                    .signature, .notChecked, "\(VerificationBudget.message(.keys, limit: budget.limit(.keys))) before a key verified the signature",
                    node: assertion.id)
                report.add(.keyOwnership, .notChecked, "no key of the issuer's verified the signature within the budget", node: assertion.id)
                return
            }
            // An IRI is dereferenced; only a key embedded without one in the issuer's own Profile is used as it is.
            switch await fetcher.resolve(
                candidate, as: { if case .cryptographicKey(let key) = $0 { key } else { nil } }, what: "CryptographicKey", embeddedAllowed: true)
            {
            case .failure(.fetch(let error)):
                fetchFailures += 1
                problems.append(error.description)
            case .failure(.decode(let message)):
                problems.append(message)
            case .success((let key, let iri)):
                let name = iri ?? "an embedded key of the issuer"
                if let owner = key.owner, !DocumentIdentity.sameDocument(owner, issuerIRI) {
                    problems.append("the key \(name) belongs to \(owner), not the issuer \(issuerIRI)")
                    continue
                }
                guard let pem = key.publicKeyPem else {
                    problems.append("key \(name) has no publicKeyPem")
                    continue
                }
                switch JWSSignatureVerifier.verify(jws, publicKeyPEM: pem, allowsWeakKeys: options.allowsWeakRSAKeys) {
                case .valid(let warning):
                    report.add(.signature, warning == nil ? .passed : .warning, warning ?? "valid \(jws.algorithm ?? "") signature by \(name)", node: iri)
                    report.add(.keyOwnership, .passed, "the signing key \(name) is listed by the issuer \(issuerIRI)", node: iri)
                    return
                case .invalid:
                    problems.append("the signature does not match key \(name)")
                case .unusable(let reason):
                    problems.append(reason)
                }
            }
        }
        if fetchFailures == problems.count {
            report.add(.signature, .networkError, "no key could be fetched: \(problems.joined(separator: "; "))", node: assertion.id)
            report.add(.keyOwnership, .notChecked, "no key of the issuer's could be fetched", node: assertion.id)
        } else {
            report.add(.signature, .failed, problems.joined(separator: "; "), node: assertion.id)
            report.add(.keyOwnership, .notChecked, "no key of the issuer's verifies the signature", node: assertion.id)
        }
    }

    /// OB 1.x: the signature against the PEM key at `keyURL` (already known to be the issuer's).
    func checkLegacyKey(_ jws: JWS, keyURL: String, into report: inout ReportBuilder) async {
        switch await fetcher.document(keyURL, kind: .pem) {
        case .failure(let failure):
            report.record(failure, as: .signature, node: keyURL)
        case .success(let document):
            switch JWSSignatureVerifier.verify(jws, publicKeyPEM: String(decoding: document.body, as: UTF8.self), allowsWeakKeys: options.allowsWeakRSAKeys) {
            case .valid(let warning):
                report.add(.signature, warning == nil ? .passed : .warning, warning ?? "valid signature by the key at \(keyURL)", node: keyURL)
            case .invalid: report.add(.signature, .failed, "the signature does not match the key at \(keyURL)", node: keyURL)
            case .unusable(let reason): report.add(.signature, .failed, reason, node: keyURL)
            }
        }
    }

    /// The issuer's revocation list must not list the assertion, by `id` or by legacy `uid`.
    func checkRevocationList(_ assertion: OB2.Assertion, issuer: OB2.Profile, into report: inout ReportBuilder) async {
        guard let listURL = issuer.revocationList ?? issuer.json["revocationList"]?.stringValue else {
            report.add(.revocation, .passed, "the issuer publishes no revocation list", node: issuer.id)
            return
        }
        switch await fetcher.document(listURL) {
        case .failure(let failure):
            report.record(failure, as: .revocation, node: listURL)
        case .success(let document):
            let keys = Set([assertion.id, assertion.uid].compactMap { $0 })
            guard case .object(let list)? = try? JSONValue(parsing: document.body) else {
                report.add(.revocation, .notChecked, "\(listURL) is not a JSON revocation list, so revocation was not checked", node: listURL)
                return
            }
            if let entries = list["revokedAssertions"] {
                // OB 2.0: every entry is read on its own (an IRI, or an object with id or uid), so one odd entry or an
                // odd member elsewhere never turns the whole list into "not revoked".
                guard case .array(let items) = entries else {
                    report.add(.revocation, .notChecked, "\(listURL): revokedAssertions is not an array, so revocation was not checked", node: listURL)
                    return
                }
                for item in items {
                    switch item {
                    case .string(let id) where keys.contains(id):
                        report.add(.revocation, .failed, "revoked in \(listURL)", node: listURL)
                        return
                    case .object(let entry):
                        let named = [entry["id"]?.stringValue, entry["uid"]?.stringValue].compactMap { $0 }
                        guard named.contains(where: keys.contains), entry["revoked"] != .bool(false) else { continue }
                        let reason = entry["revocationReason"].map { $0.stringValue ?? "\($0)" }.map { ": \($0)" } ?? ""
                        report.add(.revocation, .failed, "revoked in \(listURL)\(reason)", node: listURL)
                        return
                    default:
                        continue
                    }
                }
                report.add(.revocation, .passed, "not in the issuer's revocation list", node: listURL)
            } else if Self.typeNames(list["type"]).contains(where: { $0.hasSuffix("RevocationList") }) {
                report.add(.revocation, .notChecked, "\(listURL) is a RevocationList without revokedAssertions, so revocation was not checked", node: listURL)
            } else if let key = keys.first(where: { list[$0] != nil }) {
                // OB 1.x: a JSON object mapping revoked uids (or ids) to reasons.
                report.add(.revocation, .failed, "revoked in \(listURL): \(list[key]?.stringValue ?? "no reason given")", node: listURL)
            } else {
                report.add(.revocation, .passed, "not in the issuer's revocation list", node: listURL)
            }
        }
    }

    /// The `type` names of a document: one string or an array of them.
    static func typeNames(_ type: JSONValue?) -> [String] {
        guard let type else { return [] }
        return type.stringValue.map { [$0] } ?? (type.arrayValue ?? []).compactMap(\.stringValue)
    }

    // MARK: Shared checks

    /// The issuer Profile and the IRI it was fetched from (nil for an OB 0.5 issuer, embedded and identified by its
    /// origin).
    struct IssuerDocument {
        let profile: OB2.Profile
        let iri: String?
    }

    /// The BadgeClass (fetched from its IRI; embedded without one, as the signature or the hosting vouches for it)
    /// and the issuer Profile, always fetched from the IRI the BadgeClass names: an issuer embedded in a badge says
    /// nothing about who issued it.
    func checkBadgeClassAndIssuer(_ assertion: OB2.Assertion, into report: inout ReportBuilder) async -> IssuerDocument? {
        let badgeNode = assertion.badge.id
        let badgeClass: OB2.BadgeClass
        switch await fetcher.resolve(assertion.badge, as: { if case .badgeClass(let b) = $0 { b } else { nil } }, what: "BadgeClass", embeddedAllowed: true) {
        case .failure(let failure):
            report.record(failure, as: .badgeClass, node: badgeNode)
            report.add(.issuer, .notChecked, "the BadgeClass, which names the issuer, is not available", node: badgeNode)
            return nil
        case .success(let value):
            badgeClass = value.object
        }
        if badgeClass.name == nil {
            report.add(.badgeClass, .failed, "the BadgeClass has no name", node: badgeNode)
        } else {
            report.add(.badgeClass, .passed, "BadgeClass \"\(badgeClass.name ?? "")\"", node: badgeNode)
        }
        let embeddedAllowed = assertion.specVersion == .v0_5 && !DocumentFetcher.isDereferenceable(badgeClass.issuer?.id)
        switch await fetcher.resolve(
            badgeClass.issuer, as: { if case .profile(let p) = $0 { p } else { nil } }, what: "issuer Profile", embeddedAllowed: embeddedAllowed)
        {
        case .failure(let failure):
            report.record(failure, as: .issuer, node: badgeClass.issuer?.id)
            return nil
        case .success((let issuer, let iri)):
            if issuer.name == nil {
                report.add(.issuer, .failed, "the issuer Profile has no name", node: iri ?? issuer.id)
            } else {
                report.add(.issuer, .passed, "issued by \(issuer.name ?? "")\(iri.map { " (\($0))" } ?? "")", node: iri ?? issuer.id)
            }
            return IssuerDocument(profile: issuer, iri: iri)
        }
    }

    /// Not issued in the future; not expired (with the configured leeway).
    func checkDates(_ assertion: OB2.Assertion, into report: inout ReportBuilder) {
        let now = options.now()
        let node = assertion.id ?? assertion.uid
        report.addValidityPeriod(start: assertion.issuedOn?.date, end: assertion.expires?.date, now: now, leeway: options.leeway, node: node)
    }

    /// The caller's identity against the recipient.
    func checkRecipient(_ assertion: OB2.Assertion, into report: inout ReportBuilder) {
        guard let identity = options.identity else { return }
        let node = assertion.id ?? assertion.uid
        let result = RecipientMatcher.match(identity.value, type: identity.type, against: assertion.recipient)
        report.addRecipient(result, identity: identity, recipientType: assertion.recipient.type, node: node)
    }
}
