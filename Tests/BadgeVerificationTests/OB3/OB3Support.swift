import BadgeTestSupport
import Foundation
import Testing

@testable import BadgeVerification

/// The shared files (``SharedFiles``: one rule for every test target), and helpers for OB 3.0 tests.
enum OB3Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = SharedFiles.root
    static let corpus = SharedFiles.corpus
    static var hasCorpus: Bool { SharedFiles.hasCorpus }
}

/// An offline document store written at run time: `manifest.tsv` plus the documents a test serves.
struct OfflineFolder {
    let directory: URL

    init(_ documents: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ob3-offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var manifest = "# written by the OB 3.0 tests\n"
        for (index, (url, body)) in documents.sorted(by: { $0.key < $1.key }).enumerated() {
            try Data(body.utf8).write(to: directory.appendingPathComponent("doc\(index).json"))
            manifest += "\(url)\tdoc\(index).json\n"
        }
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("manifest.tsv"))
    }

    var loader: OfflineDocumentLoader { try! OfflineDocumentLoader(directory: directory) }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// 2026-01-01T00:00:00Z.
let ob3Now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_225_600) }

extension VerificationReport {
    var summaryText: String {
        "\(verdict) " + checks.map { "\($0.id)=\($0.status)[\($0.message)]" }.joined(separator: " ")
    }
}
