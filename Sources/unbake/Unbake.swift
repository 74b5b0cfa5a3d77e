import ArgumentParser
import BadgeBaking
import BadgeVerification
import Foundation
import OpenBadgesModel

/// `unbake`: prints the Open Badges data baked into a PNG or SVG image (started by `main.swift`).
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

    /// The long options that take a value, for ``ImageArguments``. Debug builds check the list against
    /// ArgumentParser's own parse on every run.
    static let valueOptions: Set<String> = ["--identity", "--offline", "--now", "--max-payload-bytes", "--jobs"]

    /// Parses the options and the first image, runs over every image, and ends the process with its exit status.
    ///
    /// An exit status thrown as `ExitCode` ends the process as it is: ArgumentParser would first render the usage
    /// text, which is then not printed.
    static func main() async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let split = ImageArguments(arguments, valueOptions: valueOptions)
        do {
            var command = try parse(split.parsed)
            command.images = split.images
            try command.validate()
            #if DEBUG
                checkSplit(arguments, images: split.images)
            #endif
            try await command.run()
            Foundation.exit(0)
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    #if DEBUG
        /// Stops when ArgumentParser, given the whole command line, finds other images than ``ImageArguments``: an
        /// option that takes a value is missing from ``valueOptions``, or a flag is in it.
        static func checkSplit(_ arguments: [String], images: [String]) {
            guard let whole = try? parse(arguments) else { return }
            precondition(whole.images == images, "ImageArguments and ArgumentParser disagree on the images; see Unbake.valueOptions")
        }
    #endif

    @Flag(help: "Print one JSON object describing the data (format, payload, payloadKind, specVersion, warnings, badge…).")
    var json = false

    @Flag(help: "Print a human-readable summary: title, issuer, skills, dates, version.")
    var summary = false

    @Flag(help: "Verify the badge and print the report (with --json, the JSON report).")
    var verify = false

    @Flag(
        help:
            "Fetch the hosted assertion, BadgeClass and issuer Profile that the image only names, and print the completed summary (with --json, the completed badge object; with --verify, the summary and the report, sharing one fetch of each document)."
    )
    var fetch = false

    @Option(help: "With --verify: an email, URL or telephone number to check against the recipient.")
    var identity: String?

    @Option(
        help:
            "With --verify: fetch nothing; serve documents from this folder (a manifest.tsv maps URLs to files). JSON-LD contexts for Open Badges 3.0 are bundled; others come only from this folder, never from the network."
    )
    var offline: String?

    @Flag(help: "With --verify: allow fetching from loopback, private, link-local and multicast addresses.")
    var allowPrivateNetwork = false

    @Flag(
        help:
            "With --verify: accept an Open Badges 3.0 signature by a key that cannot be tied to the issuer (1EdTech's permissive behaviour), with a warning. By default such a badge is indeterminate (exit 4) or failed."
    )
    var acceptUnboundKeys = false

    @Option(help: "With --verify: verify as of this ISO 8601 date-time (or date) instead of now.")
    var now: String?

    @Option(help: "The largest badge payload accepted, in bytes.")
    var maxPayloadBytes = ExtractionOptions().maximumPayloadBytes

    @Flag(help: "Report a wrong CRC on the badge chunk as a warning instead of failing.")
    var ignoreChecksum = false

    @Option(help: "With several images: how many are read or verified at once (default: the number of cores).")
    var jobs: Int?

    @Argument(help: "The image to read, or - for standard input. Several images (with --json) give one JSON object per line, in the order given.")
    var images: [String]

    /// The single image (the usual case).
    var image: String { images[0] }

    func validate() throws {
        if images.isEmpty { throw ValidationError("name an image to read") }
        if images.count > 1 || jobs != nil {
            guard json else { throw ValidationError("several images (or --jobs) need --json: one JSON object per line") }
            guard !summary, !fetch else { throw ValidationError("--summary and --fetch read one image at a time") }
            guard !images.contains("-") else { throw ValidationError("standard input (-) is read alone, not among several images") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }
        if !verify && (identity != nil || acceptUnboundKeys || now != nil) {
            throw ValidationError("--identity, --accept-unbound-keys and --now go with --verify")
        }
        if !verify && !fetch && (offline != nil || allowPrivateNetwork) {
            throw ValidationError("--offline and --allow-private-network go with --verify or --fetch")
        }
        if let now, Self.date(now) == nil {
            throw ValidationError("--now must be an ISO 8601 date such as 2025-06-01T00:00:00Z")
        }
    }

    func run() async throws {
        var options = ExtractionOptions()
        options.maximumPayloadBytes = maxPayloadBytes
        options.requireValidChecksum = !ignoreChecksum
        let extractor = BadgeExtractor(options: options)
        // With --fetch, the import verifies through its own fetches.
        let verification = verify && !fetch ? verificationOptions(try makeLoader()) : nil
        if images.count > 1 || jobs != nil {
            let batch = Batch(extractor: extractor, verification: verification, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let status = await batch.run(images)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let badge: BakedBadge?
        do {
            badge =
                image == "-"
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
        if fetch {
            try await runImport(badge)
        } else if let verification {
            try await runVerification(badge, options: verification)
        } else if json {
            Output.line(try UnbakeReport(ImportedBadge(badge)).jsonData())
        } else if summary {
            Output.line(SummaryText.render(ImportedBadge(badge)))
        } else {
            Output.line(badge.payload)
        }
    }

    /// `--fetch`: completes the summary from the documents the image names (and verifies, with `--verify`).
    private func runImport(_ badge: BakedBadge) async throws {
        let loader = try makeLoader()
        let importer = BadgeImporter(loader: loader, verificationOptions: verificationOptions(loader))
        let completed = await importer.complete(badge, verify: verify)
        if json {
            var report = UnbakeReport(completed.imported)
            report.sources = completed.sources
            report.verification = completed.report
            Output.line(try report.jsonData())
        } else {
            var text = SummaryText.render(completed.imported)
            if let report = completed.report { text += "\n\n" + ReportText.render(report) }
            Output.line(text)
        }
        if let report = completed.report { try Self.exit(for: report) }
    }

    func makeLoader() throws -> any DocumentLoader {
        if let offline {
            do {
                return try OfflineDocumentLoader(directory: URL(fileURLWithPath: offline))
            } catch {
                Output.error("unbake: \(error.description)")
                throw ExitCode(2)
            }
        }
        var policy = FetchPolicy()
        policy.allowsPrivateNetwork = allowPrivateNetwork
        return CachingDocumentLoader(HTTPDocumentLoader(policy: policy))
    }

    func verificationOptions(_ loader: any DocumentLoader) -> VerificationOptions {
        let date = now.flatMap(Self.date)
        var options = VerificationOptions(
            loader: loader, identity: identity.map(RecipientIdentity.init(guessing:)), now: { date ?? Date() }
        )
        // Contexts the bundle lacks may come from the operator's offline folder, never from the network.
        if offline != nil { options.contextLoader = loader }
        options.acceptsUnboundKeys = acceptUnboundKeys
        return options
    }

    /// The instant `--now` names: an ISO 8601 date-time with `Z` or an offset, or a date (midnight UTC).
    static func date(_ text: String) -> Date? {
        guard let date = try? FlexibleDate(text), date.form == .dateTime || date.form == .dateOnly else { return nil }
        return date.date
    }

    private static func exit(for report: VerificationReport) throws {
        switch report.verdict {
        case .verified: return
        case .failed: throw ExitCode(3)
        case .indeterminate: throw ExitCode(4)
        }
    }

    private func runVerification(_ badge: BakedBadge, options: VerificationOptions) async throws {
        let report = await BadgeVerifier(options: options).verify(badge)
        Output.line(json ? try report.jsonText() : ReportText.render(report))
        try Self.exit(for: report)
    }
}
