/// A compiled `pattern` regex (ECMA-262 syntax with Unicode semantics, as JSON Schema reads it), matched by the
/// package's own backtracking engine (``RegexProgram``) with its work bounded. Immutable, so shared freely.
///
/// `\d`, `\w` and `\s` are ECMA-262's (ASCII digits and word characters, ECMA white space), `.` matches anything but
/// a line terminator, `^` and `$` only the ends of the input. Refused when compiled: backreferences, lookbehind, and
/// a repeating quantifier on a group that holds a repeating quantifier or an alternation (`(a+)+`, `(a|aa)*`: the
/// shapes of exponential backtracking).
final class CompiledPattern: Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let program: RegexProgram

    /// Steps of the matcher in one unit of ``JSONSchemaLimits/maximumRegexWork`` (a "tick").
    static let stepsPerTick = 10_000

    /// Parses and compiles `source`.
    init(_ source: String) throws(PatternError) {
        self.source = source
        do {
            program = try RegexProgram(try RegexParser.parse(source))
        } catch {
            throw PatternError(reason: error.reason)
        }
    }

    /// Whether the pattern matches somewhere in `s` (patterns are not anchored), with the matcher's work bounded:
    /// after `maximumTicks` ticks of ``stepsPerTick`` steps the match is abandoned and `matched` is nil. `ticks` is
    /// the work done.
    func matches(_ s: String, maximumTicks: Int) -> (matched: Bool?, ticks: Int) {
        let limit = maximumTicks >= Int.max / Self.stepsPerTick - 1 ? Int.max : (maximumTicks + 1) * Self.stepsPerTick - 1
        var steps = 0
        let outcome = program.search(Array(s.unicodeScalars), steps: &steps, limit: limit)
        let ticks = steps / Self.stepsPerTick
        switch outcome {
        case .matched: return (true, ticks)
        case .failed: return (false, ticks)
        case .exceeded: return (nil, ticks)
        }
    }

    /// A pattern that does not parse or is refused, and why.
    struct PatternError: Error { let reason: String }
}
