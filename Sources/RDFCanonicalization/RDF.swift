/// IRI of `xsd:string`, the datatype of simple literals.
public let xsdString = "http://www.w3.org/2001/XMLSchema#string"
/// IRI of `rdf:langString`, the datatype of language-tagged literals.
public let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

/// An RDF literal: lexical form, datatype IRI and optional language tag.
public struct RDFLiteral: Sendable, Hashable {
    public var lexicalForm: String
    /// Datatype IRI; `rdf:langString` when `language` is set.
    public var datatype: String
    public var language: String?

    public init(_ lexicalForm: String, datatype: String = xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : rdfLangString
    }
}

/// An RDF term: IRI, blank node (label without `_:`) or literal.
public enum RDFTerm: Sendable, Hashable {
    case iri(String)
    case blankNode(String)
    case literal(RDFLiteral)

    public var isBlankNode: Bool { if case .blankNode = self { return true } else { return false } }
    public var blankNodeLabel: String? { if case .blankNode(let l) = self { return l } else { return nil } }
}

/// A quad; `graph == nil` is the default graph.
public struct RDFQuad: Sendable, Hashable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset as a list of quads (duplicates are ignored by canonicalization).
public struct RDFDataset: Sendable, Hashable {
    public var quads: [RDFQuad]
    public init(_ quads: [RDFQuad] = []) { self.quads = quads }
}
