import JSONLD
import OpenBadgesModel

/// Whether a credential's JSON is the plain form of the data its Data Integrity proof signed.
///
/// An RDF-canonicalizing proof (`eddsa-rdfc-2022`, `Ed25519Signature2020`, …) signs the JSON-LD *dataset*, not the
/// JSON text, while every check and every wallet summary reads the JSON. JSON-LD offers many ways for the two to
/// differ: `@nest` moves a member to its parent, a value object holding only `@language` is dropped, an alias or an
/// inline context gives a signed property another name, `@included` and `@reverse` add nodes elsewhere. Rather
/// than banning keys, this walks the JSON and its own expansion (what was canonicalized and signed) side by side
/// and requires a one-to-one correspondence, structurally:
///
/// - every JSON member maps to a signed property *at the same place*, under a name that a published context
///   (bundled, or loaded through the caller's context loader) gives that property's IRI, with the same values in
///   the same order;
/// - every signed property and node appears in the JSON that way;
/// - no JSON-LD keyword other than `@context` appears in the JSON, so value objects, lists, graphs, nesting,
///   reverse properties and included nodes never stand where the models expect plain values.
///
/// A member that no context defines is dropped by expansion and unsigned; it is tolerated here (the
/// `undefinedTerms` check warns about it) unless its name is one that a published context defines, because the
/// models read those names.
struct SignedDataAgreement {
    /// The names of IRIs: the published contexts', plus new terms of the document's inline contexts.
    let vocabulary: JSONLDVocabulary
    /// Where the JSON and the signed data disagree, as `path: reason` (at most ``maximumReported``).
    private(set) var disagreements: [String] = []
    /// How many disagreements are kept for the report.
    static let maximumReported = 5
    /// Where the comparison is, as path components: a path is written only for a disagreement.
    private var location: [String] = []

    init(vocabulary: JSONLDVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Compares `document` (without its proofs) with its expansion.
    mutating func compare(document: JSONObject, expanded: [JSONValue]) {
        guard expanded.count == 1, let node = expanded[0].objectValue else {
            disagree("the document expands to \(expanded.count) top-level nodes, not one")
            return
        }
        compareNode(document, node)
    }

    /// Records a disagreement at the current location (and `component` below it, when given).
    private mutating func disagree(at component: String? = nil, _ reason: String) {
        guard disagreements.count < Self.maximumReported else { return }
        let components = location + (component.map { [$0] } ?? [])
        disagreements.append("\(components.isEmpty ? "/" : "/" + components.joined(separator: "/")): \(reason)")
    }

    /// Runs `body` one level down, at `component`.
    private mutating func at(_ component: String, _ body: (inout Self) -> Void) {
        location.append(component)
        body(&self)
        location.removeLast()
    }

    private func isProof(_ iri: String) -> Bool { vocabulary.isName("proof", of: iri) }

    /// Whether `name` (a JSON member name) starts with `@`, as every JSON-LD keyword does.
    private static func isKeywordLike(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: "@") }

