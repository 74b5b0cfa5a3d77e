import Foundation
import SVGBadge
import Testing

/// Issue 12 §4: `removeActiveContent` leaves nothing a browser would run, checked by a parser that expands
/// internal entities and applies the DTD (Python's lxml), not by searching the output for strings.
@Suite struct ActiveContentTests {
    static let lxmlAvailable: Bool = Support.python("import lxml.etree")?.status == 0

    /// Parses a document with lxml, expanding internal entities, and lists every active construct left.
    static let lxmlCheck = #"""
        import sys
        from lxml import etree
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True, attribute_defaults=True, huge_tree=True)
        tree = etree.parse(sys.argv[1], parser)
        found = []
        if tree.docinfo.internalDTD is not None:
            found.append("internal DTD subset")
        active = {"script", "handler", "listener", "foreignobject", "iframe", "frame", "frameset", "object", "embed",
                  "applet", "portal", "meta", "base", "link"}
        urls = {"href", "src", "action", "formaction", "base", "data", "codebase", "background", "poster", "srcset",
                "from", "to", "by", "values"}
        passive = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
        def local(name):
            return etree.QName(name).localname.lower() if name.startswith("{") else name.split(":")[-1].lower()
        for node in list(tree.getroot().itersiblings(preceding=True)) + list(tree.getroot().itersiblings()):
            if isinstance(node, etree._ProcessingInstruction):
                found.append("processing instruction " + node.target)
        for node in tree.iter():
            if isinstance(node, etree._ProcessingInstruction):
                found.append("processing instruction " + node.target)
                continue
            if not isinstance(node.tag, str):
                continue
            name = local(node.tag)
            if name in active:
                found.append("element " + name)
            for key, value in node.attrib.items():
                attr = local(key)
                squeezed = "".join(c for c in value if ord(c) > 0x20).lower()
                if attr.startswith("on") or attr == "srcdoc":
                    found.append("attribute " + attr)
                elif attr in urls and any(p.startswith(("javascript:", "vbscript:", "livescript:")) for p in squeezed.split(";")):
                    found.append("script URL in " + attr)
                elif attr in urls and squeezed.startswith("data:") and not squeezed.startswith(passive):
                    found.append("data URL in " + attr)
                elif name in ("set", "animate") and attr == "attributename" and (squeezed.split(":")[-1] in urls or squeezed.startswith("on")):
                    found.append(name + " of " + squeezed)
        print("\n".join(found) if found else "clean")
        """#

    /// Active constructs and the bypasses of issue 12 §4, each hidden in a small SVG.
    static let hostile: [String] = [
        // XHTML inside foreignObject: iframe srcdoc, script, form action, event handlers.
        #"<foreignObject width="9" height="9"><html:iframe xmlns:html="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject>"#,
        #"<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/>"#,
        #"<g xmlns:h="http://www.w3.org/1999/xhtml"><h:form action="javascript:alert(1)"><h:button formaction="JaVaScRiPt:alert(2)"/></h:form></g>"#,
        #"<x:SCRIPT xmlns:x="urn:any">alert(1)</x:SCRIPT><Script>alert(2)</Script>"#,
        #"<g ONLOAD="alert(1)" xlink:onclick="alert(2)" onfocusin="alert(3)"/>"#,
        #"<a xlink:href="  &#x6A;ava&#x09;script&#x3A;alert(1)"><text>x</text></a><a href="&#10;VBSCRIPT:msgbox(1)"/>"#,
        #"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="/><image href="data:image/svg+xml,&lt;svg onload='alert(1)'/&gt;"/>"#,
        #"<a href="x"><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="xlink:href" values="0;javascript:alert(2)"/></a>"#,
        #"<set attributeName="onclick" to="alert(1)"/><animate attributeName="SRCDOC" values="x"/>"#,
        #"<a xml:base="javascript:alert(1)//" href="x"/><embed src="javascript:alert(1)"/><object data="x.swf"/>"#,
        #"<handler type="application/ecmascript">alert(1)</handler><iframe src="x"/>"#,
    ]

    static func document(_ body: String, prolog: String = "") -> [UInt8] {
        Array(
            (prolog
                + #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">"#
                + body + #"<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>"#).utf8)
    }

    static func clean(_ svg: [UInt8]) throws -> [UInt8] {
        try SVGBadgeBaker.bake(svg, content: BakerTests.signed, options: SVGBadgeBakeOptions(removeActiveContent: true))
    }

    static func lxmlFindings(_ svg: [UInt8]) throws -> String {
        let file = try Support.temporaryFile(svg)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try #require(Support.python(lxmlCheck, [file.path]))
        #expect(result.status == 0, "lxml could not parse the output")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: lxmlAvailable, "python3 with lxml is not available (pip install lxml)"), arguments: hostile)
    func nothingActiveSurvives(body: String) throws {
        let svg = Self.document(body)
        #expect(try Self.lxmlFindings(svg) != "clean", "the check finds the construct in the input")
        let cleaned = try Self.clean(svg)
        #expect(try Self.lxmlFindings(cleaned) == "clean", "\(cleaned.text)")
        // The raster data: image and the badge stay.
        #expect(cleaned.occurrences(of: "data:image/png;base64,iVBORw0KGgo=") == 1)
        #expect(try SVGBadgeReader.extract(from: cleaned)?.verify == Support.jws)
    }

    @Test(.enabled(if: lxmlAvailable, "python3 with lxml is not available (pip install lxml)"))
    func internalSubsetIsRemoved() throws {
        // Entities and default attributes the subset declares would expand into script and a javascript: link.
        let prolog = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet type="text/xsl" href="data:text/xml,x"?>
            <!DOCTYPE svg [
              <!ENTITY s "<script>alert(1)</script>">
              <!ENTITY j "javascript:alert(2)">
              <!ATTLIST rect onclick CDATA "alert(3)">
            ]>

            """#
        let svg = Self.document(#"<rect width="1" height="1"/>"#, prolog: prolog)
        #expect(try Self.lxmlFindings(svg) != "clean")
        let cleaned = try Self.clean(svg)
        #expect(try Self.lxmlFindings(cleaned) == "clean", "\(cleaned.text)")
        #expect(cleaned.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(cleaned.occurrences(of: "<!DOCTYPE") == 0 && cleaned.occurrences(of: "ENTITY") == 0)
    }

    @Test(arguments: [
        #"<text>&s;</text>"#, #"<a href="&j;">x</a>"#, #"<a xlink:href="x&j;"/>"#,
    ])
    func entityReferencesAreRefused(body: String) throws {
        // With the subset removed these would be undefined; with it kept they would expand into script.
        let prolog = #"<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>"><!ENTITY j "javascript:alert(2)">]>"#
        let svg = Self.document(body, prolog: prolog)
        let error = #expect(throws: SVGBadgeError.self) { try Self.clean(svg) }
        #expect(error?.code == .unremovableActiveContent)
        // Without removal the document is baked as before (the references are left alone).
        _ = try SVGBadgeBaker.bake(svg, content: BakerTests.signed)
    }

    @Test func passiveContentIsKept() throws {
        let body =
            ##"<a href="https://example.org/" xlink:href="#i"><use href="#i"/></a><animate attributeName="opacity" values="0;1"/><text>&lt;&amp;&#65;</text><g data-onion="1" class="on"/>"##
        let cleaned = try Self.clean(Self.document(body))
        #expect(cleaned.occurrences(of: body) == 1)
    }

    @Test func theXMLDeclarationIsKeptAndOtherProcessingInstructionsGo() throws {
        let prolog = "<?xml\tversion=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet href=\"a.css\"?><?php echo 1; ?>"
        let cleaned = try Self.clean(Self.document("<g/>", prolog: prolog))
        #expect(cleaned.text.hasPrefix("<?xml\tversion=\"1.0\" encoding=\"UTF-8\"?>\n<svg"))
        #expect(cleaned.occurrences(of: "<?") == 1)
    }
}
