import ArgumentParser
import BadgeBaking
import CBadgeSupport
import Foundation
import OpenBadgesModel

/// `bake`: writes Open Badges data into a PNG or SVG image.
@main
struct Bake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bake",
        abstract: "Bake Open Badges data (assertion or credential JSON, a compact JWS, or a hosted URL) into a PNG or SVG image.",
        discussion: """
            The output is written atomically (a temporary file, then a rename): it is complete or absent, never \
            partial, and the input is never modified. Existing badge data is replaced. Exit status: 0 baked, \
            2 the input or payload is unreadable, malformed or over a limit, or the output cannot be written, \
            64 usage error.
            """
    )

    @Argument(help: "The image to bake into, or - for standard input.")
    var image: String

    @Option(help: "A file holding the payload, or - for standard input.")
    var payload: String

    @Option(help: "Where to write the baked image, or - for standard output.")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: "Bake as 'assertion' (OB 0.5–2.0), 'credential' (OB 3.0) or 'clr' (CLR 2.0) instead of deciding from the payload.")
    var generation: BadgeGeneration?

    @Flag(help: "Fail instead of replacing badge data the image already holds.")
    var failIfBaked = false

    @Flag(
        help:
            "SVG only: remove everything a browser would run (script and embedding elements in any namespace, on* and srcdoc attributes, javascript:/vbscript:/non-image data: URLs, the DOCTYPE and its entities, xml-stylesheet); refuse a document that refers to entities."
    )
    var removeActiveContent = false

    @Flag(help: "Flush the output to disk before moving it into place, so that it survives a power failure.")
    var sync = false

    @Option(help: "The largest payload accepted, in bytes.")
    var maxPayloadBytes = BakeOptions().maximumPayloadBytes

    @Option(help: "Give up reading the payload after this many seconds (a FIFO or pipe nobody writes to).")
    var payloadTimeout = 30.0

    @Flag(help: "PNG only: keep the bytes after the IEND chunk (by default they are dropped: they could carry a second badge).")
    var keepTrailingData = false

    func validate() throws {
        if image == "-" && payload == "-" {
            throw ValidationError("the image and the payload cannot both come from standard input")
        }
        guard payloadTimeout > 0, payloadTimeout.isFinite else {
            throw ValidationError("--payload-timeout must be a positive number of seconds")
        }
    }

    func run() throws {
        _ = badge_release_relocation_table(nil)  // read once by the loader: see CBadgeStartup.h
        // The library installs no signal handlers: the tool does, and tells them which temporary file to remove.
        badge_cleanup_install_handlers()
        var options = BakeOptions()
        options.generation = generation
        options.replaceExisting = !failIfBaked
        options.removeActiveContent = removeActiveContent
        options.maximumPayloadBytes = maxPayloadBytes
        options.flushToDisk = sync
        options.keepTrailingData = keepTrailingData
        options.temporaryFileObserver = { path in
            if let path { badge_cleanup_arm(path) } else { badge_cleanup_disarm() }
        }
        let baker = BadgeBaker(options: options)
        do throws(BadgeError) {
            let text = try readPayload(limit: maxPayloadBytes)
            let input: BakeInput = image == "-" ? .fileDescriptor(0) : .file(URL(fileURLWithPath: image))
            let destination: BakeOutput = output == "-" ? .fileDescriptor(1) : .file(URL(fileURLWithPath: output), overwrite: force)
            try baker.bake(text, from: input, to: destination)
        } catch  where error.code == .outputExists {
            Self.printError("bake: \(error.description); pass --force to replace it")
            throw ExitCode(2)
        } catch {
            Self.printError("bake: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// Writes `text` and a line break on standard error (a failed write is ignored: there is nowhere else to say so).
    static func printError(_ text: String) {
        var sink = FileByteSink(descriptor: 2)
        try? sink.write(Array((text + "\n").utf8))
    }

    private func readPayload(limit: Int) throws(BadgeError) -> String {
        // A little over the limit, so that BakePayload reports an oversized payload as such.
        let bytes = try PayloadReader.contents(of: payload, limit: limit + 4096, timeout: payloadTimeout)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BadgeError.invalidUTF8("the payload is not valid UTF-8")
        }
        return text
    }
}

extension BadgeGeneration: ExpressibleByArgument {}
