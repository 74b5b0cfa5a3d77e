import Foundation
import OpenBadgesModel
import SVGBadge
import Testing
import Zlib

@Suite struct ReaderTests {
    @Test func ob2HostedHasVerifyAndBody() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">\
            <openbadges:assertion verify="https://example.org/assertions/1"><![CDATA[\(Support.assertionJSON)]]></openbadges:assertion>\
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.generation == .assertion)
        #expect(element.qualifiedName == "openbadges:assertion")
        #expect(element.namespaceURI == Support.ob2)
        #expect(element.verify == "https://example.org/assertions/1")
        #expect(element.body == Support.assertionJSON)
        #expect(element.payload == Support.assertionJSON)
        #expect(element.warnings.isEmpty)
        #expect(element.byteOffset == ByteOffset(Array(svg.utf8).firstIndex(of: UInt8(ascii: ">"))! + 1))
    }

    @Test func ob2SignedIsEmptyElement() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
              <openbadges:assertion verify="\(Support.jws)"/>
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.generation == .assertion)
        #expect(element.verify == Support.jws)
        #expect(element.body == nil)
        #expect(element.payload == Support.jws)
    }

    @Test func ob3JWSInVerifyOnly() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
              <openbadges:credential verify="\(Support.jws)"></openbadges:credential>
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.generation == .credential)
        #expect(element.verify == Support.jws)
        #expect(element.body == nil)
    }

    @Test func ob3JSONInCDATAOnly() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
              <openbadges:credential>
                <![CDATA[\(Support.credentialJSON)]]>
              </openbadges:credential>
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.generation == .credential)
        #expect(element.verify == nil)
        #expect(element.body == Support.credentialJSON)
    }

    @Test func otherPrefixBoundToRightURI() throws {
        let prefixed = """
            <s:svg xmlns:s="http://www.w3.org/2000/svg"><s:g><b:assertion xmlns:b="http://openbadges.org" verify="https://e.org/a"/></s:g></s:svg>
            """
        let element = try #require(try Support.extract(prefixed))
        #expect(element.generation == .assertion)
        #expect(element.qualifiedName == "b:assertion")
        #expect(element.warnings.isEmpty)

        let defaultNamespace = """
            <svg xmlns="http://www.w3.org/2000/svg"><credential xmlns="https://purl.imsglobal.org/ob/v3p0">{"a":1}</credential></svg>
            """
        let credential = try #require(try Support.extract(defaultNamespace))
        #expect(credential.generation == .credential)
        #expect(credential.qualifiedName == "credential")
        #expect(credential.body == #"{"a":1}"#)
    }

    @Test func prefixScopingIsRespected() throws {
        // `ob` is bound to the OB namespace only inside <g>; outside it, ob:assertion is not a badge element.
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="urn:other">
            <g xmlns:ob="http://openbadges.org"><ob:x/></g><ob:assertion verify="https://wrong.example"/>
            </svg>
            """
        #expect(try Support.extract(svg) == nil)
    }

    @Test func rightPrefixBoundToWrongURIWarns() throws {
        let wrong = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/spec/ob/v3p0">
            <openbadges:credential><![CDATA[{"x":1}]]></openbadges:credential></svg>
            """
        let element = try #require(try Support.extract(wrong))
        #expect(element.generation == .credential)
        #expect(element.namespaceURI == "https://purl.imsglobal.org/spec/ob/v3p0")
        #expect(element.warnings.map(\.code) == [.unexpectedNamespace])

        let unbound = #"<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="https://e.org/a"/></svg>"#
        let loose = try #require(try Support.extract(unbound))
        #expect(loose.namespaceURI == nil)
        #expect(loose.warnings.map(\.code) == [.unboundPrefix])
    }

    @Test func exactMatchWinsOverEarlierFallback() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:wrong">
            <openbadges:assertion verify="https://fallback.example"/>
            <g xmlns:ob="http://openbadges.org"><ob:assertion verify="https://exact.example"/></g>
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.verify == "https://exact.example")
        #expect(element.warnings.isEmpty)
    }

    @Test func elementNotFirstAndInsideNestedSVG() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg">
              <rect width="1" height="1"/><g><text>hi</text></g>
              <svg x="5"><g><openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><![CDATA[{"n":1}]]></openbadges:credential></g></svg>
            </svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.body == #"{"n":1}"#)
    }

    @Test func longPrologDoctypeCommentsAndProcessingInstructions() throws {
        let comment = String(repeating: "a long comment with <svg> and ]]> and \"quotes\" ", count: 10)
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- \(comment) -->
            <?xml-stylesheet type="text/css" href="style.css"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!-- a comment with ] and > and ' inside the subset -->
              <?subset-pi don't "stop" ]> here?>
              <!ENTITY ns_svg "http://www.w3.org/2000/svg">
            ]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
              <!-- <openbadges:assertion verify="https://commented.out"/> -->
              <openbadges:assertion verify="https://real.example"/>
            </svg>
            """
        #expect(svg.utf8.count > 600)
        let element = try #require(try Support.extract(svg))
        #expect(element.verify == "https://real.example")
        #expect(element.warnings.map(\.code) == [.internalSubsetIgnored])
    }

    @Test func plainTextBodyWithReferences() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
            <openbadges:assertion verify="https://e.org/a?x=1&amp;y=&#x32;">
              {"name":"R&amp;D &lt;team&gt; &#65;&#x42; &quot;q&quot; &apos;a&apos;"}
            </openbadges:assertion></svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.verify == "https://e.org/a?x=1&y=2")
        #expect(element.body == #"{"name":"R&D <team> AB "q" 'a'"}"#)
    }

    @Test func splitCDATAAndMixedText() throws {
        // The JSON holds "]]>", so a baker split it across two CDATA sections.
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
            <openbadges:credential>
              <![CDATA[{"note":"a]]]]><![CDATA[>b",]]>"more":&quot;x&quot;}
            </openbadges:credential></svg>
            """
        let element = try #require(try Support.extract(svg))
        #expect(element.body == #"{"note":"a]]>b","more":"x"}"#)
    }

    @Test func nonASCIIAndByteOrderMark() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">\
            <openbadges:credential><![CDATA[\(Support.credentialJSON)]]></openbadges:credential></svg>
            """
        let element = try #require(try SVGBadgeReader.extract(from: [0xEF, 0xBB, 0xBF] + Array(svg.utf8)))
        #expect(element.body == Support.credentialJSON)
        #expect(element.byteOffset == ByteOffset(3 + Array(svg.utf8).firstIndex(of: UInt8(ascii: ">"))! + 1))
    }

    @Test func dataInputAndChunkedReaderAgree() throws {
        let bytes = Array(
            """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><g>\
            <openbadges:assertion verify="https://e.org/a"><![CDATA[\(Support.assertionJSON)]]></openbadges:assertion></g></svg>
            """.utf8)
        let whole = try SVGBadgeReader.extract(from: Data(bytes))
        for size in [1, 2, 3, 7, 64, 65536] {
            let (element, _) = try Support.extractChunked(bytes, size: size)
            #expect(element == whole)
        }
        #expect(whole?.body == Support.assertionJSON)
    }

    @Test func stopsReadingOnceTheElementIsComplete() throws {
        let head = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://e.org/a"/>"#
                .utf8)
        var chunks: [[UInt8]] = [head, Array("<g>".utf8), Array("<<<garbage that would not parse".utf8)]
        var requested = 0
        let element = try SVGBadgeReader.extract {
            requested += 1
            return chunks.isEmpty ? nil : chunks.removeFirst()
        }
        #expect(element?.verify == "https://e.org/a")
        #expect(requested == 1)
    }

    @Test func chunkReaderErrorsPassThrough() throws {
        struct DiskFailure: Error, Equatable {}
        var chunks: [[UInt8]] = [Array(#"<svg xmlns="http://www.w3.org/2000/svg"><g>"#.utf8)]
        #expect(throws: DiskFailure()) {
            try SVGBadgeReader.extract {
                guard !chunks.isEmpty else { throw DiskFailure() }
                return chunks.removeFirst()
            }
        }
    }

    @Test func gzipCompressedSVG() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">\
            \(String(repeating: "<rect width=\"1\" height=\"1\"/>", count: 5000))\
            <openbadges:credential verify="\(Support.jws)"/></svg>
            """
        let packed = try deflate(Array(svg.utf8), container: .gzip)
        let element = try #require(try SVGBadgeReader.extract(from: packed))
        #expect(element.verify == Support.jws)
        let (chunked, _) = try Support.extractChunked(packed, size: 100)
        #expect(chunked == element)
    }

    @Test func noBadgeIsNil() throws {
        #expect(try Support.extract(Support.plainSVG) == nil)
        #expect(try Support.extract(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#) == nil)
        // Elements with the right local name in another namespace do not count.
        #expect(try Support.extract(#"<svg xmlns="http://www.w3.org/2000/svg"><assertion verify="x"/></svg>"#) == nil)
    }

    @Test func invalidUTF8InBadgeIsAnError() throws {
        let head = Array(#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[{"a":""#.utf8)
        let bad: [UInt8] = head + [0xC3, 0x28] + Array(#""}]]></openbadges:assertion></svg>"#.utf8)
        let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: bad) }
        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == ByteOffset(head.count))

        let badVerify =
            Array(#"<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify=""#.utf8) + [0xFF]
            + Array(#""/></svg>"#.utf8)
        #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: badVerify) }

        // Invalid bytes elsewhere in the document are not our business.
        let elsewhere =
            Array(#"<svg xmlns="http://www.w3.org/2000/svg"><text>"#.utf8) + [0xFF]
            + Array(#"</text><openbadges:assertion verify="https://e.org"/></svg>"#.utf8)
        #expect(try SVGBadgeReader.extract(from: elsewhere)?.verify == "https://e.org")
    }

    @Test(arguments: [
        ("<html><openbadges:assertion verify=\"x\"/></html>", SVGBadgeError.Code.notSVG),
        ("<svg xmlns=\"urn:not-svg\"/>", .notSVG),
        ("", .notSVG),
        ("just text", .notSVG),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", .malformedXML),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" a=\"1\" a=\"2\"/>", .malformedXML),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" a=1/>", .malformedXML),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><g>", .unexpectedEndOfInput),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion>&bad</openbadges:assertion></svg>", .invalidReference),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion>&#0;</openbadges:assertion></svg>", .invalidReference),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion>&#x110000;</openbadges:assertion></svg>", .invalidReference),
    ])
    func typedErrors(svg: String, code: SVGBadgeError.Code) throws {
        let error = #expect(throws: SVGBadgeError.self) { try Support.extract(svg) }
        #expect(error?.code == code)
    }

    @Test func declaredEncodings() throws {
        func document(_ encoding: String, _ body: [UInt8]) -> [UInt8] {
            Array(
                #"<?xml version="1.0" encoding="\#(encoding)"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[{"n":""#
                    .utf8)
                + body + Array(#""}]]></openbadges:assertion></svg>"#.utf8)
        }
        let latin1 = try SVGBadgeReader.extract(from: document("ISO-8859-1", [0x43, 0x61, 0x66, 0xE9]))
        #expect(latin1?.body == #"{"n":"Café"}"#)
        #expect(try SVGBadgeReader.extract(from: document("windows-1252", Array("ascii".utf8)))?.body == #"{"n":"ascii"}"#)
        let other = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: document("windows-1252", [0xE9]))
        }
        #expect(other?.code == .unsupportedEncoding)
        let utf16 = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: document("UTF-16", [])) }
        #expect(utf16?.code == .unsupportedEncoding)

        // Baking into a non-UTF-8 document works for ASCII content only.
        let plain = Array(#"<?xml version='1.0' encoding='iso-8859-1'?><svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8)
        #expect(try SVGBadgeReader.extract(from: try SVGBadgeBaker.bake(plain, content: BakerTests.signed))?.verify == Support.jws)
        let bakeError = #expect(throws: SVGBadgeError.self) { try SVGBadgeBaker.bake(plain, content: BakerTests.ob3JSON) }
        #expect(bakeError?.code == .unsupportedEncoding)
    }

    @Test func utf16IsRefused() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<svg/>".utf8).flatMap { [$0, 0] }
        let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: utf16) }
        #expect(error?.code == .unsupportedEncoding)
    }
}
