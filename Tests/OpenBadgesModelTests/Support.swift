import BadgeTestSupport
import Foundation
import OpenBadgesModel

/// Locates the shared corpus (`../shared/corpus` relative to the package root) and this target's fixtures.
enum Corpus {
    /// The package root, from this file's path (`<root>/Tests/OpenBadgesModelTests/Support.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared corpus (``SharedFiles``: one rule for every test target).
    static let root: URL = SharedFiles.corpus

    /// Whether the corpus is present (tests that need it are disabled otherwise, giving ``SharedFiles/corpusMissing``).
    static let isAvailable: Bool = SharedFiles.hasCorpus

    /// Small fixtures written for these tests.
    static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures/model")

    /// Relative paths of corpus files in `directory` with one of `extensions`, sorted; empty when absent.
    static func files(in directory: String, extensions: [String]) -> [String] {
        let dir = root.appendingPathComponent(directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { n in extensions.contains { n.hasSuffix("." + $0) } }.sorted().map { "\(directory)/\($0)" }
    }

    /// The bytes of a corpus file.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// The text of a corpus file.
    static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// The text of a fixture file.
    static func fixture(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: fixtures.appendingPathComponent(name)), as: UTF8.self)
    }

    /// Broken files and the error each must give (code and field, `nil` when the whole input is concerned).
    static let broken: [String: (ModelError.Code, String?)] = [
        "json/badgr-ob1.0-instance-bad-date.json": (.invalidDate, "$.issuedOn"),
        "json/badgr-ob1.0-issuer-invalid-json.json": (.invalidJSON, nil),
        "ob3/dcc-empty-file.json": (.emptyInput, nil),
    ]

    /// The text of the first uncompressed `iTXt` or `tEXt` chunk with `keyword` in a corpus PNG (test helper only:
    /// no CRC check, no inflate — the lead's PNG layer does that properly).
    static func pngText(_ relativePath: String, keyword: String) throws -> String? {
        let d = [UInt8](try data(relativePath))
        var i = 8
        while i + 8 <= d.count {
            let length = Int(d[i]) << 24 | Int(d[i + 1]) << 16 | Int(d[i + 2]) << 8 | Int(d[i + 3])
            let type = String(decoding: d[i + 4..<i + 8], as: UTF8.self)
            let body = Array(d[(i + 8)..<min(d.count, i + 8 + length)])
            if type == "iTXt" || type == "tEXt", let nul = body.firstIndex(of: 0),
                String(decoding: body[..<nul], as: UTF8.self) == keyword
            {
                var rest = Array(body[(nul + 1)...])
                if type == "iTXt" {
                    guard rest.count >= 2, rest[0] == 0 else { return nil }
                    rest.removeFirst(2)
                    for _ in 0..<2 {  // language tag, translated keyword
                        guard let z = rest.firstIndex(of: 0) else { return nil }
                        rest.removeFirst(z + 1)
                    }
                }
                return String(decoding: rest, as: UTF8.self)
            }
            i += 12 + length
        }
        return nil
    }
}

/// Decodes, re-encodes with the module's writer, decodes again; returns both documents.
func roundTrip(_ document: BadgeDocument) throws -> BadgeDocument {
    try BadgeDocument(jsonText: document.jsonValue.serialized())
}
