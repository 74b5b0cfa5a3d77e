/// IRI of `xsd:string`, the datatype of simple literals.
package let xsdString = "http://www.w3.org/2001/XMLSchema#string"
/// IRI of `rdf:langString`, the datatype of language-tagged literals.
package let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

/// An RDF literal: lexical form, datatype IRI and optional language tag.
package struct RDFLiteral: Sendable, Hashable {
    /// The lexical form (the literal's text).
    package var lexicalForm: String
    /// Datatype IRI; `rdf:langString` when `language` is set.
    package var datatype: String
    /// The language tag of a language-tagged string, or nil.
    package var language: String?

    /// Makes a literal; a `language` makes the datatype `rdf:langString`.
    package init(_ lexicalForm: String, datatype: String = xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : rdfLangString
    }
}

/// An RDF term: IRI, blank node (label without `_:`) or literal.
package enum RDFTerm: Sendable, Hashable {
    /// An IRI.
    case iri(String)
    /// A blank node, by its label without `_:`.
    case blankNode(String)
    /// A literal.
    case literal(RDFLiteral)

    /// True for blank nodes.
    package var isBlankNode: Bool { if case .blankNode = self { return true } else { return false } }
    /// The label (without `_:`) if this is a blank node.
    package var blankNodeLabel: String? { if case .blankNode(let l) = self { return l } else { return nil } }
}

/// A quad; `graph == nil` is the default graph.
package struct RDFQuad: Sendable, Hashable {
    /// The subject.
    package var subject: RDFTerm
    /// The predicate.
    package var predicate: RDFTerm
    /// The object.
    package var object: RDFTerm
    /// The graph name; nil for the default graph.
    package var graph: RDFTerm?

    /// Makes a quad, in the default graph unless `graph` is given.
    package init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// Whether its subject, object or graph is a blank node.
    package var hasBlankNode: Bool { subject.isBlankNode || object.isBlankNode || (graph?.isBlankNode ?? false) }
}

/// An RDF dataset as a list of quads (duplicates are ignored by canonicalization).
package struct RDFDataset: Sendable, Hashable {
    /// The quads.
    package var quads: [RDFQuad]
    /// Makes a dataset from quads.
    package init(_ quads: [RDFQuad] = []) { self.quads = quads }
}
