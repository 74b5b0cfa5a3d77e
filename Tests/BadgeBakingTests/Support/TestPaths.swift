import BadgeTestSupport
import Foundation

/// Paths the tests use: the package root, its fixtures, the shared corpus beside it, and the built tools.
enum TestPaths {
    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The shared corpus (``SharedFiles``), when it exists.
    static let corpus: URL? = SharedFiles.hasCorpus ? SharedFiles.corpus : nil

    /// The folder holding the built `unbake` and `bake` executables.
    static let products: URL? = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("unbake").path) {
            return folder
        }
        return nil
    }()

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("badgebaking-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One row of `../shared/corpus/MANIFEST.tsv`.
struct CorpusEntry: CustomTestStringConvertible, Sendable {
    let file: String
    let kind: String
    let specVersion: String
    let notes: String
    var testDescription: String { file }

    /// Every row of the manifest, or none when the corpus is absent.
    static func all() -> [CorpusEntry] {
        guard let corpus = TestPaths.corpus,
            let text = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 8 else { return nil }
            return CorpusEntry(file: fields[0], kind: fields[5], specVersion: fields[6], notes: fields[7])
        }
    }

    var url: URL { TestPaths.corpus!.appendingPathComponent(file) }
}

import Testing
