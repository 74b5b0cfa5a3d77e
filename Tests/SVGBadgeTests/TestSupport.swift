import BadgeTestSupport
import Foundation
import SVGBadge
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Paths and helpers shared by the SVGBadge tests.
enum Support {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared corpus (``SharedFiles``), or `nil` when it is absent.
    static let corpusDirectory: URL? = SharedFiles.hasCorpus ? SharedFiles.corpus : nil

    static var corpusAvailable: Bool { corpusDirectory != nil }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/svg/\(name)")))
    }

    static let ob2 = "http://openbadges.org"
    static let ob3 = "https://purl.imsglobal.org/ob/v3p0"
    static let jws =
        "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6Imh0dHBzOi8vZXhhbXBsZS5vcmcvYXNzZXJ0aW9ucy8xIn0.c2lnbmF0dXJlLWJ5dGVz"
    static let assertionJSON =
        #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1","badge":"https://example.org/badges/1"}"#
    static let credentialJSON =
        #"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Café ✓ 🎓","proof":{"type":"DataIntegrityProof"}}"#

    static let plainSVG = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <rect width="10" height="10" fill="red"/>
        </svg>

        """

    static func extract(_ text: String, limits: SVGBadgeLimits = SVGBadgeLimits()) throws -> SVGBadgeElement? {
        try SVGBadgeReader.extract(from: Array(text.utf8), limits: limits)
    }

    /// Reads `bytes` through the chunked API, `size` bytes at a time; counts the chunks requested.
    static func extractChunked(_ bytes: [UInt8], size: Int, limits: SVGBadgeLimits = SVGBadgeLimits()) throws -> (
        SVGBadgeElement?, requested: Int
    ) {
        var offset = 0
        var requested = 0
        let element = try SVGBadgeReader.extract(limits: limits) {
            requested += 1
            guard offset < bytes.count else { return nil }
            let end = min(offset + size, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
        return (element, requested)
    }

    /// Elements seen by a namespace-aware XML parser (Foundation's XMLParser), as `{uri}local` strings,
    /// or `nil` if it reports the document as not well-formed.
    static func namespacedElements(_ bytes: [UInt8]) -> [String]? {
        #if canImport(FoundationXML) || canImport(Darwin)
            final class Collector: NSObject, XMLParserDelegate {
                var names: [String] = []
                func parser(
                    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]
                ) {
                    names.append("{\(namespaceURI ?? "")}\(elementName)")
                }
            }
            let parser = XMLParser(data: Data(bytes))
            parser.shouldProcessNamespaces = true
            parser.shouldResolveExternalEntities = false
            let collector = Collector()
            parser.delegate = collector
            return parser.parse() ? collector.names : nil
        #else
            return []
        #endif
    }

    // MARK: Python

    /// Runs python3 with `script` and arguments; `nil` when python3 cannot be started.
    static func python(_ script: String, _ arguments: [String] = []) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let pythonBakeryAvailable: Bool = python("import openbadges_bakery")?.status == 0

    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".svg") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svgbadge-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}

extension Array where Element == UInt8 {
    /// Occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, count >= pattern.count else { return 0 }
        var found = 0
        for i in 0...(count - pattern.count) where self[i..<(i + pattern.count)].elementsEqual(pattern) { found += 1 }
        return found
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}
