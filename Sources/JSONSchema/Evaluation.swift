import Foundation
import OpenBadgesModel

/// One token of an instance or keyword path, kept unescaped and turned into text only when a violation is reported.
enum PathToken {
    /// A keyword of the evaluation path (a literal: pushing it retains nothing).
    case keyword(StaticString)
    /// A member name (or a `patternProperties` pattern).
    case name(String)
    /// An array index.
    case index(Int)

    /// The token's text (unescaped).
    var text: String {
        switch self {
        case .keyword(let keyword): return keyword.description
        case .name(let name): return name
        case .index(let i): return String(i)
        }
    }
}

/// One validation run: counters, the evaluation path and the violations found. Not shared.
///
/// A struct with mutating methods, not a class: its counters and paths change at every step, and a class's stored
/// properties would pay a dynamic exclusivity check on each access.
struct Evaluation {
    /// ``Program/keywords``, ``Program/keywordStarts``, ``Program/constants`` and ``Program/pointers``: the nodes.
    let keywords: [Keyword]
    let keywordStarts: [Int32]
    let constants: [Int8]
    let pointers: [String]
    let root: Int
    let limits: JSONSchemaLimits
    var steps = 0
    var refDepth = 0
    var depth = 0
    var violations: [JSONSchemaViolation] = []
    /// Set when evaluation must end: a limit was exceeded or enough violations were found.
    var stopped = false
    /// Instance path tokens and keyword path tokens, joined only for a violation.
    var instancePath: [PathToken] = []
    var keywordPath: [PathToken] = []

    init(program: Program, limits: JSONSchemaLimits) {
        keywords = program.keywords
        keywordStarts = program.keywordStarts
        constants = program.constants
        pointers = program.pointers
        root = program.root
        self.limits = limits
        // Room for the paths of a typical document, so that they do not grow step by step in every run.
        instancePath.reserveCapacity(16)
        keywordPath.reserveCapacity(64)
    }

    mutating func run(_ instance: JSONValue) -> [JSONSchemaViolation] {
        _ = eval(root, instance, collect: true)
        return violations
    }

    /// Valid, without collecting: false on the first failure or when a limit is exceeded.
    mutating func passes(_ instance: JSONValue) -> Bool {
        eval(root, instance, collect: false) && !stopped
    }

    // MARK: Recording

    static func pointer(_ tokens: [PathToken]) -> String {
        var s = ""
        for t in tokens { s += "/" + escapePointerToken(t.text) }
        return s
    }

    /// While explaining a failed `anyOf`/`oneOf`, probe failures are remembered (the last one wins: the keyword
    /// nearest the branch that made it fail).
    var captureProbe = false
    var lastProbeFailure: (tokens: [PathToken], keyword: String, message: String)?

    /// Records a violation of `keyword` of `node` (when collecting).
    mutating func fail(_ node: Int, _ keyword: String, _ message: @autoclosure () -> String, collect: Bool, instanceToken: PathToken? = nil) {
        if !collect && captureProbe && !stopped {
            lastProbeFailure = (instancePath + (instanceToken.map { [$0] } ?? []), keyword, message())
        }
        guard collect, !stopped else { return }
        var ip = instancePath
        if let instanceToken { ip.append(instanceToken) }
        violations.append(
            JSONSchemaViolation(
                instanceLocation: Self.pointer(ip), keywordLocation: Self.pointer(keywordPath + [.name(keyword)]),
                schemaLocation: pointers[node] + "/" + escapePointerToken(keyword), keyword: keyword, message: message(), isLimitExceeded: false))
        if violations.count >= max(1, limits.maximumViolations) { stopped = true }
    }

    /// Stops evaluation because a limit was exceeded; always recorded, even inside `not`/`anyOf`/`oneOf` probes.
    mutating func exceed(_ limit: String, _ message: String, node: Int) {
        guard !stopped else { return }
        violations.append(
            JSONSchemaViolation(
                instanceLocation: Self.pointer(instancePath), keywordLocation: Self.pointer(keywordPath),
                schemaLocation: pointers[node], keyword: limit, message: message, isLimitExceeded: true))
        stopped = true
    }

    mutating func step(_ node: Int) -> Bool {
        steps += 1
        if steps > limits.maximumSteps {
            exceed("maximumSteps", "validation stopped after \(limits.maximumSteps) steps", node: node)
            return false
        }
        return true
    }

    // MARK: Evaluation

