import BadgeTestSupport
import Foundation
import OpenBadgesModel

/// The shared test suites and contexts (``SharedFiles``: one rule for every test target).
enum Suites {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedRoot: URL = SharedFiles.root
    static let testsuites: URL = SharedFiles.testsuites
    static let contexts: URL = SharedFiles.contexts

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    static func readText(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static func readJSON(_ url: URL) throws -> JSONValue { try JSONValue(parsing: readText(url)) }

    /// Entries of a manifest (`entries` or `sequence`), or [] when the suites are absent.
    static func manifestEntries(_ url: URL, key: String) -> [JSONObject] {
        guard exists(url), let m = try? readJSON(url), let arr = m[key]?.arrayValue else { return [] }
        return arr.compactMap { $0.objectValue }
    }
}
