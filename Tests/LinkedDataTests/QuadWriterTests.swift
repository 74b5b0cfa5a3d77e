import JSONLD
import OpenBadgesModel
import RDFCanonicalization
import Testing

/// toRdf writes each node's quads where it meets the node, without a node map: the canonical dataset must be the one
/// the node map gives, wherever a node is split, labelled or repeated.
@Suite("toRdf without a node map")
struct QuadWriterTests {
    private func canonical(_ document: JSONValue) throws -> String {
        try RDFCanonicalizer().canonicalize(JSONLDProcessor().toRDF(document)).nquads
    }

    @Test func aNodeMetInSeveralPlacesIsOneNode() throws {
        // The same subject in three places (at the top, nested as a value, and in @included), each with some of its
        // properties and some repeated: the same dataset as one node with all of them.
        let split: JSONValue = [
            "@graph": [
                ["@id": "http://e/s", "http://e/p": "x"],
                ["@id": "http://e/t", "http://e/q": ["@id": "http://e/s", "http://e/p": "x", "http://e/r": "y"]],
                ["@id": "http://e/u", "@included": [["@id": "http://e/s", "@type": "http://e/T", "http://e/p": "z"]]],
            ]
        ]
        let merged: JSONValue = [
            "@graph": [
                ["@id": "http://e/s", "@type": "http://e/T", "http://e/p": ["x", "z"], "http://e/r": "y"],
                ["@id": "http://e/t", "http://e/q": ["@id": "http://e/s"]],
            ]
        ]
        let text = try canonical(split)
        #expect(text == (try canonical(merged)))
        #expect(text.split(separator: "\n").count == 5)
    }

    @Test func inputLabelsNeverMeetIssuedOnes() throws {
        // `_:b0` and `_:b1` in the input, beside nodes without an id (which get fresh labels): four blank nodes, each
        // input label one node wherever it appears.
        let document: JSONValue = [
            "@graph": [
                ["@id": "_:b1", "http://e/p": "1"],
                ["http://e/p": "2", "http://e/q": ["@id": "_:b0"]],
                ["http://e/p": "3", "http://e/q": ["@id": "_:b1"]],
                ["@id": "_:b0", "http://e/p": "4"],
            ]
        ]
        let dataset = try JSONLDProcessor().toRDF(document)
        let blankNodes = Set(dataset.quads.flatMap { [$0.subject, $0.object] }.compactMap(\.blankNodeLabel))
        #expect(blankNodes.count == 4)
        let text = try RDFCanonicalizer().canonicalize(dataset).nquads
        #expect(text.split(separator: "\n").count == 6)
        #expect((0..<4).allSatisfy { text.contains("_:c14n\($0) ") } && !text.contains("_:c14n4"))
    }

    @Test func aNodeMayNotHaveTwoIndexes() throws {
        let context: JSONValue = ["p": ["@id": "http://e/p", "@container": "@index"]]
        let conflicting: JSONValue = [
            "@context": context, "@id": "http://e/s", "p": ["a": ["@id": "http://e/o"], "b": ["@id": "http://e/o"]],
        ]
        #expect(throws: JSONLDError.self) { _ = try JSONLDProcessor().toRDF(conflicting) }
        // The same index twice, or two nodes with their own, is fine.
        let agreeing: JSONValue = [
            "@context": context, "@id": "http://e/s", "p": ["a": [["@id": "http://e/o"], ["@id": "http://e/o"]], "b": ["@id": "http://e/x"]],
        ]
        #expect(try JSONLDProcessor().toRDF(agreeing).quads.contains { $0.object == .iri("http://e/x") })
    }

    @Test func droppedValuesAreReportedOnce() throws {
        // A relative subject met twice, a relative object and type, and a named graph with a relative name: each
        // reported once, and nothing in the graph that was dropped is written. As with a node map, a node that is
        // only referred to (`other`) and the node that names a graph are subjects too.
        let document: JSONValue = [
            "@graph": [
                ["@id": "relative", "http://e/p": "1"],
                ["@id": "relative", "http://e/p": "2"],
                ["@id": "http://e/s", "http://e/p": [["@id": "other"], ["@id": "other"]], "@type": "Undefined"],
                ["@id": "graph", "@graph": [["@id": "http://e/inside", "http://e/p": "3"]]],
            ]
        ]
        let processor = JSONLDProcessor()
        let dataset = try processor.toRDF(document)
        let dropped = processor.droppedRDFValues.map(\.description)
        #expect(dropped.sorted() == ["graphName graph", "object other", "subject graph", "subject other", "subject relative", "type Undefined"])
        #expect(dataset.quads.isEmpty)
    }

    @Test func listsKeepTheirNodesAndOrder() throws {
        // A list holding a value, a node with properties (written where it is) and a nested list.
        let document: JSONValue = [
            "@id": "http://e/s",
            "http://e/l": ["@list": ["a", ["@id": "http://e/n", "http://e/p": "inner"], ["@list": ["b"]]]],
        ]
        let quads = try JSONLDProcessor().toRDF(document).quads
        #expect(quads.contains { $0.subject == .iri("http://e/n") && $0.object == .literal(RDFLiteral("inner")) })
        #expect(quads.filter { $0.predicate == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#first") }.count == 4)
        #expect(quads.filter { $0.object == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil") }.count == 2)
        #expect(quads.contains { $0.predicate == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#first") && $0.object == .iri("http://e/n") })
        // An array among a list's members (which expansion never writes) is flattened, as node map generation does.
        let expanded: [JSONValue] = [["@id": "http://e/s", "http://e/l": [["@list": [["@value": "a"], [["@value": "b"]]]]]]]
        let flattened = try JSONLDProcessor().toRDF(expanded: expanded).quads
        #expect(flattened.filter { $0.predicate == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#first") }.count == 2)
    }
}
