import JSONLD
import OpenBadgesModel

/// The compiled form: a flat table of nodes, subschemas and `$ref` targets by number (cycles are plain numbers).
///
/// Evaluation reads every node through these arrays, laid out one node after another, rather than through one object
/// per node: objects and their keyword arrays lie scattered over the heap, and a validation visits hundreds of nodes,
/// most of them not in the cache. Nothing here is reference-counted per node, so two threads validating at once do
/// not contend for counts either.
struct Program: Sendable {
    let root: Int
    let rootID: String?
    /// Every node's keywords, one node after another; node `n`'s are `keywords[keywordStarts[n]..<keywordStarts[n + 1]]`.
    let keywords: [Keyword]
    let keywordStarts: [Int32]
    /// Each node's ``Node/constant``: -1 for a schema object, 0 for `false`, 1 for `true`.
    let constants: [Int8]
    /// Each node's ``Node/pointer``, read only to report a violation.
    let pointers: [String]

    init(nodes: [Node], root: Int, rootID: String?) {
        self.root = root
        self.rootID = rootID
        keywords = nodes.flatMap(\.keywords)
        var starts: [Int32] = [0]
        starts.reserveCapacity(nodes.count + 1)
        for node in nodes { starts.append(starts[starts.count - 1] + Int32(node.keywords.count)) }
        keywordStarts = starts
        constants = nodes.map { $0.constant.map { $0 ? 1 : 0 } ?? -1 }
        pointers = nodes.map(\.pointer)
    }
}

/// One schema at one place in the document, as the compiler builds it (``Program`` lays the nodes out flat).
struct Node {
    /// JSON pointer of the schema in the document (escaped).
    let pointer: String
    /// `true`/`false` for boolean schemas, else nil.
    let constant: Bool?
    /// The compiled keywords, in the schema object's member order.
    let keywords: [Keyword]
}

/// JSON types as named by `type`.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array), ("number", .number), ("string", .string), ("integer", .integer),
    ]
}

/// A compiled keyword. Keywords that work together (`items`/`additionalItems`, `contains`/`minContains`/`maxContains`,
/// `if`/`then`/`else`, `additionalProperties` with `properties`/`patternProperties`) are compiled as one.
enum Keyword: Sendable {
    case type(TypeSet, written: String)
    /// The properties in schema order, and each name's position (code points) to find an instance's few members fast.
    case properties([(name: String, node: Int)], index: CodePointKeys)
    case patternProperties([(pattern: CompiledPattern, node: Int)])
    case additionalProperties(node: Int, known: CodePointKeys, patterns: [CompiledPattern])
    case propertyNames(Int)
    case required([String])
    case dependentRequired([(name: String, required: [String])])
    case dependentSchemas([(name: String, node: Int)])
    case minProperties(Int)
    case maxProperties(Int)
    case items(Int)
    case tupleItems([Int], additional: Int?)
    case contains(Int, min: Int, max: Int?)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case format(Format)
    case enumeration([JSONValue])
    case const(JSONValue)
    case minimum(Double, text: String)
    case maximum(Double, text: String)
    case exclusiveMinimum(Double, text: String)
    case exclusiveMaximum(Double, text: String)
    case multipleOf(JSONNumber)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case ref(Int)

    /// The keyword's name in violations and keyword locations.
    var name: String {
        switch self {
        case .type: return "type"
        case .properties: return "properties"
        case .patternProperties: return "patternProperties"
        case .additionalProperties: return "additionalProperties"
        case .propertyNames: return "propertyNames"
        case .required: return "required"
        case .dependentRequired: return "dependentRequired"
        case .dependentSchemas: return "dependentSchemas"
        case .minProperties: return "minProperties"
        case .maxProperties: return "maxProperties"
        case .items, .tupleItems: return "items"
        case .contains: return "contains"
        case .minItems: return "minItems"
        case .maxItems: return "maxItems"
        case .uniqueItems: return "uniqueItems"
        case .minLength: return "minLength"
        case .maxLength: return "maxLength"
        case .pattern: return "pattern"
        case .format: return "format"
        case .enumeration: return "enum"
        case .const: return "const"
        case .minimum: return "minimum"
        case .maximum: return "maximum"
        case .exclusiveMinimum: return "exclusiveMinimum"
        case .exclusiveMaximum: return "exclusiveMaximum"
        case .multipleOf: return "multipleOf"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        case .ref: return "$ref"
        }
    }
}

