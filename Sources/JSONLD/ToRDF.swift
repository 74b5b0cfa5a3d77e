import Foundation
import OpenBadgesModel
import RDFCanonicalization

let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
let xsdNS = "http://www.w3.org/2001/XMLSchema#"
let rdfType = rdfNS + "type"

/// Something toRdf left out of the dataset because it is not a well-formed absolute IRI, blank node or language tag
/// (for example a `type` value that no context defines and that stayed a relative IRI). Like dropped keys, these
/// values are not covered by a Data Integrity signature.
package struct DroppedRDFValue: Sendable, Hashable, CustomStringConvertible {
    /// The position the dropped value held.
    package enum Kind: String, Sendable, Hashable {
        case graphName, subject, property, type, object, datatype, languageTag
    }
    /// The position the value held.
    package let kind: Kind
    /// The dropped value.
    package let value: String
    package var description: String { "\(kind.rawValue) \(value)" }
}

extension JSONLDProcessor {
    /// Expands `input` and deserializes it to an RDF dataset (JSON-LD 1.1 API `toRdf()`).
    package func toRDF(_ input: JSONValue) throws -> RDFDataset {
        let expanded = try expand(input)
        return try toRDF(expanded: expanded)
    }

    /// Deserializes an already expanded document to RDF (§8.1.2). See ``QuadWriter``.
    package func toRDF(expanded: [JSONValue]) throws -> RDFDataset {
        var writer = QuadWriter(options: options)
        defer { droppedRDFValues = writer.dropped }
        try writer.walk(.array(expanded), in: .default, link: nil)
        return RDFDataset(writer.quads)
    }
}

/// JSON-LD's deserialization to RDF (§8.1.2) without a node map: it walks the expanded document the way node map
/// generation (§7.2.2) does and writes each node's quads where it meets them, instead of gathering every node's
/// properties into a map of JSON values first and reading them out again.
///
/// The dataset is the same set of quads. A node met in several places (the same `@id`) has its quads written from
/// each place: the dataset may list a quad twice, where the node map would have merged the values, and RDFC-1.0
/// canonicalizes the set (it removes duplicates before anything else). Blank nodes are relabelled as the node map
/// does (every input label gets a fresh one), so that no input label can meet one issued here.
struct QuadWriter {
    /// The quads written so far.
    private(set) var quads: [RDFQuad] = []
    /// What was left out of the dataset, each once, in the order met.
    private(set) var dropped: [DroppedRDFValue] = []

    private let options: JSONLDOptions
    private var droppedOnce: Set<DroppedKey> = []
    private var relabelled: [CodePointString: String] = [:]
    private var counter = 0
    /// The `@index` of each node that has one, by graph and node (a node may not have two).
    private var indexes: [NodeKey: JSONValue] = [:]

    init(options: JSONLDOptions) { self.options = options }

    /// A graph being written: its name as met (`@default` for the default graph) and the term quads carry, if the
    /// name is one; a name that is not a well-formed IRI or blank node drops the graph's quads.
    struct Graph {
        let name: String
        let term: RDFTerm?
        let isWritten: Bool

        static let `default` = Graph(name: "@default", term: nil, isWritten: true)
    }

    /// What makes the element being walked a value: a property of a node (the subject and predicate are nil when
    /// that node or property writes no quads), or a reverse property, which makes the walked node the subject and
    /// `object` (a node's id) its value.
    enum Link {
        case property(subject: RDFTerm?, predicate: RDFTerm?)
        case reverse(object: String, property: String)
    }

    /// A list member, before it becomes a term: a list whose own property writes no quads converts nothing.
    private enum ListMember {
        case value(JSONObject)
        case node(id: String)
        case list([ListMember])
    }

    private struct NodeKey: Hashable {
        let graph: CodePointString
        let node: CodePointString
    }

    private struct DroppedKey: Hashable {
        let kind: DroppedRDFValue.Kind
        let value: CodePointString
    }

