/// The syntax tree of a `pattern`: ECMA-262 regular expressions as JSON Schema reads them (Unicode semantics, no
/// flags), parsed by ``RegexParser``.
indirect enum RegexNode {
    /// One scalar from a set.
    case atom(ScalarClass)
    /// The nodes one after the other.
    case sequence([RegexNode])
    /// The first of the branches that leads to a match.
    case alternation([RegexNode])
    /// `min` to `max` (nil: no bound) repetitions, as many as possible first (`greedy`) or as few.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
    /// `^`: the start of the input (no multiline flag).
    case start
    /// `$`: the end of the input (no multiline flag).
    case end
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    /// `(?=…)` or, `negated`, `(?!…)`.
    case lookahead(RegexNode, negated: Bool)

    /// Whether the node can match without consuming input.
    var isNullable: Bool {
        switch self {
        case .atom: return false
        case .sequence(let nodes): return nodes.allSatisfy(\.isNullable)
        case .alternation(let branches): return branches.contains(where: \.isNullable)
        case .repetition(let node, let min, _, _): return min == 0 || node.isNullable
        case .start, .end, .wordBoundary, .lookahead: return true
        }
    }
}

/// A set of Unicode scalars: ranges, general categories and other sets, optionally complemented.
struct ScalarClass: Sendable {
    /// One member of a set.
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case categories(Set<Unicode.GeneralCategory>)
        case set(ScalarClass)
    }

    var items: [Item]
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        for item in items {
            switch item {
            case .range(let low, let high): if value >= low && value <= high { return !negated }
            case .categories(let categories): if categories.contains(scalar.properties.generalCategory) { return !negated }
            case .set(let inner): if inner.contains(scalar) { return !negated }
            }
        }
        return negated
    }

    static func scalar(_ scalar: Unicode.Scalar) -> ScalarClass { ScalarClass(items: [.range(scalar.value, scalar.value)]) }

    /// `.`: anything but the ECMA-262 line terminators.
    static let dot = ScalarClass(items: [.range(0x0A, 0x0A), .range(0x0D, 0x0D), .range(0x2028, 0x2029)], negated: true)
    /// `\d`: ASCII digits.
    static let digit = ScalarClass(items: [.range(0x30, 0x39)])
    /// `\w`: ASCII letters, digits and `_`.
    static let word = ScalarClass(items: [.range(0x30, 0x39), .range(0x41, 0x5A), .range(0x5F, 0x5F), .range(0x61, 0x7A)])
    /// `\s`: ECMA-262 white space and line terminators.
    static let space = ScalarClass(items: [
        .range(0x09, 0x0D), .range(0x20, 0x20), .range(0xA0, 0xA0), .range(0x1680, 0x1680), .range(0x2000, 0x200A),
        .range(0x2028, 0x2029), .range(0x202F, 0x202F), .range(0x205F, 0x205F), .range(0x3000, 0x3000), .range(0xFEFF, 0xFEFF),
    ])
}

