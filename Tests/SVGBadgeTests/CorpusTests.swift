import Foundation
import OpenBadgesModel
import SVGBadge
import Testing

/// One SVG row of `../shared/corpus/MANIFEST.tsv`.
struct CorpusEntry: CustomTestStringConvertible, Sendable {
    var file: String
    var kind: String
    var testDescription: String { file }

    static let all: [CorpusEntry] = {
        guard let directory = Support.corpusDirectory,
            let manifest = try? String(contentsOf: directory.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6, columns[0].hasPrefix("svg/") else { return nil }
            return CorpusEntry(file: columns[0], kind: columns[5])
        }
    }()

    func bytes() throws -> [UInt8] {
        Array(try Data(contentsOf: Support.corpusDirectory!.appendingPathComponent(file)))
    }
}

@Suite(.enabled(if: Support.corpusAvailable, "../shared/corpus is not present"))
struct CorpusTests {
    static func isJSON(_ text: String?) -> Bool {
        guard let text else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil
    }

    static func isCompactJWS(_ text: String?) -> Bool {
        guard let text else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
    }

    @Test func manifestListsSVGs() {
        #expect(CorpusEntry.all.count >= 10)
    }

    @Test(arguments: CorpusEntry.all)
    func extractionMatchesManifestKind(entry: CorpusEntry) throws {
        let element = try SVGBadgeReader.extract(from: try entry.bytes())
        switch entry.kind {
        case "svg-assertion-cdata":
            let element = try #require(element)
            #expect(element.generation == .assertion)
            #expect(Self.isJSON(element.body))
        case "svg-assertion-verify-url":
            let element = try #require(element)
            #expect(element.body == nil)
            #expect(element.verify?.hasPrefix("http") == true)
            #expect(element.payload == element.verify)
        case "svg-ob3-credential-cdata":
            let element = try #require(element)
            #expect(element.generation == .credential)
            #expect(Self.isJSON(element.body))
            #expect(element.payload == element.body)
        case "svg-ob3-credential-verify-jwt":
            let element = try #require(element)
            #expect(element.generation == .credential)
            #expect(element.body == nil)
            #expect(Self.isCompactJWS(element.verify))
        case "plain-svg", "hostile-svg":
            #expect(element == nil)
        case "broken":
            let element = try #require(element)
            #expect(element.body != nil)
            #expect(!Self.isJSON(element.body))
        default:
            Issue.record("unknown kind \(entry.kind) for \(entry.file)")
        }
        // Chunked reading in 64 KiB pieces gives the same result.
        #expect(try Support.extractChunked(try entry.bytes(), size: 64 * 1024).0 == element)
    }

    @Test func andamioDecoyReturnsTheSignedCredential() throws {
        let entry = CorpusEntry(file: "svg/andamio-ob3-signed-metadata-decoy.svg", kind: "")
        let element = try #require(try SVGBadgeReader.extract(from: try entry.bytes()))
        let body = try #require(element.body)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["proof"] != nil)
        #expect(element.verify == nil)
    }

    /// Baking every corpus SVG replaces whatever was there, keeps it parseable, and reads back.
    @Test(arguments: CorpusEntry.all)
    func bakingCorpusFilesRoundTrips(entry: CorpusEntry) throws {
        let original = try entry.bytes()
        let content = SVGBadgeContent(generation: .credential, body: Support.credentialJSON)
        let baked = try SVGBadgeBaker.bake(original, content: content)
        let element = try #require(try SVGBadgeReader.extract(from: baked))
        #expect(element.body == Support.credentialJSON)
        #expect(element.warnings.filter { $0.code != .internalSubsetIgnored }.isEmpty)
        #expect(baked.occurrences(of: "openbadges:assertion") == 0)
        #expect(baked.occurrences(of: "<openbadges:credential") == 1)
        let names = try #require(Support.namespacedElements(baked), "\(entry.file) output does not parse")
        #expect(names.filter { $0.hasSuffix("}credential") || $0.hasSuffix("}assertion") }.count == 1)
    }

    @Test func hostileSVGIsCleanedOnRequest() throws {
        let entry = CorpusEntry(file: "svg/badgr-hostile-script-tags.svg", kind: "")
        let original = try entry.bytes()
        #expect(original.occurrences(of: "<script") > 0)
        let cleaned = try SVGBadgeBaker.bake(
            original, content: BakerTests.signed, options: SVGBadgeBakeOptions(removeActiveContent: true))
        #expect(cleaned.occurrences(of: "<script") == 0)
        #expect(cleaned.occurrences(of: "alert(") == 0)
        #expect(Support.namespacedElements(cleaned) != nil)
        #expect(try SVGBadgeReader.extract(from: cleaned)?.verify == Support.jws)
    }
}