/// The 2019-09 meta-schema URI accepted in `$schema` (with or without an empty fragment).
let draft201909 = "https://json-schema.org/draft/2019-09/schema"

/// Keywords the compiler accepts. Anything else fails compilation.
let supportedKeywords: Set<String> = [
    // Core.
    "$schema", "$id", "$anchor", "$ref", "$defs", "definitions", "$comment",
    // Applicators.
    "properties", "patternProperties", "additionalProperties", "propertyNames", "items", "additionalItems", "contains",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
    // Validation.
    "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
    "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
    "minProperties", "required", "dependentRequired",
    // Format (date-time and date asserted, others annotations).
    "format",
    // Annotations only.
    "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
]

/// Keywords whose value is one subschema, an array of subschemas, or an object of subschemas.
private let singleSchemaKeywords: [String] = ["additionalProperties", "propertyNames", "additionalItems", "contains", "not", "if", "then", "else"]
private let schemaArrayKeywords: [String] = ["allOf", "anyOf", "oneOf"]
private let schemaMapKeywords: [String] = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]

/// Every supported keyword, with the place indexing visits it in when its value holds subschemas (the single-schema
/// keywords, `items`, the schema arrays, then the schema maps, in the lists' order), or nil.
private let indexingOrder: [String: Int?] = {
    var table: [String: Int?] = Dictionary(uniqueKeysWithValues: supportedKeywords.map { ($0, nil) })
    for (place, key) in (singleSchemaKeywords + ["items"] + schemaArrayKeywords + schemaMapKeywords).enumerated() { table[key] = place }
    return table
}()

/// Nesting of schema objects beyond which compilation refuses the schema (stack safety).
let maximumSchemaNesting = 512

struct Compiler {
    /// Base URI of a document without `$id` (never fetched; only a key for local references).
    static let defaultBase = "urn:x-badgebaking:json-schema:document"

    let root: JSONValue
    /// Absolute URI (no fragment) → pointer of the schema resource.
    var resources: [String: String] = [:]
    /// `uri#anchor` → pointer.
    var anchors: [String: String] = [:]
    /// Pointer → (value, base URI before the schema's own `$id`) for every schema location found by indexing.
    var located: [String: (value: JSONValue, parentBase: String)] = [:]
    var nodes: [Node?] = []
    var indexOf: [String: Int] = [:]
    /// Nodes to build; `indexed` is false for a `$ref` target that indexing had not reached when it was reserved.
    var queue: [(index: Int, pointer: String, value: JSONValue, parentBase: String, indexed: Bool)] = []
    var patterns: [String: CompiledPattern] = [:]
    /// Node index of each `$ref` already resolved, by reference text and base (a `$ref` is repeated often).
    var resolvedReferences: [ReferenceKey: Int] = [:]

    /// A `$ref` as written and the base URI it is resolved against, compared by code points.
    struct ReferenceKey: Hashable {
        /// The `$ref` value as written.
        let reference: CodePointString
        /// The base URI in effect where it is written.
        let base: CodePointString
    }

    static func compile(_ json: JSONValue) throws(JSONSchemaError) -> Program {
        var c = Compiler(root: json)
        try c.index(json, pointer: "", parentBase: defaultBase, depth: 0)
        c.nodes.reserveCapacity(c.located.count)
        c.indexOf.reserveCapacity(c.located.count)
        let rootIndex = c.reserve(pointer: "", value: json, parentBase: defaultBase)
        while let item = c.queue.popLast() {
            c.nodes[item.index] = try c.build(item.value, pointer: item.pointer, parentBase: item.parentBase, indexed: item.indexed)
        }
        var rootID: String? = nil
        if case .object(let o) = json, case .string(let id)? = o["$id"] {
            // An absolute `$id` is normalized (dot segments, empty fragment); a relative one is kept as written.
            rootID = SchemaReference.split(IRI.isAbsolute(id) ? SchemaReference.resolve(id, against: defaultBase) : id).resource
        }
        return Program(nodes: c.nodes.map { $0! }, root: rootIndex, rootID: rootID)
    }

