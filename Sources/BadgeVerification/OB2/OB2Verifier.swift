import Foundation
import OpenBadgesModel

/// Verifies Open Badges 0.5–2.0 assertions, hosted and signed, as the specification says.
///
/// Unlike the old reference validator, it checks hosted revocation (HTTP 410 and `revoked: true`), never
/// skips a signature check silently, does not require `creator`, compares a key's `owner` with the issuer,
/// and matches revocation lists by `id` and by legacy `uid`.
struct OB2Verifier {
    let options: VerificationOptions
    var fetcher: DocumentFetcher { DocumentFetcher(loader: options.loader) }

    // MARK: Hosted

    /// Verifies a hosted assertion: `url` is fetched, and only the fetched copy is trusted.
    func verifyHosted(url: String) async -> VerificationReport {
        var report = ReportBuilder()
        report.method = "hosted"
        report.subject = url
        report.require(.hostedAssertion, .verificationType, .hostedScope, .badgeClass, .issuer, .revocation, .expiry)
        if options.identity != nil { report.require(.recipient) }

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
        if assertion.specVersion >= .v1_1, let id = assertion.id, id != url {
            report.add(.hostedAssertion, .failed, "the document at \(url) declares another id, \(id)", node: url)
        } else {
            report.add(.hostedAssertion, .passed, "the hosted assertion was fetched", node: url)
        }
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
        let (_, issuer) = await checkBadgeClassAndIssuer(assertion, into: &report)
        if let issuer {
            checkHostedScope(url: url, issuer: issuer, into: &report)
        } else {
            report.add(.hostedScope, .notChecked, "the issuer Profile is not available", node: url)
        }
        checkDates(assertion, into: &report)
        checkRecipient(assertion, into: &report)
        return report.report()
    }

    /// The assertion URL must lie within the issuer's verification policy.
    func checkHostedScope(url: String, issuer: OB2.Profile, into report: inout ReportBuilder) {
        let policy = issuer.verification
        if let prefixes = policy?.startsWith?.values, !prefixes.isEmpty {
            guard prefixes.contains(where: { url.hasPrefix($0) }) else {
                report.add(.hostedScope, .failed, "\(url) does not start with any of the issuer's allowed prefixes \(prefixes)", node: url)
                return
            }
        }
        let issuerHost = (issuer.id.flatMap(Self.httpHost) ?? issuer.url.flatMap(Self.httpHost))
        let origins = policy?.allowedOrigins?.values ?? issuerHost.map { [$0] } ?? []
        guard !origins.isEmpty else {
            report.add(.hostedScope, .warning, "the issuer has no HTTP origin to enforce the hosted verification policy against", node: url)
            return
        }
        guard let host = Self.httpHost(url), origins.contains(where: { $0.lowercased() == host }) else {
            report.add(.hostedScope, .failed, "\(url) is not hosted on the issuer's allowed origins \(origins)", node: url)
            return
        }
        report.add(.hostedScope, .passed, "hosted on \(host), which the issuer allows", node: url)
    }

