// JSON-Schema-Test-Suite, draft 2019-09 (../shared/testsuites/json-schema-test-suite, commit 44401e0c).
// Per-file results (tests passed / tests in the file; "unsupported" = groups whose schema fails to compile with
// JSONSchemaError.unsupportedKeyword, as it must for the keywords this validator refuses):
//
// | file | passed | tests | unsupported (throws) | failed |
// | --- | --- | --- | --- | --- |
// | type | 80 | 80 | 0 | 0 |
// | properties | 28 | 28 | 0 | 0 |
// | required | 18 | 18 | 0 | 0 |
// | additionalProperties | 21 | 21 | 0 | 0 |
// | propertyNames | 22 | 22 | 0 | 0 |
// | pattern | 9 | 9 | 0 | 0 |
// | enum | 51 | 51 | 0 | 0 |
// | oneOf | 27 | 27 | 0 | 0 |
// | anyOf | 18 | 18 | 0 | 0 |
// | allOf | 30 | 30 | 0 | 0 |
// | items | 28 | 28 | 0 | 0 |
// | additionalItems | 19 | 19 | 0 | 0 |
// | contains | 21 | 21 | 0 | 0 |
// | minItems | 6 | 6 | 0 | 0 |
// | ref | 76 | 81 | 5 ($recursiveAnchor, remote $ref, unevaluatedProperties) | 0 |
// | defs | 0 | 2 | 2 (remote $ref) | 0 |
// | boolean_schema | 18 | 18 | 0 | 0 |
// | optional/format/date-time | 33 | 33 | 0 | 0 |
// | optional/format/date | 81 | 81 | 0 | 0 |
// | const | 54 | 54 | 0 | 0 |
// | maxItems | 6 | 6 | 0 | 0 |
// | minLength | 7 | 7 | 0 | 0 |
// | maxLength | 7 | 7 | 0 | 0 |
// | minimum | 11 | 11 | 0 | 0 |
// | maximum | 8 | 8 | 0 | 0 |
// | exclusiveMinimum | 4 | 4 | 0 | 0 |
// | exclusiveMaximum | 4 | 4 | 0 | 0 |
// | multipleOf | 11 | 11 | 0 | 0 |
// | minProperties | 10 | 10 | 0 | 0 |
// | maxProperties | 10 | 10 | 0 | 0 |
// | uniqueItems | 69 | 69 | 0 | 0 |
// | dependentRequired | 20 | 20 | 0 | 0 |
// | not | 38 | 40 | 2 (unevaluatedProperties) | 0 |
// | if-then-else | 30 | 30 | 0 | 0 |
// | anchor | 8 | 8 | 0 | 0 |
// | format | 114 | 114 | 0 | 0 |
// | default | 7 | 7 | 0 | 0 |
// | infinite-loop-detection | 2 | 2 | 0 | 0 |
// | patternProperties | 23 | 23 | 0 | 0 |
// | dependentSchemas | 20 | 20 | 0 | 0 |
// | maxContains | 14 | 14 | 0 | 0 |
// | minContains | 28 | 28 | 0 | 0 |
// | unevaluatedItems | 0 | 56 | 56 ($recursiveAnchor, unevaluatedItems) | 0 |
// | unevaluatedProperties | 0 | 129 | 129 ($recursiveAnchor, unevaluatedProperties) | 0 |
// | recursiveRef | 0 | 34 | 34 ($recursiveAnchor, $recursiveRef) | 0 |
// | refRemote | 0 | 31 | 31 (remote $ref) | 0 |
// | content | 0 | 18 | 18 (contentEncoding, contentMediaType) | 0 |
// | vocabulary | 0 | 5 | 5 ($schema) | 0 |
// | optional/anchor | 4 | 4 | 0 | 0 |
// | optional/bignum | 9 | 9 | 0 | 0 |
// | optional/cross-draft | 0 | 3 | 3 (remote $ref) | 0 |
// | optional/dependencies-compatibility | 0 | 36 | 36 (dependencies) | 0 |
// | optional/ecmascript-regex | 74 | 74 | 0 | 0 |
// | optional/float-overflow | 1 | 1 | 0 | 0 |
// | optional/id | 3 | 3 | 0 | 0 |
// | optional/no-schema | 3 | 3 | 0 | 0 |
// | optional/non-bmp-regex | 12 | 12 | 0 | 0 |
// | optional/refOfUnknownKeyword | 2 | 10 | 8 (unknown-keyword, unknown/keyword) | 0 |
// | optional/unknownKeyword | 0 | 3 | 3 (array_of_schemas) | 0 |
//
// Required files must pass every test except groups that need a remote document ($ref to another document, the
// draft meta-schema included) or a refused keyword (unevaluated*, $recursiveRef, $recursiveAnchor): those groups
// must throw the unsupported-keyword error. Files of refused keywords: every group either throws that error or
// passes. Optional files other than format/date-time and format/date are reported, not asserted.

