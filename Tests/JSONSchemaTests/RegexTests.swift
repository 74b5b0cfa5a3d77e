import BadgeTestSupport
import Foundation
import Testing

@testable import JSONSchema

/// The package's ECMA-262 regex engine (`pattern`, `patternProperties`): features, refusals, bounded work, and the
/// same answers as JavaScript's own `RegExp` (with the `u` flag) on random patterns.
@Suite("JSON Schema patterns: the regex engine")
struct RegexTests {
    func matches(_ pattern: String, _ input: String) throws -> Bool? {
        try CompiledPattern(pattern).matches(input, maximumTicks: 1_000).matched
    }

    @Test("features: classes, escapes, groups, alternation, quantifiers, lazy, lookahead, boundaries, Unicode")
    func features() throws {
        let cases: [(String, String, Bool)] = [
            ("b", "abc", true), ("^b", "abc", false), ("c$", "abc", true), ("^a$", "a\n", false), ("^$", "", true),
            ("^a.c$", "a\u{1F432}c", true), ("^a.c$", "a\nc", false), ("^a.c$", "a\u{2028}c", false), ("^a.c$", "a\u{85}c", true),
            ("^[a-c]+$", "abcab", true), ("^[^a-c]$", "d", true), ("^[^a-c]$", "b", false), ("^[]$", "a", false), ("^[^]$", "\n", true),
            ("^[\\d-]+$", "1-2", true), ("^[\\w.]+$", "a_b.c", true), ("^[\\s]$", "\u{FEFF}", true), ("^\\s$", "\u{85}", false),
            ("^[\\D]$", "a", true), ("^[^\\W]$", "a", true), ("^[^\\W]$", "-", false), ("^\\d$", "\u{0661}", false),
            ("^\\p{Lu}\\p{Ll}+$", "Élan", true), ("^\\P{L}$", "1", true), ("^\\p{Nd}$", "\u{0661}", true), ("^\\p{L}$", "1", false),
            ("^\\u{1F432}$", "\u{1F432}", true), ("^\\uD83D\\uDC32$", "\u{1F432}", true), ("^\\u0041\\x42$", "AB", true),
            ("^\\cJ$", "\n", true), ("^\\t\\n\\v\\f\\r\\0$", "\t\n\u{0B}\u{0C}\r\u{0}", true), ("^\\.\\*\\/$", ".*/", true),
            ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false), ("^a{2,}$", "aaaa", true), ("^a{2,3}$", "aaaa", false),
            ("^a{,2}$", "a{,2}", true), ("^x{$", "x{", true), ("^(ab){2}$", "abab", true), ("^(ab){1,2}c$", "ababc", true),
            ("^(ab){1,2}c$", "abababc", false), ("^(?:ab)+$", "ababab", true), ("^(?<name>a)b$", "ab", true),
            ("^(cat|dog)s?$", "dogs", true), ("^(cat|dog)s?$", "cow", false), ("^a|b$", "xb", true), ("^(a|)$", "", true),
            ("^a+?b$", "aaab", true), ("^a*?$", "aaa", true), ("^(ab)*?c$", "ababc", true), ("^a??b$", "b", true),
            ("^(?=ab)a", "ab", true), ("^(?=ab)a", "ac", false), ("^(?!ab)a", "ac", true), ("^(?!ab)a", "ab", false),
            ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoob", false), ("\\Boo", "foo", true), ("^\\B$", "", true),
            ("^(a?)*b$", "aaab", true), ("^(a?)*b$", "aaac", false), ("^()*x$", "x", true), ("^(?=a)*a$", "a", true),
            ("^(ab?)+$", "abaab", true), ("^[a-z|A-Z|0-9|.|-|_]+$", "ab|9", true),
            (
                "^https:\\/\\/purl\\.imsglobal\\.org\\/spec\\/ob\\/v3p0\\/context(-3\\.\\d\\.\\d)*\\.json$",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", true
            ),
            ("^[a-z]{2}(-[A-Z]{2})?$", "en-US", true), ("^[a-z]{2}(-[A-Z]{2})?$", "en-us", false),
        ]
        for (pattern, input, expected) in cases {
            #expect(try matches(pattern, input) == expected, "\(pattern) on \(input.debugDescription)")
        }
    }

    @Test("refused: backreferences, lookbehind, unknown escapes and properties, catastrophic and malformed shapes")
    func refusals() {
        let refused = [
            "(a)\\1", "\\k<a>", "(?<=a)b", "(?<!a)b", "\\q", "\\p{Bogus}", "\\p{L", "(a+)+", "(a|b)*", "(?:a{2,})+", "a**", "a{2}{3}",
            "(", ")", "[a", "[b-a]", "*a", "\\", "\\u12", "\\u{110000}", "(ab){30000}", "\\c1", "\\01",
        ]
        for pattern in refused {
            #expect(throws: CompiledPattern.PatternError.self, "\(pattern)") { try CompiledPattern(pattern) }
        }
    }

    @Test("work is counted and bounded; long inputs need no deep stack")
    func boundedWork() throws {
        let polynomial = try CompiledPattern("^a*a*a*c")
        let input = String(repeating: "a", count: 120)
        let (matched, ticks) = polynomial.matches(input, maximumTicks: .max)
        #expect(matched == false && ticks > 1)
        #expect(polynomial.matches(input, maximumTicks: ticks) == (false, ticks), "exactly enough")
        #expect(polynomial.matches(input, maximumTicks: ticks - 1).matched == nil, "one tick short")
        // A group repeated over a long input backtracks on the matcher's own stack.
        let long = String(repeating: "ab", count: 2_000)
        #expect(try CompiledPattern("^(ab)*$").matches(long, maximumTicks: .max).matched == true)
        #expect(try CompiledPattern("^(ab)*c$").matches(long, maximumTicks: .max).matched == false)
        #expect(try CompiledPattern("^(a?b?)*$").matches(long, maximumTicks: .max).matched == true)
    }

    /// Node.js, when installed, as the reference.
    static let node: URL? = {
        for path in ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"] where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return nil
    }()

    @Test("the same answers as JavaScript's RegExp with the u flag on random patterns", .enabled(if: node != nil, "node is not installed"))
    func sameAsJavaScript() throws {
        var random = SeededGenerator(seed: 2026_12_01)
        let alphabet = ["a", "b", "c", "-", ".", "é", "\u{1F432}", " ", "1", "_", "\n", "A"]
        var patterns: [String] = []
        while patterns.count < 400 {
            let pattern = Self.randomPattern(&random, depth: 0, repeated: false)
            if (try? CompiledPattern(pattern)) != nil { patterns.append(pattern) }
        }
        let inputs = (0..<40).map { _ in (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regex-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = directory.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: ["patterns": patterns, "inputs": inputs]).write(to: cases)
        let script = """
            const c = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
            console.log(JSON.stringify(c.patterns.map(p => { let r; try { r = new RegExp(p, 'u'); } catch (e) { return null; }
              return c.inputs.map(s => r.test(s)); })));
            """
        let process = Process()
        process.executableURL = Self.node
        process.arguments = ["-e", script, cases.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answers = try #require(try JSONSerialization.jsonObject(with: output) as? [Any])
        var compared = 0
        for (pattern, answer) in zip(patterns, answers) {
            guard let expected = answer as? [Bool] else { continue }  // not valid JavaScript (with the u flag)
            let compiled = try CompiledPattern(pattern)
            for (input, want) in zip(inputs, expected) {
                #expect(compiled.matches(input, maximumTicks: .max).matched == want, "\(pattern) on \(input.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 10_000, "most random patterns are valid JavaScript")
    }

    /// A random pattern in the shapes the engine accepts: inside a group that repeats (`repeated`), quantifiers are
    /// optional ones only and there is no alternation.
    static func randomPattern(_ random: inout SeededGenerator, depth: Int, repeated: Bool) -> String {
        let atoms = [
            "a", "b", "c", "-", "\\.", ".", "é", "\u{1F432}", "[ab]", "[^a]", "[a-c]", "[-a]", "\\d", "\\w", "\\s", "\\D", "\\W", "[\\d.]", "\\p{L}", "\\P{Ll}",
        ]
        let optional = ["?", "??", "{0,1}"]
        let repeating = ["*", "+", "*?", "+?", "{2}", "{1,3}", "{2,}", "{0,2}?"]
        var out = ""
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            var term: String
            var quantifiers: [String] = []
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where depth < 2:
                let kind = ["(", "(?:", "(?=", "(?!"].randomElement(using: &random)!
                let isGroup = kind == "(" || kind == "(?:"
                let repeats = isGroup && Bool.random(using: &random)
                var inner = randomPattern(&random, depth: depth + 1, repeated: repeated || repeats)
                if !(repeated || repeats) && Bool.random(using: &random) { inner += "|" + randomPattern(&random, depth: depth + 1, repeated: false) }
                term = kind + inner + ")"
                if isGroup { quantifiers = repeats && !repeated ? repeating : optional }
            case 1: term = ["^", "$", "\\b", "\\B"].randomElement(using: &random)!
            default:
                term = atoms.randomElement(using: &random)!
                quantifiers = repeated ? optional : optional + repeating
            }
            if !quantifiers.isEmpty && Int.random(in: 0..<3, using: &random) == 0 { term += quantifiers.randomElement(using: &random)! }
            out += term
        }
        return out
    }
}
