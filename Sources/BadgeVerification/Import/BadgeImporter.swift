import BadgeBaking
import Foundation
import OpenBadgesModel

/// Where a field of a completed `BadgeSummary` came from.
public enum SummarySource: String, Sendable, Codable, Hashable {
    /// The data baked into the image.
    case image
    /// The hosted assertion, fetched from its URL (authoritative over the baked copy).
    case hostedAssertion
    /// The BadgeClass, fetched from the IRI the assertion names.
    case badgeClass
    /// The issuer Profile, fetched from the IRI the BadgeClass (OB 1.x/2.0) or credential (OB 3.0) names.
    case issuerProfile
}

/// A badge imported into a wallet: what the image holds, completed with the documents it only refers to.
public struct CompletedImport: Sendable {
    /// The badge data and its completed summary (`ImportedBadge/summary`).
    public var imported: ImportedBadge
    /// Where each summary field came from, by field name (`title`, `description`, `image`, `criteria`, `issuer`,
    /// `skills`, `issuedOn`, `expires`, `recipient`, `evidence`). Fields that are empty are not listed.
    public var sources: [String: SummarySource]
    /// The URLs fetched and used to complete the summary, in order.
    public var fetched: [String]
    /// The verification report, when verification was asked for.
    public var report: VerificationReport?

    /// The completed summary (nil when the payload could not be decoded).
    public var summary: BadgeSummary? { imported.summary }
}

/// Imports badge images into a wallet: extracts the badge, fetches the hosted assertion, BadgeClass and issuer
/// Profile that the image only names, and (on request) verifies it, sharing one fetch of each document.
///
/// ```swift
/// let importer = BadgeImporter()                       // the network under a safe FetchPolicy, with a cache
/// if let badge = try await importer.importBadge(contentsOf: upload, verify: true) {
///     print(badge.summary?.title ?? "", badge.summary?.skills.map(\.name) ?? [])
///     print(badge.report?.verdict ?? .indeterminate)
/// }
/// ```
///
/// Every document is fetched through ``loader`` under the same policy, deadlines and budgets as verification, and
/// must be the document at its IRI (no redirect to another origin, no other declared id): a document that cannot be had leaves its fields empty,
/// a warning names the URL and the reason, and the URL stays in `BadgeSummary/documentsToFetch`. The import
/// itself still succeeds.
public struct BadgeImporter: Sendable {
    /// Where documents come from (default: the network under a safe ``FetchPolicy``, behind a cache).
    public var loader: any DocumentLoader
    /// How images are read.
    public var extractionOptions: ExtractionOptions
    /// How badges are verified when asked (its loader is replaced by the importer's, so nothing is fetched twice).
    public var verificationOptions: VerificationOptions

    /// Makes an importer.
    public init(
        loader: any DocumentLoader = CachingDocumentLoader(HTTPDocumentLoader()), extractionOptions: ExtractionOptions = ExtractionOptions(),
        verificationOptions: VerificationOptions = VerificationOptions()
    ) {
        self.loader = loader
        self.extractionOptions = extractionOptions
        self.verificationOptions = verificationOptions
    }

    /// Imports the badge in the image at `url`; nil when the image holds no badge data
    /// (`BadgeImport/noBadgeDataExplanation` says why that happens).
    public func importBadge(contentsOf url: URL, verify: Bool = false) async throws(BadgeError) -> CompletedImport? {
        guard let baked = try BadgeExtractor(options: extractionOptions).extract(contentsOf: url) else { return nil }
        return await complete(baked, verify: verify)
    }

    /// Imports the badge in image bytes held in memory; nil when they hold no badge data.
    public func importBadge(from data: some Collection<UInt8>, verify: Bool = false) async throws(BadgeError) -> CompletedImport? {
        guard let baked = try BadgeExtractor(options: extractionOptions).extract(from: data) else { return nil }
        return await complete(baked, verify: verify)
    }

    /// Imports the badge in the image read from an open file descriptor; nil when it holds no badge data.
    public func importBadge(fileDescriptor: Int32, verify: Bool = false) async throws(BadgeError) -> CompletedImport? {
        guard let baked = try BadgeExtractor(options: extractionOptions).extract(fileDescriptor: fileDescriptor) else { return nil }
        return await complete(baked, verify: verify)
    }

