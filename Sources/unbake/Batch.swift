import BadgeBaking
import BadgeVerification
import Foundation
import OpenBadgesModel

/// `unbake --json [--verify] [--jobs N] IMAGE...`: many images in one process, `jobs` at a time, one JSON object per
/// line in the order given, each starting with `file` (the path as given).
///
/// The exit status is 0 when every image passed (found, or verified); otherwise the worst: 3 (failed) over 2
/// (unreadable) over 4 (indeterminate) over 1 (no badge data).
struct Batch: Sendable {
    let extractor: BadgeExtractor
    /// Set for `--verify`.
    let verification: VerificationOptions?
    let jobs: Int

    /// One image's line and exit status.
    struct Outcome: Sendable {
        var line: Data
        var status: Int32
    }

    /// Runs every image and prints each line as soon as the ones before it are printed; returns the exit status.
    ///
    /// `jobs` workers each take the next image until none is left, so an image costs no task of its own and no
    /// hand-over between threads; the lines are printed in the order given.
    func run(_ files: [String]) async -> Int32 {
        let printer = OrderedPrinter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(max(1, jobs), files.count) {
                group.addTask {
                    while let index = printer.nextIndex(below: files.count) {
                        printer.deliver(await process(files[index]), at: index)
                    }
                }
            }
        }
        return Self.worst(printer.statuses)
    }

    /// The worst status by severity: 3 > 2 > 4 > 1 > 0.
    static func worst(_ statuses: [Int32]) -> Int32 {
        let rank: [Int32: Int] = [3: 4, 2: 3, 4: 2, 1: 1, 0: 0]
        return statuses.max { rank[$0, default: 5] < rank[$1, default: 5] } ?? 0
    }

    func process(_ file: String) async -> Outcome {
        let badge: BakedBadge?
        do {
            badge = try extractor.extract(contentsOf: URL(fileURLWithPath: file, isDirectory: false))  // told: no stat to find out
        } catch {
            return Self.line(file, ["verdict": verification == nil ? nil : "unreadable", "error": error.description], status: 2)
        }
        guard let badge else {
            return Self.line(file, ["verdict": verification == nil ? nil : "noBadgeData", "error": BadgeImport.noBadgeDataExplanation], status: 1)
        }
        guard let verification else {
            let body = (try? UnbakeReport(ImportedBadge(badge)).jsonData()) ?? Data("{}".utf8)
            return Outcome(line: Self.prefixed(file, body), status: 0)
        }
        let report = await BadgeVerifier(options: verification).verify(badge)
        let status: Int32 =
            switch report.verdict {
            case .verified: 0
            case .failed: 3
            case .indeterminate: 4
            }
        // `file`, then `verdict`, then the rest of the report.
        var line: [(String, JSONValue)] = [("file", .string(file)), ("verdict", .string(report.verdict.rawValue))]
        for (key, value) in report.jsonValue.objectValue ?? [:] where key != "verdict" { line.append((key, value)) }
        return Outcome(line: Data(JSONValue.object(JSONObject(line)).serializedUTF8()), status: status)
    }

    /// `{"file":…,` followed by the members of `object` (a JSON object's text), so `file` comes first.
    static func prefixed(_ file: String, _ object: Data) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let name = (try? encoder.encode(file)) ?? Data("\"\"".utf8)
        var line = Data("{\"file\":".utf8) + name
        let rest = object.dropFirst()  // past "{"
        if rest.first != UInt8(ascii: "}") { line.append(UInt8(ascii: ",")) }
        line.append(contentsOf: rest)
        return line
    }

    static func line(_ file: String, _ members: [String: String?], status: Int32) -> Outcome {
        let present = members.compactMapValues { $0 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(present)) ?? Data("{}".utf8)
        return Outcome(line: prefixed(file, body), status: status)
    }
}

/// Hands out image indexes to the workers and prints their lines in index order as they become ready.
final class OrderedPrinter: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0
    private var printed = 0
    private var pending: [Int: Batch.Outcome] = [:]
    private var printedStatuses: [Int32] = []

    /// The next index not yet handed out, or nil when every index below `count` was.
    func nextIndex(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Keeps `outcome` for `index` and prints every line that is now next in order.
    func deliver(_ outcome: Batch.Outcome, at index: Int) {
        lock.withLock {
            pending[index] = outcome
            while let ready = pending.removeValue(forKey: printed) {
                Output.line(ready.line)
                printedStatuses.append(ready.status)
                printed += 1
            }
        }
    }

    /// The statuses of the lines printed so far, in order.
    var statuses: [Int32] { lock.withLock { printedStatuses } }
}
