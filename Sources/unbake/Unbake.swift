import ArgumentParser
import BadgeBaking
import BadgeVerification
import Foundation

/// `unbake`: prints the Open Badges data baked into a PNG or SVG image.
@main
struct Unbake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unbake",
        abstract: "Print the Open Badges data baked into a PNG or SVG image.",
        discussion: """
            Exit status: 0 badge data found (with --verify: verified), 1 the image holds no badge data, 2 the input \
            is unreadable, malformed or over a limit, 3 verification failed (revoked, expired, bad signature, out \
            of scope, recipient mismatch), 4 verification could not be completed (a document could not be \
            fetched), 64 usage error.
            """
    )

    @Flag(help: "Print one JSON object describing the data (format, payload, payloadKind, specVersion, warnings, badge…).")
    var json = false

    @Flag(help: "Print a human-readable summary: title, issuer, skills, dates, version.")
    var summary = false

    @Flag(help: "Verify the badge and print the report (with --json, the JSON report).")
    var verify = false

    @Option(help: "With --verify: an email, URL or telephone number to check against the recipient.")
    var identity: String?

    @Option(help: "With --verify: fetch nothing; serve documents from this folder (a manifest.tsv maps URLs to files). JSON-LD contexts for Open Badges 3.0 are bundled; others come only from this folder, never from the network.")
    var offline: String?

    @Flag(help: "With --verify: allow fetching from loopback, private, link-local and multicast addresses.")
    var allowPrivateNetwork = false

    @Option(help: "With --verify: verify as of this ISO 8601 date instead of now.")
    var now: String?

    @Option(help: "The largest badge payload accepted, in bytes.")
    var maxPayloadBytes = ExtractionOptions().maximumPayloadBytes

    @Flag(help: "Report a wrong CRC on the badge chunk as a warning instead of failing.")
    var ignoreChecksum = false

    @Argument(help: "The image to read, or - for standard input.")
    var image: String

    func validate() throws {
        if !verify && (identity != nil || offline != nil || allowPrivateNetwork || now != nil) {
            throw ValidationError("--identity, --offline, --allow-private-network and --now go with --verify")
        }
        if let now, ISO8601DateFormatter().date(from: now) == nil {
            throw ValidationError("--now must be an ISO 8601 date such as 2025-06-01T00:00:00Z")
        }
    }

    func run() async throws {
        var options = ExtractionOptions()
        options.maximumPayloadBytes = maxPayloadBytes
        options.requireValidChecksum = !ignoreChecksum
        let extractor = BadgeExtractor(options: options)
        let badge: BakedBadge?
        do {
            badge = image == "-"
                ? try extractor.extract(fileDescriptor: 0)
                : try extractor.extract(contentsOf: URL(fileURLWithPath: image))
        } catch {
            Output.error("unbake: \(image): \(error.description)")
            throw ExitCode(2)
        }
        guard let badge else {
            Output.error("unbake: \(image): " + BadgeImport.noBadgeDataExplanation)
            throw ExitCode(1)
        }
        if verify {
            try await runVerification(badge)
        } else if json {
            Output.line(try UnbakeReport(ImportedBadge(badge)).jsonData())
        } else if summary {
            Output.line(SummaryText.render(ImportedBadge(badge)))
        } else {
            Output.line(badge.payload)
        }
    }

    private func runVerification(_ badge: BakedBadge) async throws {
        let loader: any DocumentLoader
        if let offline {
            do {
                loader = try OfflineDocumentLoader(directory: URL(fileURLWithPath: offline))
            } catch {
                Output.error("unbake: \(error.description)")
                throw ExitCode(2)
            }
        } else {
            var policy = FetchPolicy()
            policy.allowsPrivateNetwork = allowPrivateNetwork
            loader = CachingDocumentLoader(HTTPDocumentLoader(policy: policy))
        }
        let date = now.flatMap { ISO8601DateFormatter().date(from: $0) }
        var options = VerificationOptions(
            loader: loader, identity: identity.map(RecipientIdentity.init(guessing:)), now: { date ?? Date() }
        )
        // Contexts the bundle lacks may come from the operator's offline folder, never from the network.
        if offline != nil { options.contextLoader = loader }
        let report = await BadgeVerifier(options: options).verify(badge)
        Output.line(json ? try report.jsonText() : ReportText.render(report))
        switch report.verdict {
        case .verified: return
        case .failed: throw ExitCode(3)
        case .indeterminate: throw ExitCode(4)
        }
    }
}
