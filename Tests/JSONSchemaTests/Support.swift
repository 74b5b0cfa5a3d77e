import Foundation
import JCS

/// Locates /work/shared as `../shared` relative to the package root.
enum Shared {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let suite: URL = root.appendingPathComponent("testsuites/json-schema-test-suite/tests/draft2019-09")
    static let schemas: URL = root.appendingPathComponent("schemas")
    static let corpus: URL = root.appendingPathComponent("corpus")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    static func readJSON(_ url: URL) throws -> JSONValue {
        try JSONParser.parse(bytes: [UInt8](Data(contentsOf: url)))
    }
}