import BadgeTestSupport
import Foundation
import OpenBadgesModel
import Testing

@testable import JSONSchema

/// Files for the keywords that must be exact.
let requiredSuiteFiles = [
    "type", "properties", "required", "additionalProperties", "propertyNames", "pattern", "enum", "oneOf", "anyOf", "allOf",
    "items", "additionalItems", "contains", "minItems", "ref", "defs", "boolean_schema", "optional/format/date-time",
    "optional/format/date",
]
/// Files for the other keywords implemented.
let implementedSuiteFiles = [
    "const", "maxItems", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minProperties", "maxProperties", "uniqueItems", "dependentRequired", "not", "if-then-else", "anchor", "format", "default",
    "infinite-loop-detection", "patternProperties", "dependentSchemas", "maxContains", "minContains",
]
/// Files for keywords that compilation refuses.
let unsupportedSuiteFiles = ["unevaluatedItems", "unevaluatedProperties", "recursiveRef", "refRemote", "content", "vocabulary"]
/// Optional files, reported only.
let optionalSuiteFiles = [
    "optional/anchor", "optional/bignum", "optional/cross-draft", "optional/dependencies-compatibility", "optional/ecmascript-regex",
    "optional/float-overflow", "optional/id", "optional/no-schema", "optional/non-bmp-regex", "optional/refOfUnknownKeyword",
    "optional/unknownKeyword",
]

/// Keywords whose groups may be skipped in required and implemented files (they must throw unsupportedKeyword).
let refusedKeywords: Set<String> = ["$ref", "$schema", "unevaluatedProperties", "unevaluatedItems", "$recursiveRef", "$recursiveAnchor"]

struct SuiteFileResult: Sendable {
    var file: String
    var tests = 0
    var passed = 0
    var unsupportedTests = 0
    var unsupportedReasons: Set<String> = []
    var failures: [String] = []
    var compileErrors: [String] = []
}

func runSuiteFile(_ file: String) throws -> SuiteFileResult {
    var result = SuiteFileResult(file: file)
    let groups = try Shared.readJSON(Shared.suite.appendingPathComponent(file + ".json")).arrayValue ?? []
    for group in groups {
        let description = group["description"]?.stringValue ?? "?"
        let tests = group["tests"]?.arrayValue ?? []
        result.tests += tests.count
        let schema: JSONSchema
        do {
            schema = try JSONSchema(json: group["schema"] ?? .null)
        } catch .unsupportedKeyword(let keyword, _, let reason) {
            result.unsupportedTests += tests.count
            result.unsupportedReasons.insert(keyword == "$ref" ? "remote $ref" : keyword)
            _ = reason
            continue
        } catch {
            result.compileErrors.append("\(description): \(error)")
            continue
        }
        for test in tests {
            guard let data = test["data"], let valid = test["valid"]?.boolValue else { continue }
            let violations = schema.validate(data)
            if violations.isEmpty == valid {
                result.passed += 1
            } else {
                result.failures.append(
                    "\(description) / \(test["description"]?.stringValue ?? "?"): expected \(valid ? "valid" : "invalid"), got \(violations.first.map { "\($0)" } ?? "valid")"
                )
            }
        }
    }
    return result
}

@Suite("JSON-Schema-Test-Suite draft 2019-09", .enabled(if: Shared.exists(Shared.suite), "the suite is not at ../shared/testsuites"))
struct JSONSchemaSuiteTests {
    @Test("required keyword files pass (remote refs and refused keywords throw unsupportedKeyword)", arguments: requiredSuiteFiles + implementedSuiteFiles)
    func requiredFile(_ file: String) throws {
        let r = try runSuiteFile(file)
        #expect(r.tests > 0)
        #expect(r.failures == [], "\(file)")
        #expect(r.compileErrors == [], "\(file)")
        #expect(r.unsupportedReasons.subtracting(refusedKeywords.union(["remote $ref"])).isEmpty, "\(file): \(r.unsupportedReasons)")
        #expect(r.passed + r.unsupportedTests == r.tests)
    }