    // MARK: Indexing: `$id`, `$anchor`, and the keyword check of every schema object in the document.

    mutating func index(_ value: JSONValue, pointer: String, parentBase: String, depth: Int) throws(JSONSchemaError) {
        guard depth <= maximumSchemaNesting else {
            throw .invalidSchema(keyword: "", location: pointer, reason: "schemas nested more than \(maximumSchemaNesting) deep")
        }
        if located[pointer] != nil { return }
        located[pointer] = (value, parentBase)
        switch value {
        case .bool: return
        case .object: break
        default: throw .invalidSchema(keyword: "", location: pointer, reason: "a schema must be an object or a boolean")
        }
        guard case .object(let o) = value else { return }
        // One pass over the members: refuse an unknown keyword, note `$schema`, `$id`, `$anchor`, and collect the
        // members that hold subschemas, which are then visited in `indexingOrder`.
        var schemaValue: JSONValue? = nil
        var idValue: JSONValue? = nil
        var anchorValue: JSONValue? = nil
        var subschemas: [(place: Int, key: String, value: JSONValue)] = []
        for (key, member) in o {
            guard let place = indexingOrder[key] else {
                throw .unsupportedKeyword(keyword: key, location: pointer, reason: "not implemented by this validator")
            }
            if let place {
                subschemas.append((place, key, member))
            } else if key == "$schema" {
                schemaValue = member
            } else if key == "$id" {
                idValue = member
            } else if key == "$anchor" {
                anchorValue = member
            }
        }
        subschemas.sort { $0.place < $1.place }
        if let s = schemaValue {
            guard case .string(let uri) = s else { throw .invalidSchema(keyword: "$schema", location: pointer, reason: "must be a string") }
            let trimmed = uri.hasSuffix("#") ? String(uri.dropLast()) : uri
            guard trimmed == draft201909 else {
                throw .unsupportedKeyword(keyword: "$schema", location: pointer, reason: "dialect \(uri) (only \(draft201909) is supported)")
            }
        }
        var base = parentBase
        if let idValue {
            guard case .string(let id) = idValue else { throw .invalidSchema(keyword: "$id", location: pointer, reason: "must be a string") }
            let resolved = SchemaReference.split(SchemaReference.resolve(id, against: base))
            if let f = resolved.fragment, !f.isEmpty {
                throw .invalidSchema(keyword: "$id", location: pointer, reason: "must not have a non-empty fragment (use $anchor)")
            }
            base = resolved.resource
            if resources[base] == nil { resources[base] = pointer }
        } else if pointer.isEmpty {
            resources[base] = pointer
        }
        if let a = anchorValue {
            guard case .string(let name) = a, Self.isAnchorName(name) else {
                throw .invalidSchema(keyword: "$anchor", location: pointer, reason: "must be a plain name ([A-Za-z][-A-Za-z0-9.:_]*)")
            }
            if anchors[base + "#" + name] == nil { anchors[base + "#" + name] = pointer }
        }
        for (_, key, v) in subschemas {
            if singleSchemaKeywords.contains(key) {
                try index(v, pointer: pointer + "/" + escapePointerToken(key), parentBase: base, depth: depth + 1)
            } else if key == "items" {
                if case .array(let list) = v {
                    for (i, s) in list.enumerated() { try index(s, pointer: pointer + "/items/\(i)", parentBase: base, depth: depth + 1) }
                } else {
                    try index(v, pointer: pointer + "/items", parentBase: base, depth: depth + 1)
                }
            } else if schemaArrayKeywords.contains(key) {
                guard case .array(let list) = v, !list.isEmpty else {
                    throw .invalidSchema(keyword: key, location: pointer, reason: "must be a non-empty array of schemas")
                }
                for (i, s) in list.enumerated() { try index(s, pointer: pointer + "/\(key)/\(i)", parentBase: base, depth: depth + 1) }
            } else {
                guard case .object(let map) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be an object of schemas") }
                for (name, s) in map {
                    try index(s, pointer: pointer + "/" + escapePointerToken(key) + "/" + escapePointerToken(name), parentBase: base, depth: depth + 1)
                }
            }
        }
    }

