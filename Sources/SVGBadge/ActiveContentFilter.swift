/// Recognises active content in SVG: `<script>`, `<handler>` and `<foreignObject>` elements, animation
/// elements (`set`, `animate…`) that target an event-handler or `href` attribute, `on*` event-handler attributes
/// and `javascript:`/`vbscript:` URLs in `href` / `xlink:href`. Names compare case-insensitively, any prefix.
enum ActiveContentFilter {
    private static let activeElements: Set<String> = ["script", "handler", "foreignobject"]
    private static let animationElements: Set<String> = ["set", "animate", "animatetransform", "animatemotion", "animatecolor"]

    /// Whether an element must be removed with everything inside it.
    static func isActiveElement(_ name: ResolvedName, _ token: XMLToken, tokenizer: XMLTokenizer) throws -> Bool {
        let local = String(decoding: name.local, as: UTF8.self).lowercased()
        if activeElements.contains(local) { return true }
        guard animationElements.contains(local) else { return false }
        for attribute in token.attributes where tokenizer.bytes(attribute.name).elementsEqual("attributeName".utf8) {
            let target = try decodedLowercase(attribute, tokenizer: tokenizer)
            let targetLocal = target.split(separator: ":").last.map(String.init) ?? target
            return targetLocal.hasPrefix("on") || targetLocal == "href"
        }
        return false
    }

    private static func decodedLowercase(_ attribute: XMLAttribute, tokenizer: XMLTokenizer) throws -> String {
        var ignored: [SVGBadgeWarning] = []
        let value = try XMLText.decode(
            tokenizer.bytes(attribute.value), offset: attribute.value.lowerBound, attribute: true, warnings: &ignored)
        // Browsers ignore whitespace and control characters inside a URL scheme.
        return String(decoding: value.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
    }

    /// The byte spans of the attributes of `token` that must be removed.
    static func activeAttributeSpans(_ token: XMLToken, tokenizer: XMLTokenizer) throws -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for attribute in token.attributes {
            let qualified = tokenizer.bytes(attribute.name)
            let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
            let name = String(decoding: local, as: UTF8.self).lowercased()
            if name.hasPrefix("on") && name.count > 2 && !qualified.starts(with: "xmlns".utf8) {
                spans.append(attribute.span)
            } else if name == "href" {
                let scheme = try decodedLowercase(attribute, tokenizer: tokenizer)
                if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") {
                    spans.append(attribute.span)
                }
            }
        }
        return spans
    }
}
