import Testing

@testable import JSONSchema

@Suite("JSON Schema: the names of properties")
struct PropertyNamesTests {
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
