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

    /// Deserializes an already expanded document to RDF (§8.1.2).
    package func toRDF(expanded: [JSONValue]) throws -> RDFDataset {
        droppedRDFValues = []
        let builder = NodeMapBuilder()
        var noList: [JSONValue]? = nil
        try builder.generate(.array(expanded), "@default", nil, nil, &noList)
        var quads: [RDFQuad] = []
        var bnodeCounter = builder.counter
        // Code point order is the order of UTF-8 bytes.
        func byCodePoints(_ a: CodePointString, _ b: CodePointString) -> Bool { codePointPrecedes(a.string, b.string) }
        for graphKey in builder.graphs.keys.sorted(by: byCodePoints) {
            let graphName = graphKey.string
            let graph = builder.graphs[graphKey]!
            var graphTerm: RDFTerm?
            if graphName != "@default" {
                if graphName.scalarHasPrefix("_:") {
                    graphTerm = .blankNode(graphName.scalarDropFirst(2))
                } else if IRI.isWellFormed(graphName) {
                    graphTerm = .iri(graphName)
                } else {
                    droppedRDFValues.append(DroppedRDFValue(kind: .graphName, value: graphName))
                    continue
                }
            }
            for subjectKey in graph.keys.sorted(by: byCodePoints) {
                let subject = subjectKey.string
                guard let s = nodeTerm(subject) else {
                    droppedRDFValues.append(DroppedRDFValue(kind: .subject, value: subject))
                    continue
                }
                let node = graph[subjectKey]!.properties
                for property in node.keys.sorted(by: codePointPrecedes) {
                    let values = node[property]!
                    if property == "@type" {
                        for t in values.asArray {
                            if let ts = t.stringValue, let o = nodeTerm(ts) {
                                quads.append(RDFQuad(s, .iri(rdfType), o, graph: graphTerm))
                            } else {
                                droppedRDFValues.append(DroppedRDFValue(kind: .type, value: t.stringValue ?? "\(t)"))
                            }
                        }
                        continue
                    }
                    if isKeyword(property) { continue }
                    if property.scalarHasPrefix("_:"), !options.produceGeneralizedRdf { continue }
                    guard let p = nodeTerm(property) else {
                        droppedRDFValues.append(DroppedRDFValue(kind: .property, value: property))
                        continue
                    }
                    for item in values.asArray {
                        var listTriples: [RDFQuad] = []
                        if let o = try objectToRDF(item, &listTriples, graphTerm, &bnodeCounter) {
                            quads.append(RDFQuad(s, p, o, graph: graphTerm))
                        }
                        quads.append(contentsOf: listTriples)
                    }
                }
            }
        }
        return RDFDataset(quads)
    }

    private func objectTerm(_ id: String) -> RDFTerm? {
        if let t = nodeTerm(id) { return t }
        droppedRDFValues.append(DroppedRDFValue(kind: .object, value: id))
        return nil
    }

    private func nodeTerm(_ id: String) -> RDFTerm? {
        if id.scalarHasPrefix("_:") { return .blankNode(id.scalarDropFirst(2)) }
        if IRI.isWellFormed(id) { return .iri(id) }
        return nil
    }

    private func objectToRDF(_ item: JSONValue, _ listTriples: inout [RDFQuad], _ graph: RDFTerm?, _ counter: inout Int) throws
        -> RDFTerm?
    {
        guard case .object(let o) = item else { return nil }
        if let list = o["@list"] {
            return try listToRDF(list.asArray, &listTriples, graph, &counter)
        }
        guard let value = o["@value"] else {
            guard let id = o["@id"]?.stringValue else { return nil }
            return objectTerm(id)
        }
        var datatype = o["@type"]?.stringValue
        let language = o["@language"]?.stringValue
        if let dt = datatype, dt != "@json", !IRI.isWellFormed(dt) {
            droppedRDFValues.append(DroppedRDFValue(kind: .datatype, value: dt))
            return nil
        }
        if let language, !isWellFormedLanguage(language) {
            droppedRDFValues.append(DroppedRDFValue(kind: .languageTag, value: language))
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
        if let direction = o["@direction"]?.stringValue, let mode = options.rdfDirection {
            if mode == .i18nDatatype {
                let dt = "https://www.w3.org/ns/i18n#" + (language?.lowercased() ?? "") + "_" + direction
                return .literal(RDFLiteral(lexical, datatype: dt))
            }
            if mode == .compoundLiteral {
                let b = RDFTerm.blankNode("b" + String(counter))
                counter += 1
                listTriples.append(RDFQuad(b, .iri(rdfNS + "value"), .literal(RDFLiteral(lexical)), graph: graph))
                if let language {
                    listTriples.append(RDFQuad(b, .iri(rdfNS + "language"), .literal(RDFLiteral(language.lowercased())), graph: graph))
                }
                listTriples.append(RDFQuad(b, .iri(rdfNS + "direction"), .literal(RDFLiteral(direction)), graph: graph))
                return b
            }
        }
        if let language, datatype == nil {
            return .literal(RDFLiteral(lexical, language: language))
        }
        return .literal(RDFLiteral(lexical, datatype: datatype ?? xsdString))
    }

    private func listToRDF(_ list: [JSONValue], _ triples: inout [RDFQuad], _ graph: RDFTerm?, _ counter: inout Int) throws -> RDFTerm {
        if list.isEmpty { return .iri(rdfNS + "nil") }
        var nodes: [RDFTerm] = []
        for _ in list {
            nodes.append(.blankNode("b" + String(counter)))
            counter += 1
        }
        for (i, item) in list.enumerated() {
            var embedded: [RDFQuad] = []
            if let o = try objectToRDF(item, &embedded, graph, &counter) {
                triples.append(RDFQuad(nodes[i], .iri(rdfNS + "first"), o, graph: graph))
            }
            let rest: RDFTerm = i + 1 < nodes.count ? nodes[i + 1] : .iri(rdfNS + "nil")
            triples.append(RDFQuad(nodes[i], .iri(rdfNS + "rest"), rest, graph: graph))
            triples.append(contentsOf: embedded)
        }
        return nodes[0]
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
    let s = String(cString: buffer)
    guard let e = s.firstIndex(of: "e") else { return s }
    var mantissa = String(s[..<e])
    let exp = Int(s[s.index(after: e)...]) ?? 0
    while mantissa.hasSuffix("0") { mantissa.removeLast() }
    if mantissa.hasSuffix(".") { mantissa += "0" }
    return mantissa + "E" + String(exp)
}

/// Node map generation (§7.2.2).
final class NodeMapBuilder {
    /// The keywords of a node object that `generate` handles before its properties.
    static let handledKeywords: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    enum Subject {
        /// A node's id, with its node in the active graph (nodes are made once and never replaced).
        case id(String, Node)
        case reverse(JSONValue)
    }

    /// A node of the node map; a class so that appending values is in place (linear in the input size).
    final class Node {
        /// Each property's values (an array), by property IRI compared by code points: a node has few properties,
        /// which `JSONObject` finds by comparing bytes (and through a hashed index when there are many).
        var properties = JSONObject()
        /// Values already present, compared exactly (code points, as their JCS forms would be; Swift's String
        /// equality would merge canonically equivalent strings that JSON-LD keeps apart), for properties with
        /// more than a few values.
        var seen: [CodePointString: Set<ExactJSON>] = [:]
        var index: JSONValue?
    }

    /// Graph name → subject → node, keyed by code points (Swift's String equality would merge canonically
    /// equivalent IRIs into one node).
    var graphs: [CodePointString: [CodePointString: Node]] = [CodePointString("@default"): [:]]
    var relabel: [CodePointString: String] = [:]
    var counter = 0

    func blankNode(_ old: String?) -> String {
        if let old, let n = relabel[CodePointString(old)] { return n }
        let n = "_:b" + String(counter)
        counter += 1
        if let old { relabel[CodePointString(old)] = n }
        return n
    }

    private func addUnique(_ node: Node, _ property: String, _ value: JSONValue) {
        if isNew(value, in: node, property) { node.properties.append(value, to: property) }
    }

    /// Whether `value` is not among the values of `node`'s `property` yet. (A function of its own, so that its view
    /// of the values ends before they are appended to in place.)
    private func isNew(_ value: JSONValue, in node: Node, _ property: String) -> Bool {
        let existing = node.properties[property]?.asArray ?? []
        // A few values are compared one by one; past 8, through a set of them, kept with the node.
        guard existing.count >= 8 else { return !existing.contains { ExactJSON.equal($0, value) } }
        let p = CodePointString(property)
        if node.seen[p] == nil { node.seen[p] = Set(existing.map(ExactJSON.init)) }
        return node.seen[p]!.insert(ExactJSON(value)).inserted
    }

    private func appendValue(_ node: Node, _ property: String, _ value: JSONValue) {
        node.properties.append(value, to: property)
    }

    func generate(
        _ element: JSONValue, _ activeGraph: String, _ activeSubject: Subject?, _ activeProperty: String?,
        _ list: inout [JSONValue]?
    ) throws {
        if case .array(let items) = element {
            for item in items { try generate(item, activeGraph, activeSubject, activeProperty, &list) }
            return
        }
        guard case .object(let o) = element else { return }
        let graphKey = CodePointString(activeGraph)
        if graphs[graphKey] == nil { graphs[graphKey] = [:] }
        // Blank node types are relabelled first (the order identifiers are issued in); a value object keeps its
        // @type as it is (a datatype).
        let types = o["@type"].map { t in
            t.asArray.map { x -> JSONValue in
                if let s = x.stringValue, s.scalarHasPrefix("_:") { return .string(blankNode(s)) }
                return x
            }
        }
        if o["@value"] != nil {
            if list != nil {
                list!.append(.object(o))
            } else if case .id(_, let subject)? = activeSubject, let activeProperty {
                addUnique(subject, activeProperty, .object(o))
            }
            return
        }
        if let l = o["@list"] {
            var sub: [JSONValue]? = []
            try generate(l, activeGraph, activeSubject, activeProperty, &sub)
            let result = JSONValue.object(JSONObject([("@list", .array(sub ?? []))]))
            if list != nil {
                list!.append(result)
            } else if case .id(_, let subject)? = activeSubject, let activeProperty {
                appendValue(subject, activeProperty, result)
            }
            return
        }
        var id: String
        if let s = o["@id"]?.stringValue {
            id = s.scalarHasPrefix("_:") ? blankNode(s) : s
        } else if o["@id"] != nil {
            return
        } else {
            id = blankNode(nil)
        }
        let idKey = CodePointString(id)
        let node: Node
        if let existing = graphs[graphKey]![idKey] {
            node = existing
        } else {
            node = Node()
            graphs[graphKey]![idKey] = node
        }
        switch activeSubject {
        case .reverse(let ref)?:
            if let activeProperty { addUnique(node, activeProperty, ref) }
        case .id(_, let subject)?:
            if let activeProperty {
                let reference = JSONValue.object(JSONObject("@id", .string(id)))
                if list != nil { list!.append(reference) } else { addUnique(subject, activeProperty, reference) }
            }
        case nil:
            if activeProperty != nil, list != nil {
                list!.append(.object(JSONObject("@id", .string(id))))
            }
        }
        if let types {
            for x in types { addUnique(node, "@type", x) }
        }
        if let ix = o["@index"] {
            if let existing = node.index, existing != ix { throw JSONLDError(.conflictingIndexes) }
            node.index = ix
        }
        var none: [JSONValue]? = nil
        if case .object(let rev) = o["@reverse"] ?? .null {
            let ref = JSONValue.object(JSONObject("@id", .string(id)))
            for p in rev.keys {
                for v in rev[p]!.asArray { try generate(v, activeGraph, .reverse(ref), p, &none) }
            }
        }
        if let g = o["@graph"] { try generate(g, id, nil, nil, &none) }
        if let inc = o["@included"] { try generate(inc, activeGraph, nil, nil, &none) }
        for property in o.keys.sorted() {
            if property.utf8.first == UInt8(ascii: "@"), Self.handledKeywords.contains(property) { continue }
            let value = o[property]!
            let p = property.scalarHasPrefix("_:") ? blankNode(property) : property
            if node.properties[p] == nil { node.properties[p] = .array([]) }
            try generate(value, activeGraph, .id(id, node), p, &none)
        }
    }
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

/// A JSON value compared as its JCS form would be: strings and keys by code points, numbers by value, objects
/// regardless of key order (without building the JCS text).
struct ExactJSON: Hashable {
    let value: JSONValue
    init(_ value: JSONValue) { self.value = value }

    static func == (a: ExactJSON, b: ExactJSON) -> Bool { equal(a.value, b.value) }

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

    func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n.doubleValue == 0 ? 0 : n.doubleValue)
        case .string(let s): hasher.combine(CodePointString(s))
        case .array(let items):
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let object):
            // Order-independent: the size and the identifying members of node and value objects.
            hasher.combine(object.count)
            for key in ["@id", "@value", "@type", "@language"] {
                if let member = object[key] { hash(member, into: &hasher) }
            }
        }
    }
}