    @Test("refused keyword files: each group throws unsupportedKeyword or passes", arguments: unsupportedSuiteFiles)
    func unsupportedFile(_ file: String) throws {
        let r = try runSuiteFile(file)
        #expect(r.unsupportedTests > 0)
        #expect(r.failures == [], "\(file)")
        #expect(r.compileErrors == [], "\(file)")
        #expect(r.passed + r.unsupportedTests == r.tests)
    }

    @Test("per-file table")
    func table() throws {
        var notes: [String] = []
        var lines = ["| file | passed | tests | unsupported (throws) | failed |", "| --- | --- | --- | --- | --- |"]
        for file in requiredSuiteFiles + implementedSuiteFiles + unsupportedSuiteFiles + optionalSuiteFiles {
            let r = try runSuiteFile(file)
            let reasons = r.unsupportedReasons.sorted().joined(separator: ", ")
            let failed = r.tests - r.passed - r.unsupportedTests
            lines.append("| \(file) | \(r.passed) | \(r.tests) | \(r.unsupportedTests)\(reasons.isEmpty ? "" : " (\(reasons))") | \(failed) |")
            notes += r.failures.map { "\(file): \($0)" }
        }
        lines += notes
        print(lines.joined(separator: "\n"))
    }
}

/// Robustness on the suite's material: every schema of a file against every datum of the file, and schemas
/// mutated byte by byte (deterministically) compiled and applied. Nothing may crash or run away; answers are not
/// checked.
@Suite("JSON Schema robustness", .enabled(if: Shared.exists(Shared.suite), "the suite is not at ../shared/testsuites"))
struct JSONSchemaRobustnessTests {
    @Test func crossProductsAndMutations() throws {
        var rng = SeededGenerator(seed: 0x5EED)
        let limits = JSONSchemaLimits(maximumSteps: 20_000, maximumViolations: 5)
        var compiled = 0
        var validated = 0
        for file in requiredSuiteFiles + implementedSuiteFiles + unsupportedSuiteFiles + optionalSuiteFiles {
            let groups = try Shared.readJSON(Shared.suite.appendingPathComponent(file + ".json")).arrayValue ?? []
            let data = groups.flatMap { ($0["tests"]?.arrayValue ?? []).compactMap { $0["data"] } }
            for group in groups {
                guard let schemaJSON = group["schema"] else { continue }
                var candidates: [JSONValue] = [schemaJSON]
                let text = Array(JCS.canonicalize(schemaJSON).utf8)
                for _ in 0..<4 where !text.isEmpty {
                    var mutated = text
                    let i = Int(rng.next() % UInt64(mutated.count))
                    switch rng.next() % 3 {
                    case 0: mutated.remove(at: i)
                    case 1:
                        let alphabet = Array("{}[]\":,#/~0-".utf8)
                        mutated[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                    default: mutated.insert(mutated[Int(rng.next() % UInt64(mutated.count))], at: i)
                    }
                    if let v = try? JSONValue(parsing: mutated) { candidates.append(v) }
                }
                for _ in 0..<8 { candidates.append(replaceSomewhere(schemaJSON, &rng)) }
                for candidate in candidates {
                    guard let schema = try? JSONSchema(json: candidate) else { continue }
                    compiled += 1
                    for datum in data {
                        _ = schema.validate(datum, limits: limits)
                        validated += 1
                    }
                }
            }
        }
        #expect(compiled > 1_000)
        print("robustness: \(compiled) schemas compiled, \(validated) validations")
    }
}

/// Replaces one value somewhere in `v` (or `v` itself) with a value from a small hostile pool.
func replaceSomewhere(_ v: JSONValue, _ rng: inout SeededGenerator) -> JSONValue {
    let pool: [JSONValue] = [
        true, false, [:], 0, -1, .double(1.5), "x", [], ["$ref": "#"], ["type": "integer"], ["pattern": "a*b"],
        ["$ref": "#/$defs/none"], ["items": ["$ref": "#"]], ["not": ["$ref": "#"]], ["$id": "http://x/y"], ["$anchor": "a"],
    ]
    switch v {
    case .object(var o) where !o.isEmpty && rng.next() % 4 != 0:
        let key = o.keys[Int(rng.next() % UInt64(o.count))]
        o[key] = replaceSomewhere(o[key]!, &rng)
        return .object(o)
    case .array(var a) where !a.isEmpty && rng.next() % 4 != 0:
        let i = Int(rng.next() % UInt64(a.count))
        a[i] = replaceSomewhere(a[i], &rng)
        return .array(a)
    default:
        return pool[Int(rng.next() % UInt64(pool.count))]
    }
}
