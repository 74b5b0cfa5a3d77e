/// One attribute of a start tag, as byte ranges (absolute document offsets).
struct XMLAttribute {
    /// The attribute's qualified name.
    var name: Range<Int>
    /// The raw value between the quotes (references not decoded).
    var value: Range<Int>
    /// From the whitespace before the name to just after the closing quote: what to cut to remove it.
    var span: Range<Int>
}

/// One lexical unit of an XML document. All ranges are absolute byte offsets into the document.
struct XMLToken {
    enum Kind {
        case startTag, endTag, text, cdata, comment, processingInstruction, doctype
    }

    var kind: Kind
    /// The whole token, delimiters included.
    var range: Range<Int>
    /// Tags: the qualified name. Text: the text. CDATA, comments, processing instructions: the inside.
    /// DOCTYPE: everything after `<!DOCTYPE`.
    var content: Range<Int>
    /// Start tags only.
    var attributes: [XMLAttribute] = []
    /// Start tags only: written as `<name/>`.
    var isSelfClosing = false
    /// DOCTYPE only: has a `[...]` internal subset.
    var hasInternalSubset = false
}