    static func isAnchorName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-.:_".unicodeScalars.contains($0)
        }
    }

    // MARK: Building nodes.

    /// The node index for the schema at `pointer`, queued for building the first time.
    mutating func reserve(pointer: String, value: JSONValue, parentBase: String, indexed: Bool = true) -> Int {
        if let i = indexOf[pointer] { return i }
        let i = nodes.count
        nodes.append(nil)
        indexOf[pointer] = i
        queue.append((i, pointer, value, parentBase, indexed))
        return i
    }

    mutating func child(_ value: JSONValue, _ pointer: String, base: String) -> Int {
        reserve(pointer: pointer, value: value, parentBase: base)
    }

    /// Compiles the schema at `pointer` into a node, reserving its subschemas; `indexed` is false when indexing may
    /// not have reached it (a `$ref` target), which is then indexed first.
    mutating func build(_ value: JSONValue, pointer: String, parentBase: String, indexed: Bool) throws(JSONSchemaError) -> Node {
        // A `$ref` may point at a location indexing never reached (inside an unknown or annotation keyword).
        if !indexed, located[pointer] == nil { try index(value, pointer: pointer, parentBase: parentBase, depth: 0) }
        let o: JSONObject
        switch value {
        case .bool(let b): return Node(pointer: pointer, constant: b, keywords: [])
        case .object(let obj): o = obj
        default: throw .invalidSchema(keyword: "", location: pointer, reason: "a schema must be an object or a boolean")
        }
        var base = parentBase
        if case .string(let id)? = o["$id"] { base = SchemaReference.split(SchemaReference.resolve(id, against: base)).resource }
        func at(_ key: String) -> String { pointer + "/" + escapePointerToken(key) }
        var keywords: [Keyword] = []
        for (key, v) in o {
            switch key {
            case "type":
                var set = TypeSet()
                for t in v.asArray {
                    guard case .string(let name) = t, let type = TypeSet.names.first(where: { $0.0 == name })?.1 else {
                        throw .invalidSchema(keyword: key, location: pointer, reason: "unknown type \(t)")
                    }
                    set.insert(type)
                }
                let written = v.asArray.compactMap(\.stringValue).joined(separator: ", ")
                keywords.append(.type(set, written: written))
            case "properties":
                let loc = at(key)
                guard case .object(let map) = v else { continue }
                var list: [(name: String, node: Int)] = []
                for (name, s) in map { list.append((name, child(s, loc + "/" + escapePointerToken(name), base: base))) }
                keywords.append(.properties(list, index: CodePointKeys(list.map(\.name))))
            case "patternProperties":
                let loc = at(key)
                guard case .object(let map) = v else { continue }
                var list: [(pattern: CompiledPattern, node: Int)] = []
                for (p, s) in map { list.append((try pattern(p, at: loc), child(s, loc + "/" + escapePointerToken(p), base: base))) }
                keywords.append(.patternProperties(list))
            case "additionalProperties":
                let loc = at(key)
                let known = CodePointKeys(o["properties"]?.objectValue?.keys ?? [])
                var pats: [CompiledPattern] = []
                for p in o["patternProperties"]?.objectValue?.keys ?? [] { pats.append(try pattern(p, at: at("patternProperties"))) }
                keywords.append(.additionalProperties(node: child(v, loc, base: base), known: known, patterns: pats))
            case "propertyNames": keywords.append(.propertyNames(child(v, at(key), base: base)))
            case "required":
                keywords.append(.required(try stringArray(v, key, pointer)))
            case "dependentRequired":
                guard case .object(let map) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be an object") }
                var list: [(name: String, required: [String])] = []
                for (name, req) in map { list.append((name, try stringArray(req, key, pointer))) }
                keywords.append(.dependentRequired(list))
            case "dependentSchemas":
                let loc = at(key)
                guard case .object(let map) = v else { continue }
                var list: [(name: String, node: Int)] = []
                for (name, s) in map { list.append((name, child(s, loc + "/" + escapePointerToken(name), base: base))) }
                keywords.append(.dependentSchemas(list))
            case "minProperties": keywords.append(.minProperties(try count(v, key, pointer)))
            case "maxProperties": keywords.append(.maxProperties(try count(v, key, pointer)))
            case "items":
                let loc = at(key)
                if case .array(let list) = v {
                    var tuple: [Int] = []
                    for (i, s) in list.enumerated() { tuple.append(child(s, loc + "/\(i)", base: base)) }
                    var additional: Int? = nil
                    if let a = o["additionalItems"] { additional = child(a, at("additionalItems"), base: base) }
                    keywords.append(.tupleItems(tuple, additional: additional))
                } else {
                    keywords.append(.items(child(v, loc, base: base)))
                }
            case "contains":
                let loc = at(key)
                var min = 1
                var max: Int? = nil
                if let m = o["minContains"] { min = try count(m, "minContains", pointer) }
                if let m = o["maxContains"] { max = try count(m, "maxContains", pointer) }
                keywords.append(.contains(child(v, loc, base: base), min: min, max: max))
            case "minItems": keywords.append(.minItems(try count(v, key, pointer)))
            case "maxItems": keywords.append(.maxItems(try count(v, key, pointer)))
            case "uniqueItems":
                guard case .bool(let b) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be a boolean") }
                if b { keywords.append(.uniqueItems) }
            case "minLength": keywords.append(.minLength(try count(v, key, pointer)))
            case "maxLength": keywords.append(.maxLength(try count(v, key, pointer)))
            case "pattern":
                guard case .string(let p) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be a string") }
                keywords.append(.pattern(try pattern(p, at: pointer)))
            case "format":
                guard case .string(let f) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be a string") }
                if f == "date-time" { keywords.append(.format(.dateTime)) } else if f == "date" { keywords.append(.format(.date)) }
            case "enum":
                guard case .array(let list) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be an array") }
                keywords.append(.enumeration(list))
            case "const": keywords.append(.const(v))
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
                guard case .number(let n) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be a number") }
                switch key {
                case "minimum": keywords.append(.minimum(n.doubleValue, text: n.text))
                case "maximum": keywords.append(.maximum(n.doubleValue, text: n.text))
                case "exclusiveMinimum": keywords.append(.exclusiveMinimum(n.doubleValue, text: n.text))
                case "exclusiveMaximum": keywords.append(.exclusiveMaximum(n.doubleValue, text: n.text))
                default:
                    guard n.doubleValue > 0 else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be greater than 0") }
                    keywords.append(.multipleOf(n))
                }
            case "allOf", "anyOf", "oneOf":
                let loc = at(key)
                guard case .array(let list) = v else { continue }
                var nodes: [Int] = []
                for (i, s) in list.enumerated() { nodes.append(child(s, loc + "/\(i)", base: base)) }
                keywords.append(key == "allOf" ? .allOf(nodes) : key == "anyOf" ? .anyOf(nodes) : .oneOf(nodes))
            case "not": keywords.append(.not(child(v, at(key), base: base)))
            case "if":
                let loc = at(key)
                var then: Int? = nil
                var otherwise: Int? = nil
                if let t = o["then"] { then = child(t, at("then"), base: base) }
                if let e = o["else"] { otherwise = child(e, at("else"), base: base) }
                if then != nil || otherwise != nil { keywords.append(.conditional(if: child(v, loc, base: base), then: then, else: otherwise)) }
            case "$ref":
                guard case .string(let ref) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be a string") }
                keywords.append(.ref(try resolve(ref, base: base, at: pointer)))
            default:
                // $schema, $id, $anchor, $comment, $defs, definitions, annotations, and the keywords compiled with
                // their partner (then, else, additionalItems, minContains, maxContains).
                continue
            }
        }
        return Node(pointer: pointer, constant: nil, keywords: keywords)
    }

    mutating func pattern(_ p: String, at pointer: String) throws(JSONSchemaError) -> CompiledPattern {
        if let c = patterns[p] { return c }
        do {
            let c = try CompiledPattern(p)
            patterns[p] = c
            return c
        } catch {
            throw .unsupportedPattern(pattern: p, location: pointer, reason: error.reason)
        }
    }

    func count(_ v: JSONValue, _ key: String, _ pointer: String) throws(JSONSchemaError) -> Int {
        guard case .number(let n) = v, n.doubleValue >= 0, n.doubleValue == n.doubleValue.rounded() else {
            throw .invalidSchema(keyword: key, location: pointer, reason: "must be a non-negative integer")
        }
        return n.doubleValue >= Double(Int.max) ? Int.max : Int(n.doubleValue)
    }

    func stringArray(_ v: JSONValue, _ key: String, _ pointer: String) throws(JSONSchemaError) -> [String] {
        guard case .array(let list) = v else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be an array of strings") }
        return try list.map { (e: JSONValue) throws(JSONSchemaError) -> String in
            guard case .string(let s) = e else { throw .invalidSchema(keyword: key, location: pointer, reason: "must be an array of strings") }
            return s
        }
    }

    /// Resolves a `$ref` inside this document: a resource (by `$id`), then a JSON pointer or an anchor.
    mutating func resolve(_ ref: String, base: String, at pointer: String) throws(JSONSchemaError) -> Int {
        // Once resolved, the same reference against the same base names the same node (the resources, anchors and
        // locations it depends on are only ever added to, first one kept).
        let key = ReferenceKey(reference: CodePointString(ref), base: CodePointString(base))
        if let known = resolvedReferences[key] { return known }
        let resolved = try resolveAnew(ref, base: base, at: pointer)
        resolvedReferences[key] = resolved
        return resolved
    }

    /// ``resolve(_:base:at:)`` without the memo.
    mutating func resolveAnew(_ ref: String, base: String, at pointer: String) throws(JSONSchemaError) -> Int {
        let target = SchemaReference.split(SchemaReference.resolve(ref, against: base))
        let uri = target.resource
        guard let resourcePointer = resources[uri], let resource = located[resourcePointer] else {
            throw .unsupportedKeyword(keyword: "$ref", location: pointer, reason: "remote reference \(ref) (\(uri) is not in this document)")
        }
        let fragment = percentDecode(target.fragment ?? "")
        if fragment.isEmpty {
            return reserve(pointer: resourcePointer, value: resource.value, parentBase: resource.parentBase)
        }
        if fragment.hasPrefix("/") {
            var value = resource.value
            var path = resourcePointer
            for raw in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let token = raw.replacingTildes()
                switch value {
                case .object(let o):
                    guard let next = o[token] else { throw .unresolvableReference(ref: ref, location: pointer) }
                    value = next
                case .array(let a):
                    guard let i = Int(token), String(i) == token, i >= 0, i < a.count else { throw .unresolvableReference(ref: ref, location: pointer) }
                    value = a[i]
                default:
                    throw .unresolvableReference(ref: ref, location: pointer)
                }
                path += "/" + escapePointerToken(token)
            }
            // A location found by indexing keeps its lexical base; otherwise the resource's base applies.
            let found = located[path]
            return reserve(pointer: path, value: value, parentBase: found?.parentBase ?? uri, indexed: found != nil)
        }
        guard let anchored = anchors[uri + "#" + fragment], let found = located[anchored] else {
            throw .unresolvableReference(ref: ref, location: pointer)
        }
        return reserve(pointer: anchored, value: found.value, parentBase: found.parentBase)
    }
}

extension Substring {
    /// RFC 6901 unescaping of one reference token (`~1` → `/`, then `~0` → `~`).
    func replacingTildes() -> String {
        guard contains("~") else { return String(self) }
        var out = ""
        var it = unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "~" {
                switch it.next() {
                case "0"?: out += "~"
                case "1"?: out += "/"
                case let other?: out += "~"; out.unicodeScalars.append(other)
                case nil: out += "~"
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
