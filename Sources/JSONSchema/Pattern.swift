import Foundation

/// A compiled `pattern` regex. `NSRegularExpression` is immutable once made and documented as safe to share
/// between threads, hence `@unchecked Sendable`.
final class CompiledPattern: @unchecked Sendable {
    /// The pattern as written in the schema (ECMA-262 syntax).
    let source: String
    private let regex: NSRegularExpression

    /// Translates and compiles an ECMA-262 pattern, refusing the constructs that backtrack catastrophically.
    init(_ source: String) throws(PatternError) {
        self.source = source
        let translated = try Self.translate(source)
        do {
            regex = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw PatternError(reason: "not a valid regular expression")
        }
    }

    /// Whether the pattern matches somewhere in `s` (patterns are not anchored), unbounded.
    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)) != nil
    }

    /// Whether the pattern matches somewhere in `s`, with the regex engine's work bounded: ICU reports progress
    /// about every 10,000 backtracking steps (a "tick"); after `maximumTicks` ticks the match is abandoned and `matched`
    /// is nil. `ticks` is the work done.
    func matches(_ s: String, maximumTicks: Int) -> (matched: Bool?, ticks: Int) {
        let state = MatchState()
        regex.enumerateMatches(in: s, options: [.reportProgress], range: NSRange(location: 0, length: s.utf16.count)) { result, _, stop in
            if result != nil {
                state.matched = true
                stop.pointee = true
                return
            }
            state.ticks += 1
            if state.ticks > maximumTicks {
                state.exceeded = true
                stop.pointee = true
            }
        }
        return (state.exceeded ? nil : state.matched, state.ticks)
    }

    private final class MatchState {
        var matched = false
        var exceeded = false
        var ticks = 0
    }

    struct PatternError: Error { let reason: String }

    /// ECMA-262 whitespace and line terminators (`\s`): ICU's `\s` adds U+0085 and lacks U+FEFF.
    static let ecmaSpace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

    /// ECMA-262 → ICU: `\d` `\w` `\s` (and negations) follow ECMA-262 (ASCII digits and word characters), `$` (no multiline flag) matches only at
    /// the very end. Refuses backreferences, and quantifiers (other than `?`/`{0,1}`) applied to a group that itself
    /// contains a quantifier or an alternation: the shapes of exponential backtracking (`(a+)+`, `(a|a)*`).
    static func translate(_ p: String) throws(PatternError) -> String {
        let chars = Array(p.unicodeScalars)
        var out = String.UnicodeScalarView()
        // Per open group: does it contain a repeating quantifier or an alternation?
        var groups: [(quantified: Bool, alternation: Bool)] = [(false, false)]
        var inClass = false
        var i = 0
        // Length of the quantifier at `j` (0 if none) and whether it repeats (max > 1).
        func quantifier(at j: Int) -> (length: Int, repeats: Bool) {
            guard j < chars.count else { return (0, false) }
            var len = 0
            var repeats = false
            switch chars[j] {
            case "*", "+": len = 1; repeats = true
            case "?": len = 1
            case "{":
                var k = j + 1
                var lo = ""
                var hi = ""
                var comma = false
                while k < chars.count, chars[k] != "}" {
                    if chars[k] == "," {
                        if comma { return (0, false) }
                        comma = true
                    } else if ("0"..."9").contains(chars[k]) {
                        if comma { hi.unicodeScalars.append(chars[k]) } else { lo.unicodeScalars.append(chars[k]) }
                    } else {
                        return (0, false)
                    }
                    k += 1
                }
                guard k < chars.count, !lo.isEmpty else { return (0, false) }
                len = k - j + 1
                if comma { repeats = hi.isEmpty || (Int(hi) ?? 2) > 1 } else { repeats = (Int(lo) ?? 2) > 1 }
            default: return (0, false)
            }
            if j + len < chars.count, chars[j + len] == "?" { len += 1 }  // lazy
            return (len, repeats)
        }
        // Copies the quantifier after an atom (if any); for a group atom, refuses a repeat of repeats/alternations.
        func applyQuantifier(at j: Int, atom: (quantified: Bool, alternation: Bool)?) throws(PatternError) -> Int {
            let q = quantifier(at: j)
            if let atom {
                if q.repeats && (atom.quantified || atom.alternation) {
                    throw PatternError(reason: "a repeated group that contains a quantifier or an alternation (catastrophic backtracking)")
                }
                if atom.quantified { groups[groups.count - 1].quantified = true }
            }
            if q.repeats { groups[groups.count - 1].quantified = true }
            guard q.length > 0 else { return j }
            out.append(contentsOf: chars[j..<(j + q.length)])
            if j + q.length < chars.count, ["*", "+", "?", "{"].contains(chars[j + q.length]),
                chars[j + q.length] != "{" || quantifier(at: j + q.length).length > 0
            {
                throw PatternError(reason: "a quantifier on a quantifier")
            }
            return j + q.length
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else { throw PatternError(reason: "trailing backslash") }
                let n = chars[i + 1]
                switch n {
                case "1"..."9": throw PatternError(reason: "backreferences are not supported")
                case "k" where !inClass: throw PatternError(reason: "backreferences are not supported")
                case "d": out.append(contentsOf: (inClass ? "0-9" : "[0-9]").unicodeScalars)
                case "D": out.append(contentsOf: (inClass ? "\\x{0}-/:-\\x{10FFFF}" : "[^0-9]").unicodeScalars)
                case "w": out.append(contentsOf: (inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]").unicodeScalars)
                case "s": out.append(contentsOf: (inClass ? ecmaSpace : "[" + ecmaSpace + "]").unicodeScalars)
                case "S" where !inClass: out.append(contentsOf: ("[^" + ecmaSpace + "]").unicodeScalars)
                case "W": out.append(contentsOf: (inClass ? "\\x{0}-/:-@\\[-^`{-\\x{10FFFF}" : "[^a-zA-Z0-9_]").unicodeScalars)
                default:
                    out.append(c)
                    out.append(n)
                }
                i += 2
                if !inClass { i = try applyQuantifier(at: i, atom: nil) }
                continue
            }
            if inClass {
                if c == "]" { inClass = false; out.append(c); i += 1; i = try applyQuantifier(at: i, atom: nil); continue }
                if c == "[" { out.append(contentsOf: "\\[".unicodeScalars); i += 1; continue }  // literal in ECMA, nested set in ICU
                out.append(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                i += 1
                var negated = false
                if i < chars.count, chars[i] == "^" { out.append("^"); i += 1; negated = true }
                if i < chars.count, chars[i] == "]" {
                    // `[]` matches nothing and `[^]` anything in ECMA-262.
                    out.removeLast(negated ? 2 : 1)
                    out.append(contentsOf: (negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)").unicodeScalars)
                    inClass = false
                    i += 1
                    i = try applyQuantifier(at: i, atom: nil)
                }
            case "(":
                groups.append((false, false))
                out.append(c)
                i += 1
            case ")":
                guard groups.count > 1 else { throw PatternError(reason: "unbalanced parenthesis") }
                let g = groups.removeLast()
                out.append(c)
                i += 1
                i = try applyQuantifier(at: i, atom: g)
            case "|":
                groups[groups.count - 1].alternation = true
                out.append(c)
                i += 1
            case "$":
                out.append(contentsOf: "(?!(?s:.))".unicodeScalars)
                i += 1
            default:
                out.append(c)
                i += 1
                i = try applyQuantifier(at: i, atom: nil)
            }
        }
        guard groups.count == 1, !inClass else { throw PatternError(reason: "unbalanced group or class") }
        return String(out)

    }
}
