import Foundation
import OpenBadgesModel
import SVGBadge
import Testing
import Zlib

@Suite struct BakerTests {
    static let hosted = SVGBadgeContent(
        generation: .assertion, verify: "https://example.org/assertions/1", body: Support.assertionJSON)
    static let signed = SVGBadgeContent(generation: .assertion, verify: Support.jws)
    static let ob3JSON = SVGBadgeContent(generation: .credential, body: Support.credentialJSON)
    static let ob3JWS = SVGBadgeContent(generation: .credential, verify: Support.jws)

    @Test(arguments: [hosted, signed, ob3JSON, ob3JWS])
    func bakeAndReadBack(content: SVGBadgeContent) throws {
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        let element = try #require(try SVGBadgeReader.extract(from: baked))
        #expect(element.generation == content.generation)
        #expect(element.qualifiedName == content.generation.svgQualifiedName)
        #expect(element.namespaceURI == content.generation.svgNamespaceURI)
        #expect(element.verify == content.verify)
        #expect(element.body == content.body)
        #expect(element.warnings.isEmpty)
        // A namespace-aware parser sees the element as the root's first child, in the right namespace.
        let names = try #require(Support.namespacedElements(baked))
        #expect(names.prefix(2) == ["{http://www.w3.org/2000/svg}svg", "{\(content.generation.svgNamespaceURI)}\(content.generation.svgLocalName)"])
    }

