/// Recognises active content in SVG: `<script>` elements, `on*` event-handler attributes and
/// `javascript:`/`vbscript:` URLs in `href` / `xlink:href`.
enum ActiveContentFilter {
    /// Whether an element is a script element (local name `script`, any case, any prefix).
    static func isActiveElement(_ name: ResolvedName) -> Bool {
        name.local.count == 6 && String(decoding: name.local, as: UTF8.self).lowercased() == "script"
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
                var ignored: [SVGBadgeWarning] = []
                let value = try XMLText.decode(
                    tokenizer.bytes(attribute.value), offset: attribute.value.lowerBound, attribute: true,
                    warnings: &ignored)
                // Browsers ignore whitespace and control characters inside the scheme.
                let scheme = String(decoding: value.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
                if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") {
                    spans.append(attribute.span)
                }
            }
        }
        return spans
    }
}
