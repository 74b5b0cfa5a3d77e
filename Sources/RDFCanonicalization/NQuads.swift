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
        var s = ""
        write(term, into: &s)
        return s
    }

    static func write(_ term: RDFTerm, into s: inout String) {
        switch term {
        case .iri(let i):
            s += "<"
            s += i
            s += ">"
        case .blankNode(let b):
            s += "_:"
            s += b
        case .literal(let l):
            s += "\""
            escape(l.lexicalForm, into: &s)
            s += "\""
            if let lang = l.language {
                s += "@"
                s += lang
            } else if l.datatype != xsdString {
                s += "^^<"
                s += l.datatype
                s += ">"
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

    static func escape(_ v: String, into s: inout String) {
        // Most lexical forms need no escape: appended whole.
        if !v.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            s += v
            return
        }
        for u in v.unicodeScalars {
            switch u.value {
            case 0x22: s += "\\\""
            case 0x5C: s += "\\\\"
            case 0x0A: s += "\\n"
            case 0x0D: s += "\\r"
            case 0x09: s += "\\t"
            case 0x08: s += "\\b"
            case 0x0C: s += "\\f"
            case 0x00...0x1F, 0x7F:
                let h = String(u.value, radix: 16, uppercase: true)
                s += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: s.unicodeScalars.append(u)
            }
        }
    }

    /// Serializes one quad as a canonical N-Quads line including the final `\n`.
    package static func serialize(_ q: RDFQuad) -> String { serialize(q, labels: nil) }

    /// Serializes one quad with its blank nodes written under the labels `labels` gives (without `_:`), the way
    /// RDFC-1.0 hashes and relabels quads, without making a relabelled copy of the quad first.
    static func serialize(_ q: RDFQuad, labels: ((String) -> String)?) -> String {
        func term(_ t: RDFTerm, into s: inout String) {
            if let labels, case .blankNode(let b) = t {
                s += "_:"
                s += labels(b)
            } else {
                write(t, into: &s)
            }
        }
        var s = ""
        // Room for the line as written when nothing needs escaping: one allocation instead of one per doubling.
        s.reserveCapacity(length(q.subject) + length(q.predicate) + length(q.object) + (q.graph.map(length) ?? 0) + 8)
        term(q.subject, into: &s)
        s += " "
        write(q.predicate, into: &s)
        s += " "
        term(q.object, into: &s)
        if let g = q.graph {
            s += " "
            term(g, into: &s)
        }
        s += " .\n"
        return s
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