    @Test func spellingOfEachForm() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#.utf8)
        let signedOut = try SVGBadgeBaker.bake(svg, content: Self.signed).text
        #expect(
            signedOut
                == #"<svg xmlns:openbadges="http://openbadges.org" xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="\#(Support.jws)"/></svg>"#)
        let jsonOut = try SVGBadgeBaker.bake(svg, content: Self.ob3JSON).text
        #expect(
            jsonOut
                == #"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/2000/svg"><openbadges:credential><![CDATA[\#(Support.credentialJSON)]]></openbadges:credential></svg>"#
        )
    }

    @Test func everythingOutsideTheEditsIsByteIdentical() throws {
        let prolog = "\u{FEFF}<?xml version=\"1.0\"?>\n<!DOCTYPE svg [ <!ENTITY e \"x\"> ]>\n<!-- c -->\n"
        let rootOpen = "<svg\n   xmlns='http://www.w3.org/2000/svg'   width=\"1\" >"
        let rest = "\n  <text>&e; &amp; é</text>\t<g  a = 'b' />\n</svg>\n<!-- trailing -->\n"
        let original = Array((prolog + rootOpen + rest).utf8)
        let baked = try SVGBadgeBaker.bake(original, content: Self.signed)
        let element = #"<openbadges:assertion verify="\#(Support.jws)"/>"#
        let expected = prolog + "<svg xmlns:openbadges=\"http://openbadges.org\"" + rootOpen.dropFirst(4) + element + rest
        #expect(baked.text == expected)
    }

    @Test func reBakingReplacesAndIsIdempotent() throws {
        let once = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: Self.hosted)
        let twice = try SVGBadgeBaker.bake(once, content: Self.hosted)
        #expect(twice == once)
        let other = SVGBadgeContent(generation: .assertion, verify: "https://example.org/assertions/2")
        let replaced = try SVGBadgeBaker.bake(once, content: other)
        #expect(replaced.occurrences(of: "openbadges:assertion") == 1)
        #expect(replaced.occurrences(of: "xmlns:openbadges") == 1)
        #expect(try SVGBadgeReader.extract(from: replaced)?.verify == "https://example.org/assertions/2")
    }

    @Test func switchingOB2ToOB3RebindsThePrefix() throws {
        let ob2 = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: Self.hosted)
        let ob3 = try SVGBadgeBaker.bake(ob2, content: Self.ob3JSON)
        #expect(ob3.occurrences(of: "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"") == 1)
        #expect(ob3.occurrences(of: "http://openbadges.org") == 0)
        #expect(ob3.occurrences(of: "assertion") == 0)
        let names = try #require(Support.namespacedElements(ob3))
        #expect(names.filter { $0.hasPrefix("{http://openbadges.org}") }.isEmpty)
        #expect(names.filter { $0 == "{\(Support.ob3)}credential" }.count == 1)
        // And back again.
        let back = try SVGBadgeBaker.bake(ob3, content: Self.signed)
        #expect(back.occurrences(of: "credential") == 0)
        #expect(try SVGBadgeReader.extract(from: back)?.generation == .assertion)
    }

    @Test func removesEveryExistingBadgeElement() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:wrong">
            <openbadges:assertion verify="https://a.example"><![CDATA[{}]]><inner/></openbadges:assertion>
            <svg><ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><![CDATA[{}]]></ob:credential></svg>
            <g><openbadges:credential/></g><keep/>
            </svg>
            """
        let baked = try SVGBadgeBaker.bake(Array(svg.utf8), content: Self.ob3JWS)
        #expect(baked.occurrences(of: "assertion") == 0)
        #expect(baked.occurrences(of: ":credential") == 1)
        #expect(baked.occurrences(of: "urn:wrong") == 0)
        #expect(baked.occurrences(of: "<keep/>") == 1)
        #expect(Support.namespacedElements(baked) != nil)
        #expect(try SVGBadgeReader.extract(from: baked)?.verify == Support.jws)
    }

    @Test func escapingRoundTrips() throws {
        let verify = "https://e.org/?a=1&b=<2>\"q\"\t\nline'"
        let body = #"{"text":"a ]]> b ]]]]> c <&> é 🎓","end":"]]"}"#
        let content = SVGBadgeContent(generation: .assertion, verify: verify, body: body)
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        #expect(baked.occurrences(of: "]]]]><![CDATA[>") == 2)
        let element = try #require(try SVGBadgeReader.extract(from: baked))
        #expect(element.verify == verify)
        #expect(element.body == body)
        #expect(Support.namespacedElements(baked) != nil)
    }

    @Test func selfClosingRootAndPrefixedRoot() throws {
        let selfClosing = try SVGBadgeBaker.bake(Array(#"<svg xmlns="http://www.w3.org/2000/svg" />"#.utf8), content: Self.signed)
        #expect(selfClosing.text.hasSuffix("/></svg>"))
        #expect(try SVGBadgeReader.extract(from: selfClosing)?.verify == Support.jws)

        let prefixed = try SVGBadgeBaker.bake(
            Array(#"<s:svg xmlns:s="http://www.w3.org/2000/svg"/>"#.utf8), content: Self.ob3JSON)
        #expect(prefixed.text.hasSuffix("</s:svg>"))
        #expect(try SVGBadgeReader.extract(from: prefixed)?.body == Support.credentialJSON)
        #expect(Support.namespacedElements(prefixed) != nil)
    }

    @Test func gzipInGzipOut() throws {
        let packed = try deflate(Array(Support.plainSVG.utf8), container: .gzip)
        let baked = try SVGBadgeBaker.bake(packed, content: Self.ob3JWS)
        #expect(baked.starts(with: [0x1F, 0x8B]))
        #expect(try SVGBadgeReader.extract(from: baked)?.verify == Support.jws)
        let plain = try SVGBadgeBaker.bake(packed, content: Self.ob3JWS, options: SVGBadgeBakeOptions(outputCompression: .none))
        #expect(plain == (try inflate(baked, container: .gzip, limit: 1 << 20)))
        let forced = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: Self.ob3JWS, options: SVGBadgeBakeOptions(outputCompression: .gzip))
        #expect(forced.starts(with: [0x1F, 0x8B]))
    }

    @Test func activeContentRemovalIsOptIn() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="evil()" width="1">
            <script type="text/javascript"><![CDATA[alert(1)]]></script>
            <g onclick='x()' ONMOUSEOVER="y()" class="keep"><SCRIPT>alert(2)</SCRIPT><script src="x.js"/></g>
            <a xlink:href=" java&#x09;script:alert(3)"><text>t</text></a><a href="JavaScript:void(0)"/>
            <a href="https://ok.example/">ok</a><use xlink:href="#icon"/><animate attributeName="opacity" to="1"/>
            <set attributeName="onclick" to="alert(4)"/><animate attributeName="xlink:href" values="javascript:alert(5)"/>
            <foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(6)"/></foreignObject>
            </svg>
            """
        let kept = try SVGBadgeBaker.bake(Array(svg.utf8), content: Self.signed)
        #expect(kept.occurrences(of: "script") == Array(svg.utf8).occurrences(of: "script"))
        let cleaned = try SVGBadgeBaker.bake(Array(svg.utf8), content: Self.signed, options: SVGBadgeBakeOptions(removeActiveContent: true))
        let text = cleaned.text.lowercased()
        #expect(!text.contains("script"))
        #expect(!text.contains("onload") && !text.contains("onclick") && !text.contains("onmouseover"))
        #expect(!text.contains("alert"))
        #expect(text.contains("class=\"keep\""))
        #expect(text.contains("href=\"https://ok.example/\""))
        #expect(text.contains("xlink:href=\"#icon\""))
        #expect(text.contains("<animate attributename=\"opacity\" to=\"1\"/>"))
        #expect(!text.contains("foreignobject"))
        #expect(text.contains("<a><text>t</text></a><a/>"))
        #expect(Support.namespacedElements(cleaned) != nil)
        #expect(try SVGBadgeReader.extract(from: cleaned)?.verify == Support.jws)
    }

    @Test func refusesNonSVGAndMalformedInput() throws {
        let cases: [(String, SVGBadgeError.Code)] = [
            (#"<html xmlns="http://www.w3.org/1999/xhtml"/>"#, .notSVG),
            ("<svg xmlns=\"urn:x\"/>", .notSVG),
            ("not xml at all", .notSVG),
            (#"<openbadges:svg xmlns:openbadges="http://www.w3.org/2000/svg"/>"#, .notSVG),
            (#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#, .malformedXML),
            (#"<svg xmlns="http://www.w3.org/2000/svg"><g>"#, .unexpectedEndOfInput),
            (#"<svg xmlns="http://www.w3.org/2000/svg"/><svg/>"#, .malformedXML),
            (#"<svg xmlns="http://www.w3.org/2000/svg"/>trailing"#, .malformedXML),
        ]
        for (svg, code) in cases {
            let error = #expect(throws: SVGBadgeError.self, "\(svg)") {
                try SVGBadgeBaker.bake(Array(svg.utf8), content: Self.signed)
            }
            #expect(error?.code == code, "\(svg)")
        }
    }

    @Test func refusesUnusableContent() throws {
        let svg = Array(Support.plainSVG.utf8)
        for content in [
            SVGBadgeContent(generation: .credential),
            SVGBadgeContent(generation: .credential, verify: "", body: ""),
            SVGBadgeContent(generation: .assertion, verify: "bad\u{1}control"),
            SVGBadgeContent(generation: .credential, body: "{\"a\":\"\u{0}\"}"),
        ] {
            let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeBaker.bake(svg, content: content) }
            #expect(error?.code == .invalidContent)
        }
    }

    @Test func contentFromPayload() throws {
        let hosted = try SVGBadgeContent(generation: .assertion, payload: "\n" + Support.assertionJSON + "\n")
        #expect(hosted == Self.hosted)
        let legacy = try SVGBadgeContent(
            generation: .assertion, payload: #"{"uid":"1","verify":{"type":"hosted","url":"https://e.org/a.json"},"id":"urn:uuid:1"}"#)
        #expect(legacy.verify == "https://e.org/a.json")
        let noURL = try SVGBadgeContent(generation: .assertion, payload: #"{"id":"urn:uuid:1"}"#)
        #expect(noURL.verify == nil && noURL.body == #"{"id":"urn:uuid:1"}"#)
        #expect(try SVGBadgeContent(generation: .assertion, payload: Support.jws) == Self.signed)
        #expect(try SVGBadgeContent(generation: .credential, payload: Support.jws) == Self.ob3JWS)
        #expect(try SVGBadgeContent(generation: .credential, payload: Support.credentialJSON) == Self.ob3JSON)
        let url = try SVGBadgeContent(generation: .assertion, payload: "https://e.org/a")
        #expect(url.verify == "https://e.org/a" && url.body == nil)
        #expect(throws: SVGBadgeError.self) { try SVGBadgeContent(generation: .credential, payload: "https://e.org/a") }
        #expect(throws: SVGBadgeError.self) { try SVGBadgeContent(generation: .assertion, payload: "hello") }
    }
}
