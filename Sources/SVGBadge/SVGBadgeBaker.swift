import OpenBadgesModel
import Zlib

/// Bakes Open Badges data into SVG documents by splicing bytes: the document is tokenized, never
/// re-serialised, so everything outside the edited spots stays byte-identical.
///
/// Edits made: every existing badge element of either generation is removed (matched by namespace or by the
/// literal `openbadges:` prefix); `xmlns:openbadges` on the root is set to the generation's namespace (added,
/// or its value replaced); the new element is inserted as the first child of the root `<svg>`.
package enum SVGBadgeBaker {
    /// Bakes `content` into `svg` (plain or gzip-compressed) and returns the new document.
    /// - Throws: ``SVGBadgeError``: ``SVGBadgeError/Code/notSVG`` when the root is not `svg`,
    ///   ``SVGBadgeError/Code/unsupportedEncoding`` for non-ASCII content in a document not declared UTF-8,
    ///   ``SVGBadgeError/Code/invalidContent`` when there is nothing to write or it holds characters XML
    ///   forbids, and the reader's codes for malformed, truncated or oversized input.
    package static func bake(
        _ svg: some Collection<UInt8>, content: SVGBadgeContent, options: SVGBadgeBakeOptions = SVGBadgeBakeOptions()
    ) throws -> [UInt8] {
        let limits = options.limits
        guard svg.count <= limits.maximumDocumentBytes else {
            throw SVGBadgeError(
                code: .documentTooLarge, offset: limits.maximumDocumentBytes,
                message: "input exceeds the limit of \(limits.maximumDocumentBytes) bytes")
        }
        var document = Array(svg)
        let compressed = document.starts(with: [0x1F, 0x8B])
        if compressed {
            do {
                document = try inflate(document, container: .gzip, limit: limits.maximumInflatedBytes)
            } catch {
                throw ByteSource.map(error, limit: limits.maximumInflatedBytes)
            }
        }
        let element = try serialize(content)
        let edits = try plan(document, content: content, element: element, options: options)
        let output = try apply(edits, to: document)
        let gzip =
            switch options.outputCompression {
            case .preserve: compressed
            case .none: false
            case .gzip: true
            }
        guard gzip else { return output }
        do {
            return try deflate(output, container: .gzip, level: 9)
        } catch {
            throw SVGBadgeError(code: .corruptCompression, offset: nil, message: "gzip compression failed: \(error.reason)")
        }
    }

    /// The bytes of the new badge element.
    static func serialize(_ content: SVGBadgeContent) throws -> [UInt8] {
        let verify = content.verify.flatMap { $0.isEmpty ? nil : $0 }
        let body = content.body.flatMap { $0.isEmpty ? nil : $0 }
        guard verify != nil || body != nil else {
            throw SVGBadgeError(code: .invalidContent, offset: nil, message: "nothing to bake: no verify value and no body")
        }
        let name = Array(content.generation.svgQualifiedName.utf8)
        var out = [UInt8(ascii: "<")] + name
        if let verify { out += Array(" verify=\"".utf8) + (try XMLText.escapeAttribute(verify)) + [UInt8(ascii: "\"")] }
        guard let body else { return out + Array("/>".utf8) }
        out += [UInt8(ascii: ">")] + (try XMLText.cdata(body)) + Array("</".utf8) + name + [UInt8(ascii: ">")]
        return out
    }

    private struct Edit {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    private static func plan(
        _ document: [UInt8], content: SVGBadgeContent, element: [UInt8], options: SVGBadgeBakeOptions
    ) throws -> [Edit] {
        var whole: [UInt8]? = document
        let source = ByteSource(limits: options.limits) {
            defer { whole = nil }
            return whole
        }
        let walker = XMLElementWalker(source: source, limits: options.limits)
        let tokenizer = walker.tokenizer
        var edits: [Edit] = []
        // Start offset and depth of an element being removed; nothing inside it is edited.
        var removal: (start: Int, depth: Int)?
        while let event = try walker.next() {
            switch event {
            case .start(let token, let name, let depth):
                guard removal == nil else { continue }
                if depth == 1 {
                    if walker.encoding != .utf8, let index = element.firstIndex(where: { $0 >= 0x80 }) {
                        throw SVGBadgeError(
                            code: .unsupportedEncoding, offset: index,
                            message: "the document is not UTF-8 and the badge content has non-ASCII characters")
                    }
                    edits += try rootEdits(token, name: name, content: content, element: element, tokenizer: tokenizer)
                } else if try BadgeElementMatch.match(name) != nil
                    || (options.removeActiveContent && ActiveContentFilter.isActiveElement(name, token, tokenizer: tokenizer))
                {
                    removal = (token.range.lowerBound, depth)
                    continue
                }
                if options.removeActiveContent {
                    for attribute in token.attributes where ActiveContentFilter.hasEntityReference(tokenizer.bytes(attribute.value)) {
                        throw entityReference(at: attribute.value.lowerBound)
                    }
                    for span in try ActiveContentFilter.activeAttributeSpans(token, tokenizer: tokenizer) {
                        edits.append(Edit(range: span, replacement: []))
                    }
                }
            case .end(let token, let depth):
                if let current = removal, current.depth == depth {
                    edits.append(Edit(range: current.start..<token.range.upperBound, replacement: []))
                    removal = nil
                }
            case .other(let token, _):
                guard options.removeActiveContent, removal == nil else { break }
                switch token.kind {
                case .doctype:
                    // Its internal subset can declare entities that expand into script; nothing else in it matters.
                    edits.append(Edit(range: token.range, replacement: []))
                case .processingInstruction:
                    let target = tokenizer.bytes(token.content)
                    let isDeclaration =
                        token.range.lowerBound <= 3 && target.starts(with: "xml".utf8)
                        && target.dropFirst(3).first.map(XMLText.isWhitespace) ?? false
                    if !isDeclaration { edits.append(Edit(range: token.range, replacement: [])) }
                case .text:
                    if ActiveContentFilter.hasEntityReference(tokenizer.bytes(token.content)) {
                        throw entityReference(at: token.range.lowerBound)
                    }
                default:
                    break
                }
            }
        }
        return edits
    }

    private static func entityReference(at offset: Int) -> SVGBadgeError {
        SVGBadgeError(
            code: .unremovableActiveContent, offset: offset,
            message: "the document refers to an entity other than the predefined ones; with active content removal, "
                + "entities (which could expand into script) are refused")
    }

    private static func rootEdits(
        _ token: XMLToken, name: ResolvedName, content: SVGBadgeContent, element: [UInt8], tokenizer: XMLTokenizer
    ) throws -> [Edit] {
        guard BadgeElementMatch.isSVGRoot(name) else {
            throw SVGBadgeError(
                code: .notSVG, offset: token.range.lowerBound,
                message: "root element '\(String(decoding: name.qualified, as: UTF8.self))' is not svg")
        }
        if let prefix = name.prefix, prefix.elementsEqual(content.generation.svgBakingPrefix.utf8) {
            throw SVGBadgeError(
                code: .notSVG, offset: token.range.lowerBound, message: "root element uses the \(content.generation.svgBakingPrefix) prefix itself")
        }
        var edits: [Edit] = []
        let uri = try XMLText.escapeAttribute(content.generation.svgNamespaceURI)
        let declaration = "xmlns:\(content.generation.svgBakingPrefix)"
        if let existing = token.attributes.first(where: { tokenizer.bytes($0.name).elementsEqual(declaration.utf8) }) {
            edits.append(Edit(range: existing.value, replacement: uri))
        } else {
            let text = Array(" \(declaration)=\"".utf8) + uri + [UInt8(ascii: "\"")]
            edits.append(Edit(range: token.content.upperBound..<token.content.upperBound, replacement: text))
        }
        if token.isSelfClosing {
            // `<svg …/>` becomes `<svg …>` + element + `</svg>`.
            let slash = token.range.upperBound - 2
            edits.append(
                Edit(
                    range: slash..<token.range.upperBound,
                    replacement: [UInt8(ascii: ">")] + element + Array("</".utf8) + name.qualified + [UInt8(ascii: ">")]))
        } else {
            edits.append(Edit(range: token.range.upperBound..<token.range.upperBound, replacement: element))
        }
        return edits
    }

    private static func apply(_ edits: [Edit], to document: [UInt8]) throws -> [UInt8] {
        let sorted = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }
        var out: [UInt8] = []
        out.reserveCapacity(document.count + edits.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        for edit in sorted.map(\.element) {
            guard edit.range.lowerBound >= cursor else {
                throw SVGBadgeError(code: .malformedXML, offset: edit.range.lowerBound, message: "overlapping edits")
            }
            out += document[cursor..<edit.range.lowerBound]
            out += edit.replacement
            cursor = edit.range.upperBound
        }
        out += document[cursor...]
        return out
    }
}
