import Foundation
import OpenBadgesModel
import Testing

@testable import JSONSchema

func schema(_ text: String) throws(JSONSchemaError) -> JSONSchema { try JSONSchema(text: text) }
func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

@Suite("JSON Schema: keywords, locations, errors")
struct JSONSchemaKeywordTests {
    @Test func integerAcceptsWholeNumbersWrittenWithFraction() throws {
        let s = try schema(##"{"type": "integer"}"##)
        #expect(s.isValid(try json("1.0")))
        #expect(s.isValid(try json("1e2")))
        #expect(!s.isValid(try json("1.5")))
        #expect(!s.isValid(try json(##""1""##)))
    }

    @Test func violationLocationsAreEscapedPointersThroughRefs() throws {
        let s = try schema(##"{"properties": {"a/b~c": {"$ref": "#/$defs/t"}}, "$defs": {"t": {"type": "string"}}}"##)
        let v = s.validate(try json(##"{"a/b~c": 3}"##))
        #expect(v.count == 1)
        #expect(v.first?.instanceLocation == "/a~1b~0c")
        #expect(v.first?.keywordLocation == "/properties/a~1b~0c/$ref/type")
        #expect(v.first?.schemaLocation == "/$defs/t/type")
        #expect(v.first?.keyword == "type")
        #expect(v.first?.isLimitExceeded == false)
        #expect(v.first?.message.contains("\n") == false)
    }

    @Test func requiredReportsTheObjectAndTheMissingName() throws {
        let s = try schema(##"{"required": ["x", "y"]}"##)
        let v = s.validate(try json(##"{"y": 1}"##))
        #expect(v.map(\.keyword) == ["required"])
        #expect(v.first?.instanceLocation == "")
        #expect(v.first?.message.contains("\"x\"") == true)
        // Messages stay on one line whatever the names.
        let odd = try schema(##"{"required": ["a\nb\u2028"], "properties": {"p": {"pattern": "^x\n"}}, "additionalProperties": {"type": "string"}}"##)
        let messages = odd.validate(.object(JSONObject([("p", "y\r\n"), ("q\n", 1)]))).map(\.message)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { !$0.contains(where: { $0.isNewline }) }, "\(messages)")
    }

    @Test func additionalPropertiesFalsePointsAtTheProperty() throws {
        let s = try schema(##"{"properties": {"a": true}, "patternProperties": {"^x-": true}, "additionalProperties": false}"##)
        #expect(s.isValid(try json(##"{"a": 1, "x-y": 2}"##)))
        let v = s.validate(try json(##"{"a": 1, "b": 2}"##))
        #expect(v.map(\.instanceLocation) == ["/b"])
        #expect(v.map(\.keyword) == ["additionalProperties"])
    }

    @Test func recursiveReferences() throws {
        let s = try schema(
            ##"{"$id": "https://example.com/profile", "$ref": "#/$defs/Profile", "$defs": {"Profile": {"type": "object", "properties": {"name": {"type": "string"}, "parent": {"$ref": "#/$defs/Profile"}}, "required": ["name"]}}}"##
        )
        #expect(s.id == "https://example.com/profile")
        #expect(try schema(##"{"$id": "https://example.com/a/../b.json#"}"##).id == "https://example.com/b.json")
        #expect(try schema(##"{"$id": "relative.json"}"##).id == "relative.json")
        #expect(try schema("{}").id == nil)
        #expect(s.isValid(try json(##"{"name": "a", "parent": {"name": "b", "parent": {"name": "c"}}}"##)))
        let v = s.validate(try json(##"{"name": "a", "parent": {"name": "b", "parent": {"name": 3}}}"##))
        #expect(v.map(\.instanceLocation) == ["/parent/parent/name"])
    }

    @Test func oneOfCountsExactlyOne() throws {
        let s = try schema(##"{"oneOf": [{"type": "string"}, {"type": "string", "minLength": 2}]}"##)
        #expect(s.isValid(try json(##""a""##)))
        #expect(!s.isValid(try json(##""ab""##)))
        #expect(!s.isValid(try json("1")))
    }

    @Test func failedAlternativesNameTheClosestBranch() throws {
        let s = try schema(
            ##"{"oneOf": [{"type": "string"}, {"$ref": "#/$defs/profile"}], "$defs": {"profile": {"type": "object", "properties": {"name": {"anyOf": [{"type": "string"}, {"type": "array"}]}}}}}"##
        )
        let v = s.validate(try json(##"{"name": 3}"##))
        #expect(v.map(\.instanceLocation) == [""])
        #expect(v.first?.message == "matches none of the 2 oneOf schemas (closest: /name: anyOf: matches none of the 2 anyOf schemas)")
        let top = s.validate(try json("3"))
        #expect(top.first?.message == "matches none of the 2 oneOf schemas (closest: (root): type: expected string, found integer)")
        #expect(
            try schema(##"{"anyOf": [false]}"##).validate(.null).first?.message
                == "matches none of the 1 anyOf schemas (closest: (root): false: the schema false allows no value)")
    }

    @Test func enumAndConstCompareJSONValues() throws {
        let s = try schema(##"{"enum": [1, {"a": [true]}, "é"]}"##)
        #expect(s.isValid(try json("1.0")))
        #expect(s.isValid(try json(##"{"a": [true]}"##)))
        #expect(!s.isValid(try json("true")))
        #expect(s.isValid(.string("\u{E9}")))
        #expect(!s.isValid(.string("e\u{301}")))  // code points, not canonical equivalence
        #expect(try schema(##"{"const": false}"##).isValid(try json("false")))
        #expect(!(try schema(##"{"const": false}"##).isValid(try json("0"))))
    }

    @Test func lengthsCountCodePoints() throws {
        let s = try schema(##"{"minLength": 2, "maxLength": 2}"##)
        #expect(s.isValid(.string("\u{1F600}\u{1F600}")))
        #expect(!s.isValid(.string("\u{1F600}")))
    }

    @Test func dateAndDateTimeFormats() throws {
        let dt = try schema(##"{"format": "date-time"}"##)
        for good in ["2021-09-07T02:09:59+02:00", "2010-01-01T00:00:00Z", "1998-12-31T23:59:60Z", "1998-12-31T15:59:60.123-08:00", "2020-02-29t00:00:00.5z"] {
            #expect(dt.isValid(.string(good)), "\(good)")
        }
        for bad in [
            "2021-09-07", "2021-09-07T02:09:59", "2021-02-29T00:00:00Z", "1998-12-31T22:59:60Z", "2021-09-07 02:09:59Z", "2021-09-07T24:00:00Z",
            "٢021-09-07T02:09:59Z",
        ] {
            #expect(!dt.isValid(.string(bad)), "\(bad)")
        }
        #expect(dt.isValid(try json("12")))  // formats apply to strings only
        let d = try schema(##"{"format": "date"}"##)
        #expect(d.isValid(.string("2020-02-29")))
        #expect(!d.isValid(.string("2019-02-29")))
        #expect(!d.isValid(.string("2020-1-01")))
        #expect(try schema(##"{"format": "email"}"##).isValid(.string("not an email")))  // annotation only
    }

    @Test func patternsFollowECMAScript() throws {
        #expect(try schema(##"{"pattern": "b"}"##).isValid(.string("abc")))  // not anchored
        #expect(!(try schema(##"{"pattern": "^a$"}"##).isValid(.string("a\n"))))  // $ only at the end
        #expect(!(try schema(##"{"pattern": "^\\d$"}"##).isValid(.string("\u{0661}"))))  // \d is ASCII
        #expect(try schema(##"{"pattern": "^[\\w-]+$"}"##).isValid(.string("a_b-9")))
        let lang = try schema(##"{"propertyNames": {"pattern": "^[a-z]{2}(-[A-Z]{2})?$"}}"##)
        #expect(lang.isValid(try json(##"{"en": 1, "en-US": 2}"##)))
        #expect(lang.validate(try json(##"{"EN": 1}"##)).map(\.instanceLocation) == ["/EN"])
    }

    @Test func unsafeOrInvalidPatternsAreRefused() throws {
        for p in ["(a+)+$", "(a*)*b", "(a|aa)*", "(x+x+)+y", "(a)\\1", "(?:a{2,})+", "(", "a**"] {
            #expect(throws: JSONSchemaError.self, "\(p)") { try JSONSchema(json: .object(JSONObject([("pattern", .string(p))]))) }
        }
        do {
            _ = try JSONSchema(json: .object(JSONObject([("properties", .object(JSONObject([("a", .object(JSONObject([("pattern", "(a+)+")])))])))])))
            Issue.record("expected a refusal")
        } catch {
            guard case .unsupportedPattern(let p, let location, _) = error else { Issue.record("\(error)"); return }
            #expect(p == "(a+)+")
            #expect(location == "/properties/a")
        }
        for p in ["(-3\\.\\d\\.\\d)*", "^[a-z]{2}(-[A-Z]{2})?$", "(ext:)[a-z|A-Z|0-9|.|-|_]+", "^(ab)?c*$", "(a{1})+"] {
            #expect(throws: Never.self, "\(p)") { try JSONSchema(json: .object(JSONObject([("pattern", .string(p))]))) }
        }
    }

    @Test func unsupportedKeywordsFailCompilation() throws {
        let cases: [(String, String, String)] = [
            (##"{"unevaluatedProperties": false}"##, "unevaluatedProperties", ""),
            (##"{"items": [{"$recursiveRef": "#"}]}"##, "$recursiveRef", "/items/0"),
            (##"{"$defs": {"x": {"$recursiveAnchor": true}}}"##, "$recursiveAnchor", "/$defs/x"),
            (##"{"properties": {"a": {"contentMediaType": "application/json"}}}"##, "contentMediaType", "/properties/a"),
            (##"{"$ref": "https://example.com/other.json"}"##, "$ref", ""),
            (##"{"$ref": "other.json#/$defs/a"}"##, "$ref", ""),
            (##"{"$schema": "http://json-schema.org/draft-07/schema#"}"##, "$schema", ""),
            (##"{"dependencies": {"a": ["b"]}}"##, "dependencies", ""),
            (##"{"unknownThing": 1}"##, "unknownThing", ""),
        ]
        for (text, keyword, location) in cases {
            do {
                _ = try schema(text)
                Issue.record("\(text) compiled")
            } catch .unsupportedKeyword(let k, let l, _) {
                #expect(k == keyword)
                #expect(l == location)
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
        // Annotations are accepted and ignored.
        let annotated = try schema(
            ##"{"$schema": "https://json-schema.org/draft/2019-09/schema#", "title": "t", "description": "d", "$comment": "c", "examples": [1], "default": 2, "deprecated": false, "readOnly": true, "writeOnly": false, "format": "uri"}"##
        )
        #expect(annotated.isValid(.string("x")))
    }

    @Test func otherCompileErrors() throws {
        #expect(throws: JSONSchemaError.unresolvableReference(ref: "#/$defs/missing", location: "")) { try schema(##"{"$ref": "#/$defs/missing"}"##) }
        #expect(throws: JSONSchemaError.self) { try schema(##"{"type": "float"}"##) }
        #expect(throws: JSONSchemaError.self) { try schema(##"{"minItems": -1}"##) }
        #expect(throws: JSONSchemaError.self) { try schema("[1]") }
        #expect(throws: JSONSchemaError.self) { try schema("{") }
    }

    @Test func idRelativeReferencesAndAnchors() throws {
        let s = try schema(
            ##"{"$id": "https://example.com/root.json", "properties": {"a": {"$ref": "item.json"}, "b": {"$ref": "https://example.com/root.json#/$defs/x"}, "c": {"$ref": "#named"}}, "$defs": {"x": {"$id": "item.json", "type": "integer"}, "y": {"$anchor": "named", "type": "string"}}}"##
        )
        #expect(s.isValid(try json(##"{"a": 1, "b": 2, "c": "s"}"##)))
        #expect(s.validate(try json(##"{"a": "1", "b": "2", "c": 3}"##)).map(\.instanceLocation) == ["/a", "/b", "/c"])
    }

    @Test func compiledSchemasAreSharedAcrossTasks() async throws {
        let s = try schema(##"{"type": "array", "items": {"type": "integer"}, "minItems": 1}"##)
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 { group.addTask { s.isValid(.array([.int(i)])) && !s.isValid(.array([])) } }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}

@Suite("JSON Schema: limits")
struct JSONSchemaLimitTests {
    /// 3 steps for the root (node, `type`, `items`), then 2 per item (node, `type`).
    @Test func maximumSteps() throws {
        let s = try schema(##"{"type": "array", "items": {"type": "integer"}}"##)
        let instance = JSONValue.array((0..<10).map { .int($0) })
        #expect(s.validate(instance, limits: JSONSchemaLimits(maximumSteps: 23)).isEmpty)
        let over = s.validate(instance, limits: JSONSchemaLimits(maximumSteps: 22))
        #expect(over.count == 1)
        #expect(over.first?.keyword == "maximumSteps")
        #expect(over.first?.isLimitExceeded == true)
        #expect(over.first?.instanceLocation == "/9")
        #expect(s.isValid(instance, limits: JSONSchemaLimits(maximumSteps: 23)))
        #expect(!s.isValid(instance, limits: JSONSchemaLimits(maximumSteps: 22)))  // a limit is never a pass
    }

    @Test func maxStepsInsideNotFailsClosed() throws {
        // A limit hit while probing `not` must not turn into a pass.
        let s = try schema(##"{"not": {"items": {"type": "string"}}}"##)
        let instance = JSONValue.array((0..<10).map { .int($0) })
        #expect(s.validate(instance).isEmpty)
        let v = s.validate(instance, limits: JSONSchemaLimits(maximumSteps: 5))
        #expect(v.map(\.keyword) == ["maximumSteps"])
    }

    @Test func maximumRefDepth() throws {
        let s = try schema(##"{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"}, "c": {"type": "integer"}}}"##)
        #expect(s.validate(.int(1), limits: JSONSchemaLimits(maximumRefDepth: 3)).isEmpty)
        let over = s.validate(.int(1), limits: JSONSchemaLimits(maximumRefDepth: 2))
        #expect(over.map(\.keyword) == ["maximumRefDepth"])
        #expect(over.first?.isLimitExceeded == true)
    }

    @Test func referenceLoopsStopAtTheRefDepth() throws {
        for text in [##"{"$ref": "#"}"##, ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"not": {"$ref": "#/$defs/a"}}}, "$ref": "#/$defs/a"}"##] {
            let v = try schema(text).validate(.int(1))
            #expect(v.map(\.keyword) == ["maximumRefDepth"], "\(text)")
        }
    }

    @Test func maximumRegexInputLength() throws {
        let s = try schema(##"{"pattern": "^a*$"}"##)
        let input = JSONValue.string(String(repeating: "a", count: 100))
        #expect(s.validate(input, limits: JSONSchemaLimits(maximumRegexInputLength: 100)).isEmpty)
        let over = s.validate(input, limits: JSONSchemaLimits(maximumRegexInputLength: 99))
        #expect(over.map(\.keyword) == ["maximumRegexInputLength"])
        #expect(over.first?.isLimitExceeded == true)
        // Property names matched by patterns are bounded the same way.
        let names = try schema(##"{"propertyNames": {"pattern": "^a"}}"##)
        let object = JSONValue.object(JSONObject([(String(repeating: "a", count: 100), .null)]))
        #expect(names.validate(object, limits: JSONSchemaLimits(maximumRegexInputLength: 100)).isEmpty)
        #expect(names.validate(object, limits: JSONSchemaLimits(maximumRegexInputLength: 99)).map(\.keyword) == ["maximumRegexInputLength"])
    }

    /// Patterns without nested quantifiers can still backtrack polynomially: the regex engine's work is bounded.
    @Test func maximumRegexWork() throws {
        let s = try schema(##"{"pattern": "^a*a*a*c"}"##)
        let input = String(repeating: "a", count: 200)
        let (matched, ticks) = try CompiledPattern("^a*a*a*c").matches(input, maximumTicks: .max)
        #expect(matched == false)
        #expect(ticks > 1)
        let enough = s.validate(.string(input), limits: JSONSchemaLimits(maximumSteps: .max, maximumRegexWork: ticks))
        #expect(enough.map(\.keyword) == ["pattern"])
        let short = s.validate(.string(input), limits: JSONSchemaLimits(maximumSteps: .max, maximumRegexWork: ticks - 1))
        #expect(short.map(\.keyword) == ["maximumRegexWork"])
        #expect(short.first?.isLimitExceeded == true)
        // With the default limits a long hostile string ends quickly.
        let start = Date()
        #expect(s.validate(.string(String(repeating: "a", count: 16_000))).last?.keyword == "maximumRegexWork")
        #expect(Date().timeIntervalSince(start) < 5)
        // Ordinary matches do no measurable work.
        #expect(try CompiledPattern("^[a-z]{2}(-[A-Z]{2})?$").matches("en-US", maximumTicks: 0) == (true, 0))
    }

    @Test func maximumViolations() throws {
        let s = try schema(##"{"items": {"type": "string"}}"##)
        let instance = JSONValue.array((0..<5).map { .int($0) })
        #expect(s.validate(instance, limits: JSONSchemaLimits(maximumViolations: 6)).count == 5)
        #expect(s.validate(instance, limits: JSONSchemaLimits(maximumViolations: 5)).count == 5)
        let under = s.validate(instance, limits: JSONSchemaLimits(maximumViolations: 4))
        #expect(under.count == 4)
        #expect(under.allSatisfy { !$0.isLimitExceeded })
        #expect(s.validate(instance, limits: JSONSchemaLimits(maximumViolations: 0)).count == 1)
    }

    /// Each array level applies the node and the `$ref` target: 2 nested applications per level.
    @Test func maximumDepth() throws {
        let s = try schema(##"{"$ref": "#/$defs/n", "$defs": {"n": {"items": {"$ref": "#/$defs/n"}}}}"##)
        var instance = JSONValue.int(0)
        for _ in 0..<10 { instance = .array([instance]) }
        let needed = 2 * 10 + 2
        let limits = JSONSchemaLimits(maximumRefDepth: 1000, maximumDepth: needed)
        #expect(s.validate(instance, limits: limits).isEmpty)
        var tight = limits
        tight.maximumDepth = needed - 1
        #expect(s.validate(instance, limits: tight).map(\.keyword) == ["maximumDepth"])
    }

    @Test func schemaNestingIsBounded() throws {
        func nested(_ depth: Int) -> JSONValue {
            var v: JSONValue = .object(JSONObject([("type", "integer")]))
            for _ in 0..<depth { v = .object(JSONObject([("not", .object(JSONObject([("not", v)])))])) }
            return v
        }
        // 2 × 255 = 510 nested schemas under the root: compiles, and evaluates within the default depth.
        let deep = try JSONSchema(json: nested(255))
        #expect(deep.isValid(.int(1)))
        #expect(!deep.isValid(.string("x")))
        #expect(throws: JSONSchemaError.self) { try JSONSchema(json: nested(257)) }
    }

    @Test func hostileInputsEndQuickly() throws {
        // Deep instance: the default depth limit answers before the stack runs out.
        let s = try schema(##"{"$ref": "#/$defs/n", "$defs": {"n": {"items": {"$ref": "#/$defs/n"}}}}"##)
        var deep = JSONValue.int(0)
        for _ in 0..<5000 { deep = .array([deep]) }
        #expect(s.validate(deep).last?.isLimitExceeded == true)
        // Wide uniqueItems: items are bucketed by hash, so distinct items cost one step each...
        let unique = try schema(##"{"uniqueItems": true}"##)
        let wide = JSONValue.array((0..<50_000).map { .int($0) })
        #expect(unique.validate(wide, limits: JSONSchemaLimits(maximumSteps: 60_000)).isEmpty)
        #expect(unique.validate(.array(wide.arrayValue! + [.double(49_999.0)])).map(\.message) == ["items 49999 and 50000 are equal"])
        // ...and comparing large equal-hash values is counted value by value.
        let big = JSONValue.array((0..<10_000).map { .int($0) })
        var almost = big.arrayValue!
        almost[9_999] = .double(9_999.5)
        let equalHash = JSONValue.array([.object(JSONObject([("a", big)])), .object(JSONObject([("a", big)]))])
        #expect(unique.validate(equalHash).map(\.keyword) == ["uniqueItems"])
        #expect(unique.validate(equalHash, limits: JSONSchemaLimits(maximumSteps: 5_000)).map(\.keyword) == ["maximumSteps"])
        let enumeration = try JSONSchema(json: .object(JSONObject([("enum", .array([.array(almost), big]))])))
        #expect(enumeration.isValid(big))
        #expect(enumeration.validate(big, limits: JSONSchemaLimits(maximumSteps: 15_000)).map(\.keyword) == ["maximumSteps"])
        // Exponential branching (each level tries both branches of an anyOf): stopped by the step budget.
        var levels: [(String, JSONValue)] = []
        for i in 0..<40 {
            let next: JSONValue = .object(JSONObject([("$ref", .string("#/$defs/l\(i + 1)"))]))
            levels.append(("l\(i)", .object(JSONObject([("anyOf", .array([next, next]))]))))
        }
        levels.append(("l40", .object(JSONObject([("type", "string")]))))
        let exponential = try JSONSchema(json: .object(JSONObject([("$ref", "#/$defs/l0"), ("$defs", .object(JSONObject(levels)))])))
        let started = Date()
        #expect(exponential.validate(.int(1)).last?.keyword == "maximumSteps")
        #expect(!exponential.isValid(.int(1), limits: JSONSchemaLimits(maximumSteps: 200_000)))
        #expect(exponential.isValid(.string("s")))
        #expect(Date().timeIntervalSince(started) < 30)
        // A long chain of $ref in $defs compiles without recursion.
        var defs: [(String, JSONValue)] = []
        for i in 0..<20_000 { defs.append(("d\(i)", .object(JSONObject([("$ref", .string("#/$defs/d\(i + 1)"))])))) }
        defs.append(("d20000", .object(JSONObject([("type", "integer")]))))
        let chain = try JSONSchema(json: .object(JSONObject([("$ref", "#/$defs/d0"), ("$defs", .object(JSONObject(defs)))])))
        #expect(chain.validate(.int(1)).map(\.keyword) == ["maximumRefDepth"])
    }
}
