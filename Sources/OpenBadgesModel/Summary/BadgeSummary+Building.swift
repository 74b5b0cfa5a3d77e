extension BadgeSummary {
    /// Builds a summary from payload text (JSON, compact JWS or URL).
    /// - Parameters:
    ///   - payload: the text baked into the image.
    ///   - options: JSON limits.
    /// - Throws: ``ModelError`` when the payload cannot be read.
    public init(payload: String, options: JSONParsingOptions = .default) throws {
        self.init(payload: try BadgePayload(text: payload, options: options))
    }

    /// Builds a summary from a classified payload.
    public init(payload: BadgePayload) {
        switch payload {
        case .url(let url):
            self.init(payloadKind: .url)
            verification.mode = .hosted
            verification.needsOnlineVerification = true
            verification.hostedURL = url
            documentsToFetch = [url]
            if !(url.utf8.starts(with: "http://".utf8) || url.utf8.starts(with: "https://".utf8)) {
                warnings.append("the payload \"\(url.excerpt())\" is not an absolute http(s) URL; resolve it against where the image came from")
            }
        case .json(let document, _):
            self.init(document: document, payloadKind: .json)
        case .jws(let signed):
            self.init(document: signed.document, payloadKind: .jws)
            verification.mode = .signed
            verification.needsOnlineVerification = false
            verification.canVerifyOffline = true
            verification.hostedURL = nil
            verification.jwsAlgorithm = signed.jws.algorithm
            if issuedOn == nil, let nbf = signed.claims.notBefore { issuedOn = FlexibleDate.iso8601(nbf) }
            if expires == nil, let exp = signed.claims.expiration { expires = FlexibleDate.iso8601(exp) }
            if credentialID == nil { credentialID = signed.credentialID }
            if issuer == nil, let iss = signed.claims.issuer { issuer = Issuer(id: iss) }
            if case .assertion = signed.document {
                // A signed assertion is verified from the JWS, but its BadgeClass/issuer may still be IRIs.
                documentsToFetch.removeAll { $0 == signed.document.jsonValue["id"]?.stringValue }
            }
            warnings += signed.claimMismatches.map { "JWT claim mismatch: \($0)" }
        }
    }

    /// Builds a summary from a decoded document.
    /// - Parameters:
    ///   - document: an assertion or a credential (other documents give a summary with only what they hold).
    ///   - payloadKind: how the document was carried.
    public init(document: BadgeDocument, payloadKind: PayloadKind = .json) {
        self.init(payloadKind: payloadKind)
        specVersion = document.specVersion
        documentKind = document.kindName
        switch document {
        case .assertion(let a): fill(assertion: a)
        case .badgeClass(let b): fill(badgeClass: b)
        case .achievementCredential(let c): fill(credential: c)
        case .endorsementCredential(let c):
            title = c.name?.text()
            description = c.credentialSubject.endorsementComment ?? c.description?.text()
            fill(issuer: c.issuer)
            fillDatesAndProofs(c)
        case .clrCredential(let c): fill(clr: c)
        case .profile(let p): issuer = Issuer(p)
        case .revokedAssertion(let r):
            credentialID = r.id
            warnings.append("the issuer has revoked this badge" + (r.revocationReason.map { ": \($0)" } ?? ""))
        case .cryptographicKey, .revocationList, .endorsement: break
        }
    }

    // MARK: OB 0.5–2.0

    private mutating func fill(assertion a: OB2.Assertion) {
        credentialID = a.id ?? a.uid
        issuedOn = a.issuedOn.map(\.iso8601)
        expires = a.expires.map(\.iso8601)
        for date in [a.issuedOn, a.expires].compactMap({ $0 }) where date.form == .dateTimeWithoutOffset {
            warnings.append("the date \"\(date)\" has no time zone; read as UTC")
        }
        recipient = RecipientHint(ob2: a.recipient)
        evidence = a.evidence.map { e in
            switch e {
            case .iri(let s): Evidence(url: s)
            case .object(let o): Evidence(url: o.id, name: o.name, description: o.description, narrative: o.narrative)
            }
        }
        if let narrative = a.narrative { evidence.insert(Evidence(narrative: narrative), at: 0) }
        switch a.verificationKind {
        case .hosted, .unknown:
            verification.mode = .hosted
            verification.needsOnlineVerification = true
            verification.hostedURL = a.hostedURL
            if let url = a.hostedURL, a.verificationKind == .hosted { documentsToFetch.append(url) }
        case .signed:
            verification.mode = .signed
            verification.canVerifyOffline = payloadKind == .jws
            if payloadKind != .jws {
                warnings.append("the assertion says it is signed, but the payload is not a JWS, so there is no signature to check")
            }
        }
        switch a.badge {
        case .iri(let iri):
            documentsToFetch.append(iri)
            image = a.image?.imageURL
        case .object(let b):
            fill(badgeClass: b)
            if image == nil { image = a.image?.imageURL }
        }
    }

    private mutating func fill(badgeClass b: OB2.BadgeClass) {
        title = b.name
        description = b.description
        image = b.image?.imageURL
        switch b.criteria {
        case .iri(let s)?: criteria = Criteria(url: s)
        // Credly writes the criteria page as `url`, not `id`.
        case .object(let c)?: criteria = Criteria(url: c.id ?? c.json["url"]?.stringValue, narrative: c.narrative)
        case nil: break
        }
        switch b.issuer {
        case .iri(let s)?:
            issuer = Issuer(id: s)
            documentsToFetch.append(s)
        case .object(let p)?: issuer = Issuer(p)
        case nil: break
        }
        skills =
            b.tags.map { Skill(name: $0, source: .tag) }
            + b.alignment.compactMap { al in
                guard let name = al.targetName ?? al.targetCode else { return nil }
                return Skill(name: name, framework: al.targetFramework, code: al.targetCode, url: al.targetUrl, source: .alignment)
            }
    }

    // MARK: OB 3.0

    private mutating func fill(credential c: OB3.AchievementCredential) {
        credentialID = c.id
        let achievement = c.credentialSubject.achievement
        title = achievement?.name?.text() ?? c.name?.text()
        description = achievement?.description?.text() ?? c.description?.text()
        if let name = c.name?.text(), name != title { credentialName = name }
        image = achievement?.image?.imageURL ?? c.image?.imageURL
        switch achievement?.criteria {
        case .iri(let s)?: criteria = Criteria(url: s)
        case .object(let cr)?: criteria = Criteria(url: cr.id, narrative: cr.narrative?.text())
        case nil: break
        }
        fill(issuer: c.issuer)
        if let a = achievement {
            skills = a.tag.map { Skill(name: $0, source: .tag) } + a.alignment.compactMap(Skill.init(alignment:))
            for rd in a.resultDescription {
                if let name = rd.name?.text() {
                    skills.append(Skill(name: name, code: rd.resultType, url: rd.id, source: .resultDescription))
                }
                skills += rd.alignment.compactMap(Skill.init(alignment:))
            }
        }
        recipient = RecipientHint(subject: c.credentialSubject)
        if let a = achievement {
            let names = Dictionary(a.resultDescription.compactMap { rd in rd.id.map { ($0, rd.name?.text()) } }, uniquingKeysWith: { first, _ in first })
            results = c.credentialSubject.result.map { r in
                Result(name: r.resultDescription.flatMap { names[$0] ?? $0 }, value: r.value, status: r.status)
            }
        }
        evidence = c.evidence.map { Evidence(url: $0.id, name: $0.name?.text(), description: $0.description?.text(), narrative: $0.narrative?.text()) }
        fillDatesAndProofs(c)
    }

    // MARK: CLR 2.0

    private mutating func fill(clr c: OB3.ClrCredential) {
        credentialID = c.id
        title = c.name?.text()
        description = c.description?.text()
        image = c.image?.imageURL
        fill(issuer: c.issuer)
        fillDatesAndProofs(c)
        if let id = c.credentialSubject.id {
            recipient = RecipientHint(type: id.hasPrefix("did:") ? "did" : "id", plaintext: id, hashAlgorithm: nil, salted: false, display: id)
        }
        var awarded = Set<String>()
        for (index, embedded) in c.credentialSubject.verifiableCredential.enumerated() {
            switch embedded {
            case .achievementCredential(let credential):
                if let id = credential.credentialSubject.achievement?.id { awarded.insert(id) }
                achievements.append(BadgeSummary(document: .achievementCredential(credential), payloadKind: .json))
            case .jwt(let text):
                if let payload = try? BadgePayload(text: text), case .jws(let signed) = payload {
                    if case .achievementCredential(let credential) = signed.document, let id = credential.credentialSubject.achievement?.id {
                        awarded.insert(id)
                    }
                    achievements.append(BadgeSummary(payload: payload))
                } else {
                    warnings.append("embedded credential \(index + 1) is not a readable VC-JWT")
                }
            case .other(let object):
                let type = BadgeDocument.typeNames(object["type"]).joined(separator: ", ")
                warnings.append("embedded credential \(index + 1) (\(type)) is not an AchievementCredential and is not summarised")
            }
        }
        // Achievements the record only describes (no embedded credential awards them).
        for a in c.credentialSubject.achievement where a.id.map({ !awarded.contains($0) }) ?? true {
            var summary = BadgeSummary(payloadKind: .json)
            summary.specVersion = .v3_0
            summary.documentKind = "achievement"
            summary.title = a.name?.text()
            summary.description = a.description?.text()
            summary.image = a.image?.imageURL
            switch a.criteria {
            case .iri(let s)?: summary.criteria = Criteria(url: s)
            case .object(let cr)?: summary.criteria = Criteria(url: cr.id, narrative: cr.narrative?.text())
            case nil: break
            }
            if let creator = a.creator { summary.fill(issuer: creator) } else { summary.issuer = issuer }
            summary.skills = a.tag.map { Skill(name: $0, source: .tag) } + a.alignment.compactMap(Skill.init(alignment:))
            summary.credentialID = a.id
            summary.verification = verification
            achievements.append(summary)
        }
        skills = achievements.flatMap(\.skills)
    }

    private mutating func fill(issuer: IRIOrObject<OB3.Profile>) {
        switch issuer {
        case .iri(let s):
            self.issuer = Issuer(id: s)
            if s.utf8.starts(with: "http://".utf8) || s.utf8.starts(with: "https://".utf8) { documentsToFetch.append(s) }
        case .object(let p):
            self.issuer = Issuer(id: p.id, name: p.name?.text(), url: p.url, email: p.email, image: p.image?.imageURL)
        }
    }

    private mutating func fillDatesAndProofs<S>(_ c: OB3.Credential<S>) {
        issuedOn = c.validityStart.map(\.iso8601)
        expires = c.validityEnd.map(\.iso8601)
        if !c.proof.isEmpty {
            verification.mode = .signed
            verification.canVerifyOffline = true
            verification.proofTypes = c.proof.map { p in [p.type, p.cryptosuite].compactMap { $0 }.joined(separator: " ") }
        }
    }
}

