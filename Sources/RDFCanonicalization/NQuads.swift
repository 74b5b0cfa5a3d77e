import OpenBadgesModel

/// Error from ``NQuads/parse(_:)``.
package struct NQuadsParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line number.
    package let line: Int
    /// What went wrong.
    package let message: String
    package var description: String { "N-Quads line \(line): \(message)" }
}

/// RDF 1.1 N-Quads parsing and canonical serialization (RDFC-1.0 / RDF 1.2 canonical N-Quads escaping).
package enum NQuads {
    /// Serializes one term in canonical N-Quads form.
    package static func serialize(_ term: RDFTerm) -> String {
        var out: [UInt8] = []
        write(term, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a term in canonical N-Quads form, as UTF-8.
    static func write(_ term: RDFTerm, into out: inout [UInt8]) {
        switch term {
        case .iri(let i):
            out.append(UInt8(ascii: "<"))
            out.appendUTF8(i)
            out.append(UInt8(ascii: ">"))
        case .blankNode(let b):
            out.append(UInt8(ascii: "_"))
            out.append(UInt8(ascii: ":"))
            out.appendUTF8(b)
        case .literal(let l):
            out.append(UInt8(ascii: "\""))
            escape(l.lexicalForm, into: &out)
            out.append(UInt8(ascii: "\""))
            if let lang = l.language {
                out.append(UInt8(ascii: "@"))
                out.appendUTF8(lang)
            } else if l.datatype != xsdString {
                out.append(contentsOf: "^^<".utf8)
                out.appendUTF8(l.datatype)
                out.append(UInt8(ascii: ">"))
            }
        }
    }

    /// The UTF-8 length of a term as written, escapes aside.
    private static func length(_ term: RDFTerm) -> Int {
        switch term {
        case .iri(let i): i.utf8.count + 2
        case .blankNode(let b): b.utf8.count + 2
        case .literal(let l): l.lexicalForm.utf8.count + 2 + (l.language?.utf8.count ?? 0) + l.datatype.utf8.count + 4
        }
    }

    /// Whether a UTF-8 byte must be escaped in a literal: `"`, `\`, the C0 controls and DEL.
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F }

    /// Appends a literal's lexical form with the canonical N-Quads escapes, as UTF-8.
    static func escape(_ v: String, into out: inout [UInt8]) {
        // Most lexical forms need no escape: appended whole.
        let appended = v.withUTF8Bytes { bytes in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if appended { return }
        for u in v.unicodeScalars {
            switch u.value {
            case 0x22: out.append(contentsOf: #"\""#.utf8)
            case 0x5C: out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x00...0x1F, 0x7F:
                let h = String(u.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - h.count) + h).utf8)
            default: out.append(contentsOf: UTF8.encode(u)!)
            }
        }
    }

    /// Serializes one quad as a canonical N-Quads line including the final `\n`.
    package static func serialize(_ q: RDFQuad) -> String { String(decoding: line(q), as: UTF8.self) }

    /// One quad's canonical N-Quads line (with its final `\n`) as UTF-8.
    static func line(_ q: RDFQuad) -> [UInt8] { line(q, relabelling: false) { $0 } }

    /// One quad's canonical N-Quads line (with its final `\n`) as UTF-8, its blank nodes written under the labels
    /// `labels` gives (without `_:`), the way RDFC-1.0 hashes and relabels quads, without making a relabelled copy
    /// of the quad first.
    static func line(_ q: RDFQuad, labels: (String) -> String) -> [UInt8] { line(q, relabelling: true, labels) }

    /// The line that ``line(_:labels:)`` gives, made from `line`, the quad's line as ``line(_:)`` writes it: the
    /// bytes around the blank nodes are copied instead of written again (the other terms' escapes checked again).
    static func line(_ q: RDFQuad, relabelling line: [UInt8], labels: (String) -> String) -> [UInt8] {
        // Where the object starts is known from the subject's and the predicate's lengths: exact for IRIs and blank
        // nodes, which are written as they are, but not for a literal (escapes). Such a generalized quad is written.
        if case .literal = q.subject { return self.line(q, labels: labels) }
        if case .literal = q.predicate { return self.line(q, labels: labels) }
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 24)
        var copied = 0
        func relabel(_ term: RDFTerm?, at start: Int) {
            guard let term, case .blankNode(let b) = term else { return }
            out.append(contentsOf: line[copied..<start])
            out.append(UInt8(ascii: "_"))
            out.append(UInt8(ascii: ":"))
            out.appendUTF8(labels(b))
            copied = start + b.utf8.count + 2
        }
        relabel(q.subject, at: 0)
        relabel(q.object, at: length(q.subject) + 1 + length(q.predicate) + 1)
        // The graph name is last, before " .\n".
        if let g = q.graph { relabel(g, at: line.count - 3 - length(g)) }
        out.append(contentsOf: line[copied...])
        return out
    }

    /// `labels` does not escape: a closure passed here needs no context of its own on the heap.
    private static func line(_ q: RDFQuad, relabelling: Bool, _ labels: (String) -> String) -> [UInt8] {
        func term(_ t: RDFTerm, into out: inout [UInt8]) {
            if relabelling, case .blankNode(let b) = t {
                out.append(UInt8(ascii: "_"))
                out.append(UInt8(ascii: ":"))
                out.appendUTF8(labels(b))
            } else {
                write(t, into: &out)
            }
        }
        var out: [UInt8] = []
        // Room for the line as written when nothing needs escaping: one allocation instead of one per doubling.
        out.reserveCapacity(length(q.subject) + length(q.predicate) + length(q.object) + (q.graph.map(length) ?? 0) + 8)
        term(q.subject, into: &out)
        out.append(UInt8(ascii: " "))
        write(q.predicate, into: &out)
        out.append(UInt8(ascii: " "))
        term(q.object, into: &out)
        if let g = q.graph {
            out.append(UInt8(ascii: " "))
            term(g, into: &out)
        }
        out.append(contentsOf: " .\n".utf8)
        return out
    }

    /// Serializes a dataset, one line per quad, in the dataset's order.
    package static func serialize(_ d: RDFDataset) -> String { d.quads.map { serialize($0) }.joined() }

    /// Parses an N-Quads document.
    package static func parse(_ text: String) throws(NQuadsParseError) -> RDFDataset {
        var quads: [RDFQuad] = []
        var lineNo = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNo += 1
            var p = LineParser(chars: Array(line.unicodeScalars), line: lineNo)
            p.skipWS()
            if p.atEnd || p.peek == "#" { continue }
            let s = try p.term()
            p.skipWS()
            let pr = try p.term()
            p.skipWS()
            let o = try p.term()
            p.skipWS()
            var g: RDFTerm?
            if !p.atEnd, p.peek != "." {
                g = try p.term()
                p.skipWS()
            }
            guard !p.atEnd, p.peek == "." else { throw p.error("expected '.'") }
            p.i += 1
            p.skipWS()
            if !p.atEnd, p.peek != "#" { throw p.error("trailing characters") }
            if case .literal = s { throw p.error("literal subject") }
            if case .literal = pr { throw p.error("predicate must be an IRI (or a blank node in generalized RDF)") }
            if let g, case .literal = g { throw p.error("literal graph name") }
            quads.append(RDFQuad(s, pr, o, graph: g))
        }
        return RDFDataset(quads)
    }

    private struct LineParser {
        let chars: [Unicode.Scalar]
        let line: Int
        var i = 0
        var atEnd: Bool { i >= chars.count }
        var peek: Unicode.Scalar { chars[i] }

        func error(_ m: String) -> NQuadsParseError { NQuadsParseError(line: line, message: m) }

        mutating func skipWS() { while !atEnd, peek == " " || peek == "\t" { i += 1 } }

        mutating func uchar(_ n: Int) throws(NQuadsParseError) -> Unicode.Scalar {
            guard i + n <= chars.count else { throw error("bad \\u escape") }
            let hex = String(String.UnicodeScalarView(chars[i..<i + n]))
            i += n
            guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { throw error("bad \\u escape") }
            return u
        }

        mutating func term() throws(NQuadsParseError) -> RDFTerm {
            guard !atEnd else { throw error("unexpected end of line") }
            switch peek {
            case "<": return .iri(try iri())
            case "_":
                i += 1
                guard !atEnd, peek == ":" else { throw error("bad blank node") }
                i += 1
                var label = ""
                while !atEnd, peek != " ", peek != "\t" {
                    // A '.' may end the statement when followed by whitespace/end.
                    if peek == ".", i + 1 >= chars.count || chars[i + 1] == " " || chars[i + 1] == "\t" { break }
                    label.unicodeScalars.append(peek)
                    i += 1
                }
                guard !label.isEmpty else { throw error("empty blank node label") }
                return .blankNode(label)
            case "\"":
                i += 1
                var lex = ""
                while true {
                    guard !atEnd else { throw error("unterminated literal") }
                    let c = peek
                    i += 1
                    if c == "\"" { break }
                    if c == "\\" {
                        guard !atEnd else { throw error("bad escape") }
                        let e = peek
                        i += 1
                        switch e {
                        case "t": lex += "\t"
                        case "b": lex += "\u{08}"
                        case "n": lex += "\n"
                        case "r": lex += "\r"
                        case "f": lex += "\u{0C}"
                        case "\"": lex += "\""
                        case "'": lex += "'"
                        case "\\": lex += "\\"
                        case "u": lex.unicodeScalars.append(try uchar(4))
                        case "U": lex.unicodeScalars.append(try uchar(8))
                        default: throw error("bad escape")
                        }
                    } else {
                        lex.unicodeScalars.append(c)
                    }
                }
                if !atEnd, peek == "@" {
                    i += 1
                    var lang = ""
                    while !atEnd, peek != " ", peek != "\t", peek != "." || (i + 1 < chars.count && chars[i + 1] != " ") {
                        lang.unicodeScalars.append(peek)
                        i += 1
                    }
                    return .literal(RDFLiteral(lex, language: lang))
                }
                if i + 1 < chars.count, peek == "^", chars[i + 1] == "^" {
                    i += 2
                    return .literal(RDFLiteral(lex, datatype: try iri()))
                }
                return .literal(RDFLiteral(lex))
            default:
                throw error("unexpected character '\(peek)'")
            }
        }

        mutating func iri() throws(NQuadsParseError) -> String {
            guard !atEnd, peek == "<" else { throw error("expected IRI") }
            i += 1
            var s = ""
            while true {
                guard !atEnd else { throw error("unterminated IRI") }
                let c = peek
                i += 1
                if c == ">" { break }
                if c == "\\" {
                    guard !atEnd else { throw error("bad escape") }
                    let e = peek
                    i += 1
                    if e == "u" {
                        s.unicodeScalars.append(try uchar(4))
                    } else if e == "U" {
                        s.unicodeScalars.append(try uchar(8))
                    } else {
                        throw error("bad IRI escape")
                    }
                } else {
                    s.unicodeScalars.append(c)
                }
            }
            return s
        }
    }
}

extension [UInt8] {
    /// Appends the UTF-8 bytes of `text` (copied whole from a native string's storage, read in place).
    mutating func appendUTF8(_ text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }
}