    /// Walks `element` (a node, value or list object, or an array of them) in `graph`.
    mutating func walk(_ element: JSONValue, in graph: Graph, link: Link?) throws {
        if case .array(let items) = element {
            for item in items { try walk(item, in: graph, link: link) }
            return
        }
        guard case .object(let object) = element else { return }
        if object["@value"] != nil {
            if case .property(let subject?, let predicate?) = link, let literal = literal(object, in: graph) {
                write(subject, predicate, literal, in: graph)
            }
        } else if let list = object["@list"] {
            let members = try listMembers(list, in: graph, link: link)
            if case .property(let subject?, let predicate?) = link {
                write(subject, predicate, self.list(members, in: graph), in: graph)
            }
        } else if let id = try node(object, in: graph, link: link), case .property(let subject?, let predicate?) = link,
            let object = term(id, .object)
        {
            write(subject, predicate, object, in: graph)
        }
    }

    /// Writes the quads of a node object met in `graph` and returns its id (relabelled if a blank node), or nil for a
    /// node whose `@id` is not a string (the node map skips it, with all it holds).
    private mutating func node(_ object: JSONObject, in graph: Graph, link: Link?) throws -> String? {
        let id: String
        switch object["@id"] {
        case .string(let given)?: id = given.scalarHasPrefix("_:") ? blankNode(given) : given
        case nil: id = "_:" + freshLabel()
        case _?: return nil
        }
        let subject = graph.isWritten ? term(id, .subject) : nil
        if case .reverse(let value, let property) = link, let subject, let predicate = predicate(property),
            let object = term(value, .object)
        {
            write(subject, predicate, object, in: graph)
        }
        if let types = object["@type"] {
            for type in types.asArray {
                let relabelled = type.stringValue.map { $0.scalarHasPrefix("_:") ? blankNode($0) : $0 }
                guard let subject else { continue }
                if let relabelled, let object = term(relabelled, .type) {
                    write(subject, .iri(rdfType), object, in: graph)
                } else if relabelled == nil {
                    drop(.type, "\(type)")
                }
            }
        }
        if let index = object["@index"] {
            let key = NodeKey(graph: CodePointString(graph.name), node: CodePointString(id))
            if let existing = indexes[key], existing != index { throw JSONLDError(.conflictingIndexes) }
            indexes[key] = index
        }
        if case .object(let reverse) = object["@reverse"] ?? .null {
            for (property, values) in reverse { try walk(values, in: graph, link: .reverse(object: id, property: property)) }
        }
        if let inner = object["@graph"] { try walk(inner, in: namedGraph(id), link: nil) }
        if let included = object["@included"] { try walk(included, in: graph, link: nil) }
        for (property, values) in object {
            if property.utf8.first == UInt8(ascii: "@"), Self.handledKeywords.contains(property) { continue }
            let relabelled = property.scalarHasPrefix("_:") ? blankNode(property) : property
            let predicate = subject == nil ? nil : predicate(relabelled)
            try walk(values, in: graph, link: .property(subject: subject, predicate: predicate))
        }
        return id
    }

    /// The keywords of a node object that `node` handles before its properties.
    private static let handledKeywords: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    /// The members of a list object's `@list`, walking the nodes among them (a node in a list is written where it
    /// is, and the list holds its id).
    private mutating func listMembers(_ list: JSONValue, in graph: Graph, link: Link?) throws -> [ListMember] {
        var members: [ListMember] = []
        for item in list.asArray {
            if case .array = item {  // as node map generation does, an array among the members is flattened
                members += try listMembers(item, in: graph, link: link)
                continue
            }
            guard case .object(let object) = item else { continue }
            if object["@value"] != nil {
                members.append(.value(object))
            } else if let inner = object["@list"] {
                members.append(.list(try listMembers(inner, in: graph, link: link)))
            } else if let id = try node(object, in: graph, link: link.flatMap { if case .reverse = $0 { $0 } else { nil } }) {
                members.append(.node(id: id))
            }
        }
        return members
    }

