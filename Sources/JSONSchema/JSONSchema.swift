import OpenBadgesModel

/// A compiled JSON Schema (draft 2019-09): immutable, `Sendable`, compiled once and shared across threads.
///
/// Compilation resolves every local `$ref` (`#/$defs/…`, `#/definitions/…`, JSON pointers, anchors and `$id`-relative
/// references inside the same document, recursion included), and compiles `pattern` regexes for the package's own
/// ECMA-262 engine, refusing the shapes of catastrophic backtracking. A keyword outside the supported set fails compilation with
/// ``JSONSchemaError/unsupportedKeyword(keyword:location:reason:)``: no keyword is ever silently ignored, except the
/// annotation-only ones (`title`, `description`, `$comment`, `examples`, `default`, `deprecated`, `readOnly`,
/// `writeOnly`, and `format` values other than `date-time` and `date`).
///
/// ```swift
/// let schema = try JSONSchema(json: try JSONValue(parsing: schemaText))
/// let violations = schema.validate(credential)
/// ```
package struct JSONSchema: Sendable {
    let program: Program

    /// The `$id` of the root schema (without an empty fragment; an absolute one with dot segments removed), or nil
    /// when the root has none.
    package var id: String? { program.rootID }

    /// Compiles a schema from parsed JSON (an object or a boolean).
    /// - Throws: ``JSONSchemaError`` for an unsupported keyword, dialect or remote reference, a malformed keyword
    ///   value, an unresolvable `$ref`, or a `pattern` that cannot be compiled safely.
    package init(json: JSONValue) throws(JSONSchemaError) {
        program = try Compiler.compile(json)
    }

    /// Compiles a schema from its JSON text.
    /// - Throws: ``JSONSchemaError/malformedJSON(_:)`` when the text is not JSON, otherwise as ``init(json:)``.
    package init(text: String) throws(JSONSchemaError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw .malformedJSON(error.description)
        }
        try self.init(json: json)
    }

    /// Validates `instance` and returns the violations found, in evaluation order; empty means valid.
    ///
    /// Evaluation stops after ``JSONSchemaLimits/maximumViolations`` violations. When a limit on work is exceeded
    /// (steps, `$ref` depth, regex input length or work, nesting) evaluation stops and the last violation has
    /// ``JSONSchemaViolation/isLimitExceeded`` set: the instance was not fully checked and must not be taken as valid.
    package func validate(_ instance: JSONValue, limits: JSONSchemaLimits = JSONSchemaLimits()) -> [JSONSchemaViolation] {
        validateCountingSteps(instance, limits: limits).violations
    }

    /// ``validate(_:limits:)``, also returning the steps the validation took (for a caller's own work budget).
    package func validateCountingSteps(_ instance: JSONValue, limits: JSONSchemaLimits = JSONSchemaLimits()) -> (violations: [JSONSchemaViolation], steps: Int)
    {
        var run = Evaluation(program: program, limits: limits)
        let violations = run.run(instance)
        return (violations, run.steps)
    }

    /// True when `instance` is valid (no violation and no limit exceeded). Stops at the first failure and builds no
    /// messages.
    package func isValid(_ instance: JSONValue, limits: JSONSchemaLimits = JSONSchemaLimits()) -> Bool {
        var run = Evaluation(program: program, limits: limits)
        return run.passes(instance)
    }
}

/// Another name for ``JSONSchema``: a compiled schema is the validator.
package typealias JSONSchemaValidator = JSONSchema

/// Bounds on the work one validation may do. Exceeding one stops validation with a violation whose
/// ``JSONSchemaViolation/isLimitExceeded`` is true (fail closed).
package struct JSONSchemaLimits: Sendable, Hashable {
    /// Maximum evaluation steps (one per schema applied to an instance value, one per keyword, per `uniqueItems`
    /// comparison and per regex match). Default 5,000,000 (1EdTech's richest OB 3.0 sample takes about 130,000).
    package var maximumSteps: Int
    /// Maximum number of `$ref`s followed in one evaluation path (recursive schemas nest one per level). Default 128.
    package var maximumRefDepth: Int
    /// Maximum length, in UTF-16 code units, of a string matched against a `pattern` or `patternProperties` regex
    /// (with compile-time refusal of nested quantifiers this bounds regex work). Default 16,384.
    package var maximumRegexInputLength: Int
    /// Maximum work of one regex match, in ticks of 10,000 steps of the regex engine (a tick also counts as 1,000
    /// toward ``maximumSteps``). Bounds the polynomial backtracking that patterns
    /// without nested quantifiers can still do (`a*a*a*c`). Default 100.
    package var maximumRegexWork: Int
    /// Maximum violations reported; validation stops when this many are found. Default 100; at least 1 is used.
    package var maximumViolations: Int
    /// Maximum nesting of schema applications in one evaluation path (instance depth times nested subschemas and
    /// `$ref`s): keeps the stack bounded whatever the instance's depth. Default 512.
    package var maximumDepth: Int

    /// Default limits, each overridable.
    package init(
        maximumSteps: Int = 5_000_000, maximumRefDepth: Int = 128, maximumRegexInputLength: Int = 16_384, maximumRegexWork: Int = 100,
        maximumViolations: Int = 100,
        maximumDepth: Int = 512
    ) {
        self.maximumRegexWork = maximumRegexWork
        self.maximumDepth = maximumDepth
        self.maximumSteps = maximumSteps
        self.maximumRefDepth = maximumRefDepth
        self.maximumRegexInputLength = maximumRegexInputLength
        self.maximumViolations = maximumViolations
    }
}