    static func httpHost(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url.host?.lowercased()
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
            report.add(.verificationType, .failed, "the assertion says its verification type is \(assertion.verification?.type ?? "hosted"), not signed", node: node)
        }
        let (_, issuer) = await checkBadgeClassAndIssuer(assertion, into: &report)
        if assertion.specVersion < .v2_0 {
            await checkLegacySignature(jws, assertion: assertion, issuer: issuer, into: &report)
        } else if let issuer {
            await checkSignature(jws, assertion: assertion, issuer: issuer, into: &report)
        } else {
            report.add(.signature, .notChecked, "the issuer Profile, which lists the trusted keys, is not available", node: node)
            report.add(.keyOwnership, .notChecked, "the issuer Profile is not available", node: node)
        }
        if let issuer {
            await checkRevocationList(assertion, issuer: issuer, into: &report)
        } else {
            report.add(.revocation, .notChecked, "the issuer Profile, which names the revocation list, is not available", node: node)
        }
        checkDates(assertion, into: &report)
        checkRecipient(assertion, into: &report)
        return report.report()
    }

    /// OB 2.0: the key is `verification.creator` if given, else each of the issuer's `publicKey` entries; it
    /// must be listed by the issuer.
    func checkSignature(_ jws: JWS, assertion: OB2.Assertion, issuer: OB2.Profile, into report: inout ReportBuilder) async {
        let listed = Set(issuer.publicKey.compactMap(\.id))
        let candidates: [IRIOrObject<OB2.CryptographicKey>]
        if let creator = assertion.verification?.creator {
            candidates = [creator]
            if let id = creator.id, listed.contains(id) {
                report.add(.keyOwnership, .passed, "the signing key \(id) is listed by the issuer", node: id)
            } else {
                report.add(.keyOwnership, .failed, "the signing key \(creator.id ?? "(embedded)") is not listed in the issuer's publicKey", node: creator.id)
            }
        } else {
            candidates = issuer.publicKey
            if candidates.isEmpty {
                report.add(.keyOwnership, .failed, "the assertion names no creator key and the issuer lists no publicKey", node: issuer.id)
            } else {
                report.add(.keyOwnership, .passed, "no creator given: trying the \(candidates.count) key(s) the issuer lists", node: issuer.id)
            }
        }
        var problems: [String] = []
        var fetchFailures = 0
        for candidate in candidates {
            switch await fetcher.resolve(candidate, as: { if case .cryptographicKey(let key) = $0 { key } else { nil } }, what: "CryptographicKey") {
            case .failure(.fetch(let error)):
                fetchFailures += 1
                problems.append(error.description)
            case .failure(.decode(let message)):
                problems.append(message)
            case .success(let key):
                guard let pem = key.publicKeyPem else {
                    problems.append("key \(key.id ?? "?") has no publicKeyPem")
                    continue
                }
                switch JWSSignatureVerifier.verify(jws, publicKeyPEM: pem, allowsWeakKeys: options.allowsWeakRSAKeys) {
                case .valid(let warning):
                    report.add(.signature, warning == nil ? .passed : .warning, warning ?? "valid \(jws.algorithm ?? "") signature by \(key.id ?? "the issuer's key")", node: key.id)
                    if let owner = key.owner, owner != issuer.id {
                        report.add(.keyOwnership, .warning, "the key's owner \(owner) is not the issuer \(issuer.id ?? "?")", node: key.id)
                    }
                    return
                case .invalid:
                    problems.append("the signature does not match key \(key.id ?? "?")")
                case .unusable(let reason):
                    problems.append(reason)
                }
            }
        }
        if problems.isEmpty {
            report.add(.signature, .failed, "no key to check the signature with", node: assertion.id)
        } else if fetchFailures == problems.count {
            report.add(.signature, .networkError, "no key could be fetched: \(problems.joined(separator: "; "))", node: assertion.id)
        } else {
            report.add(.signature, .failed, problems.joined(separator: "; "), node: assertion.id)
        }
    }

    /// OB 1.x: the PEM key sits at `verify.url`.
    func checkLegacySignature(_ jws: JWS, assertion: OB2.Assertion, issuer: OB2.Profile?, into report: inout ReportBuilder) async {
        guard let keyURL = assertion.verification?.url else {
            report.add(.signature, .failed, "the signed 1.x assertion has no verify.url pointing to its key", node: assertion.uid)
            report.add(.keyOwnership, .notChecked, "no key URL", node: assertion.uid)
            return
        }
        switch await fetcher.document(keyURL, kind: .pem) {
        case .failure(let failure):
            report.record(failure, as: .signature, node: keyURL)
        case .success(let document):
            switch JWSSignatureVerifier.verify(jws, publicKeyPEM: String(decoding: document.body, as: UTF8.self), allowsWeakKeys: options.allowsWeakRSAKeys) {
            case .valid(let warning): report.add(.signature, warning == nil ? .passed : .warning, warning ?? "valid signature by the key at \(keyURL)", node: keyURL)
            case .invalid: report.add(.signature, .failed, "the signature does not match the key at \(keyURL)", node: keyURL)
            case .unusable(let reason): report.add(.signature, .failed, reason, node: keyURL)
            }
        }
        let issuerHost = issuer.flatMap { $0.url ?? $0.id }.flatMap(Self.httpHost)
        if let issuerHost, Self.httpHost(keyURL) == issuerHost {
            report.add(.keyOwnership, .passed, "the key is hosted on the issuer's origin \(issuerHost)", node: keyURL)
        } else {
            report.add(.keyOwnership, .warning, "OB 1.x keys are not listed by issuers; the key at \(keyURL) is not on the issuer's origin", node: keyURL)
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
            let keys = [assertion.id, assertion.uid].compactMap { $0 }
            if case .revocationList(let list)? = try? BadgeDocument(jsonBytes: document.body) {
                if let entry = keys.lazy.compactMap({ list.entry(revoking: $0) }).first, entry.revoked != false {
                    report.add(.revocation, .failed, "revoked in \(listURL)\(entry.revocationReason.map { ": \($0)" } ?? "")", node: listURL)
                } else {
                    report.add(.revocation, .passed, "not in the issuer's revocation list", node: listURL)
                }
            } else if case .object(let map)? = try? JSONValue(parsing: document.body) {
                // OB 1.x: a JSON object mapping revoked uids (or ids) to reasons.
                if let key = keys.first(where: { map[$0] != nil }) {
                    report.add(.revocation, .failed, "revoked in \(listURL): \(map[key]?.stringValue ?? "no reason given")", node: listURL)
                } else {
                    report.add(.revocation, .passed, "not in the issuer's revocation list", node: listURL)
                }
            } else {
                report.add(.revocation, .failed, "\(listURL) is not a revocation list", node: listURL)
            }
        }
    }

    // MARK: Shared checks

    /// Fetches (or reads embedded) the BadgeClass and the issuer Profile.
    func checkBadgeClassAndIssuer(_ assertion: OB2.Assertion, into report: inout ReportBuilder) async -> (OB2.BadgeClass?, OB2.Profile?) {
        let badgeNode = assertion.badge.id
        let badgeClass: OB2.BadgeClass
        switch await fetcher.resolve(assertion.badge, as: { if case .badgeClass(let b) = $0 { b } else { nil } }, what: "BadgeClass") {
        case .failure(let failure):
            report.record(failure, as: .badgeClass, node: badgeNode)
            report.add(.issuer, .notChecked, "the BadgeClass, which names the issuer, is not available", node: badgeNode)
            return (nil, nil)
        case .success(let value):
            badgeClass = value
        }
        if badgeClass.name == nil {
            report.add(.badgeClass, .failed, "the BadgeClass has no name", node: badgeNode)
        } else {
            report.add(.badgeClass, .passed, "BadgeClass \"\(badgeClass.name ?? "")\"", node: badgeNode)
        }
        switch await fetcher.resolve(badgeClass.issuer, as: { if case .profile(let p) = $0 { p } else { nil } }, what: "issuer Profile") {
        case .failure(let failure):
            report.record(failure, as: .issuer, node: badgeClass.issuer?.id)
            return (badgeClass, nil)
        case .success(let issuer):
            if issuer.name == nil {
                report.add(.issuer, .failed, "the issuer Profile has no name", node: issuer.id)
            } else {
                report.add(.issuer, .passed, "issued by \(issuer.name ?? "")", node: issuer.id ?? badgeClass.issuer?.id)
            }
            return (badgeClass, issuer)
        }
    }

    /// Not issued in the future; not expired (with the configured leeway).
    func checkDates(_ assertion: OB2.Assertion, into report: inout ReportBuilder) {
        let now = options.now()
        let node = assertion.id ?? assertion.uid
        if let issued = assertion.issuedOn?.date, issued > now.addingTimeInterval(options.leeway) {
            report.add(.expiry, .failed, "issued in the future (\(FlexibleDate.iso8601(issued)))", node: node)
        } else if let expires = assertion.expires?.date, expires < now.addingTimeInterval(-options.leeway) {
            report.add(.expiry, .failed, "expired on \(FlexibleDate.iso8601(expires))", node: node)
        } else if let expires = assertion.expires?.date, let issued = assertion.issuedOn?.date, expires < issued {
            report.add(.expiry, .failed, "expires before it was issued", node: node)
        } else {
            report.add(.expiry, .passed, assertion.expires.map { "valid until \($0.iso8601)" } ?? "does not expire", node: node)
        }
    }

    /// The caller's identity against the recipient.
    func checkRecipient(_ assertion: OB2.Assertion, into report: inout ReportBuilder) {
        guard let identity = options.identity else { return }
        let node = assertion.id ?? assertion.uid
        switch RecipientMatcher.match(identity.value, type: identity.type, against: assertion.recipient) {
        case .matched:
            report.add(.recipient, .passed, "\(identity.value) is the recipient", node: node)
        case .matchedAfterCaseFolding:
            report.add(.recipient, .warning, "\(identity.value) matches the recipient only when letter case is ignored; the specification compares exactly", node: node)
        case .differentIdentityType:
            report.add(.recipient, .failed, "the recipient is identified by \(assertion.recipient.type), not \(identity.type)", node: node)
        case .malformedHash, .unsupportedHashAlgorithm:
            report.add(.recipient, .failed, "the recipient hash \(assertion.recipient.identity) cannot be checked", node: node)
        case .notMatched:
            report.add(.recipient, .failed, "\(identity.value) is not the recipient", node: node)
        }
    }
}
