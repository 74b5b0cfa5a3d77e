import Testing

@testable import RDFCanonicalization

/// RDFC-1.0 writes each quad once and makes its relabelled lines by copying the bytes around its blank nodes: the
/// result is the line written again under the new labels, for every shape of quad.
@Suite("N-Quads lines relabelled in place")
struct NQuadsLineTests {
    static let terms: [RDFTerm] = [
        .iri("https://example.org/s"), .iri("urn:\u{E9}t\u{301}\u{1F600}"), .blankNode("b0"), .blankNode("long-label-\u{E9}"),
        .literal(RDFLiteral("plain")), .literal(RDFLiteral("a \"quoted\"\\ line\nwith\ttabs\u{7F}\u{1}")),
        .literal(RDFLiteral("tagged", language: "en-GB")),
        .literal(RDFLiteral("3", datatype: "http://www.w3.org/2001/XMLSchema#integer")),
    ]

    @Test func relabelledLinesAreTheLinesWrittenUnderTheNewLabels() {
        var quads: [RDFQuad] = []
        for subject in Self.terms {
            for predicate in Self.terms {
                for object in Self.terms {
                    for graph in [nil] + Self.terms.filter({ if case .literal = $0 { return false } else { return true } }) {
                        // Generalized quads too (a literal subject or predicate, a blank node predicate).
                        quads.append(RDFQuad(subject, predicate, object, graph: graph))
                    }
                }
            }
        }
        for labels in [{ (_: String) in "c14n0" }, { $0 == "b0" ? "a" : "z" }, { "_" + $0 + "\u{E9}" }] {
            for quad in quads {
                #expect(NQuads.line(quad, relabelling: NQuads.line(quad), labels: labels) == NQuads.line(quad, labels: labels), "\(quad)")
            }
        }
    }
}