    /// Writes a list's `rdf:first`/`rdf:rest` chain and returns its head (`rdf:nil` when empty).
    private mutating func list(_ members: [ListMember], in graph: Graph) -> RDFTerm {
        if members.isEmpty { return .iri(rdfNS + "nil") }
        let nodes = members.map { _ in freshBlankNode() }
        for (position, member) in members.enumerated() {
            let first: RDFTerm?
            switch member {
            case .value(let object): first = literal(object, in: graph)
            case .node(let id): first = term(id, .object)
            case .list(let inner): first = list(inner, in: graph)
            }
            if let first { write(nodes[position], .iri(rdfNS + "first"), first, in: graph) }
            let rest: RDFTerm = position + 1 < nodes.count ? nodes[position + 1] : .iri(rdfNS + "nil")
            write(nodes[position], .iri(rdfNS + "rest"), rest, in: graph)
        }
        return nodes[0]
    }

    /// The term of a value object (§8.1.3, "object to RDF"), or nil if it has none; a base direction kept as a
    /// compound literal writes the literal's node.
    private mutating func literal(_ object: JSONObject, in graph: Graph) -> RDFTerm? {
        guard let value = object["@value"] else { return nil }
        var datatype = object["@type"]?.stringValue
        let language = object["@language"]?.stringValue
        if let dt = datatype, dt != "@json", !IRI.isWellFormed(dt) {
            drop(.datatype, dt)
            return nil
        }
        if let language, !isWellFormedLanguage(language) {
            drop(.languageTag, language)
            return nil
        }
        var lexical: String
        if datatype == "@json" {
            lexical = JCS.canonicalize(value)
            datatype = rdfNS + "JSON"
        } else {
            switch value {
            case .bool(let b):
                lexical = b ? "true" : "false"
                if datatype == nil { datatype = xsdNS + "boolean" }
            case .number(let n):
                let d = n.doubleValue
                if d.rounded(.towardZero) != d || abs(d) >= 1e21 || datatype == xsdNS + "double" {
                    lexical = canonicalDouble(d)
                    if datatype == nil { datatype = xsdNS + "double" }
                } else {
                    lexical = JCS.numberText(d)
                    if datatype == nil { datatype = xsdNS + "integer" }
                }
            case .string(let s):
                lexical = s
            default:
                return nil
            }
        }
        if let direction = object["@direction"]?.stringValue, let mode = options.rdfDirection {
            if mode == .i18nDatatype {
                let dt = "https://www.w3.org/ns/i18n#" + (language?.lowercased() ?? "") + "_" + direction
                return .literal(RDFLiteral(lexical, datatype: dt))
            }
            if mode == .compoundLiteral {
                let node = freshBlankNode()
                write(node, .iri(rdfNS + "value"), .literal(RDFLiteral(lexical)), in: graph)
                if let language {
                    write(node, .iri(rdfNS + "language"), .literal(RDFLiteral(language.lowercased())), in: graph)
                }
                write(node, .iri(rdfNS + "direction"), .literal(RDFLiteral(direction)), in: graph)
                return node
            }
        }
        if let language, datatype == nil {
            return .literal(RDFLiteral(lexical, language: language))
        }
        return .literal(RDFLiteral(lexical, datatype: datatype ?? xsdString))
    }

    private mutating func write(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm, in graph: Graph) {
        quads.append(RDFQuad(subject, predicate, object, graph: graph.term))
    }

    /// The predicate term of `property`, or nil: keywords and (unless generalized RDF is asked for) blank nodes
    /// write nothing, and anything else that is not a well-formed IRI is dropped.
    private mutating func predicate(_ property: String) -> RDFTerm? {
        if isKeyword(property) { return nil }
        if property.scalarHasPrefix("_:"), !options.produceGeneralizedRdf { return nil }
        return term(property, .property)
    }

    /// The term of a node id (a blank node or a well-formed IRI); anything else is dropped, as `kind`.
    private mutating func term(_ id: String, _ kind: DroppedRDFValue.Kind) -> RDFTerm? {
        if id.scalarHasPrefix("_:") { return .blankNode(id.scalarDropFirst(2)) }
        if IRI.isWellFormed(id) { return .iri(id) }
        drop(kind, id)
        return nil
    }

