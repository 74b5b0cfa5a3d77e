import Testing
@testable import OpenBadgesModel

@Suite("Strict JSON parser")
struct JSONParserTests {
    @Test("keeps member order and number literals")
    func orderAndNumbers() throws {
        let text = #"{"z":1.0,"a":[1e3,-0,12345678901234567890],"m":null,"s":"\u00e9\ud83d\ude00/"}"#
        let value = try JSONValue(parsing: text)
        #expect(value.objectValue?.keys == ["z", "a", "m", "s"])
        #expect(value["z"]?.numberValue?.text == "1.0")
        #expect(value["a"]?.arrayValue?.compactMap { $0.numberValue?.text } == ["1e3", "-0", "12345678901234567890"])
        #expect(value["m"] == .null)
        #expect(value["s"]?.stringValue == "é😀/")
        #expect(value.serialized() == #"{"z":1.0,"a":[1e3,-0,12345678901234567890],"m":null,"s":"é😀/"}"#)
    }

    @Test(
        "serialise then parse gives the same value",
        arguments: [
            #"{"a":"line\nbreak \"quoted\" \\ tab\t ctrl\u0001"}"#, #"[true,false,null,[],{}]"#, #""only a string""#, "-1.5E-7",
        ])
    func writerRoundTrip(text: String) throws {
        let v = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: v.serialized()) == v)
        #expect(try JSONValue(parsing: v.serialized(pretty: true)) == v)
    }

    @Test("the writer escapes exactly quotes, backslashes and control characters")
    func writerEscapes() throws {
        // Every control character: the short escapes where JSON has them, else \u00xx in lowercase hex.
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let expected =
            #"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
        #expect(JSONValue.string(controls).serialized() == "\"" + expected + "\"")
        // Quotes and backslashes escaped; DEL, non-ASCII, U+2028 and "/" written as they are; keys the same way.
        let value: JSONValue = ["k\"\\\u{7F}": ["a\"b\\c", "\u{7F}é\u{301}\u{2028}😀/", ""]]
        #expect(value.serialized() == "{\"k\\\"\\\\\u{7F}\":[\"a\\\"b\\\\c\",\"\u{7F}é\u{301}\u{2028}😀/\",\"\"]}")
        #expect(JCS.canonicalize(value) == value.serialized())
        #expect(try JSONValue(parsing: value.serialized()) == value)
        #expect(value.serializedUTF8() == Array(value.serialized().utf8))
        // Pretty: two spaces per level, ": " after keys, empty containers on one line.
        let nested: JSONValue = ["a": [1, ["b": []]], "c": [:]]
        #expect(nested.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": []\n    }\n  ],\n  \"c\": {}\n}")
    }

    @Test(
        "rejects malformed JSON with invalidJSON",
        arguments: [
            "{", "[1,]", #"{"a":1,}"#, "01", "1.", ".5", "+1", "'a'", "{a:1}", "[1 2]", "tru", "nul", #""\x""#,
            #""\ud800""#, "\"a\u{01}b\"", "1 2", "{\"a\" 1}", "NaN", "[\"unterminated]",
        ])
    func rejectsMalformed(text: String) {
        #expect(throws: ModelError(.invalidJSON, reason: "")) { try JSONValue(parsing: text) }
    }

    @Test("every proper prefix of a document is refused")
    func dripFedPrefixes() throws {
        let text = #"{"recipient":{"identity":"a@b.c","hashed":false},"n":[1,2.5,{"x":null}]}"#
        let bytes = Array(text.utf8)
        for n in 0..<bytes.count {
            #expect(throws: ModelError.self) { try JSONValue(parsing: bytes[0..<n]) }
        }
        #expect(try JSONValue(parsing: bytes)["n"]?.arrayValue?.count == 3)
    }

    @Test("empty and whitespace-only input give emptyInput")
    func empty() {
        #expect(throws: ModelError(.emptyInput, reason: "")) { try JSONValue(parsing: "") }
        #expect(throws: ModelError(.emptyInput, reason: "")) { try JSONValue(parsing: " \n\t") }
    }

    @Test(
        "invalid UTF-8 gives invalidUTF8",
        arguments: [
            [0x22, 0xC3, 0x28, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xFF, 0x22],
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE3, 0x81],
        ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(throws: ModelError(.invalidUTF8, reason: "")) { try JSONValue(parsing: bytes) }
    }

    @Test("UTF-8 is checked after ASCII runs of every length (read eight bytes at a time)")
    func utf8AfterASCIIRuns() throws {
        let bad: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]]
        for run in 0..<20 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: run)
            for sequence in bad {
                #expect(throws: ModelError(.invalidUTF8, reason: "")) { try JSONValue(parsing: [0x22] + ascii + sequence + ascii + [0x22]) }
            }
            let good = "\"" + String(repeating: "a", count: run) + "é€😀" + String(repeating: "b", count: run) + "\""
            #expect(try JSONValue(parsing: Array(good.utf8)) == .string(String(good.dropFirst().dropLast())))
        }
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func bom() throws {
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(JSONNumber(1))]))
    }

    @Test("duplicate member names are refused")
    func duplicates() {
        #expect(throws: ModelError(.duplicateKey, reason: "")) { try JSONValue(parsing: #"{"id":"a","id":"b"}"#) }
    }

    @Test("large objects: a duplicate far in is refused, code-point-distinct names are kept, every member is found")
    func largeObjects() throws {
        let names = (0..<40).map { "member\($0)" }
        let members = names.enumerated().map { #""\#($1)":\#($0)"# }
        #expect(throws: ModelError(.duplicateKey, reason: "")) {
            try JSONValue(parsing: "{" + (members + [#""member3":0"#]).joined(separator: ",") + "}")
        }
        let text = "{" + (members + ["\"caf\u{E9}\":1", "\"cafe\u{301}\":2"]).joined(separator: ",") + "}"
        let object = try #require(try JSONValue(parsing: text).objectValue)
        #expect(object.count == 42)
        #expect(Array(object.keys.prefix(40)) == names)
        for (index, name) in names.enumerated() { #expect(object[name] == .number(JSONNumber(index))) }
        #expect(object["caf\u{E9}"] == .number(JSONNumber(1)) && object["cafe\u{301}"] == .number(JSONNumber(2)))
    }

    @Test("nested objects and arrays at every level parse and write back the same")
    func nestedLevels() throws {
        let text = #"{"a":{"b":[1,{"c":[2,[3,{}],[]]}],"d":[4,5]},"e":[{"f":6},{"g":[7]}],"h":{}}"#
        #expect(try JSONValue(parsing: text).serialized() == text)
        let sibling = #"[[1,2,3],[4],{"x":[5,6],"y":{"z":[]}},[7,8]]"#
        #expect(try JSONValue(parsing: sibling).serialized() == sibling)
    }

    @Test("nesting limit is enforced and configurable")
    func depth() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) { try JSONValue(parsing: deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONValue(parsing: ok)
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) {
            try JSONValue(parsing: #"{"a":{"b":{}}}"#, options: JSONParsingOptions(maximumDepth: 2))
        }
        // Far deeper than any stack could take recursively: refused early, no crash.
        let hostile = String(repeating: "[", count: 200_000)
        #expect(throws: ModelError(.nestingTooDeep, reason: "")) { try JSONValue(parsing: hostile) }
    }

    @Test("size limit is enforced")
    func size() {
        #expect(throws: ModelError(.inputTooLarge, reason: "")) {
            try JSONValue(parsing: "[1,2,3]", options: JSONParsingOptions(maximumBytes: 6))
        }
    }

    @Test("errors name the field and compare by code")
    func errorShape() {
        let e = ModelError(.invalidDate, field: "$.issuedOn", reason: "day 31 does not exist")
        #expect(e == ModelError(.invalidDate, reason: "other"))
        #expect(e != ModelError(.invalidJSON, reason: "day 31 does not exist"))
        #expect(e.description == "invalidDate at $.issuedOn: day 31 does not exist")
    }

    @Test("keys are told apart by code points: composed and decomposed café are two members")
    func keysCompareByCodePoints() throws {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)  // Swift's String equality is canonical equivalence
        for text in [#"{"caf\u00e9":1,"cafe\u0301":2}"#, "{\"\(composed)\":1,\"\(decomposed)\":2}"] {
            let object = try #require(try JSONValue(parsing: text).objectValue)
            #expect(object.count == 2)
            #expect(object.keys.map { Array($0.unicodeScalars) } == [Array(composed.unicodeScalars), Array(decomposed.unicodeScalars)])
            #expect(object[composed] == .number(JSONNumber(text: "1")!))
            #expect(object[decomposed] == .number(JSONNumber(text: "2")!))
            #expect(try JSONValue(parsing: JSONValue.object(object).serialized()).objectValue?.count == 2)
        }
        // Canonically equivalent names of the same UTF-8 length (Ḋ + dot below, Ḍ + dot above: 5 bytes each) are
        // two members too, each found by its own code points, whichever comes first.
        let dotBelowLast = "\u{1E0A}\u{323}"
        let dotAboveLast = "\u{1E0C}\u{307}"
        #expect(dotBelowLast == dotAboveLast && dotBelowLast.utf8.count == dotAboveLast.utf8.count)
        for (first, second) in [(dotBelowLast, dotAboveLast), (dotAboveLast, dotBelowLast)] {
            let object = try #require(try JSONValue(parsing: "{\"\(first)\":1,\"\(second)\":2}").objectValue)
            #expect(object.count == 2)
            #expect(object[first] == .number(JSONNumber(text: "1")!))
            #expect(object[second] == .number(JSONNumber(text: "2")!))
        }
        // Exact duplicates, written the same or escaped differently, are still refused.
        for text in [#"{"caf\u00e9":1,"caf\u00e9":2}"#, "{\"\(composed)\":1,\"caf\\u00e9\":2}", #"{"a":1,"\u0061":2}"#] {
            #expect(throws: ModelError(.duplicateKey, reason: "")) { try JSONValue(parsing: text) }
        }
        // Building an object in code keeps both too, and a later exact duplicate replaces the earlier one.
        let built = JSONObject([
            (composed, .bool(true)), (decomposed, .null),
            (composed, .bool(false)),
        ])
        #expect(built.count == 2)
        #expect(built[composed] == .bool(false))
        #expect(built.contains(decomposed))
    }

    @Test("an object with many members is built in linear time")
    func manyMembers() throws {
        let count = 20_000
        let text = "{" + (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let object = try #require(try JSONValue(parsing: text).objectValue)
        #expect(object.count == count)
        #expect(object["k19999"] == .number(JSONNumber(text: "19999")!))
    }
}

@Suite("JSONObject storage")
struct JSONObjectStorageTests {
    @Test("lookups agree below and above the indexed size, across removals, by code point", arguments: [3, 16, 17, 40])
    func lookups(count: Int) {
        var object = JSONObject()
        for i in 0..<count { object["k\(i)"] = .int(i) }
        object["caf\u{e9}"] = "composed"
        object["cafe\u{301}"] = "decomposed"
        #expect(object.count == count + 2)
        for i in 0..<count { #expect(object["k\(i)"] == .int(i)) }
        #expect(object["caf\u{e9}"] == "composed")
        #expect(object["cafe\u{301}"] == "decomposed")
        object["k0"] = nil
        object["caf\u{e9}"] = nil
        #expect(object["k0"] == nil)
        #expect(object["caf\u{e9}"] == nil)
        #expect(object["cafe\u{301}"] == "decomposed")
        for i in 1..<count { #expect(object["k\(i)"] == .int(i)) }
        #expect(object.keys.first == (count > 1 ? "k1" : "cafe\u{301}"))
        object.append([.int(1)], to: "list")
        object.append([.int(2)], to: "list")
        #expect(object["list"] == [1, 2])
    }

    @Test("equality and hashing ignore member order")
    func orderFree() {
        let pairs = (0..<20).map { ("k\($0)", JSONValue.int($0)) }
        let forward = JSONObject(pairs)
        let backward = JSONObject(pairs.reversed())
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        var changed = backward
        changed["k3"] = .int(4)
        #expect(forward != changed)
        #expect(JSONObject([("a", 1)]) != JSONObject([("a", 1), ("b", 2)]))
    }
}