    /// Completes extracted badge data: fetches what it refers to and, when `verify` is set, verifies it through the
    /// same fetches.
    public func complete(_ baked: BakedBadge, verify: Bool = false) async -> CompletedImport {
        let shared = OncePerURLLoader(loader)
        var completion = Completion(baked: baked, fetcher: DocumentFetcher(loader: shared))
        await completion.run()
        var report: VerificationReport?
        if verify {
            var options = verificationOptions
            options.loader = shared
            report = await BadgeVerifier(options: options).verify(baked)
        }
        return CompletedImport(imported: completion.imported, sources: completion.sources, fetched: completion.fetched, report: report)
    }
}

/// One completion: the documents fetched, the merged document and where its fields came from.
private struct Completion {
    let baked: BakedBadge
    let fetcher: DocumentFetcher
    var imported: ImportedBadge
    var sources: [String: SummarySource] = [:]
    var fetched: [String] = []
    var unavailable: [String] = []
    var warnings: [String] = []

    init(baked: BakedBadge, fetcher: DocumentFetcher) {
        self.baked = baked
        self.fetcher = fetcher
        imported = ImportedBadge(baked)
    }

    static let assertionFields = ["issuedOn", "expires", "recipient", "evidence"]
    static let badgeClassFields = ["title", "description", "image", "criteria", "skills"]

    mutating func run() async {
        guard let original = imported.summary, case .success(let payload) = baked.decodedPayload else { return }
        for field in Self.assertionFields + Self.badgeClassFields + ["issuer"] { sources[field] = .image }
        var document: BadgeDocument?
        switch payload {
        case .url(let url):
            document = await hostedAssertion(url, baked: nil)
        case .json(.assertion(let assertion), _):
            if assertion.verificationKind != .signed, let url = assertion.hostedURL {
                document = await hostedAssertion(url, baked: assertion) ?? .assertion(assertion)
            } else {
                document = .assertion(assertion)
            }
        case .json(let other, _):
            document = other
        case .jws(let signed):
            document = signed.document
        }
        guard let found = document else {
            finish(original, merged: nil)
            return
        }
        var merged = found.jsonValue
        switch found {
        case .assertion(let assertion):
            merged = await completeAssertion(assertion, json: merged)
        case .achievementCredential(let credential):
            merged = await completeIssuer(of: merged, iri: credential.issuer.iri)
        case .endorsementCredential(let credential):
            merged = await completeIssuer(of: merged, iri: credential.issuer.iri)
        default:
            break
        }
        finish(original, merged: try? BadgeDocument(jsonValue: merged))
    }

    /// The hosted assertion at `url`, authoritative over the baked copy; differences are warnings.
    mutating func hostedAssertion(_ url: String, baked: OB2.Assertion?) async -> BadgeDocument? {
        switch await fetcher.decoded(url) {
        case .success(.assertion(let hosted)):
            fetched.append(url)
            for field in Self.assertionFields { sources[field] = .hostedAssertion }
            if let baked { warnings += Self.differences(baked: baked, hosted: hosted) }
            return .assertion(hosted)
        case .success(.revokedAssertion(let revoked)):
            fetched.append(url)
            warnings.append("the issuer has revoked this badge (\(url))" + (revoked.revocationReason.map { ": \($0)" } ?? ""))
            return baked.map(BadgeDocument.assertion)
        case .success(let other):
            unavailable(url, "it is a \(other.kindName), not an assertion")
        case .failure(let failure):
            unavailable(url, Self.reason(failure))
        }
        return nil
    }

