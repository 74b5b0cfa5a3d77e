/// A parsed pattern compiled to instructions for a backtracking matcher that counts its steps, so that a match
/// can be given a budget.
///
/// Backtracking keeps its own stack (no recursion per input scalar): a long input cannot exhaust the thread's
/// stack. A repeated single atom (`a*`, `[a-z]{2,4}`) is one instruction that counts its repetitions; other
/// repetitions are written out, and an unbounded one whose body can match the empty string stops repeating when an
/// iteration consumes nothing (as ECMA-262 does).
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar of the set.
        case atom(ScalarClass)
        /// Consume `min` to `max` scalars of the set, as many as possible first (`greedy`) or as few.
        case run(ScalarClass, min: Int, max: Int, greedy: Bool)
        /// Go on at the first target; on failure, at the second.
        case split(Int, Int)
        case jump(Int)
        case start
        case end
        case wordBoundary(Bool)
        case lookahead(RegexProgram, negated: Bool)
        /// Note the position in a register (restored on backtracking).
        case mark(Int)
        /// Fail unless the position moved past the register's.
        case progress(Int)
        case match
    }

    let instructions: [Instruction]
    let registers: Int
    /// Whether the pattern starts with `^`: a match is tried at the start only.
    let anchored: Bool

    /// The most instructions a pattern may compile to (repetitions of groups are written out).
    static let maximumInstructions = 20_000

    init(_ node: RegexNode) throws(RegexParser.Refusal) {
        var emitter = Emitter()
        try emitter.emit(node)
        emitter.code.append(.match)
        instructions = emitter.code
        registers = emitter.registers
        if case .start = instructions[0] { anchored = true } else { anchored = false }
    }

    private struct Emitter {
        var code: [Instruction] = []
        var registers = 0

        mutating func emit(_ node: RegexNode) throws(RegexParser.Refusal) {
            guard code.count < RegexProgram.maximumInstructions else { throw RegexParser.Refusal(reason: "the pattern is too large") }
            switch node {
            case .atom(let set): code.append(.atom(set))
            case .sequence(let nodes): for n in nodes { try emit(n) }
            case .alternation(let branches):
                var exits: [Int] = []
                for branch in branches.dropLast() {
                    let split = code.count
                    code.append(.split(split + 1, 0))
                    try emit(branch)
                    exits.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                }
                try emit(branches[branches.count - 1])
                for exit in exits { code[exit] = .jump(code.count) }
            case .repetition(let body, let min, let max, let greedy):
                if case .atom(let set) = body {
                    code.append(.run(set, min: min, max: max ?? .max, greedy: greedy))
                    return
                }
                for _ in 0..<min { try emit(body) }
                if let max {
                    var splits: [Int] = []
                    for _ in min..<max {
                        guard code.count < RegexProgram.maximumInstructions else { throw RegexParser.Refusal(reason: "the pattern is too large") }
                        splits.append(code.count)
                        code.append(.jump(0))
                        try emit(body)
                    }
                    for split in splits { code[split] = greedy ? .split(split + 1, code.count) : .split(code.count, split + 1) }
                } else {
                    let loop = code.count
                    code.append(.jump(0))
                    let register = body.isNullable ? registers : nil
                    if let register {
                        registers += 1
                        code.append(.mark(register))
                    }
                    try emit(body)
                    if let register { code.append(.progress(register)) }
                    code.append(.jump(loop))
                    code[loop] = greedy ? .split(loop + 1, code.count) : .split(code.count, loop + 1)
                }
            case .start: code.append(.start)
            case .end: code.append(.end)
            case .wordBoundary(let b): code.append(.wordBoundary(b))
            case .lookahead(let inner, let negated): code.append(.lookahead(try RegexProgram(inner), negated: negated))
            }
        }
    }

    /// How a match attempt ended.
    enum Outcome {
        case matched
        case failed
        /// The step budget ran out.
        case exceeded
    }

    /// Whether the pattern matches somewhere in `input`, spending at most `limit` steps (counted in `steps`).
    func search(_ input: [Unicode.Scalar], steps: inout Int, limit: Int) -> Outcome {
        for start in 0...input.count {
            let outcome = run(input, at: start, steps: &steps, limit: limit)
            if outcome != .failed || anchored { return outcome }
        }
        return .failed
    }

    private enum Frame {
        case resume(pc: Int, position: Int)
        case restore(register: Int, value: Int)
        /// A run instruction at `pc` that began at `start`, to try again with `count` repetitions.
        case run(pc: Int, start: Int, count: Int)
    }

    /// Whether the pattern matches at `start` (anchored there).
    func run(_ input: [Unicode.Scalar], at start: Int, steps: inout Int, limit: Int) -> Outcome {
        var stack: [Frame] = []
        var registers = [Int](repeating: -1, count: self.registers)
        var pc = 0
        var position = start
        let end = input.count
        while true {
            steps += 1
            if steps > limit { return .exceeded }
            var failed = false
            switch instructions[pc] {
            case .atom(let set):
                if position < end && set.contains(input[position]) {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .run(let set, let min, let max, let greedy):
                var count = 0
                let wanted = greedy ? max : min
                while count < wanted, position + count < end, set.contains(input[position + count]) { count += 1 }
                steps += count
                if count < min {
                    failed = true
                } else {
                    if greedy ? count > min : count < max { stack.append(.run(pc: pc, start: position, count: greedy ? count - 1 : count + 1)) }
                    position += count
                    pc += 1
                }
            case .split(let first, let second):
                stack.append(.resume(pc: second, position: position))
                pc = first
            case .jump(let target): pc = target
            case .start:
                if position == 0 { pc += 1 } else { failed = true }
            case .end:
                if position == end { pc += 1 } else { failed = true }
            case .wordBoundary(let wanted):
                let before = position > 0 && ScalarClass.word.contains(input[position - 1])
                let after = position < end && ScalarClass.word.contains(input[position])
                if (before != after) == wanted { pc += 1 } else { failed = true }
            case .lookahead(let inner, let negated):
                switch inner.run(input, at: position, steps: &steps, limit: limit) {
                case .exceeded: return .exceeded
                case .matched: if negated { failed = true } else { pc += 1 }
                case .failed: if negated { pc += 1 } else { failed = true }
                }
            case .mark(let register):
                stack.append(.restore(register: register, value: registers[register]))
                registers[register] = position
                pc += 1
            case .progress(let register):
                if position > registers[register] { pc += 1 } else { failed = true }
            case .match:
                return .matched
            }
            guard failed else { continue }
            var resumed = false
            while !resumed, let frame = stack.popLast() {
                switch frame {
                case .resume(let target, let at):
                    pc = target
                    position = at
                    resumed = true
                case .restore(let register, let value):
                    registers[register] = value
                case .run(let runPC, let runStart, let count):
                    guard case .run(let set, let min, let max, let greedy) = instructions[runPC] else { continue }
                    steps += 1
                    if greedy {
                        if count > min { stack.append(.run(pc: runPC, start: runStart, count: count - 1)) }
                    } else {
                        // One more repetition: the next scalar must belong to the set.
                        guard runStart + count - 1 < end, set.contains(input[runStart + count - 1]) else { continue }
                        if count < max { stack.append(.run(pc: runPC, start: runStart, count: count + 1)) }
                    }
                    pc = runPC + 1
                    position = runStart + count
                    resumed = true
                }
            }
            if !resumed { return .failed }
        }
    }
}