extension BadgeSummary.Issuer {
    init(_ p: OB2.Profile) {
        var name = p.name
        if let org = p.org { name = name.map { "\($0): \(org)" } ?? org }
        self.init(id: p.id, name: name, url: p.url, email: p.email, image: p.image?.imageURL)
    }
}

extension BadgeSummary.Skill {
    init?(alignment al: OB3.Alignment) {
        guard let name = al.targetName?.text() ?? al.targetCode else { return nil }
        self.init(name: name, framework: al.targetFramework?.text(), code: al.targetCode, url: al.targetUrl, source: .alignment)
    }
}

extension BadgeSummary.RecipientHint {
    init(ob2 r: OB2.IdentityObject) {
        type = r.type
        salted = r.salt.map { !$0.isEmpty } ?? false
        if r.isHashed {
            plaintext = nil
            hashAlgorithm = r.hashAlgorithm
            display = "hashed \(r.hashAlgorithm ?? "?")" + (salted ? " (salted)" : "")
        } else {
            plaintext = r.identity
            hashAlgorithm = nil
            display = r.identity
        }
    }

    init?(subject s: OB3.AchievementSubject) {
        if let i = s.identifier.first {
            type = i.identityType
            salted = i.salt.map { !$0.isEmpty } ?? false
            if i.hashed {
                // On bytes: the hash is untrusted text, and String's split walks grapheme clusters.
                let hash = i.identityHash.utf8
                let alg = hash.isEmpty ? nil : String(Substring(hash.prefix { $0 != UInt8(ascii: "$") })).lowercased()
                plaintext = nil
                hashAlgorithm = alg
                display = "hashed \(alg ?? "?")" + (salted ? " (salted)" : "")
            } else {
                plaintext = i.identityHash
                hashAlgorithm = nil
                display = i.identityHash
            }
        } else if let id = s.id {
            type = id.utf8.starts(with: "did:".utf8) ? "did" : "id"
            plaintext = id
            hashAlgorithm = nil
            salted = false
            display = id
        } else {
            return nil
        }
    }
}

extension IRIOrObject<OB2.Image> {
    /// The image URL or data URI.
    var imageURL: String? { id }
}

extension IRIOrObject<OB3.Image> {
    /// The image URL or data URI.
    var imageURL: String? { id }
}