/// Parses a `pattern` into a ``RegexNode``, refusing what this engine does not do (backreferences, lookbehind) and
/// the shapes of exponential backtracking: a quantifier that repeats (`*`, `+`, `{2,}`…) on a group that holds a
/// repeating quantifier or an alternation (`(a+)+`, `(a|aa)*`).
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// A pattern this engine refuses, and why.
    struct Refusal: Error {
        let reason: String
    }

    /// The tree of `source`.
    static func parse(_ source: String) throws(Refusal) -> RegexNode {
        var parser = RegexParser(scalars: Array(source.unicodeScalars))
        let (node, _) = try parser.alternation(depth: 0)
        guard parser.position == parser.scalars.count else { throw Refusal(reason: "unbalanced parenthesis") }
        return node
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// What a parsed group holds, for the backtracking check.
    private struct Shape {
        var repeats = false
        var alternates = false
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func alternation(depth: Int) throws(Refusal) -> (RegexNode, Shape) {
        guard depth < 256 else { throw Refusal(reason: "groups nested too deeply") }
        var branches: [RegexNode] = []
        var shape = Shape()
        while true {
            let (branch, branchShape) = try sequence(depth: depth)
            branches.append(branch)
            shape.repeats = shape.repeats || branchShape.repeats
            shape.alternates = shape.alternates || branchShape.alternates
            guard current == "|" else { break }
            position += 1
            shape.alternates = true
        }
        return (branches.count == 1 ? branches[0] : .alternation(branches), shape)
    }

    private mutating func sequence(depth: Int) throws(Refusal) -> (RegexNode, Shape) {
        var nodes: [RegexNode] = []
        var shape = Shape()
        while let c = current, c != "|", c != ")" {
            var (node, inner, quantifiable) = try term(depth: depth)
            if let (min, max, greedy) = try quantifier() {
                guard quantifiable else { throw Refusal(reason: "a quantifier on an assertion or a quantifier") }
                let repeats = max.map { $0 > 1 } ?? true
                if repeats && (inner.repeats || inner.alternates) {
                    throw Refusal(reason: "a repeated group that contains a quantifier or an alternation (catastrophic backtracking)")
                }
                if let next = current, next == "*" || next == "+" || next == "?" || (next == "{" && peekQuantifier()) {
                    throw Refusal(reason: "a quantifier on a quantifier")
                }
                node = .repetition(node, min: min, max: max, greedy: greedy)
                inner.repeats = inner.repeats || repeats
            }
            shape.repeats = shape.repeats || inner.repeats
            shape.alternates = shape.alternates || inner.alternates
            nodes.append(node)
        }
        return (nodes.count == 1 ? nodes[0] : .sequence(nodes), shape)
    }

    /// One atom or assertion, what it holds, and whether a quantifier may follow it.
    private mutating func term(depth: Int) throws(Refusal) -> (RegexNode, Shape, Bool) {
        let c = scalars[position]
        position += 1
        switch c {
        case "^": return (.start, Shape(), false)
        case "$": return (.end, Shape(), false)
        case ".": return (.atom(.dot), Shape(), true)
        case "[": return (.atom(try characterClass()), Shape(), true)
        case "(":
            var lookahead: Bool? = nil
            if current == "?" {
                position += 1
                switch current {
                case ":": position += 1
                case "=": position += 1; lookahead = false
                case "!": position += 1; lookahead = true
                case "<":
                    position += 1
                    guard let next = current, next != "=" && next != "!" else { throw Refusal(reason: "lookbehind is not supported") }
                    // A named group: its name does not matter without backreferences.
                    while let n = current, n != ">" { position += 1 }
                    guard current == ">" else { throw Refusal(reason: "unterminated group name") }
                    position += 1
                default: throw Refusal(reason: "an unknown group")
                }
            }
            let (inner, shape) = try alternation(depth: depth + 1)
            guard current == ")" else { throw Refusal(reason: "unbalanced parenthesis") }
            position += 1
            if let negated = lookahead { return (.lookahead(inner, negated: negated), shape, true) }
            return (inner, shape, true)
        case ")": throw Refusal(reason: "unbalanced parenthesis")
        case "*", "+", "?": throw Refusal(reason: "a quantifier with nothing to repeat")
        case "{" where peekQuantifier(from: position - 1): throw Refusal(reason: "a quantifier with nothing to repeat")
        case "\\":
            guard let e = current else { throw Refusal(reason: "trailing backslash") }
            switch e {
            case "b", "B":
                position += 1
                return (.wordBoundary(e == "b"), Shape(), false)
            case "1"..."9", "k": throw Refusal(reason: "backreferences are not supported")
            default: return (.atom(try escape()), Shape(), true)
            }
        default: return (.atom(.scalar(c)), Shape(), true)
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` (each optionally lazy, `?`) at the current position, consumed.
    private mutating func quantifier() throws(Refusal) -> (Int, Int?, Bool)? {
        guard let c = current else { return nil }
        var bounds: (Int, Int?)
        switch c {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            guard let (min, max, length) = braces(from: position) else { return nil }
            guard max.map({ $0 >= min }) ?? true else { throw Refusal(reason: "a quantifier whose maximum is below its minimum") }
            bounds = (min, max)
            position += length
        default: return nil
        }
        var greedy = true
        if current == "?" {
            greedy = false
            position += 1
        }
        return (bounds.0, bounds.1, greedy)
    }

    private func peekQuantifier(from index: Int? = nil) -> Bool { braces(from: index ?? position) != nil }

    /// `{n}`, `{n,}` or `{n,m}` at `index`: the bounds and the length; nil when the brace is a literal.
    private func braces(from index: Int) -> (Int, Int?, Int)? {
        var i = index + 1
        func number() -> Int? {
            var value = 0
            var digits = 0
            while i < scalars.count, ("0"..."9").contains(scalars[i]) {
                value = Swift.min(value * 10 + Int(scalars[i].value - 0x30), 1 << 30)  // bounded: no overflow
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        guard let min = number() else { return nil }
        var max: Int? = min
        if i < scalars.count, scalars[i] == "," {
            i += 1
            max = number()
        }
        guard i < scalars.count, scalars[i] == "}" else { return nil }
        return (min, max, i - index + 1)
    }

    /// A class after its `[`, through its `]`.
    private mutating func characterClass() throws(Refusal) -> ScalarClass {
        var set = ScalarClass(items: [])
        if current == "^" {
            set.negated = true
            position += 1
        }
        while let c = current, c != "]" {
            let low = try classAtom()
            if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                let high = try classAtom()
                guard case .single(let a) = low, case .single(let b) = high else {
                    throw Refusal(reason: "a class range with a class at one end")
                }
                guard a.value <= b.value else { throw Refusal(reason: "a class range out of order") }
                set.items.append(.range(a.value, b.value))
            } else {
                switch low {
                case .single(let s): set.items.append(.range(s.value, s.value))
                case .set(let inner): set.items.append(.set(inner))
                }
            }
        }
        guard current == "]" else { throw Refusal(reason: "an unterminated class") }
        position += 1
        return set
    }

    private enum ClassAtom {
        case single(Unicode.Scalar)
        case set(ScalarClass)
    }

    private mutating func classAtom() throws(Refusal) -> ClassAtom {
        let c = scalars[position]
        position += 1
        guard c == "\\" else { return .single(c) }
        guard let e = current else { throw Refusal(reason: "trailing backslash") }
        if e == "b" {
            position += 1
            return .single("\u{08}")
        }
        if e == "-" {
            position += 1
            return .single("-")
        }
        let set = try escape()
        if set.items.count == 1, !set.negated, case .range(let low, let high) = set.items[0], low == high, let s = Unicode.Scalar(low) {
            return .single(s)
        }
        return .set(set)
    }

    /// The escape after a backslash (consumed): a class escape or one scalar.
    private mutating func escape() throws(Refusal) -> ScalarClass {
        let e = scalars[position]
        position += 1
        switch e {
        case "d": return .digit
        case "D": return ScalarClass(items: [.set(.digit)], negated: true)
        case "w": return .word
        case "W": return ScalarClass(items: [.set(.word)], negated: true)
        case "s": return .space
        case "S": return ScalarClass(items: [.set(.space)], negated: true)
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "v": return .scalar("\u{0B}")
        case "f": return .scalar("\u{0C}")
        case "r": return .scalar("\r")
        case "0":
            if let next = current, ("0"..."9").contains(next) { throw Refusal(reason: "octal escapes are not supported") }
            return .scalar("\u{0}")
        case "c":
            guard let letter = current, ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                throw Refusal(reason: "\\c must be followed by a letter")
            }
            position += 1
            return .scalar(Unicode.Scalar(letter.value % 32)!)
        case "x":
            return .scalar(try hexScalar(digits: 2))
        case "u":
            if current == "{" {
                position += 1
                var value: UInt32 = 0
                var digits = 0
                while let h = current, let d = Self.hexDigit(h) {
                    value = value * 16 + d
                    digits += 1
                    guard value <= 0x10FFFF else { throw Refusal(reason: "a code point above U+10FFFF") }
                    position += 1
                }
                guard digits > 0, current == "}", let s = Unicode.Scalar(value) else { throw Refusal(reason: "an invalid \\u{…} escape") }
                position += 1
                return .scalar(s)
            }
            let high = try hexValue(digits: 4)
            // A surrogate pair written as two escapes is one scalar.
            if (0xD800...0xDBFF).contains(high), position + 5 < scalars.count, scalars[position] == "\\", scalars[position + 1] == "u" {
                let save = position
                position += 2
                if let low = try? hexValue(digits: 4), (0xDC00...0xDFFF).contains(low) {
                    return .scalar(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                }
                position = save
            }
            guard let s = Unicode.Scalar(high) else { throw Refusal(reason: "a lone surrogate escape") }
            return .scalar(s)
        case "p", "P":
            guard current == "{" else { throw Refusal(reason: "\\p must be followed by {name}") }
            position += 1
            var name = ""
            while let n = current, n != "}" {
                name.unicodeScalars.append(n)
                position += 1
            }
            guard current == "}" else { throw Refusal(reason: "an unterminated \\p{…}") }
            position += 1
            guard let categories = Self.categories(named: name) else { throw Refusal(reason: "the Unicode property \(name) is not supported") }
            return ScalarClass(items: [.categories(categories)], negated: e == "P")
        default:
            // Identity escapes: syntax characters and other ASCII punctuation stand for themselves.
            guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else {
                throw Refusal(reason: "the escape \\\(e) is not supported")
            }
            return .scalar(e)
        }
    }

    private mutating func hexValue(digits: Int) throws(Refusal) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let h = current, let d = Self.hexDigit(h) else { throw Refusal(reason: "an invalid hexadecimal escape") }
            value = value * 16 + d
            position += 1
        }
        return value
    }

    private static func hexDigit(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 0x30...0x39: return s.value - 0x30
        case 0x41...0x46: return s.value - 0x37
        case 0x61...0x66: return s.value - 0x57
        default: return nil
        }
    }

    private mutating func hexScalar(digits: Int) throws(Refusal) -> Unicode.Scalar {
        guard let s = Unicode.Scalar(try hexValue(digits: digits)) else { throw Refusal(reason: "an invalid hexadecimal escape") }
        return s
    }

    /// The general categories `\p{name}` names: a category or a group of them, long or short, with or without
    /// `General_Category=` / `gc=`; `digit` (as ICU reads it) is `Nd`.
    static func categories(named name: String) -> Set<Unicode.GeneralCategory>? {
        var key = name
        for prefix in ["General_Category=", "gc="] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        if key == "Any" { return Set(allCategories) }
        return categoryTable[key]
    }

    private static let allCategories: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
        .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation,
        .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
        .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .surrogate,
        .privateUse, .unassigned,
    ]

    private static let categoryTable: [String: Set<Unicode.GeneralCategory>] = {
        let single: [(String, String, Unicode.GeneralCategory)] = [
            ("Lu", "Uppercase_Letter", .uppercaseLetter), ("Ll", "Lowercase_Letter", .lowercaseLetter),
            ("Lt", "Titlecase_Letter", .titlecaseLetter), ("Lm", "Modifier_Letter", .modifierLetter), ("Lo", "Other_Letter", .otherLetter),
            ("Mn", "Nonspacing_Mark", .nonspacingMark), ("Mc", "Spacing_Mark", .spacingMark), ("Me", "Enclosing_Mark", .enclosingMark),
            ("Nd", "Decimal_Number", .decimalNumber), ("Nl", "Letter_Number", .letterNumber), ("No", "Other_Number", .otherNumber),
            ("Pc", "Connector_Punctuation", .connectorPunctuation), ("Pd", "Dash_Punctuation", .dashPunctuation),
            ("Ps", "Open_Punctuation", .openPunctuation), ("Pe", "Close_Punctuation", .closePunctuation),
            ("Pi", "Initial_Punctuation", .initialPunctuation), ("Pf", "Final_Punctuation", .finalPunctuation),
            ("Po", "Other_Punctuation", .otherPunctuation), ("Sm", "Math_Symbol", .mathSymbol), ("Sc", "Currency_Symbol", .currencySymbol),
            ("Sk", "Modifier_Symbol", .modifierSymbol), ("So", "Other_Symbol", .otherSymbol), ("Zs", "Space_Separator", .spaceSeparator),
            ("Zl", "Line_Separator", .lineSeparator), ("Zp", "Paragraph_Separator", .paragraphSeparator), ("Cc", "Control", .control),
            ("Cf", "Format", .format), ("Cs", "Surrogate", .surrogate), ("Co", "Private_Use", .privateUse), ("Cn", "Unassigned", .unassigned),
        ]
        var table: [String: Set<Unicode.GeneralCategory>] = [:]
        for (short, long, category) in single {
            table[short] = [category]
            table[long] = [category]
        }
        table["digit"] = [.decimalNumber]
        table["Cntrl"] = [.control]
        let groups: [(String, String)] = [
            ("L", "Letter"), ("M", "Mark"), ("N", "Number"), ("P", "Punctuation"), ("S", "Symbol"), ("Z", "Separator"), ("C", "Other"),
        ]
        for (short, long) in groups {
            let members = Set(single.filter { $0.0.hasPrefix(short) }.map(\.2))
            table[short] = members
            table[long] = members
        }
        table["LC"] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        table["Cased_Letter"] = table["LC"]
        return table
    }()
}
