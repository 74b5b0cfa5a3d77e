import BadgeTestSupport
import Foundation
import OpenBadgesModel

/// The shared schemas, corpus and test suite (``SharedFiles``: one rule for every test target).
enum Shared {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root: URL = SharedFiles.root
    static let suite: URL = root.appendingPathComponent("testsuites/json-schema-test-suite/tests/draft2019-09")
    static let schemas: URL = root.appendingPathComponent("schemas")
    static let corpus: URL = root.appendingPathComponent("corpus")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    static func readJSON(_ url: URL) throws -> JSONValue {
        try JSONValue(parsing: [UInt8](Data(contentsOf: url)))
    }
}
