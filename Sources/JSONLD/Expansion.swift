import RDFCanonicalization
import OpenBadgesModel

/// A key that expansion dropped because no context defines it (so it would not be signed), with its location.
package struct DroppedKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as written in the document.
    package let key: String
    /// Path of the object holding the key, as JSON Pointer-like segments from the document root.
    package let path: [String]
    package var description: String { "/" + (path + [key]).joined(separator: "/") }
}

/// One step of where expansion is in the input document: a member's key or an array item's index.
enum ExpansionSegment {
    case key(String)
    case index(Int)

    /// The segment as a path component (an index in decimal).
    var component: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

/// JSON-LD processing mode.
package enum JSONLDProcessingMode: String, Sendable, Hashable {
    /// JSON-LD 1.0 (`json-ld-1.0`).
    case jsonld10 = "json-ld-1.0"
    /// JSON-LD 1.1 (`json-ld-1.1`).
    case jsonld11 = "json-ld-1.1"
}

/// How toRdf keeps the base direction of strings (`rdfDirection` in the JSON-LD API).
package enum RDFDirectionMode: String, Sendable, Hashable {
    /// Datatype `https://www.w3.org/ns/i18n#{language}_{direction}`.
    case i18nDatatype = "i18n-datatype"
    /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
    case compoundLiteral = "compound-literal"
}

/// Options for JSON-LD processing.
package struct JSONLDOptions: Sendable {
    /// Base IRI of the document (defaults to the document URL when known).
    package var base: String?
    /// Loader for remote contexts. The default refuses all URLs (no network access).
    package var documentLoader: any DocumentLoader
    /// A context applied before the document's own (`expandContext` in the JSON-LD API).
    package var expandContext: JSONValue?
    /// `json-ld-1.1` (default) or `json-ld-1.0`.
    package var processingMode: JSONLDProcessingMode
    /// Maximum nesting depth of the input (arrays/objects) that expansion will follow.
    package var maximumDepth: Int
    /// Maximum chain of remote contexts loading other remote contexts (bounds hostile context graphs).
    package var maximumRemoteContextDepth: Int
    /// Maximum number of remote context documents loaded during one operation.
    package var maximumRemoteContextLoads: Int
    /// Bound on context-processing work in one operation: term definitions created plus contexts processed
    /// (including scoped contexts re-applied while expanding). Stops context graphs built to explode
    /// (e.g. scoped contexts that each include several others). Verifying the OB 3.0 corpus needs a few hundred.
    package var maximumContextWork: Int
    /// toRdf: how to keep `@direction`; nil (default) drops it.
    package var rdfDirection: RDFDirectionMode?
    /// toRdf: emit triples whose predicate is a blank node.
    package var produceGeneralizedRdf: Bool
    /// Processed contexts shared with other processors (see ``JSONLDContextCache``); nil (default) processes every
    /// context every time. Share one only among processors whose loaders give the same document for a URL they
    /// mark immutable.
    package var contextCache: JSONLDContextCache?

    /// Makes options; by default no remote context can be loaded.
    package init(
        base: String? = nil,
        documentLoader: any DocumentLoader = NoNetworkDocumentLoader(),
        expandContext: JSONValue? = nil,
        processingMode: JSONLDProcessingMode = .jsonld11,
        maximumDepth: Int = 128,
        maximumRemoteContextDepth: Int = 32,
        maximumRemoteContextLoads: Int = 256,
        maximumContextWork: Int = 200_000,
        rdfDirection: RDFDirectionMode? = nil,
        produceGeneralizedRdf: Bool = false,
        contextCache: JSONLDContextCache? = nil
    ) {
        self.contextCache = contextCache
        self.base = base
        self.documentLoader = documentLoader
        self.expandContext = expandContext
        self.processingMode = processingMode
        self.maximumDepth = maximumDepth
        self.maximumRemoteContextDepth = maximumRemoteContextDepth
        self.maximumRemoteContextLoads = maximumRemoteContextLoads
        self.maximumContextWork = maximumContextWork
        self.rdfDirection = rdfDirection
        self.produceGeneralizedRdf = produceGeneralizedRdf
    }
}

final class ContextCache {
    /// Context documents loaded by this processor: (the `@context` value, the document URL, whether immutable).
    var entries: [CodePointString: (JSONValue, String, Bool)] = [:]
    var loads = 0
    var work = 0
    var nesting = 0
    /// What the context application being recorded for the shared cache did so far.
    var trace: ContextTrace?
    func get(_ url: String) -> (JSONValue, String, Bool)? { entries[CodePointString(url)] }
    func set(_ url: String, _ v: (JSONValue, String, Bool)) { entries[CodePointString(url)] = v }
    func traceLoad(_ url: String, _ v: (JSONValue, String, Bool)) {
        guard trace != nil else { return }
        trace!.loads.append((url, v.0, v.1, v.2))
        if !v.2 { trace!.mutable = true }
    }
}

extension ContextTrace {
    /// This trace followed by `inner` (a nested application): work is counted by the processor, not here.
    func merging(_ inner: ContextTrace) -> ContextTrace {
        var merged = self
        merged.loads += inner.loads
        merged.depth = max(depth, inner.depth)
        merged.remoteDepth = max(remoteDepth, inner.remoteDepth)
        merged.mutable = mutable || inner.mutable
        return merged
    }
}

/// JSON-LD 1.1 processor: expansion and deserialization to RDF.
///
/// ```swift
/// let loader = try StaticDocumentLoader(contextIndexTSV: "contexts/INDEX.tsv")   // offline contexts
/// let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: loader))
/// let canonical = try processor.canonicalize(try JSONValue(parsing: text))     // RDFC-1.0 N-Quads
/// if !processor.droppedKeys.isEmpty || !processor.droppedRDFValues.isEmpty { /* unsigned content */ }
/// ```
///
/// A processor caches the remote contexts it loads and records what the last operation dropped, so it is not
/// thread-safe: use one per task (it is cheap to create). The document loader is shared and must be `Sendable`.
package final class JSONLDProcessor {
    /// The options used by every operation.
    package let options: JSONLDOptions
    let contextCache = ContextCache()
    /// Keys dropped by the last ``expand(_:)`` call.
    package internal(set) var droppedKeys: [DroppedKey] = []
    /// Values left out by the last ``toRDF(_:)`` call (relative IRIs, malformed language tags).
    package internal(set) var droppedRDFValues: [DroppedRDFValue] = []
    /// Where expansion is in the input document, from its root: kept as it descends (nothing allocated per level)
    /// and spelled out only for a dropped key.
    private var expansionLocation: [ExpansionSegment] = []

    /// Makes a processor with `options`.
    package init(options: JSONLDOptions = JSONLDOptions()) { self.options = options }

    /// Context-processing work done by the last operation (compare with ``JSONLDOptions/maximumContextWork``).
    package var contextWork: Int { contextCache.work }
    /// The canonicalizer ``canonicalize(_:canonicalizer:)`` uses by default (its options bound RDFC-1.0's work).
    package var canonicalizer = RDFCanonicalizer()
    /// Hash N-Degree Quads calls made by every ``canonicalize(_:canonicalizer:)`` of this processor so far.
    package internal(set) var canonicalizationCalls = 0
    /// Context-processing work summed over every operation of this processor (``contextWork`` is the last one's).
    package internal(set) var totalContextWork = 0

    /// Expansions shared with other processors of the same options (see ``JSONLDExpansionMemo``); nil by default.
    package var expansionMemo: JSONLDExpansionMemo?

    /// Expands a JSON-LD document (JSON-LD 1.1 API `expand()`); the result is always an array.
    package func expand(_ input: JSONValue) throws -> [JSONValue] {
        droppedKeys = []
        contextCache.work = 0
        contextCache.loads = 0
        if let memo = expansionMemo {
            if let hit = memo.lookup(input), hit.work <= options.maximumContextWork, hit.loads <= options.maximumRemoteContextLoads {
                // Charged as if expanded here: the same work, loads and loaded documents.
                droppedKeys = hit.dropped
                contextCache.work = hit.work
                contextCache.loads = hit.loads
                for (url, document) in hit.documents where contextCache.entries[url] == nil { contextCache.entries[url] = document }
                totalContextWork += hit.work
                return hit.expanded
            }
            let expanded = try expandDocument(input)
            memo.store(
                JSONLDExpansionMemo.Entry(
                    input: input, expanded: expanded, dropped: droppedKeys, work: contextCache.work,
                    loads: contextCache.loads, documents: contextCache.entries))
            return expanded
        }
        return try expandDocument(input)
    }

    private func expandDocument(_ input: JSONValue) throws -> [JSONValue] {
        var active = initialContext()
        if let ec = options.expandContext {
            let ctx: JSONValue = ec.objectValue?["@context"] ?? ec
            active = try processContext(active, ctx, baseURL: options.base)
        }
        defer { totalContextWork += contextCache.work }
        var expanded = try expandElement(active, nil, input, baseURL: options.base, depth: 0)
        if case .object(let o) = expanded ?? .null, o.count == 1, let g = o["@graph"] {
            expanded = g
        }
        guard let expanded, !expanded.isNull else { return [] }
        return expanded.asArray
    }

    /// The empty active context operations start from (the shared cache's root for it, when there is a cache).
    func initialContext() -> ActiveContext {
        var active = ActiveContext(base: options.base, processingMode: options.processingMode)
        active.cacheNode = options.contextCache?.root(base: options.base, mode: options.processingMode)
        return active
    }

    /// Runs `body` one level down in the input document, at `segment`.
    private func within<T>(_ segment: ExpansionSegment, _ body: () throws -> T) rethrows -> T {
        expansionLocation.append(segment)
        defer { expansionLocation.removeLast() }
        return try body()
    }

    // MARK: Expansion algorithm (§5.1.2)

    func expandElement(
        _ activeIn: ActiveContext, _ activeProperty: String?, _ element: JSONValue, baseURL: String?,
        fromMap: Bool = false, depth: Int
    ) throws -> JSONValue? {
        if depth > options.maximumDepth { throw JSONLDError(.maximumDepthExceeded, "deeper than \(options.maximumDepth)") }
        var active = activeIn
        if element.isNull { return nil }
        let propertyDef = activeProperty.flatMap { active.definition(of: $0) }
        let propertyScopedContext = propertyDef?.context
        if element.isScalar {
            if activeProperty == nil || activeProperty == "@graph" { return nil }
            if let psc = propertyScopedContext {
                active = try processContext(active, psc.value, baseURL: propertyDef?.baseURL, scoped: psc)
            }
            return try expandValue(active, activeProperty!, element)
        }
        if case .array(let items) = element {
            var result: [JSONValue] = []
            let isList = propertyDef?.container.contains(.list) ?? false
            for (i, item) in items.enumerated() {
                var e = try within(.index(i)) {
                    try expandElement(active, activeProperty, item, baseURL: baseURL, fromMap: fromMap, depth: depth + 1)
                }
                if isList, case .array = e ?? .null { e = .object(JSONObject("@list", e!)) }
                switch e {
                case .array(let a)?: result.append(contentsOf: a)
                case nil, .null?: break
                case let x?: result.append(x)
                }
            }
            return .array(result)
        }
        let obj = element.objectValue!
        // Revert to previous context (non-propagated type-scoped contexts).
        if let prev = active.previous, !fromMap {
            var revert = true
            for k in obj.keys {
                let e = try expandIRI(active, k, vocab: true)
                if e == "@value" {
                    revert = false
                    break
                }
                if e == "@id", obj.count == 1 {
                    revert = false
                    break
                }
            }
            if revert { active = prev.context }
        }
        if let psc = propertyScopedContext {
            active = try processContext(active, psc.value, baseURL: propertyDef?.baseURL, overrideProtected: true, scoped: psc)
        }
        if let c = obj["@context"] {
            active = try processContext(active, c, baseURL: baseURL)
        }
        let typeScoped = active
        var inputType: String?
        var sawType = false
        let sortedKeys = obj.keys.sorted()
        for k in sortedKeys where try expandIRI(active, k, vocab: true) == "@type" {
            let vals = obj[k]!.asArray
            for t in vals.compactMap({ $0.stringValue }).sorted() {
                if let def = typeScoped.definition(of: t), let c = def.context {
                    active = try processContext(active, c.value, baseURL: def.baseURL, propagate: false, scoped: c)
                }
            }
            if !sawType, let last = vals.last?.stringValue {
                inputType = try expandIRI(active, last, vocab: true)
            }
            sawType = true
        }
        var result = JSONObject()
        result.reserveCapacity(obj.count)  // at most one member per key, but for nested ones
        var nests: [String] = []
        try expandObjectEntries(
            active, typeScoped, activeProperty, obj, baseURL: baseURL, inputType: inputType, into: &result,
            nests: &nests, depth: depth, sortedKeys: sortedKeys)
        // Nested properties (step 14).
        try expandNests(
            nests, of: obj, active, typeScoped, activeProperty, baseURL: baseURL, inputType: inputType, into: &result,
            depth: depth)
        // Post-processing (steps 15-20).
        if let v = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            if !result.keys.allSatisfy({ allowed.contains($0) }) { throw JSONLDError(.invalidValueObject) }
            if result["@type"] != nil, result["@language"] != nil || result["@direction"] != nil {
                throw JSONLDError(.invalidValueObject)
            }
            if result["@type"] == .string("@json") {
                // any JSON is acceptable
            } else if v.isNull || v == .array([]) {
                return nil
            } else if !v.isString, result["@language"] != nil {
                throw JSONLDError(.invalidLanguageTaggedValue)
            } else if let t = result["@type"] {
                guard case .string(let ts) = t, IRI.isWellFormed(ts), !ts.scalarHasPrefix("_:") else { throw JSONLDError(.invalidTypedValue) }
            }
        } else if let t = result["@type"], !t.isArray {
            result["@type"] = .array([t])
        } else if result["@set"] != nil || result["@list"] != nil {
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) { throw JSONLDError(.invalidSetOrListObject) }
            if let s = result["@set"] { return s }
        }
        if result.count == 1, result["@language"] != nil { return nil }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return nil }
            if result.count == 1, result["@id"] != nil { return nil }
        }
        return .object(result)
    }

    private func expandNested(
        _ outer: ActiveContext, _ typeScoped: ActiveContext, _ activeProperty: String?, _ nestKey: String,
        _ nv: JSONValue, baseURL: String?, inputType: String?, into result: inout JSONObject, depth: Int
    ) throws {
        var active = outer
        if let def = outer.definition(of: nestKey), let c = def.context {
            active = try processContext(outer, c.value, baseURL: def.baseURL, overrideProtected: true, scoped: c)
        }
        guard case .object(let no) = nv else { throw JSONLDError(.invalidNestValue) }
        for k in no.keys where try expandIRI(active, k, vocab: true) == "@value" { throw JSONLDError(.invalidNestValue) }
        var innerNests: [String] = []
        try expandObjectEntries(
            active, typeScoped, activeProperty, no, baseURL: baseURL, inputType: inputType, into: &result,
            nests: &innerNests, depth: depth)
        try expandNests(
            innerNests, of: no, active, typeScoped, activeProperty, baseURL: baseURL, inputType: inputType, into: &result,
            depth: depth)
    }

    /// Expands the values of the nesting keys `nests` of `object` into `result` (steps 14 and 14.2.3).
    private func expandNests(
        _ nests: [String], of object: JSONObject, _ active: ActiveContext, _ typeScoped: ActiveContext,
        _ activeProperty: String?, baseURL: String?, inputType: String?, into result: inout JSONObject, depth: Int
    ) throws {
        for key in nests {
            for (i, value) in (object[key] ?? .null).asArray.enumerated() {
                try within(.key(key)) {
                    try within(.index(i)) {
                        try expandNested(
                            active, typeScoped, activeProperty, key, value, baseURL: baseURL, inputType: inputType, into: &result,
                            depth: depth + 1)
                    }
                }
            }
        }
    }

    private func append(_ result: inout JSONObject, _ key: String, _ value: JSONValue) {
        result.append(value.asArray, to: key)
    }

    private func isValueObject(_ v: JSONValue) -> Bool { v.objectValue?["@value"] != nil }
    private func isListObject(_ v: JSONValue) -> Bool { v.objectValue?["@list"] != nil }
    private func isGraphObject(_ v: JSONValue) -> Bool {
        guard case .object(let o) = v, o["@graph"] != nil else { return false }
        return o.keys.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }

    // Step 13 of the expansion algorithm.
    private func expandObjectEntries(
        _ active: ActiveContext, _ typeScoped: ActiveContext, _ activeProperty: String?,
        _ element: JSONObject, baseURL: String?, inputType: String?, into result: inout JSONObject, nests: inout [String],
        depth: Int, sortedKeys: [String]? = nil
    ) throws {
        for key in sortedKeys ?? element.keys.sorted() {
            let value = element[key]!
            if key == "@context" { continue }
            let expandedProperty = try expandIRI(active, key, vocab: true)
            guard let ep = expandedProperty, ep.scalarContains(":") || isKeyword(ep) else {
                droppedKeys.append(DroppedKey(key: key, path: expansionLocation.map(\.component)))
                continue
            }
            if isKeyword(ep) {
                if activeProperty == "@reverse" { throw JSONLDError(.invalidReversePropertyMap) }
                if result[ep] != nil, ep != "@included", ep != "@type" { throw JSONLDError(.collidingKeywords, ep) }
                var expandedValue: JSONValue?
                switch ep {
                case "@id":
                    guard case .string(let s) = value else { throw JSONLDError(.invalidIdValue) }
                    expandedValue = try expandIRI(active, s, documentRelative: true).map { .string($0) } ?? .null
                case "@type":
                    var out: [JSONValue] = []
                    for t in value.asArray {
                        guard case .string(let s) = t else { throw JSONLDError(.invalidTypeValue) }
                        if let e = try expandIRI(typeScoped, s, documentRelative: true, vocab: true) { out.append(.string(e)) }
                    }
                    if case .array = value { expandedValue = .array(out) } else { expandedValue = out.first }
                    if let existing = result["@type"] {
                        expandedValue = .array(existing.asArray + (expandedValue?.asArray ?? []))
                    }
                case "@graph":
                    expandedValue = .array(
                        (try within(.key(key)) { try expandElement(active, "@graph", value, baseURL: baseURL, depth: depth + 1) })?.asArray ?? [])
                case "@included":
                    if active.is10 { continue }
                    for x in value.asArray {
                        guard case .object(let o) = x else { throw JSONLDError(.invalidIncludedValue) }
                        for k in o.keys where ["@value", "@list", "@set"].contains(try expandIRI(active, k, vocab: true)) {
                            throw JSONLDError(.invalidIncludedValue)
                        }
                    }
                    let ev = (try within(.key(key)) { try expandElement(active, nil, value, baseURL: baseURL, depth: depth + 1) })?.asArray ?? []
                    for x in ev {
                        guard case .object(let o) = x, o["@value"] == nil, o["@list"] == nil, o["@set"] == nil else {
                            throw JSONLDError(.invalidIncludedValue)
                        }
                    }
                    expandedValue = .array((result["@included"]?.asArray ?? []) + ev)
                case "@value":
                    if inputType == "@json" {
                        if active.is10 { throw JSONLDError(.invalidValueObjectValue) }
                        expandedValue = value
                    } else {
                        guard value.isScalar || value.isNull else { throw JSONLDError(.invalidValueObjectValue) }
                        expandedValue = value
                    }
                    result["@value"] = expandedValue
                    continue
                case "@language":
                    guard case .string = value else { throw JSONLDError(.invalidLanguageTaggedString) }
                    expandedValue = value
                case "@direction":
                    if active.is10 { continue }
                    guard case .string(let s) = value, s == "ltr" || s == "rtl" else { throw JSONLDError(.invalidBaseDirection) }
                    expandedValue = value
                case "@index":
                    guard case .string = value else { throw JSONLDError(.invalidIndexValue) }
                    expandedValue = value
                case "@list":
                    if activeProperty == nil || activeProperty == "@graph" { continue }
                    expandedValue = .array(
                        (try within(.key(key)) { try expandElement(active, activeProperty, value, baseURL: baseURL, depth: depth + 1) })?.asArray ?? [])
                case "@set":
                    expandedValue = try within(.key(key)) { try expandElement(active, activeProperty, value, baseURL: baseURL, depth: depth + 1) }
                    if expandedValue == nil { expandedValue = .array([]) }
                case "@reverse":
                    guard case .object = value else { throw JSONLDError(.invalidReverseValue) }
                    let ev = try within(.key(key)) { try expandElement(active, "@reverse", value, baseURL: baseURL, depth: depth + 1) }
                    if case .object(let eo) = ev ?? .null {
                        if case .object(let rev) = eo["@reverse"] ?? .null {
                            for (p, items) in rev { append(&result, p, items) }
                        }
                        var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                        var any = false
                        for (p, items) in eo where p != "@reverse" {
                            for item in items.asArray {
                                if isValueObject(item) || isListObject(item) { throw JSONLDError(.invalidReversePropertyValue) }
                                append(&reverseMap, p, item)
                                any = true
                            }
                        }
                        if any || result["@reverse"] != nil { result["@reverse"] = .object(reverseMap) }
                    }
                    continue
                case "@nest":
                    if !nests.contains(where: { CodePointString($0) == CodePointString(key) }) { nests.append(key) }
                    continue
                default:
                    continue
                }
                if let expandedValue { result[ep] = expandedValue }
                continue
            }
            let def = active.definition(of: key)
            let container = def?.container ?? []
            var expandedValue: JSONValue?
            if def?.type == "@json" {
                expandedValue = .object(JSONObject([("@value", value), ("@type", "@json")]))
            } else if container.contains(.language), case .object(let lm) = value {
                var out: [JSONValue] = []
                let direction = (def?.hasDirection ?? false) ? def?.direction : active.defaultDirection
                for lang in lm.keys.sorted() {
                    for item in lm[lang]!.asArray {
                        if item.isNull { continue }
                        guard case .string = item else { throw JSONLDError(.invalidLanguageMapValue) }
                        var v = JSONObject([("@value", item)])
                        let el = try expandIRI(active, lang, vocab: true)
                        if el != "@none" { v["@language"] = .string(lang.lowercased()) }
                        if let direction { v["@direction"] = .string(direction) }
                        out.append(.object(v))
                    }
                }
                expandedValue = .array(out)
            } else if !container.isDisjoint(with: [.index, .type, .id]), case .object(let im) = value {
                var out: [JSONValue] = []
                let indexKey = def?.index ?? "@index"
                for index in im.keys.sorted() {
                    var mapContext = active
                    if container.contains(.id) || container.contains(.type) {
                        mapContext = active.previous?.context ?? active
                    }
                    if container.contains(.type), let idef = mapContext.definition(of: index), let c = idef.context {
                        mapContext = try processContext(mapContext, c.value, baseURL: idef.baseURL, scoped: c)
                    }
                    if !(container.contains(.id) || container.contains(.type)) { mapContext = active }
                    let expandedIndex = try expandIRI(active, index, vocab: true)
                    let items =
                        (try within(.key(key)) {
                            try within(.key(index)) {
                                try expandElement(mapContext, key, .array(im[index]!.asArray), baseURL: baseURL, fromMap: true, depth: depth + 1)
                            }
                        })?.asArray ?? []
                    for var item in items {
                        if container.contains(.graph), !isGraphObject(item) {
                            item = .object(JSONObject([("@graph", .array(item.asArray))]))
                        }
                        guard case .object(var io) = item else { out.append(item); continue }
                        if container.contains(.index), indexKey != "@index", expandedIndex != "@none" {
                            let re = try expandValue(active, indexKey, .string(index))
                            guard let eik = try expandIRI(active, indexKey, vocab: true) else { continue }
                            io[eik] = .array([re] + (io[eik]?.asArray ?? []))
                            if io["@value"] != nil { throw JSONLDError(.invalidValueObject) }
                        } else if container.contains(.index), io["@index"] == nil, expandedIndex != "@none" {
                            io["@index"] = .string(index)
                        } else if container.contains(.id), io["@id"] == nil, expandedIndex != "@none" {
                            if let e = try expandIRI(active, index, documentRelative: true) { io["@id"] = .string(e) }
                        } else if container.contains(.type), expandedIndex != "@none", let ei = expandedIndex {
                            io["@type"] = .array([.string(ei)] + (io["@type"]?.asArray ?? []))
                        }
                        out.append(.object(io))
                    }
                }
                expandedValue = .array(out)
            } else {
                expandedValue = try within(.key(key)) { try expandElement(active, key, value, baseURL: baseURL, depth: depth + 1) }
            }
            guard var ev = expandedValue, !ev.isNull else { continue }
            if container.contains(.list), !isListObject(ev) {
                ev = .object(JSONObject([("@list", .array(ev.asArray))]))
            }
            if container.contains(.graph), !container.contains(.id), !container.contains(.index) {
                ev = .array(ev.asArray.map { .object(JSONObject([("@graph", .array($0.asArray))])) })
            }
            if def?.reverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in ev.asArray {
                    if isValueObject(item) || isListObject(item) { throw JSONLDError(.invalidReversePropertyValue) }
                    append(&reverseMap, ep, item)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                append(&result, ep, ev)
            }
        }
    }

    // MARK: Value expansion (§5.3.2)

    func expandValue(_ active: ActiveContext, _ activeProperty: String, _ value: JSONValue) throws -> JSONValue {
        let def = active.definition(of: activeProperty)
        if def?.type == "@id", case .string(let s) = value {
            return .object(JSONObject("@id", try expandIRI(active, s, documentRelative: true).map { .string($0) } ?? .null))
        }
        if def?.type == "@vocab", case .string(let s) = value {
            return .object(JSONObject("@id", try expandIRI(active, s, documentRelative: true, vocab: true).map { .string($0) } ?? .null))
        }
        var result = JSONObject()
        result.reserveCapacity(3)  // @value, and a type, or a language and a direction
        result["@value"] = value
        if let t = def?.type, t != "@id", t != "@vocab", t != "@none" {
            result["@type"] = .string(t)
        } else if value.isString {
            let language = (def?.hasLanguage ?? false) ? def?.language : active.defaultLanguage
            let direction = (def?.hasDirection ?? false) ? def?.direction : active.defaultDirection
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}
