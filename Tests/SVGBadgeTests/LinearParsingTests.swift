import Foundation
import OpenBadgesModel
import SVGBadge
import Testing
import Zlib

/// Issue 12 §3: reading costs linear in the input, and the payload limit applied while reading.
@Suite struct LinearParsingTests {
    /// `levels` nested `<g>` elements, each declaring `perLevel` prefixes (redefining the same ones at every
    /// level), then `leaves` sibling elements at the bottom and the badge element bound through the innermost
    /// redefinition of `ob`.
    static func namespaceHeavy(levels: Int, perLevel: Int, leaves: Int) -> [UInt8] {
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg">"#
        for level in 0..<levels {
            svg += "<g"
            for k in 0..<perLevel { svg += #" xmlns:p\#(k)="urn:level\#(level):\#(k)""# }
            svg += level == levels - 1 ? #" xmlns:ob="http://openbadges.org">"# : #" xmlns:ob="urn:not-yet:\#(level)">"#
        }
        svg += String(repeating: "<p7:leaf/><leaf/>", count: leaves)
        svg += #"<ob:assertion verify="https://example.org/a"/>"#
        svg += String(repeating: "</g>", count: levels) + "</svg>"
        return Array(svg.utf8)
    }

    @Test func namespaceLookupDoesNotGrowWithBindingsInScope() throws {
        // 40 levels × 300 bindings = 12 000 in scope at the bottom, looked up by 4 000 elements: 48 million
        // binding comparisons with a list scanned per lookup; a few thousand hash lookups now.
        let svg = Self.namespaceHeavy(levels: 40, perLevel: 300, leaves: 2_000)
        let limits = SVGBadgeLimits(maximumAttributesPerElement: 1024, maximumNamespaceBindings: 40 * 301 + 10)
        let element = try #require(try SVGBadgeReader.extract(from: svg, limits: limits))
        #expect(element.namespaceURI == "http://openbadges.org")
        #expect(element.verify == "https://example.org/a")
        #expect(element.warnings.isEmpty)
        // Baking walks the same way.
        let baked = try SVGBadgeBaker.bake(
            svg, content: try SVGBadgeContent(generation: .assertion, payload: "https://example.org/b"),
            options: SVGBadgeBakeOptions(limits: limits))
        #expect(try SVGBadgeReader.extract(from: baked, limits: limits)?.verify == "https://example.org/b")
    }

    @Test func namespaceScopesPopWithTheirElements() throws {
        let svg = #"""
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:outer"><g xmlns:openbadges="http://openbadges.org"><g xmlns:openbadges=""/></g>\#
            <openbadges:assertion verify="https://example.org/outer"/></svg>
            """#
        // After the inner <g>s close, `ob` is bound to urn:outer again: a prefix-only (inexact) match.
        let element = try #require(try Support.extract(svg))
        #expect(element.namespaceURI == "urn:outer")
        #expect(element.warnings.map(\.code) == [.unexpectedNamespace])
    }

    @Test func namespaceBindingLimitJustUnderAndOver() throws {
        let svg = Self.namespaceHeavy(levels: 10, perLevel: 9, leaves: 1)  // 10 per level, 100 in all
        #expect(try SVGBadgeReader.extract(from: svg, limits: SVGBadgeLimits(maximumNamespaceBindings: 101))?.verify != nil)
        let error = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: svg, limits: SVGBadgeLimits(maximumNamespaceBindings: 100))
        }
        #expect(error?.code == .tooManyNamespaceBindings)
        // The default refuses the issue's shape (254 levels × 1 000 bindings) early.
        let hostile = Self.namespaceHeavy(levels: 30, perLevel: 1_000, leaves: 0)
        #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: hostile) }
    }

    static func badge(body: String, verify: String? = nil) -> [UInt8] {
        let attribute = verify.map { #" verify="\#($0)""# } ?? ""
        return Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion\#(attribute)>\#(body)</openbadges:assertion></svg>"#
                .utf8)
    }

    @Test func payloadLimitAppliesToBodyTextCDATAAndVerify() throws {
        let limits = SVGBadgeLimits(maximumPayloadBytes: 1000)
        let fits = String(repeating: "a", count: 1000)
        let over = String(repeating: "a", count: 1001)
        // Surrounding whitespace does not count.
        #expect(try SVGBadgeReader.extract(from: Self.badge(body: "\n  \(fits)  \n"), limits: limits)?.body == fits)
        #expect(try SVGBadgeReader.extract(from: Self.badge(body: "<![CDATA[\(fits)]]>"), limits: limits)?.body == fits)
        #expect(try SVGBadgeReader.extract(from: Self.badge(body: "", verify: fits), limits: limits)?.verify == fits)
        for svg in [
            Self.badge(body: over), Self.badge(body: "<![CDATA[\(over)]]>"), Self.badge(body: "", verify: over),
            Self.badge(body: String(repeating: "&amp;", count: 1001)), Self.badge(body: "<![CDATA[\(fits)]]>b"),
        ] {
            let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: svg, limits: limits) }
            #expect(error?.code == .payloadTooLarge)
        }
    }

    @Test func compressedBodyBombStopsAtThePayloadLimit() throws {
        // 8 MiB of body text in a few KiB of gzip; the reader stops after the limit, not at the inflate limit.
        let body = String(repeating: "A", count: 8 << 20)
        let packed = try deflate(Self.badge(body: body), container: .gzip, level: 9)
        #expect(packed.count < 64 << 10)
        var requested = 0
        var offset = 0
        let error = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(limits: SVGBadgeLimits(maximumPayloadBytes: 1000)) {
                requested += 1
                guard offset < packed.count else { return nil }
                defer { offset = min(offset + 256, packed.count) }
                return Array(packed[offset..<min(offset + 256, packed.count)])
            }
        }
        #expect(error?.code == .payloadTooLarge)
        #expect(offset < packed.count)  // stopped reading before the end of the input
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 40, 47, 48, 49])
    func longTextIsReadInPiecesWithoutChangingIt(shift: Int) throws {
        // Runs longer than a tokenizer piece, with references, multi-byte characters and CR LF at every offset
        // near the piece boundaries.
        let unit = "é&amp;😀\r\nx&#x1F393;&lt;"
        let expectedUnit = "é&😀\nx🎓<"
        let filler = String(repeating: "a", count: shift)
        let count = 200_000 / unit.utf8.count
        let text = filler + String(repeating: unit, count: count)
        let expected = filler + String(repeating: expectedUnit, count: count)
        let element = try #require(try SVGBadgeReader.extract(from: Self.badge(body: text)))
        #expect(element.body == expected)
        let cdata = filler + String(repeating: "é😀\r\n]]x]", count: 20_000)
        let fromCDATA = try #require(try SVGBadgeReader.extract(from: Self.badge(body: "<![CDATA[\(cdata)]]>")))
        #expect(fromCDATA.body == cdata.replacingOccurrences(of: "\r\n", with: "\n"))
        // A CDATA section cut short is still refused.
        let error = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: Array("<svg><![CDATA[\(cdata)".utf8))
        }
        #expect(error?.code == .unexpectedEndOfInput)
    }
}
