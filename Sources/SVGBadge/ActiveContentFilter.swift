/// Recognises content a browser would run in an SVG document.
///
/// Elements removed with everything inside them (any namespace, names compared case-insensitively):
/// `script`, `handler`, `listener`, `foreignObject` (and any HTML it embeds), `iframe`, `frame`, `frameset`,
/// `object`, `embed`, `applet`, `portal`, `meta`, `base`, `link`, and animation elements (`set`, `animate…`)
/// that target an event handler, a URL attribute or `srcdoc`. Attributes removed: `on*` event handlers,
/// `srcdoc`, and URL attributes (`href`, `xlink:href`, `src`, `action`, `formaction`, `xml:base`, …) whose value,
/// after reference decoding, dropping whitespace and control characters and case folding, uses the
/// `javascript:`, `vbscript:` or `livescript:` scheme, or a `data:` URL other than a raster image. The DOCTYPE
/// (whose internal subset could declare entities that expand into any of the above) and processing
/// instructions other than the XML declaration (`xml-stylesheet` can apply XSLT) are removed by the baker.
enum ActiveContentFilter {
    private static let activeElements: Set<String> = [
        "script", "handler", "listener", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet",
        "portal", "meta", "base", "link",
    ]
    private static let animationElements: Set<String> = [
        "set", "animate", "animatetransform", "animatemotion", "animatecolor", "discard",
    ]
    /// Attributes whose value is a URL (or, for animations, may become one).
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "base", "data", "codebase", "background", "poster", "lowsrc",
        "dynsrc", "ping", "manifest", "cite", "longdesc", "usemap", "archive", "classid", "profile", "srcset",
        "xlink:href", "from", "to", "by", "values", "icon",
    ]
    /// `data:` media types that never run script.
    private static let passiveDataTypes = [
        "data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/bmp",
        "data:image/avif",
    ]

    /// Whether an element must be removed with everything inside it.
    static func isActiveElement(_ name: ResolvedName, _ token: XMLToken, tokenizer: XMLTokenizer) throws -> Bool {
        let local = lowercased(name.local)
        if activeElements.contains(local) { return true }
        guard animationElements.contains(local) else { return false }
        for attribute in token.attributes where lowercased(localName(tokenizer.bytes(attribute.name))) == "attributename" {
            let target = try decodedForComparison(attribute, tokenizer: tokenizer)
            let targetLocal = target.split(separator: ":").last.map(String.init) ?? target
            return targetLocal.hasPrefix("on") || targetLocal == "srcdoc" || urlAttributes.contains(targetLocal)
        }
        return false
    }

    /// The byte spans of the attributes of `token` that must be removed.
    static func activeAttributeSpans(_ token: XMLToken, tokenizer: XMLTokenizer) throws -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for attribute in token.attributes {
            let qualified = tokenizer.bytes(attribute.name)
            if qualified.starts(with: "xmlns".utf8) { continue }
            let name = lowercased(localName(qualified))
            if (name.hasPrefix("on") && name.utf8.count > 2) || name == "srcdoc" {
                spans.append(attribute.span)
            } else if urlAttributes.contains(name), isActiveURL(try decodedForComparison(attribute, tokenizer: tokenizer)) {
                spans.append(attribute.span)
            }
        }
        return spans
    }

    /// Whether a URL (already decoded, stripped of whitespace and controls, lower-cased) can run script.
    static func isActiveURL(_ url: String) -> Bool {
        // `values` lists several URLs separated by ';'.
        for part in url.split(separator: ";", omittingEmptySubsequences: false) {
            let value = String(part)
            if value.hasPrefix("javascript:") || value.hasPrefix("vbscript:") || value.hasPrefix("livescript:") { return true }
        }
        if url.hasPrefix("data:") || url.contains(";data:") {
            // A data: URL is passive only when it is a raster image.
            for part in url.split(separator: ";", omittingEmptySubsequences: true) where part.hasPrefix("data:") {
                if !passiveDataTypes.contains(where: { part.hasPrefix($0) }) { return true }
            }
        }
        return false
    }

    /// Whether `bytes` (text or a raw attribute value) refers to an entity other than the five predefined ones.
    static func hasEntityReference(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while let amp = bytes[i...].firstIndex(of: UInt8(ascii: "&")) {
            let rest = bytes[(amp + 1)...]
            guard let first = rest.first, first != UInt8(ascii: "#") else {
                i = amp + 1
                continue
            }
            let name = rest.prefix { $0 != UInt8(ascii: ";") }
            if !["lt", "gt", "amp", "apos", "quot"].contains(where: { name.elementsEqual($0.utf8) }) { return true }
            i = amp + 1
        }
        return false
    }

    private static func localName(_ qualified: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The decoded value with every character at or below U+0020 removed (browsers ignore them inside a URL
    /// scheme), lower-cased (ASCII).
    private static func decodedForComparison(_ attribute: XMLAttribute, tokenizer: XMLTokenizer) throws -> String {
        var ignored: [SVGBadgeWarning] = []
        let value = try XMLText.decode(
            tokenizer.bytes(attribute.value), offset: attribute.value.lowerBound, attribute: true, warnings: &ignored)
        return lowercased(value.filter { $0 > 0x20 }[...])
    }
}