    /// Applies node `n` to `instance`. `collect` records violations (and evaluates every keyword); without it the
    /// first failure answers false (a probe inside `anyOf`, `oneOf`, `not`, `if`, `contains`).
    /// After a call, callers check `stopped` before using a false answer (a limit must never turn into a pass).
    mutating func eval(_ node: Int, _ instance: JSONValue, collect: Bool) -> Bool {
        if stopped || !step(node) { return false }
        if constants[node] >= 0 {
            let constant = constants[node] == 1
            if !constant {
                if !collect && captureProbe && !stopped { lastProbeFailure = (instancePath, "false", "the schema false allows no value") }
                guard collect, !stopped else { return false }
                violations.append(
                    JSONSchemaViolation(
                        instanceLocation: Self.pointer(instancePath), keywordLocation: Self.pointer(keywordPath),
                        schemaLocation: pointers[node], keyword: "false", message: "the schema false allows no value", isLimitExceeded: false))
                if violations.count >= max(1, limits.maximumViolations) { stopped = true }
            }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maximumDepth {
            exceed("maximumDepth", "more than \(limits.maximumDepth) nested schema applications", node: node)
            return false
        }
        var valid = true
        for k in Int(keywordStarts[node])..<Int(keywordStarts[node + 1]) {
            if !step(node) { return false }
            if !check(k, node, instance, collect: collect) {
                valid = false
                if !collect || stopped { return false }
            }
            if stopped { return false }
        }
        return valid
    }

    /// Evaluates a subschema with the keyword path (and optionally the instance path) extended.
    mutating func sub(_ n: Int, _ instance: JSONValue, collect: Bool, keyword: StaticString, _ second: PathToken? = nil, instanceToken: PathToken? = nil)
        -> Bool
    {
        keywordPath.append(.keyword(keyword))
        if let second { keywordPath.append(second) }
        if let instanceToken { instancePath.append(instanceToken) }
        let r = eval(n, instance, collect: collect)
        keywordPath.removeLast()
        if second != nil { keywordPath.removeLast() }
        if instanceToken != nil { instancePath.removeLast() }
        return r
    }

    mutating func matches(_ p: CompiledPattern, _ s: String, _ node: Int) -> Bool? {
        if !step(node) { return nil }
        guard s.utf16.count <= limits.maximumRegexInputLength else {
            exceed(
                "maximumRegexInputLength",
                "a string of \(s.utf16.count) UTF-16 code units is longer than the regex input limit \(limits.maximumRegexInputLength)", node: node)
            return nil
        }
        let (matched, ticks) = p.matches(s, maximumTicks: limits.maximumRegexWork)
        guard let matched else {
            exceed(
                "maximumRegexWork", "a regex match needed more than \(limits.maximumRegexWork) units of work (10,000 regex steps each)", node: node
            )
            return nil
        }
        // Regex work also counts toward the step budget (1,000 steps per tick).
        if ticks > 0 {
            steps += ticks * 1_000
            if steps > limits.maximumSteps {
                exceed("maximumSteps", "validation stopped after \(limits.maximumSteps) steps", node: node)
                return nil
            }
        }
        return matched
    }

    /// Applies keyword `k` (of ``keywords``; one of node `node`'s), switched on in place: not copied out first.
    mutating func check(_ k: Int, _ node: Int, _ instance: JSONValue, collect: Bool) -> Bool {
        switch keywords[k] {
        case .type(let set, let written):
            if Self.hasType(instance, set) { return true }
            fail(node, "type", "expected \(written), found \(Self.typeName(instance))", collect: collect)
            return false

        case .properties(let props, let index):
            guard case .object(let o) = instance else { return true }
            var ok = true
            if o.count < props.count {
                // Fewer members than the schema names: the schema's properties the instance has, found from the
                // instance's side, then taken in schema order.
                var present: [(index: Int, value: JSONValue)] = []
                present.reserveCapacity(o.count)
                for (key, value) in o { if let i = index.index(of: key) { present.append((i, value)) } }
                present.sort { $0.index < $1.index }
                for (i, v) in present {
                    let name = props[i].name
                    if !sub(props[i].node, v, collect: collect, keyword: "properties", .name(name), instanceToken: .name(name)) {
                        ok = false
                        if !collect || stopped { return false }
                    }
                }
                return ok
            }
            for (name, n) in props {
                guard let v = o[name] else { continue }
                if !sub(n, v, collect: collect, keyword: "properties", .name(name), instanceToken: .name(name)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .patternProperties(let list):
            guard case .object(let o) = instance else { return true }
            var ok = true
            for (p, n) in list {
                for (name, v) in o {
                    guard let m = matches(p, name, node) else { return false }
                    if m, !sub(n, v, collect: collect, keyword: "patternProperties", .name(p.source), instanceToken: .name(name)) {
                        ok = false
                        if !collect || stopped { return false }
                    }
                }
            }
            return ok

        case .additionalProperties(let n, let known, let patterns):
            guard case .object(let o) = instance else { return true }
            var ok = true
            outer: for (name, v) in o {
                if known.count > 0, known.index(of: name) != nil { continue }
                for p in patterns {
                    guard let m = matches(p, name, node) else { return false }
                    if m { continue outer }
                }
                if constants[n] == 0 {
                    fail(node, "additionalProperties", "property \(Self.quote(name)) is not allowed", collect: collect, instanceToken: .name(name))
                    ok = false
                    if !collect || stopped { return false }
                } else if !sub(n, v, collect: collect, keyword: "additionalProperties", instanceToken: .name(name)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .propertyNames(let n):
            guard case .object(let o) = instance else { return true }
            var ok = true
            for name in o.keys {
                if !sub(n, .string(name), collect: collect, keyword: "propertyNames", instanceToken: .name(name)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .required(let names):
            guard case .object(let o) = instance else { return true }
            var ok = true
            for name in names where !o.contains(name) {
                fail(node, "required", "missing required property \(Self.quote(name))", collect: collect)
                ok = false
                if !collect || stopped { return false }
            }
            return ok

        case .dependentRequired(let list):
            guard case .object(let o) = instance else { return true }
            var ok = true
            for (name, required) in list where o.contains(name) {
                for r in required where !o.contains(r) {
                    fail(node, "dependentRequired", "property \(Self.quote(r)) is required when \(Self.quote(name)) is present", collect: collect)
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .dependentSchemas(let list):
            guard case .object(let o) = instance else { return true }
            var ok = true
            for (name, n) in list where o.contains(name) {
                if !sub(n, instance, collect: collect, keyword: "dependentSchemas", .name(name)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .minProperties(let m):
            guard case .object(let o) = instance, o.count < m else { return true }
            fail(node, "minProperties", "\(o.count) properties, fewer than \(m)", collect: collect)
            return false

        case .maxProperties(let m):
            guard case .object(let o) = instance, o.count > m else { return true }
            fail(node, "maxProperties", "\(o.count) properties, more than \(m)", collect: collect)
            return false

        case .items(let n):
            guard case .array(let a) = instance else { return true }
            var ok = true
            for (i, v) in a.enumerated() {
                if !sub(n, v, collect: collect, keyword: "items", instanceToken: .index(i)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .tupleItems(let tuple, let additional):
            guard case .array(let a) = instance else { return true }
            var ok = true
            for (i, v) in a.enumerated() {
                let r: Bool
                if i < tuple.count {
                    r = sub(tuple[i], v, collect: collect, keyword: "items", .index(i), instanceToken: .index(i))
                } else if let additional {
                    if constants[additional] == 0 {
                        fail(node, "additionalItems", "item \(i) is not allowed (at most \(tuple.count) items)", collect: collect, instanceToken: .index(i))
                        r = false
                    } else {
                        r = sub(additional, v, collect: collect, keyword: "additionalItems", instanceToken: .index(i))
                    }
                } else {
                    break
                }
                if !r {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .contains(let n, let min, let max):
            guard case .array(let a) = instance else { return true }
            var found = 0
            for (i, v) in a.enumerated() {
                if sub(n, v, collect: false, keyword: "contains", instanceToken: .index(i)) { found += 1 }
                if stopped { return false }
                if max == nil && found >= min { return true }
            }
            if found < min {
                fail(
                    node, found == 0 || min == 1 ? "contains" : "minContains",
                    min == 1 ? "no item matches the contains schema" : "\(found) items match the contains schema, fewer than \(min)", collect: collect)
                return false
            }
            if let max, found > max {
                fail(node, "maxContains", "\(found) items match the contains schema, more than \(max)", collect: collect)
                return false
            }
            return true

        case .minItems(let m):
            guard case .array(let a) = instance, a.count < m else { return true }
            fail(node, "minItems", "\(a.count) items, fewer than \(m)", collect: collect)
            return false

        case .maxItems(let m):
            guard case .array(let a) = instance, a.count > m else { return true }
            fail(node, "maxItems", "\(a.count) items, more than \(m)", collect: collect)
            return false

        case .uniqueItems:
            guard case .array(let a) = instance, a.count > 1 else { return true }
            // Items are bucketed by hash (values equal as JSON hash alike: numbers by value, objects without order,
            // code-point-equal strings), then compared within a bucket.
            var buckets: [Int: [Int]] = [:]
            for (i, item) in a.enumerated() {
                if !step(node) { return false }
                let h = item.hashValue
                for j in buckets[h] ?? [] {
                    guard let same = equal(a[j], item, node) else { return false }
                    if same {
                        fail(node, "uniqueItems", "items \(j) and \(i) are equal", collect: collect)
                        return false
                    }
                }
                buckets[h, default: []].append(i)
            }
            return true

        case .minLength(let m):
            guard case .string(let s) = instance else { return true }
            let length = s.unicodeScalars.count
            guard length < m else { return true }
            fail(node, "minLength", "\(length) characters, fewer than \(m)", collect: collect)
            return false

        case .maxLength(let m):
            guard case .string(let s) = instance else { return true }
            let length = s.unicodeScalars.count
            guard length > m else { return true }
            fail(node, "maxLength", "\(length) characters, more than \(m)", collect: collect)
            return false

        case .pattern(let p):
            guard case .string(let s) = instance else { return true }
            guard let m = matches(p, s, node) else { return false }
            if m { return true }
            fail(node, "pattern", "\(Self.quote(s)) does not match \(Self.quote(p.source))", collect: collect)
            return false

        case .format(let f):
            guard case .string(let s) = instance else { return true }
            if f.check(s) { return true }
            fail(node, "format", "\(Self.quote(s)) is not a valid \(f == .date ? "date" : "date-time")", collect: collect)
            return false

        case .enumeration(let values):
            for v in values {
                guard let same = equal(instance, v, node) else { return false }
                if same { return true }
            }
            fail(node, "enum", "\(Self.quote(instance)) is not one of the allowed values", collect: collect)
            return false

        case .const(let v):
            guard let same = equal(instance, v, node) else { return false }
            if same { return true }
            fail(node, "const", "\(Self.quote(instance)) is not the required value", collect: collect)
            return false

        case .minimum(let m, let text):
            guard case .number(let x) = instance, x.doubleValue < m else { return true }
            fail(node, "minimum", "\(x.text) is less than \(text)", collect: collect)
            return false

        case .maximum(let m, let text):
            guard case .number(let x) = instance, x.doubleValue > m else { return true }
            fail(node, "maximum", "\(x.text) is greater than \(text)", collect: collect)
            return false

        case .exclusiveMinimum(let m, let text):
            guard case .number(let x) = instance, x.doubleValue <= m else { return true }
            fail(node, "exclusiveMinimum", "\(x.text) is not greater than \(text)", collect: collect)
            return false

        case .exclusiveMaximum(let m, let text):
            guard case .number(let x) = instance, x.doubleValue >= m else { return true }
            fail(node, "exclusiveMaximum", "\(x.text) is not less than \(text)", collect: collect)
            return false

        case .multipleOf(let d):
            guard case .number(let x) = instance, !Self.isMultiple(x, of: d) else { return true }
            fail(node, "multipleOf", "\(x.text) is not a multiple of \(d.text)", collect: collect)
            return false

        case .allOf(let list):
            var ok = true
            for (i, n) in list.enumerated() {
                if !sub(n, instance, collect: collect, keyword: "allOf", .index(i)) {
                    ok = false
                    if !collect || stopped { return false }
                }
            }
            return ok

        case .anyOf(let list):
            for (i, n) in list.enumerated() {
                if sub(n, instance, collect: false, keyword: "anyOf", .index(i)) { return true }
                if stopped { return false }
            }
            let why = collect ? closest(list, instance, "anyOf") : ""
            fail(node, "anyOf", "matches none of the \(list.count) anyOf schemas\(why)", collect: collect)
            return false

        case .oneOf(let list):
            // The first two branches that match (no array: this runs for every value a oneOf applies to).
            var first: Int? = nil
            var second: Int? = nil
            for (i, n) in list.enumerated() {
                if sub(n, instance, collect: false, keyword: "oneOf", .index(i)) {
                    if first == nil {
                        first = i
                    } else {
                        second = i
                        break
                    }
                }
                if stopped { return false }
            }
            guard let first else {
                let why = collect ? closest(list, instance, "oneOf") : ""
                fail(node, "oneOf", "matches none of the \(list.count) oneOf schemas\(why)", collect: collect)
                return false
            }
            guard let second else { return true }
            fail(node, "oneOf", "matches more than one oneOf schema (\(first) and \(second))", collect: collect)
            return false

        case .not(let n):
            let r = sub(n, instance, collect: false, keyword: "not")
            if stopped { return false }
            if !r { return true }
            fail(node, "not", "matches the schema under not", collect: collect)
            return false

        case .conditional(let condition, let then, let otherwise):
            let r = sub(condition, instance, collect: false, keyword: "if")
            if stopped { return false }
            if r, let then { return sub(then, instance, collect: collect, keyword: "then") }
            if !r, let otherwise { return sub(otherwise, instance, collect: collect, keyword: "else") }
            return true

        case .ref(let n):
            refDepth += 1
            defer { refDepth -= 1 }
            if refDepth > limits.maximumRefDepth {
                exceed("maximumRefDepth", "more than \(limits.maximumRefDepth) nested $ref", node: node)
                return false
            }
            return sub(n, instance, collect: collect, keyword: "$ref")
        }
    }

    /// Explains why no branch matched: evaluates the branches again, remembering each one's failure, and names
    /// the one that got deepest into the instance (the first on a tie), e.g. ` (closest: /name: type: expected
    /// string, found integer)`. Empty when a limit stops it.
    mutating func closest(_ branches: [Int], _ instance: JSONValue, _ keyword: StaticString) -> String {
        var best: (tokens: [PathToken], keyword: String, message: String)?
        captureProbe = true
        defer { captureProbe = false }
        for (i, n) in branches.enumerated() {
            lastProbeFailure = nil
            _ = sub(n, instance, collect: false, keyword: keyword, .index(i))
            if stopped { return "" }
            if let f = lastProbeFailure, best == nil || f.tokens.count > best!.tokens.count { best = f }
        }
        guard let best else { return "" }
        let at = best.tokens.isEmpty ? "(root)" : Self.pointer(best.tokens)
        return " (closest: \(at): \(best.keyword): \(best.message))"
    }

    // MARK: JSON helpers

    static func hasType(_ v: JSONValue, _ set: TypeSet) -> Bool {
        switch v {
        case .null: return set.contains(.null)
        case .bool: return set.contains(.boolean)
        case .object: return set.contains(.object)
        case .array: return set.contains(.array)
        case .string: return set.contains(.string)
        case .number(let n):
            if set.contains(.number) { return true }
            return set.contains(.integer) && n.doubleValue.isFinite && n.doubleValue == n.doubleValue.rounded()
        }
    }

    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number(let n): return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
        }
    }

    /// ``equal(_:_:)`` with its work counted as steps (one per value pair) and its nesting bounded; nil when a
    /// limit stopped it.
    mutating func equal(_ a: JSONValue, _ b: JSONValue, _ node: Int, depth: Int = 0) -> Bool? {
        if !step(node) { return nil }
        if depth > limits.maximumDepth {
            exceed("maximumDepth", "values nested more than \(limits.maximumDepth) deep compared", node: node)
            return nil
        }
        switch (a, b) {
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) {
                guard let same = equal(p, q, node, depth: depth + 1) else { return nil }
                if !same { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k] else { return false }
                guard let same = equal(v, w, node, depth: depth + 1) else { return nil }
                if !same { return false }
            }
            return true
        default:
            return Self.equal(a, b)
        }
    }

    /// JSON equality: numbers by value, strings by code points, objects regardless of key order.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.doubleValue == y.doubleValue
        case (.string(let x), .string(let y)): return CodePointString(x) == CodePointString(y)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        default: return false
        }
    }

    /// `x` is an integer multiple of `d`: exact in decimal when both fit `Decimal`, else by `fmod` on doubles.
    static func isMultiple(_ x: JSONNumber, of d: JSONNumber) -> Bool {
        if let dx = Decimal(string: x.text, locale: Locale(identifier: "en_US_POSIX")),
            let dd = Decimal(string: d.text, locale: Locale(identifier: "en_US_POSIX")),
            !dx.isNaN, !dd.isNaN, dd != 0, abs(x.doubleValue) < 1e30, abs(d.doubleValue) > 1e-30
        {
            // A decimal's text shows every digit (no exponent): a whole number has no point.
            return !(dx / dd).description.unicodeScalars.contains(".")
        }
        guard x.doubleValue.isFinite, d.doubleValue.isFinite else { return false }
        return fmod(x.doubleValue, d.doubleValue) == 0
    }

    static func quote(_ s: String) -> String {
        let short = s.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(57))) + "..." : s
        var out = "\""
        for c in short.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{2028}", "\u{2029}", "\u{85}": out += "\\u{\(String(c.value, radix: 16))}"
            default:
                if c.value < 0x20 { out += "\\u{\(String(c.value, radix: 16))}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    static func quote(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return quote(s)
        case .number(let n): return n.text
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array(let a): return "an array of \(a.count)"
        case .object(let o): return "an object of \(o.count) properties"
        }
    }
}
