import ArgumentParser
import BadgeBaking
import Foundation

/// `unbake`: prints the Open Badges data baked into a PNG or SVG image.
@main
struct Unbake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unbake",
        abstract: "Print the Open Badges data baked into a PNG or SVG image.",
        discussion: """
            Exit status: 0 badge data found, 1 the image holds no badge data, 2 the input is unreadable, \
            malformed or over a limit, 64 usage error.
            """
    )

    @Flag(help: "Print one JSON object describing the data (format, payload, payloadKind, specVersion, warnings, badge…).")
    var json = false

    @Flag(help: "Print a human-readable summary: title, issuer, skills, dates, version.")
    var summary = false

    @Option(help: "The largest badge payload accepted, in bytes.")
    var maxPayloadBytes = ExtractionOptions().maximumPayloadBytes

    @Flag(help: "Report a wrong CRC on the badge chunk as a warning instead of failing.")
    var ignoreChecksum = false

    @Argument(help: "The image to read, or - for standard input.")
    var image: String

    func run() throws {
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
        if json {
            Output.line(try UnbakeReport(ImportedBadge(badge)).jsonText())
        } else if summary {
            Output.line(SummaryText.render(ImportedBadge(badge)))
        } else {
            Output.line(badge.payload)
        }
    }
}
