import Foundation
import OpenBadgesModel
import RDFCanonicalization
import Testing

struct RDFCanonCase: CustomTestStringConvertible, Sendable {
    let id: String
    let type: String
    let action: String
    let result: String?
    let hashAlgorithm: String?
    var testDescription: String { id }
}

let rdfCanonBase = Suites.testsuites.appendingPathComponent("rdf-canon/tests")

let rdfCanonCases: [RDFCanonCase] = Suites.manifestEntries(rdfCanonBase.appendingPathComponent("manifest.jsonld"), key: "entries").map {
    RDFCanonCase(
        id: $0["id"]?.stringValue ?? "?",
        type: $0["type"]?.stringValue ?? "?",
        action: $0["action"]?.stringValue ?? "",
        result: $0["result"]?.stringValue,
        hashAlgorithm: $0["hashAlgorithm"]?.stringValue
    )
}

@Suite("RDFC-1.0 W3C suite")
struct RDFCanonSuiteTests {
    @Test("manifest is present or skipped", .enabled(if: Suites.exists(rdfCanonBase)))
    func manifestLoaded() {
        #expect(rdfCanonCases.count == 86)
    }

    @Test("rdf-canon", arguments: rdfCanonCases)
    func run(_ t: RDFCanonCase) throws {
        let input = try Suites.readText(rdfCanonBase.appendingPathComponent(t.action))
        var options = RDFCanonicalizer.Options()
        if t.hashAlgorithm == "SHA384" { options.hashAlgorithm = .sha384 }
        switch t.type {
        case "rdfc:RDFC10EvalTest":
            let out = try RDFCanonicalizer.canonicalize(nquads: input, options: options)
            let expected = try Suites.readText(rdfCanonBase.appendingPathComponent(t.result!))
            #expect(out.nquads == expected)
        case "rdfc:RDFC10MapTest":
            let out = try RDFCanonicalizer.canonicalize(nquads: input, options: options)
            let expected = try Suites.readJSON(rdfCanonBase.appendingPathComponent(t.result!))
            var exp: [String: String] = [:]
            for (k, v) in expected.objectValue! { exp[k] = v.stringValue }
            #expect(out.issuedIdentifiers == exp)
        case "rdfc:RDFC10NegativeEvalTest":
            #expect(throws: RDFCanonicalizationError.self) {
                _ = try RDFCanonicalizer.canonicalize(nquads: input, options: options)
            }
        default:
            Issue.record("unknown test type \(t.type)")
        }
    }
}

@Suite("RDFC-1.0 work bound")
struct RDFCWorkBoundTests {
    @Test("positive suite tests stay far below the default bound", .enabled(if: Suites.exists(rdfCanonBase)))
    func margin() throws {
        var maxCalls = 0
        var maxDepth = 0
        for t in rdfCanonCases where t.type != "rdfc:RDFC10NegativeEvalTest" {
            let input = try Suites.readText(rdfCanonBase.appendingPathComponent(t.action))
            let r = try RDFCanonicalizer.canonicalize(nquads: input)
            maxCalls = max(maxCalls, r.hashNDegreeQuadsCalls)
            maxDepth = max(maxDepth, r.hashNDegreeQuadsDepth)
        }
        print("RDFC max Hash N-Degree Quads calls in positive tests: \(maxCalls), depth \(maxDepth)")
        #expect(maxCalls * 10 < RDFCanonicalizer.Options.defaultMaximumNDegreeHashCalls)
        #expect(maxDepth * 4 < RDFCanonicalizer.Options.defaultMaximumRecursionDepth)
    }

    @Test func longRingOfBlankNodesFailsWithTypedError() throws {
        let n = 2_000
        var text = ""
        for i in 0..<n { text += "_:n\(i) <urn:p> _:n\((i + 1) % n) .\n" }
        #expect(throws: RDFCanonicalizationError.recursionLimitExceeded(limit: 64)) {
            _ = try RDFCanonicalizer.canonicalize(nquads: text)
        }
        // A short ring canonicalizes fine.
        var small = ""
        for i in 0..<8 { small += "_:n\(i) <urn:p> _:n\((i + 1) % 8) .\n" }
        #expect(try RDFCanonicalizer.canonicalize(nquads: small).quadCount == 8)
    }
}

@Suite("RDF N-Quads")
struct NQuadsTests {
    @Test func roundTripEscapes() throws {
        let line = "<urn:s> <urn:p> \"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u007F\u{E9}\"@en .\n"
        let d = try NQuads.parse(line)
        #expect(d.quads.count == 1)
        #expect(NQuads.serialize(d) == line)
    }

    @Test func typedAndGraph() throws {
        let line = "_:b0 <urn:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g> .\n"
        let d = try NQuads.parse(line)
        #expect(d.quads[0].graph == .iri("urn:g"))
        #expect(NQuads.serialize(d) == line)
    }

    @Test(.enabled(if: Suites.exists(rdfCanonBase)))
    func workLimitIsTyped() throws {
        let input = try Suites.readText(rdfCanonBase.appendingPathComponent("rdfc10/test074-in.nq"))
        #expect(throws: RDFCanonicalizationError.workLimitExceeded(limit: 5_000)) {
            _ = try RDFCanonicalizer.canonicalize(nquads: input)
        }
    }
}