    /// The assertion with its BadgeClass, and the BadgeClass's issuer, fetched when they are only IRIs.
    mutating func completeAssertion(_ assertion: OB2.Assertion, json: JSONValue) async -> JSONValue {
        guard var object = json.objectValue else { return json }
        var badgeClass: OB2.BadgeClass?
        var badgeJSON: JSONValue?
        switch assertion.badge {
        case .object(let embedded):
            badgeClass = embedded
            badgeJSON = object["badge"]
        case .iri(let iri):
            switch await fetcher.decoded(iri) {
            case .success(.badgeClass(let fetchedClass)):
                fetched.append(iri)
                badgeClass = fetchedClass
                badgeJSON = fetchedClass.jsonValue
                for field in Self.badgeClassFields { sources[field] = .badgeClass }
            case .success(let other): unavailable(iri, "it is a \(other.kindName), not a BadgeClass")
            case .failure(let failure): unavailable(iri, Self.reason(failure))
            }
        }
        guard let badgeClass, var badgeObject = badgeJSON?.objectValue else { return json }
        if case .iri(let issuerIRI)? = badgeClass.issuer {
            switch await fetcher.decoded(issuerIRI) {
            case .success(.profile(let profile)):
                fetched.append(issuerIRI)
                badgeObject["issuer"] = profile.jsonValue
                sources["issuer"] = .issuerProfile
            case .success(let other): unavailable(issuerIRI, "it is a \(other.kindName), not an issuer Profile")
            case .failure(let failure): unavailable(issuerIRI, Self.reason(failure))
            }
        }
        object["badge"] = .object(badgeObject)
        return .object(object)
    }

    /// An OB 3.0 credential whose issuer is only an IRI, with the issuer Profile fetched from it.
    mutating func completeIssuer(of json: JSONValue, iri: String?) async -> JSONValue {
        guard let iri, DocumentFetcher.isDereferenceable(iri), var object = json.objectValue else { return json }
        switch await fetcher.decoded(iri) {
        case .success(let document):
            guard case .object(let profile) = document.jsonValue, profile["name"] != nil else {
                unavailable(iri, "it is not an issuer Profile")
                return json
            }
            fetched.append(iri)
            object["issuer"] = .object(profile)
            sources["issuer"] = .issuerProfile
            return .object(object)
        case .failure(let failure):
            unavailable(iri, Self.reason(failure))
            return json
        }
    }

    mutating func unavailable(_ url: String, _ reason: String) {
        unavailable.append(url)
        warnings.append("\(url) could not be used: \(reason)")
    }

    /// The completed summary: built from the merged document, keeping how the payload was carried and verified.
    mutating func finish(_ original: BadgeSummary, merged: BadgeDocument?) {
        var summary = merged.map { BadgeSummary(document: $0, payloadKind: original.payloadKind) } ?? original
        if original.payloadKind == .jws || original.payloadKind == .url {
            summary.verification = original.verification
        }
        summary.warnings = Self.unique(original.warnings + summary.warnings + warnings)
        let tried = Set(fetched)
        summary.documentsToFetch = Self.unique(summary.documentsToFetch.filter { !tried.contains($0) } + unavailable)
        var seen = Set<String>()
        summary.skills = summary.skills.filter { seen.insert("\($0.name)\u{0}\($0.framework ?? "")\u{0}\($0.code ?? "")").inserted }
        for (field, present) in [
            ("title", summary.title != nil), ("description", summary.description != nil), ("image", summary.image != nil),
            ("criteria", summary.criteria != nil), ("issuer", summary.issuer != nil), ("skills", !summary.skills.isEmpty),
            ("issuedOn", summary.issuedOn != nil), ("expires", summary.expires != nil), ("recipient", summary.recipient != nil),
            ("evidence", !summary.evidence.isEmpty),
        ] where !present {
            sources[field] = nil
        }
        imported.summary = summary
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    static func reason(_ failure: DocumentFetcher.Failure) -> String {
        switch failure {
        case .fetch(let error): error.message
        case .decode(let message): message
        }
    }

    /// Where the baked copy and the hosted one disagree (the hosted one counts).
    static func differences(baked: OB2.Assertion, hosted: OB2.Assertion) -> [String] {
        var found: [String] = []
        func compare(_ name: String, _ a: String?, _ b: String?) {
            if a != b {
                found.append("the baked copy's \(name) (\(a ?? "none")) differs from the hosted assertion's (\(b ?? "none")); the hosted one is shown")
            }
        }
        compare("issuedOn", baked.issuedOn?.iso8601, hosted.issuedOn?.iso8601)
        compare("expires", baked.expires?.iso8601, hosted.expires?.iso8601)
        compare("badge", baked.badge.id, hosted.badge.id)
        compare("recipient", baked.recipient.identity, hosted.recipient.identity)
        if hosted.revoked == true { found.append("the hosted assertion says it is revoked") }
        return found
    }
}
