import Testing

@testable import JSONSchema

@Suite("JSON Schema: the name table of properties")
struct NameTableTests {
    @Test func findsEachNameAtItsPosition() {
        let names = (0..<100).map { "member\($0)" } + ["", "caf\u{e9}", "a/b", "~"]
        let table = NameTable(names)
        for (position, name) in names.enumerated() { #expect(table.position(of: name) == position, "\(name)") }
        #expect(table.position(of: "member100") == nil)
        #expect(table.position(of: "Member1") == nil)
        #expect(!table.isEmpty)
    }

    @Test func comparesCodePointsNotCanonicalEquivalence() {
        let table = NameTable(["caf\u{e9}"])
        #expect(table.contains("caf\u{e9}"))
        #expect(!table.contains("cafe\u{301}"))  // equal as Swift strings, a different JSON member name
    }

    @Test func aRepeatedNameIsFoundAtItsFirstPosition() {
        #expect(NameTable(["a", "b", "a"]).position(of: "a") == 0)
    }

    @Test func anEmptyTableHasNothing() {
        let table = NameTable([])
        #expect(table.isEmpty)
        #expect(!table.contains(""))
        #expect(!table.contains("a"))
    }

    /// A member the schema names is checked against its subschema whichever way it was found (from the schema's side
    /// or, for an instance with fewer members, from the instance's), and code-point-different names are not mixed up.
    @Test func propertiesFindMembersByCodePoints() throws {
        let names = (0..<20).map { "\"p\($0)\": {\"type\": \"integer\"}" }.joined(separator: ", ")
        let s = try schema("{\"properties\": {\(names), \"caf\u{e9}\": {\"type\": \"string\"}}, \"additionalProperties\": {\"type\": \"boolean\"}}")
        #expect(s.validate(try json("{\"p3\": 1, \"caf\u{e9}\": \"x\"}")).isEmpty)
        #expect(s.validate(try json("{\"p3\": \"x\"}")).map(\.instanceLocation) == ["/p3"])
        #expect(s.validate(try json("{\"cafe\u{301}\": true}")).isEmpty)
        #expect(s.validate(try json("{\"cafe\u{301}\": \"x\"}")).map(\.keywordLocation) == ["/additionalProperties/type"])
    }
}