    /// The graph a node's `@graph` makes, named by the node's id.
    private mutating func namedGraph(_ id: String) -> Graph {
        if id == "@default" { return .default }
        if id.scalarHasPrefix("_:") { return Graph(name: id, term: .blankNode(id.scalarDropFirst(2)), isWritten: true) }
        if IRI.isWellFormed(id) { return Graph(name: id, term: .iri(id), isWritten: true) }
        drop(.graphName, id)
        return Graph(name: id, term: nil, isWritten: false)
    }

    /// The new label of the input blank node `old`, the same each time.
    private mutating func blankNode(_ old: String) -> String {
        let key = CodePointString(old)
        if let new = relabelled[key] { return new }
        let new = "_:" + freshLabel()
        relabelled[key] = new
        return new
    }

    private mutating func freshBlankNode() -> RDFTerm { .blankNode(freshLabel()) }

    /// A blank node label not issued before (without `_:`).
    private mutating func freshLabel() -> String {
        defer { counter += 1 }
        return "b" + String(counter)
    }

    private mutating func drop(_ kind: DroppedRDFValue.Kind, _ value: String) {
        guard droppedOnce.insert(DroppedKey(kind: kind, value: CodePointString(value))).inserted else { return }
        dropped.append(DroppedRDFValue(kind: kind, value: value))
    }
}

/// BCP 47-ish well-formedness as used by JSON-LD toRdf.
func isWellFormedLanguage(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (1...8).contains(first.count), first.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII })
    else { return false }
    return parts.dropFirst().allSatisfy { p in
        (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}

/// Canonical xsd:double lexical form as produced by JSON-LD processors (`1.1E0`, `1.0E21`).
func canonicalDouble(_ d: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 48)
    _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%.15e", $0) }
    let s = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let e = s.firstIndex(of: "e") else { return s }
    var mantissa = String(s[..<e])
    let exp = Int(s[s.index(after: e)...]) ?? 0
    while mantissa.hasSuffix("0") { mantissa.removeLast() }
    if mantissa.hasSuffix(".") { mantissa += "0" }
    return mantissa + "E" + String(exp)
}

extension JSONLDProcessor {
    /// Expands `input`, converts it to RDF and canonicalizes it with RDFC-1.0 (what Data Integrity `*-rdfc-*` suites hash),
    /// with `canonicalizer` or, by default, ``canonicalizer``. Adds the Hash N-Degree Quads calls made to
    /// ``canonicalizationCalls``.
    package func canonicalize(_ input: JSONValue, canonicalizer: RDFCanonicalizer? = nil) throws -> CanonicalizedDataset {
        let dataset = try (canonicalizer ?? self.canonicalizer).canonicalize(toRDF(input))
        canonicalizationCalls += dataset.hashNDegreeQuadsCalls
        return dataset
    }
}

/// JSON values compared as their JCS forms would be: strings and keys by code points, numbers by value, objects
/// regardless of key order (without building the JCS text).
enum ExactJSON {
    /// Whether `a` and `b` have the same JCS form; with `ordered`, also their keys in the same order and numbers
    /// with the same text (the same document, as written).
    static func equal(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)):
            return ordered ? CodePointString(x.text) == CodePointString(y.text) : x.doubleValue == y.doubleValue
        case (.string(let x), .string(let y)): return CodePointString(x) == CodePointString(y)
        case (.array(let x), .array(let y)):
            // Copies of one document share their unchanged parts: those need no walk.
            return sharesBuffer(x, y) || (x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, ordered: ordered) })
        case (.object(let x), .object(let y)):
            if x.sharesStorage(with: y) { return true }
            guard x.count == y.count else { return false }
            if ordered, !zip(x.keys, y.keys).allSatisfy({ CodePointString($0) == CodePointString($1) }) { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other, ordered: ordered) else { return false }
            }
            return true
        default: return false
        }
    }
}
