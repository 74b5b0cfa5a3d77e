/// A small pull tokenizer for XML over an incrementally-fed byte source.
///
/// It recognises start and end tags (with attributes), text, CDATA sections, comments, processing
/// instructions and DOCTYPE declarations (internal subsets are skipped, never interpreted). It keeps only the
/// current token and unread input in memory: consumed bytes are dropped as it goes. Token ranges are absolute
/// offsets; their bytes can be read with ``bytes(_:)`` until the next call to ``next()``.
///
/// Long text and CDATA sections come as consecutive tokens of at most ``pieceBytes`` bytes each (never cut
/// inside a UTF-8 sequence, a reference or a CR LF pair), so that a reader can enforce its limits as it goes
/// and memory does not grow with the length of one run of text.
final class XMLTokenizer {
    /// The most bytes of text or CDATA content in one token.
    static let pieceBytes = 64 * 1024
    /// Whether the last token was a piece of a CDATA section whose end has not been seen yet.
    private var inCDATA = false
    private var buffer: [UInt8] = []
    /// Absolute offset of `buffer[0]`.
    private var base = 0
    /// Index in `buffer` of the first unread byte.
    private var pos = 0
    private let source: ByteSource
    private let limits: SVGBadgeLimits
    private var sourceDone = false
    private var started = false

    init(source: ByteSource, limits: SVGBadgeLimits) {
        self.source = source
        self.limits = limits
    }

    /// Absolute offset of the next unread byte.
    var offset: Int { base + pos }

    /// The bytes of an absolute range within the current token.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { buffer[(range.lowerBound - base)..<(range.upperBound - base)] }

    /// Reads the next token, or returns `nil` at the end of the input.
    func next() throws -> XMLToken? {
        compact()
        if !started {
            started = true
            try skipByteOrderMark()
        }
        if inCDATA { return try cdata(open: 0) }
        if pos >= buffer.count, !(try fill()) { return nil }
        guard buffer[pos] == UInt8(ascii: "<") else { return try text() }
        guard try have(pos + 1) else { throw truncated("'<' at the end of the input") }
        switch buffer[pos + 1] {
        case UInt8(ascii: "?"):
            return try delimited(.processingInstruction, open: 2, close: Array("?>".utf8), what: "processing instruction")
        case UInt8(ascii: "/"):
            return try endTag()
        case UInt8(ascii: "!"):
            if try matches("<!--", at: pos) {
                return try delimited(.comment, open: 4, close: Array("-->".utf8), what: "comment")
            }
            if try matches("<![CDATA[", at: pos) { return try cdata(open: 9) }
            if try matches("<!DOCTYPE", at: pos) { return try doctype() }
            throw malformed("unknown markup declaration", at: pos)
        default:
            return try startTag()
        }
    }

    // MARK: Input management

    private func fill() throws -> Bool {
        guard !sourceDone else { return false }
        guard let chunk = try source.read() else {
            sourceDone = true
            return false
        }
        if buffer.isEmpty { buffer = chunk } else { buffer.append(contentsOf: chunk) }
        return true
    }

    /// Makes sure `buffer[index]` exists, reading more input if needed.
    private func have(_ index: Int) throws -> Bool {
        while index >= buffer.count {
            if !(try fill()) { return false }
        }
        return true
    }