/// One failed assertion.
package struct JSONSchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// RFC 6901 JSON pointer (escaped) to the instance value that failed, `""` for the root.
    package let instanceLocation: String
    /// JSON pointer of the failing keyword along the evaluation path, through `$ref`s (as in the specification's
    /// output `keywordLocation`), e.g. `/properties/issuer/$ref/oneOf`.
    package let keywordLocation: String
    /// JSON pointer of the failing keyword inside the schema document, e.g. `/$defs/Profile/oneOf`.
    package let schemaLocation: String
    /// The keyword that failed (`type`, `required`, …); for a `false` schema, `false`; for a limit, the limit's
    /// name (`maximumSteps`, `maximumRefDepth`, `maximumRegexInputLength`, `maximumRegexWork`, `maximumDepth`).
    package let keyword: String
    /// A one-line message. When no branch of an `anyOf`/`oneOf` matches, it names the failure of the branch that got
    /// deepest into the instance: `matches none of the 2 oneOf schemas (closest: /name: type: expected string, …)`.
    package let message: String
    /// True when validation stopped because a limit was exceeded: the instance was not fully checked.
    package let isLimitExceeded: Bool

    /// The violation on one line: location, keyword, message and keyword location.
    package var description: String {
        "\(instanceLocation.isEmpty ? "(root)" : instanceLocation): \(keyword): \(message) [\(keywordLocation)]"
    }
}

/// Why a schema could not be compiled.
package enum JSONSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema uses something this validator does not implement: a keyword (e.g. `unevaluatedProperties`,
    /// `$recursiveRef`, `contentMediaType`, or an unknown keyword), a dialect other than 2019-09 in `$schema`
    /// (keyword `$schema`), or a `$ref` to another document (keyword `$ref`). `location` is the JSON pointer of the
    /// schema object in the document.
    case unsupportedKeyword(keyword: String, location: String, reason: String)
    /// A keyword's value is malformed (e.g. `minItems: -1`, `type: "float"`).
    case invalidSchema(keyword: String, location: String, reason: String)
    /// A local `$ref` names nothing in the document.
    case unresolvableReference(ref: String, location: String)
    /// A `pattern` (or `patternProperties` key) that is not accepted: invalid, or refused because it could
    /// backtrack catastrophically (nested quantifiers, quantified alternations, backreferences).
    case unsupportedPattern(pattern: String, location: String, reason: String)
    /// The schema text is not JSON.
    case malformedJSON(String)

    /// The error on one line.
    package var description: String {
        switch self {
        case .unsupportedKeyword(let k, let l, let r): return "unsupported keyword \(k) at \(l.isEmpty ? "(root)" : l): \(r)"
        case .invalidSchema(let k, let l, let r): return "invalid \(k) at \(l.isEmpty ? "(root)" : l): \(r)"
        case .unresolvableReference(let ref, let l): return "unresolvable $ref \(ref) at \(l.isEmpty ? "(root)" : l)"
        case .unsupportedPattern(let p, let l, let r): return "unsupported pattern \(p) at \(l.isEmpty ? "(root)" : l): \(r)"
        case .malformedJSON(let m): return "schema is not JSON: \(m)"
        }
    }
}

/// RFC 6901 escaping of one reference token (`~` → `~0`, `/` → `~1`).
func escapePointerToken(_ s: String) -> String {
    // Without a `~` or `/` byte nothing is escaped (checked on UTF-8, without breaking the string into characters).
    guard s.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return s }
    guard s.contains(where: { $0 == "~" || $0 == "/" }) else { return s }
    var out = ""
    for c in s.unicodeScalars {
        switch c {
        case "~": out += "~0"
        case "/": out += "~1"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