    private static func isAbsent(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .array(let items): return items.allSatisfy(isAbsent)
        default: return false
        }
    }

    private mutating func compareNode(_ json: JSONObject, _ node: JSONObject) {
        // The node's members by position; `matched` marks those a JSON member stands for.
        let (iris, signedValues) = (node.keys, node.values)
        var matched = [Bool](repeating: false, count: iris.count)
        // Only data members (`isDataMember`: properties, the node's own @id and @type) can stand for a JSON member.
        // Each name the vocabulary gives them, with the position of the first IRI it names, in the node's order; a name that
        // more IRIs have keeps its further positions apart (rare).
        // Names compare by code points, as JSON member names do.
        // (Mostly one name per IRI: room for as many as there are IRIs.)
        var names = CodePointKeys(capacity: iris.count)
        var firstPositions: [Int] = []  // by name number
        firstPositions.reserveCapacity(iris.count)
        var furtherPositions: [Int: [Int]] = [:]  // by name number
        for (position, candidate) in iris.enumerated() where isDataMember(candidate) {
            vocabulary.forEachName(of: candidate) { name in
                let (number, inserted) = names.insert(name)
                if inserted {
                    firstPositions.append(position)
                } else if firstPositions[number] != position, furtherPositions[number]?.last != position {
                    // (A name can come twice for one IRI, as a term's and after a `@vocab`: kept once.)
                    furtherPositions[number, default: []].append(position)
                }
            }
        }
        func firstUnmatched(named key: String) -> Int? {
            guard let number = names.index(of: key) else { return nil }
            if !matched[firstPositions[number]] { return firstPositions[number] }
            return furtherPositions[number]?.first { !matched[$0] }
        }
        for (key, value) in json {
            if key == "@context" { continue }
            if key == "proof" {
                // Embedded proofs (of endorsements) are verified with the document they secure.
                if let position = iris.firstIndex(where: isProof) { matched[position] = true }
                continue
            }
            if Self.isKeywordLike(key) {
                disagree(at: key, "the JSON-LD keyword \(key) makes the JSON differ from the signed data")
                continue
            }
            guard let position = firstUnmatched(named: key) else {
                if Self.isAbsent(value) { continue }
                if vocabulary.names.contains(key) {
                    disagree(at: key, "the JSON shows \(key), but the signed data has no \(key) here")
                }
                continue
            }
            matched[position] = true
            let (iri, signed) = (iris[position], signedValues[position])
            at(key) { agreement in
                switch iri {
                case "@id":
                    if value.stringValue == nil || value.stringValue.map(CodePointString.init) != signed.stringValue.map(CodePointString.init) {
                        agreement.disagree("the JSON's id is not the signed id \(signed.stringValue ?? "?")")
                    }
                case "@type":
                    agreement.compareTypes(value, signed.asArray)
                default:
                    agreement.compareValues(value, signed.asArray)
                }
            }
        }
        for (position, key) in iris.enumerated() where !matched[position] && !isProof(key) {
            if !isDataMember(key) {
                disagree(at: key, "the signed data holds \(key) here, a JSON-LD construct the JSON does not show as plain data")
                continue
            }
            let name = vocabulary.names(of: key).sorted().first
            let shown = name.map { "\($0) (\(key))" } ?? key
            disagree(at: name ?? key, "the signed data has \(shown) here, which the JSON does not show under its published name")
        }
    }

    private mutating func compareTypes(_ json: JSONValue, _ signed: [JSONValue]) {
        let shown = json.asArray.compactMap(\.stringValue)
        guard shown.count == json.asArray.count, shown.count == signed.count,
            zip(shown, signed).allSatisfy({ name, iri in
                guard let iri = iri.stringValue else { return false }
                return CodePointString(iri) == CodePointString(name) || vocabulary.isName(name, of: iri)
            })
        else {
            disagree("the JSON's types \(shown) are not the signed types \(signed.compactMap(\.stringValue))")
            return
        }
    }

    /// Compares the JSON value of a member (one value, or an array of them; `null`s are absent) with its signed
    /// values.
    private mutating func compareValues(_ json: JSONValue, _ signedIn: [JSONValue]) {
        var signed = signedIn
        if signed.count == 1, let list = signed[0].objectValue?["@list"] { signed = list.asArray }
        let shown: [JSONValue]
        switch json {
        case .null: shown = []
        case .array(let items): shown = items.contains(where: \.isNull) ? items.filter { !$0.isNull } : items
        default:
            // One value, the usual case: compared as it is, without an array around it.
            guard signed.count == 1 else {
                disagree("the JSON shows 1 value(s), the signed data has \(signed.count)")
                return
            }
            compareValue(json, signed[0])
            return
        }
        guard shown.count == signed.count else {
            disagree("the JSON shows \(shown.count) value(s), the signed data has \(signed.count)")
            return
        }
        if shown.count == 1 {
            compareValue(shown[0], signed[0])
            return
        }
        for (index, (value, signedValue)) in zip(shown, signed).enumerated() {
            at(String(index)) { $0.compareValue(value, signedValue) }
        }
    }

    private mutating func compareValue(_ json: JSONValue, _ signed: JSONValue) {
        guard let object = signed.objectValue else {
            disagree("the signed value is not an expanded value")
            return
        }
        if let literal = object["@value"] {
            if object["@type"]?.stringValue == "@json" {
                if json != literal { disagree("the JSON literal differs from the signed one") }
                return
            }
            let same: Bool
            switch (json, literal) {
            case (.string(let a), .string(let b)): same = CodePointString(a) == CodePointString(b)
            case (.number(let a), .number(let b)): same = a == b
            case (.bool(let a), .bool(let b)): same = a == b
            default: same = false
            }
            if !same { disagree("the JSON shows \(Self.describe(json)), the signed data \(Self.describe(literal))") }
            return
        }
        if let graph = object["@graph"] {
            guard let shown = json.objectValue, graph.asArray.count == 1, let inner = graph.asArray[0].objectValue else {
                disagree("the signed data holds a graph the JSON does not show as one object")
                return
            }
            compareNode(shown, inner)
            return
        }
        if let text = json.stringValue {
            guard object.count == 1, let id = object["@id"]?.stringValue, CodePointString(id) == CodePointString(text) || vocabulary.isName(text, of: id)
            else {
                disagree("the JSON shows the text \(Self.describe(json)) where the signed data has a node")
                return
            }
            return
        }
        guard let shown = json.objectValue else {
            disagree("the JSON shows \(Self.describe(json)) where the signed data has a node")
            return
        }
        compareNode(shown, object)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "\"\(s.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(60))) + "…" : s)\""
        case .number(let n): return n.text
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
