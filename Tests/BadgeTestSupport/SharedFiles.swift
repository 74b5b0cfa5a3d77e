import Foundation

/// Where the tests, the benchmark and the fuzzers find files that are not in the package: the shared corpus of
/// real badges, the published JSON-LD contexts, the JSON Schemas and the W3C test suites.
///
/// One rule for every test target: `$BADGE_SHARED_DIR` when set, otherwise `../shared` beside the package root.
/// Point the variable at a missing folder to check that every test needing these files skips, saying why.
public enum SharedFiles {
    /// The package root (this file is `<root>/Tests/BadgeTestSupport/SharedFiles.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$BADGE_SHARED_DIR`, or `../shared` beside the package root.
    public static let root: URL =
        ProcessInfo.processInfo.environment["BADGE_SHARED_DIR"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Real badges and documents (`corpus/MANIFEST.tsv` lists them).
    public static let corpus = root.appendingPathComponent("corpus")
    /// Published JSON-LD contexts (`contexts/INDEX.tsv`).
    public static let contexts = root.appendingPathComponent("contexts")
    /// The W3C and JSON Schema test suites.
    public static let testsuites = root.appendingPathComponent("testsuites")
    /// The 1EdTech JSON Schemas.
    public static let schemas = root.appendingPathComponent("schemas")

    /// Whether the corpus is present (its manifest exists).
    public static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.tsv").path) }
    /// Whether the test suites are present.
    public static var hasTestsuites: Bool { FileManager.default.fileExists(atPath: testsuites.path) }
    /// Whether the contexts are present (their index exists).
    public static var hasContexts: Bool { FileManager.default.fileExists(atPath: contexts.appendingPathComponent("INDEX.tsv").path) }

    /// The reason a test that needs the corpus gives when it skips.
    public static let corpusMissing: String = "needs the shared corpus at \(corpus.path) (set BADGE_SHARED_DIR)"
    /// The reason a test that needs the test suites gives when it skips.
    public static let testsuitesMissing: String = "needs the shared test suites at \(testsuites.path) (set BADGE_SHARED_DIR)"
    /// The reason a test that needs the contexts gives when it skips.
    public static let contextsMissing: String = "needs the shared contexts at \(contexts.path) (set BADGE_SHARED_DIR)"

    /// The URL of a corpus file, by its path relative to the corpus (`png/credly.png`).
    public static func corpusFile(_ relativePath: String) -> URL { corpus.appendingPathComponent(relativePath) }

    /// The package's own fuzzer fail cases: `FuzzTesting/FailCases`.
    public static let failCases = packageRoot.appendingPathComponent("FuzzTesting/FailCases")
}

/// An input a fuzzer found (a crasher or an invariant breaker), minimised and kept under
/// `FuzzTesting/FailCases/<target>/` so that every `swift test` replays it through the fuzz target's checks.
public struct FailCase: CustomStringConvertible, Sendable {
    /// The fuzz target's name (`png-extract`, `jsonld-rdfc`, …).
    public let target: String
    /// The input file.
    public let url: URL

    /// `target/file`.
    public var description: String { "\(target)/\(url.lastPathComponent)" }

    /// The input's bytes.
    public func bytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// Every fail case kept for `targets`, in name order.
    public static func all(for targets: [String]) -> [FailCase] {
        targets.flatMap { target in
            let folder = SharedFiles.failCases.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { FailCase(target: target, url: folder.appendingPathComponent($0)) }
        }
    }

    /// The folders under `FuzzTesting/FailCases`.
    public static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: SharedFiles.failCases.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
