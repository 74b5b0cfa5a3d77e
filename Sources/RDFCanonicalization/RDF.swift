/// IRI of `xsd:string`, the datatype of simple literals.
public let xsdString = "http://www.w3.org/2001/XMLSchema#string"
/// IRI of `rdf:langString`, the datatype of language-tagged literals.
public let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

/// An RDF literal: lexical form, datatype IRI and optional language tag.
public struct RDFLiteral: Sendable, Hashable {
    /// The lexical form (the literal's text).
    public var lexicalForm: String
    /// Datatype IRI; `rdf:langString` when `language` is set.
    public var datatype: String
    /// The language tag of a language-tagged string, or nil.
    public var language: String?

    /// Makes a literal; a `language` makes the datatype `rdf:langString`.
    public init(_ lexicalForm: String, datatype: String = xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : rdfLangString
    }
}

/// An RDF term: IRI, blank node (label without `_:`) or literal.
public enum RDFTerm: Sendable, Hashable {
    /// An IRI.
    case iri(String)
    /// A blank node, by its label without `_:`.
    case blankNode(String)
    /// A literal.
    case literal(RDFLiteral)

    /// True for blank nodes.
    public var isBlankNode: Bool { if case .blankNode = self { return true } else { return false } }
    /// The label (without `_:`) if this is a blank node.
    public var blankNodeLabel: String? { if case .blankNode(let l) = self { return l } else { return nil } }
}

/// A quad; `graph == nil` is the default graph.
public struct RDFQuad: Sendable, Hashable {
    /// The subject.
    public var subject: RDFTerm
    /// The predicate.
    public var predicate: RDFTerm
    /// The object.
    public var object: RDFTerm
    /// The graph name; nil for the default graph.
    public var graph: RDFTerm?

    /// Makes a quad, in the default graph unless `graph` is given.
    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset as a list of quads (duplicates are ignored by canonicalization).
public struct RDFDataset: Sendable, Hashable {
    /// The quads.
    public var quads: [RDFQuad]
    /// Makes a dataset from quads.
    public init(_ quads: [RDFQuad] = []) { self.quads = quads }
}
