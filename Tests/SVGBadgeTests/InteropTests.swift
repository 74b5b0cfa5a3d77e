import Foundation
import OpenBadgesModel
import SVGBadge
import Testing

/// Interoperability with Python's openbadges-bakery 2.0.0 (OB 2.0 only: it knows only the literal
/// `openbadges:assertion`) and with a second namespace-aware parser (Python's ElementTree).
@Suite(.enabled(if: Support.pythonBakeryAvailable, "python3 with openbadges_bakery is not available"))
struct InteropTests {
    static let unbakeScript = """
        import sys, openbadges_bakery
        with open(sys.argv[1], 'rb') as f:
            result = openbadges_bakery.unbake(f)
        sys.stdout.write('<None>' if result is None else result)
        """

    static let bakeScript = """
        import sys, openbadges_bakery
        with open(sys.argv[1], 'rb') as source, open(sys.argv[3], 'wb') as output:
            openbadges_bakery.bake(source, sys.argv[2], output)
        """

    /// Prints `{uri}local` of the root and of its first child, parsed by ElementTree.
    static let elementTreeScript = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        sys.stdout.write(root.tag + ' ' + root[0].tag + ' ' + (root[0].get('verify') or '') + '|' + (root[0].text or ''))
        """

    static func pythonUnbake(_ svg: [UInt8]) throws -> String? {
        let file = try Support.temporaryFile(svg)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try #require(Support.python(unbakeScript, [file.path]))
        try #require(result.status == 0, "python unbake failed")
        return result.output
    }

    @Test(arguments: [
        SVGBadgeContent(generation: .assertion, verify: "https://example.org/assertions/1", body: Support.assertionJSON),
        SVGBadgeContent(generation: .assertion, verify: Support.jws),
        SVGBadgeContent(generation: .assertion, verify: "https://example.org/a?x=1&y=<2>"),
    ])
    func pythonReadsWhatWeBake(content: SVGBadgeContent) throws {
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        #expect(try Self.pythonUnbake(baked) == content.verify)
    }

    @Test func pythonReadsOurBodyWhenThereIsNoVerify() throws {
        let content = SVGBadgeContent(generation: .assertion, body: #"{"id":"urn:uuid:1","name":"é"}"#)
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        #expect(try Self.pythonUnbake(baked) == content.body)
    }

    @Test(arguments: [Support.assertionJSON, Support.jws, "https://example.org/assertions/7"])
    func weReadWhatPythonBakes(payload: String) throws {
        let input = try Support.temporaryFile(Array(Support.plainSVG.utf8))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("svgbadge-\(UUID().uuidString).svg")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        let result = try #require(Support.python(Self.bakeScript, [input.path, payload, output.path]))
        try #require(result.status == 0)
        let baked = Array(try Data(contentsOf: output))
        let element = try #require(try SVGBadgeReader.extract(from: baked))
        #expect(element.generation == .assertion)
        #expect(element.warnings.isEmpty)
        // Python always writes the input as CDATA, and puts the id / JWS / URL in verify.
        #expect(element.body == payload)
        let expected = try SVGBadgeContent(generation: .assertion, payload: payload)
        #expect(element.verify == expected.verify)

        // Re-baking a Python-baked file leaves exactly one element, which Python reads.
        let rebaked = try SVGBadgeBaker.bake(baked, content: BakerTests.signed)
        #expect(rebaked.occurrences(of: "<openbadges:assertion") == 1)
        #expect(try Self.pythonUnbake(rebaked) == Support.jws)
    }

    @Test(arguments: [BakerTests.hosted, BakerTests.signed, BakerTests.ob3JSON, BakerTests.ob3JWS])
    func elementTreeSeesTheElementAsFirstChild(content: SVGBadgeContent) throws {
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        let file = try Support.temporaryFile(baked)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try #require(Support.python(Self.elementTreeScript, [file.path]))
        try #require(result.status == 0)
        let expected =
            "{http://www.w3.org/2000/svg}svg {\(content.generation.svgNamespaceURI)}\(content.generation.svgLocalName) "
            + (content.verify ?? "") + "|" + (content.body ?? "")
        #expect(result.output == expected)
    }
}