    /// Drops consumed bytes once they make up most of the buffer (amortised linear).
    private func compact() {
        guard pos >= 64 * 1024, pos * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<pos)
        base += pos
        pos = 0
    }

    private func matches(_ literal: StaticString, at index: Int) throws -> Bool {
        let count = literal.utf8CodeUnitCount
        guard try have(index + count - 1) else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where buffer[index + k] != pointer[k] { return false }
        return true
    }

    /// Index of the first occurrence of `pattern` at or after `start`, reading more input as needed.
    /// With `window`, only occurrences starting before `start + window` count, and input is read only as far
    /// as needed to tell.
    private func find(_ pattern: [UInt8], from start: Int, window: Int = .max) throws -> Int? {
        let bound = window == .max ? Int.max : start + window
        var i = start
        while true {
            while i + pattern.count <= buffer.count {
                guard let hit = buffer[i...].firstIndex(of: pattern[0]) else {
                    i = buffer.count
                    break
                }
                if hit >= bound { return nil }
                if hit + pattern.count > buffer.count {
                    i = hit
                    break
                }
                if buffer[hit..<(hit + pattern.count)].elementsEqual(pattern) { return hit }
                i = hit + 1
            }
            if i >= bound { return nil }
            if !(try fill()) { return nil }
        }
    }

    /// A place at or before `proposed` (and after `start`) to end a piece of text: not inside a UTF-8
    /// sequence, between CR and LF, or (with `references`) inside a `&…;` reference.
    private func cut(from start: Int, proposed: Int, references: Bool) -> Int {
        var p = proposed
        if references, let amp = buffer[max(start, p - 48)..<p].lastIndex(of: UInt8(ascii: "&")),
            !buffer[amp..<p].contains(UInt8(ascii: ";"))
        {
            p = amp
        }
        while p > start && buffer[p] & 0xC0 == 0x80 { p -= 1 }
        if p > start && buffer[p - 1] == 0x0D { p -= 1 }
        return p > start ? p : proposed
    }

    private func skipByteOrderMark() throws {
        _ = try have(2)
        let head = buffer[pos...].prefix(3)
        if head.elementsEqual([0xEF, 0xBB, 0xBF]) {
            pos += 3
        } else if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE])
            || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x3C, 0x00])
        {
            throw SVGBadgeError(code: .unsupportedEncoding, offset: 0, message: "UTF-16 documents are not supported")
        }
    }

    // MARK: Tokens

    private func text() throws -> XMLToken {
        let start = pos
        var end: Int
        if let lt = try find([UInt8(ascii: "<")], from: pos, window: Self.pieceBytes) {
            end = lt
        } else if try have(start + Self.pieceBytes) {
            end = cut(from: start, proposed: start + Self.pieceBytes, references: true)
        } else {
            end = buffer.count  // the end of the input
        }
        pos = end
        let range = (base + start)..<(base + end)
        return XMLToken(kind: .text, range: range, content: range)
    }

    private func delimited(_ kind: XMLToken.Kind, open: Int, close: [UInt8], what: String) throws -> XMLToken {
        let start = pos
        guard let end = try find(close, from: start + open) else { throw truncated("unterminated \(what)") }
        pos = end + close.count
        return XMLToken(
            kind: kind, range: (base + start)..<(base + pos), content: (base + start + open)..<(base + end))
    }

    /// A CDATA section, or its next piece: `open` is 9 at `<![CDATA[`, 0 when continuing one.
    private func cdata(open: Int) throws -> XMLToken {
        let start = pos
        let contentStart = pos + open
        if let end = try find(Array("]]>".utf8), from: contentStart, window: Self.pieceBytes) {
            inCDATA = false
            pos = end + 3
            return XMLToken(kind: .cdata, range: (base + start)..<(base + pos), content: (base + contentStart)..<(base + end))
        }
        // No terminator starts in the window; the piece ends inside it, and one cannot straddle the cut.
        guard try have(contentStart + Self.pieceBytes + 2) else { throw truncated("unterminated CDATA section") }
        inCDATA = true
        pos = cut(from: contentStart, proposed: contentStart + Self.pieceBytes, references: false)
        return XMLToken(kind: .cdata, range: (base + start)..<(base + pos), content: (base + contentStart)..<(base + pos))
    }

    private func doctype() throws -> XMLToken {
        let start = pos
        var i = pos + 9
        var quote: UInt8 = 0
        var inSubset = false
        var sawSubset = false
        while true {
            guard try have(i) else { throw truncated("unterminated DOCTYPE") }
            let b = buffer[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if inSubset && b == UInt8(ascii: "<"), try matches("<!--", at: i) {
                guard let end = try find(Array("-->".utf8), from: i + 4) else { throw truncated("unterminated comment") }
                i = end + 3
                continue
            } else if inSubset && b == UInt8(ascii: "<"), try matches("<?", at: i) {
                guard let end = try find(Array("?>".utf8), from: i + 2) else {
                    throw truncated("unterminated processing instruction")
                }
                i = end + 2
                continue
            } else if b == UInt8(ascii: "[") {
                inSubset = true
                sawSubset = true
            } else if b == UInt8(ascii: "]") {
                inSubset = false
            } else if b == UInt8(ascii: ">") && !inSubset {
                pos = i + 1
                var token = XMLToken(
                    kind: .doctype, range: (base + start)..<(base + pos), content: (base + start + 9)..<(base + i))
                token.hasInternalSubset = sawSubset
                return token
            }
            i += 1
        }
    }

    private func endTag() throws -> XMLToken {
        let start = pos
        guard let close = try find([UInt8(ascii: ">")], from: start + 2) else { throw truncated("unterminated end tag") }
        var i = start + 2
        while i < close && XMLText.isNameByte(buffer[i]) { i += 1 }
        let nameEnd = i
        while i < close && XMLText.isWhitespace(buffer[i]) { i += 1 }
        guard nameEnd > start + 2, XMLText.isNameStartByte(buffer[start + 2]), i == close else {
            throw malformed("malformed end tag", at: start)
        }
        pos = close + 1
        return XMLToken(kind: .endTag, range: (base + start)..<(base + pos), content: (base + start + 2)..<(base + nameEnd))
    }

    private func startTag() throws -> XMLToken {
        let start = pos
        // Find the closing '>' outside quoted attribute values.
        var i = start + 1
        var quote: UInt8 = 0
        while true {
            guard try have(i) else { throw truncated("unterminated start tag") }
            if quote != 0 {
                // Skip quoted values in one search: they can be long (data: URLs, a JWS).
                if let end = buffer[i...].firstIndex(of: quote) {
                    quote = 0
                    i = end + 1
                } else {
                    i = buffer.count
                }
                continue
            }
            let b = buffer[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            } else if b == UInt8(ascii: "<") {
                throw malformed("'<' inside a tag", at: i)
            }
            i += 1
        }
        let close = i
        var token = try parseStartTag(start, close)
        pos = close + 1
        token.range = (base + start)..<(base + pos)
        return token
    }

    private func parseStartTag(_ start: Int, _ close: Int) throws -> XMLToken {
        var i = start + 1
        while i < close && XMLText.isNameByte(buffer[i]) { i += 1 }
        guard i > start + 1, XMLText.isNameStartByte(buffer[start + 1]) else {
            throw malformed("malformed element name", at: start)
        }
        var token = XMLToken(kind: .startTag, range: 0..<0, content: (base + start + 1)..<(base + i))
        while true {
            let spaceStart = i
            while i < close && XMLText.isWhitespace(buffer[i]) { i += 1 }
            if i == close { break }
            if buffer[i] == UInt8(ascii: "/") {
                guard i + 1 == close else { throw malformed("'/' inside a start tag", at: i) }
                token.isSelfClosing = true
                break
            }
            guard i > spaceStart else { throw malformed("attributes must be separated by whitespace", at: i) }
            let nameStart = i
            while i < close && XMLText.isNameByte(buffer[i]) { i += 1 }
            let nameEnd = i
            guard nameEnd > nameStart, XMLText.isNameStartByte(buffer[nameStart]) else {
                throw malformed("malformed attribute name", at: nameStart)
            }
            while i < close && XMLText.isWhitespace(buffer[i]) { i += 1 }
            guard i < close, buffer[i] == UInt8(ascii: "=") else { throw malformed("attribute without '='", at: i) }
            i += 1
            while i < close && XMLText.isWhitespace(buffer[i]) { i += 1 }
            guard i < close, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
                throw malformed("attribute value without quotes", at: i)
            }
            let quote = buffer[i]
            i += 1
            let valueStart = i
            guard let valueEnd = buffer[i..<close].firstIndex(of: quote) else {
                throw malformed("unterminated attribute value", at: valueStart)
            }
            if let lt = buffer[valueStart..<valueEnd].firstIndex(of: UInt8(ascii: "<")) {
                throw malformed("'<' in an attribute value", at: lt)
            }
            i = valueEnd
            guard i - valueStart <= limits.maximumAttributeBytes else {
                throw SVGBadgeError(
                    code: .attributeTooLong, offset: base + valueStart,
                    message: "attribute value longer than \(limits.maximumAttributeBytes) bytes")
            }
            i += 1
            guard token.attributes.count < limits.maximumAttributesPerElement else {
                throw SVGBadgeError(
                    code: .tooManyAttributes, offset: base + nameStart,
                    message: "more than \(limits.maximumAttributesPerElement) attributes on one element")
            }
            token.attributes.append(
                XMLAttribute(
                    name: (base + nameStart)..<(base + nameEnd), value: (base + valueStart)..<(base + i - 1),
                    span: (base + spaceStart)..<(base + i)))
        }
        // Duplicate attribute names make the document ill-formed.
        if token.attributes.count > 16 {
            var seen = Set<ArraySlice<UInt8>>()
            for attribute in token.attributes where !seen.insert(bytes(attribute.name)).inserted {
                throw malformed("duplicate attribute", at: attribute.name.lowerBound - base)
            }
        } else if token.attributes.count > 1 {
            for (k, attribute) in token.attributes.enumerated() {
                let name = bytes(attribute.name)
                for other in token.attributes[..<k] where bytes(other.name).elementsEqual(name) {
                    throw malformed("duplicate attribute", at: attribute.name.lowerBound - base)
                }
            }
        }
        return token
    }

    // MARK: Errors

    private func truncated(_ message: String) -> SVGBadgeError {
        SVGBadgeError(code: .unexpectedEndOfInput, offset: base + pos, message: message)
    }

    private func malformed(_ message: String, at index: Int) -> SVGBadgeError {
        SVGBadgeError(code: .malformedXML, offset: base + index, message: message)
    }
}
