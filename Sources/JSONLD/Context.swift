import OpenBadgesModel

/// A term definition (JSON-LD 1.1 API §4.1).
///
/// Its members live in one shared, copy-on-write box: active contexts copy their term tables whenever they change,
/// and expansion reads definitions out of shared cached contexts, so a copy costs one reference count instead of one
/// per string member.
struct TermDefinition: Equatable, Sendable {
    private struct Members: Equatable {
        var iri: String?
        var prefix: Bool = false
        var protected: Bool = false
        var reverse: Bool = false
        var baseURL: String?
        var context: ScopedContext?
        var container: ContainerMapping = []
        var hasDirection: Bool = false
        var direction: String?
        var index: String?
        var hasLanguage: Bool = false
        var language: String?
        var nest: String?
        var type: String?
    }

    /// Mutated only while uniquely referenced (``update(_:)``), so sharing it between threads is safe.
    private final class Box: @unchecked Sendable {
        var members: Members
        init(_ members: Members) { self.members = members }
    }

    private var box: Box

    /// An empty definition.
    init() { box = Box(Members()) }

    private mutating func update(_ change: (inout Members) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.members) }
        change(&box.members)
    }

    var iri: String? {
        get { box.members.iri }
        set { update { $0.iri = newValue } }
    }
    var prefix: Bool {
        get { box.members.prefix }
        set { update { $0.prefix = newValue } }
    }
    var protected: Bool {
        get { box.members.protected }
        set { update { $0.protected = newValue } }
    }
    var reverse: Bool {
        get { box.members.reverse }
        set { update { $0.reverse = newValue } }
    }
    var baseURL: String? {
        get { box.members.baseURL }
        set { update { $0.baseURL = newValue } }
    }
    var context: ScopedContext? {
        get { box.members.context }
        set { update { $0.context = newValue } }
    }
    var container: ContainerMapping {
        get { box.members.container }
        set { update { $0.container = newValue } }
    }
    var hasDirection: Bool {
        get { box.members.hasDirection }
        set { update { $0.hasDirection = newValue } }
    }
    var direction: String? {
        get { box.members.direction }
        set { update { $0.direction = newValue } }
    }
    var index: String? {
        get { box.members.index }
        set { update { $0.index = newValue } }
    }
    var hasLanguage: Bool {
        get { box.members.hasLanguage }
        set { update { $0.hasLanguage = newValue } }
    }
    var language: String? {
        get { box.members.language }
        set { update { $0.language = newValue } }
    }
    var nest: String? {
        get { box.members.nest }
        set { update { $0.nest = newValue } }
    }
    var type: String? {
        get { box.members.type }
        set { update { $0.type = newValue } }
    }

    static func == (a: TermDefinition, b: TermDefinition) -> Bool { a.box === b.box || a.box.members == b.box.members }

    /// Equality ignoring `protected` (for protected term redefinition checks).
    func sameAs(_ o: TermDefinition) -> Bool {
        var a = self
        var b = o
        a.protected = false
        b.protected = false
        a.baseURL = nil
        b.baseURL = nil
        return a == b
    }
}

struct TermEnv {
    var baseURL: String?
    var remoteContexts: [String] = []
    var overrideProtected = false
    var validateScopedContext = true
}

final class ContextBox: Sendable {
    let context: ActiveContext
    init(_ c: ActiveContext) { context = c }
}

/// An active context.
///
/// Its members live in one shared box: expansion keeps and passes active contexts by value, a hundred times per
/// credential, and a copy costs one reference count instead of one per member. Unlike a term definition's box, which
/// is changed in place (a definition is built member by member), this one is immutable and a change makes a new one:
/// contexts are read far more often than they change, and a class's `var` costs a dynamic exclusivity check at every
/// read.
@dynamicMemberLookup
struct ActiveContext: Sendable {
    struct Members: Sendable {
        var terms = TermDefinitions()
        var base: String?
        var originalBase: String?
        var vocab: String?
        var defaultLanguage: String?
        var defaultDirection: String?
        var previous: ContextBox?
        var processingMode: JSONLDProcessingMode
        /// Set when this context is held by a ``JSONLDContextCache`` (and so never changes): contexts processed on
        /// top of it are looked up there. Any change to a context clears it.
        var cacheNode: ContextNode?
    }

    /// Immutable: reading a member needs no exclusivity check, as a class's `var` would at every read.
    private final class Box: Sendable {
        let members: Members
        init(_ members: Members) { self.members = members }
    }

    private var box: Box
    /// Stands in for a context's box while the context changes.
    private static let placeholder = Box(Members(processingMode: .jsonld11))

    init(base: String?, processingMode: JSONLDProcessingMode) {
        box = Box(Members(base: base, originalBase: base, processingMode: processingMode))
    }

    /// Changes the members in a box of their own. The old box is let go first: when this context was its only
    /// holder, the term table's storage is then unique again, and changes in place.
    private mutating func update<Result>(_ change: (inout Members) -> Result) -> Result {
        var members = box.members
        box = Self.placeholder
        defer { box = Box(members) }
        return change(&members)
    }

    /// The term definitions (changed through ``define(_:as:)`` and ``removeDefinition(of:)``, in place).
    var terms: TermDefinitions { box.members.terms }

    /// The definition of `term`, read in place (``terms`` returns a copy of the table, three references counted).
    func definition(of term: String) -> TermDefinition? { box.members.terms[term] }

    /// Defines `term` (nil: removes its definition).
    mutating func define(_ term: String, as definition: TermDefinition?) { update { $0.terms[term] = definition } }

    /// Removes the definition of `term` and returns it, if there was one.
    mutating func removeDefinition(of term: String) -> TermDefinition? { update { $0.terms.removeValue(forKey: term) } }

    /// Reads a member in place, or changes it (not the term table: changed through this, it would be copied first).
    subscript<Member>(dynamicMember member: WritableKeyPath<Members, Member>) -> Member {
        get { box.members[keyPath: member] }
        set { update { $0[keyPath: member] = newValue } }
    }

    var is10: Bool { self.processingMode == .jsonld10 }
}

extension JSONLDProcessor {
    // MARK: Context processing (JSON-LD 1.1 API §4.1.2)

    /// Processes `localContextIn` on top of `active`; `scoped` is the term definition's scoped context that
    /// `localContextIn` is the value of, if it is one (its identity keys the shared cache).
    func processContext(
        _ active: ActiveContext, _ localContextIn: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScopedContext: Bool = true, scoped: ScopedContext? = nil
    ) throws -> ActiveContext {
        guard let node = active.cacheNode else {
            return try processContextUncached(
                active, localContextIn, baseURL: baseURL, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        }
        let source: ChildKey.Source
        if let scoped {
            source = .scoped(ObjectIdentifier(scoped))
        } else if let urls = contextReferences(localContextIn) {
            source = .references(urls)
        } else {
            return try processContextUncached(
                active, localContextIn, baseURL: baseURL, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        }
        let key = ChildKey(
            source: source, baseURL: baseURL.map(CodePointString.init), remoteContexts: remoteContexts.map(CodePointString.init),
            overrideProtected: overrideProtected,
            propagate: propagate, validateScopedContext: validateScopedContext)
        if let hit = node.child(key), fitsLimits(hit.trace) {
            replay(hit.trace)
            return hit.context
        }
        // Not cached yet: process it while recording what processing costs.
        var (result, trace) = try recordingTrace {
            try processContextUncached(
                active, localContextIn, baseURL: baseURL, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        }
        guard !trace.mutable, let cache = options.contextCache, cache.reserve() else { return result }
        result.cacheNode = ContextNode()
        return node.add(key, CachedContext(context: result, trace: trace, anchor: scoped)).context
    }

    /// Runs `body` while recording what it costs (work, document loads, nesting) in a trace of its own, which is also
    /// merged into any recording already under way. The trace's work and depth are relative to the start.
    func recordingTrace<Result>(_ body: () throws -> Result) throws -> (Result, ContextTrace) {
        let outer = contextCache.trace
        let startWork = contextCache.work
        let startNesting = contextCache.nesting
        contextCache.trace = ContextTrace()
        let result: Result
        do {
            result = try body()
        } catch {
            contextCache.trace = outer.map { $0.merging(contextCache.trace!) }
            throw error
        }
        var trace = contextCache.trace!
        contextCache.trace = outer.map { $0.merging(trace) }
        trace.work = contextCache.work - startWork
        trace.depth -= startNesting
        return (result, trace)
    }

    /// Whether charging the processor what a cached application cost stays within its limits. When it does not, the
    /// caller processes the context for real, so that a limit stops processing exactly where it would without a cache.
    func fitsLimits(_ trace: ContextTrace) -> Bool {
        if contextCache.nesting + trace.depth > options.maximumDepth { return false }
        if trace.remoteDepth >= options.maximumRemoteContextDepth { return false }
        if contextCache.work + trace.work > options.maximumContextWork { return false }
        let newLoads = trace.loads.reduce(into: Set<CodePointString>()) { if contextCache.get($1.url) == nil { $0.insert(CodePointString($1.url)) } }
        return contextCache.loads + newLoads.count <= options.maximumRemoteContextLoads
    }

    /// Charges the processor what a cached context application cost when it was processed (after ``fitsLimits(_:)``).
    func replay(_ trace: ContextTrace) {
        contextCache.work += trace.work
        for load in trace.loads where contextCache.get(load.url) == nil {
            contextCache.loads += 1
            contextCache.set(load.url, (load.document, load.documentURL, load.immutable))
        }
        if contextCache.trace != nil {
            var replayed = trace
            replayed.depth = contextCache.nesting + trace.depth
            contextCache.trace = contextCache.trace!.merging(replayed)
        }
    }

    func processContextUncached(
        _ active: ActiveContext, _ localContextIn: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate propagateIn: Bool = true, validateScopedContext: Bool = true
    ) throws -> ActiveContext {
        contextCache.nesting += 1
        defer { contextCache.nesting -= 1 }
        if contextCache.trace != nil { contextCache.trace!.depth = max(contextCache.trace!.depth, contextCache.nesting) }
        if contextCache.nesting > options.maximumDepth {
            throw JSONLDError(.contextOverflow, "contexts nested deeper than \(options.maximumDepth)")
        }
        try addContextWork(1)
        var result = active
        result.cacheNode = nil
        var propagate = propagateIn
        if case .object(let o) = localContextIn, let p = o["@propagate"] {
            guard case .bool(let b) = p else { throw JSONLDError(.invalidPropagateValue) }
            propagate = b
        }
        if !propagate, result.previous == nil { result.previous = ContextBox(active) }
        for context in localContextIn.asArray {
            switch context {
            case .null:
                if !overrideProtected, result.terms.values.contains(where: { $0.protected }) {
                    throw JSONLDError(.invalidContextNullification)
                }
                let prev = result.previous
                result = ActiveContext(base: active.originalBase, processingMode: active.processingMode)
                result.originalBase = active.originalBase
                if !propagate { result.previous = prev }
                continue
            case .string(let ref):
                let url = IRI.resolve(ref, against: baseURL)
                if !validateScopedContext, remoteContexts.contains(url) { continue }
                if remoteContexts.contains(url) {
                    throw JSONLDError(.recursiveContextInclusion, url)
                }
                if contextCache.trace != nil { contextCache.trace!.remoteDepth = max(contextCache.trace!.remoteDepth, remoteContexts.count) }
                if remoteContexts.count >= options.maximumRemoteContextDepth {
                    throw JSONLDError(.contextOverflow, "more than \(options.maximumRemoteContextDepth) nested remote contexts")
                }
                var rc = remoteContexts
                rc.append(url)
                let (doc, docURL) = try loadContext(url)
                result = try processContext(result, doc, baseURL: docURL, remoteContexts: rc, validateScopedContext: validateScopedContext)
                continue
            case .object:
                break
            default:
                throw JSONLDError(.invalidLocalContext)
            }
            var ctx = context.objectValue!
            if let v = ctx["@version"] {
                guard case .number(let n) = v, n.doubleValue == 1.1 else { throw JSONLDError(.invalidVersionValue) }
                if result.is10 { throw JSONLDError(.processingModeConflict) }
            }
            if let imp = ctx["@import"] {
                if result.is10 { throw JSONLDError(.invalidContextEntry) }
                guard case .string(let s) = imp else { throw JSONLDError(.invalidImportValue) }
                let url = IRI.resolve(s, against: baseURL)
                let (doc, _) = try loadContext(url)
                guard case .object(let importCtx) = doc else { throw JSONLDError(.invalidRemoteContext) }
                if importCtx.contains("@import") { throw JSONLDError(.invalidContextEntry) }
                var merged = importCtx
                for (k, v) in ctx where k != "@import" { merged[k] = v }
                ctx = merged
            }
            if let b = ctx["@base"], remoteContexts.isEmpty {
                switch b {
                case .null: result.base = nil
                case .string(let s):
                    if IRI.isAbsolute(s) {
                        result.base = s
                    } else if let cur = result.base {
                        result.base = IRI.resolve(s, against: cur)
                    } else {
                        throw JSONLDError(.invalidBaseIRI)
                    }
                default: throw JSONLDError(.invalidBaseIRI)
                }
            }
            if let v = ctx["@vocab"] {
                switch v {
                case .null: result.vocab = nil
                case .string(let s):
                    if result.is10, !IRI.isAbsolute(s), !s.scalarHasPrefix("_:") { throw JSONLDError(.invalidVocabMapping) }
                    guard let e = try expandIRI(result, s, documentRelative: true, vocab: true), !isKeyword(e), e.scalarHasPrefix("_:") || IRI.isAbsolute(e)
                    else {
                        throw JSONLDError(.invalidVocabMapping)
                    }
                    result.vocab = e
                default: throw JSONLDError(.invalidVocabMapping)
                }
            }
            if let v = ctx["@language"] {
                switch v {
                case .null: result.defaultLanguage = nil
                case .string(let s): result.defaultLanguage = s.lowercased()
                default: throw JSONLDError(.invalidDefaultLanguage)
                }
            }
            if let v = ctx["@direction"] {
                if result.is10 { throw JSONLDError(.invalidContextEntry) }
                switch v {
                case .null: result.defaultDirection = nil
                case .string(let s) where s == "ltr" || s == "rtl": result.defaultDirection = s
                default: throw JSONLDError(.invalidBaseDirection)
                }
            }
            if ctx["@propagate"] != nil {
                if result.is10 { throw JSONLDError(.invalidContextEntry) }
            }
            // `@protected` is read by createTermDefinition from the local context (so that terms defined early,
            // as dependencies of other terms, are protected too).
            if let p = ctx["@protected"] {
                if result.is10 { throw JSONLDError(.invalidContextEntry) }
                guard case .bool = p else { throw JSONLDError(.invalidProtectedValue) }
            }
            var defined = [CodePointString: Bool]()
            let skip: Set<String> = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"]
            for key in ctx.keys where !skip.contains(key) {
                let env = TermEnv(
                    baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
                    validateScopedContext: validateScopedContext)
                try createTermDefinition(&result, ctx, key, &defined, env)
            }
        }
        return result
    }

    func addContextWork(_ n: Int) throws {
        contextCache.work += n
        if contextCache.work > options.maximumContextWork {
            throw JSONLDError(.contextOverflow, "context processing work exceeds \(options.maximumContextWork)")
        }
    }

    func loadContext(_ url: String) throws -> (JSONValue, String) {
        if let c = contextCache.get(url) {
            contextCache.traceLoad(url, c)
            return (c.0, c.1)
        }
        contextCache.loads += 1
        if contextCache.loads > options.maximumRemoteContextLoads {
            throw JSONLDError(.contextOverflow, "more than \(options.maximumRemoteContextLoads) remote contexts loaded")
        }
        let doc: RemoteDocument
        do {
            doc = try options.documentLoader.loadDocument(url)
        } catch {
            // What a failed load would give later is not known: nothing processed around it is kept.
            contextCache.trace?.mutable = true
            throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error)")
        }
        if !doc.isImmutable { contextCache.trace?.mutable = true }
        guard case .object(let o) = doc.document, let ctx = o["@context"] else {
            throw JSONLDError(.invalidRemoteContext, url)
        }
        contextCache.set(url, (ctx, doc.documentURL, doc.isImmutable))
        contextCache.traceLoad(url, (ctx, doc.documentURL, doc.isImmutable))
        return (ctx, doc.documentURL)
    }

    // MARK: Create term definition (§4.2.2)

    func createTermDefinition(
        _ active: inout ActiveContext, _ local: JSONObject, _ term: String, _ defined: inout [CodePointString: Bool], _ env: TermEnv
    ) throws {
        let baseURL = env.baseURL
        let overrideProtected = env.overrideProtected
        let remoteContexts = env.remoteContexts
        let protected = local["@protected"]?.boolValue ?? false
        if let d = defined[CodePointString(term)] {
            if d { return }
            throw JSONLDError(.cyclicIRIMapping, term)
        }
        if term.isEmpty { throw JSONLDError(.invalidTermDefinition, "empty term") }
        try addContextWork(1)
        defined[CodePointString(term)] = false
        var value = local[term] ?? .null
        if term == "@type" {
            if active.is10 { throw JSONLDError(.keywordRedefinition, term) }
            guard case .object(let o) = value, !o.isEmpty,
                o.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                o["@container"] == nil || o["@container"] == .string("@set")
            else { throw JSONLDError(.keywordRedefinition, term) }
        } else if isKeyword(term) {
            throw JSONLDError(.keywordRedefinition, term)
        } else if hasKeywordForm(term) {
            return
        }
        let previous = active.removeDefinition(of: term)
        var simpleTerm = false
        switch value {
        case .null: value = .object(JSONObject("@id", .null))
        case .string:
            value = .object(JSONObject("@id", value))
            simpleTerm = true
        case .object: break
        default: throw JSONLDError(.invalidTermDefinition, term)
        }
        let v = value.objectValue!
        if v["@prefix"] != nil, term.scalarContains(":") || term.scalarContains("/") { throw JSONLDError(.invalidTermDefinition, term) }
        var def = TermDefinition()
        if let p = v["@protected"] {
            if active.is10 { throw JSONLDError(.invalidTermDefinition) }
            guard case .bool(let b) = p else { throw JSONLDError(.invalidProtectedValue) }
            def.protected = b
        } else {
            def.protected = protected
        }
        if let t = v["@type"] {
            guard case .string(let ts) = t else { throw JSONLDError(.invalidTypeMapping, term) }
            guard let type = try expandIRI(&active, ts, vocab: true, local: local, defined: &defined, env: env) else {
                throw JSONLDError(.invalidTypeMapping, term)
            }
            if active.is10, type == "@json" || type == "@none" { throw JSONLDError(.invalidTypeMapping, term) }
            if !["@id", "@json", "@none", "@vocab"].contains(type), !IRI.isAbsolute(type) {
                throw JSONLDError(.invalidTypeMapping, term)
            }
            def.type = type
        }
        if let r = v["@reverse"] {
            if v["@id"] != nil || v["@nest"] != nil { throw JSONLDError(.invalidReverseProperty, term) }
            guard case .string(let rs) = r else { throw JSONLDError(.invalidIRIMapping, term) }
            if hasKeywordForm(rs) { return }
            guard let iri = try expandIRI(&active, rs, vocab: true, local: local, defined: &defined, env: env),
                IRI.isAbsolute(iri) || iri.scalarHasPrefix("_:")
            else { throw JSONLDError(.invalidIRIMapping, term) }
            def.iri = iri
            if let c = v["@container"] {
                switch c {
                case .null: break
                case .string(let s) where s == "@set": def.container = .set
                case .string(let s) where s == "@index": def.container = .index
                default: throw JSONLDError(.invalidReverseProperty, term)
                }
            }
            if let ix = v["@index"] {
                guard case .string(let s) = ix, def.container.contains(.index) else { throw JSONLDError(.invalidTermDefinition, term) }
                def.index = s
            }
            def.reverse = true
            try checkProtected(def, previous, overrideProtected, term, &active)
            defined[CodePointString(term)] = true
            return
        }
        if let idv = v["@id"], idv != .string(term) {
            switch idv {
            case .null:
                def.iri = nil
            case .string(let ids):
                if !isKeyword(ids), hasKeywordForm(ids) { return }
                guard let iri = try expandIRI(&active, ids, vocab: true, local: local, defined: &defined, env: env),
                    isKeyword(iri) || IRI.isAbsolute(iri) || iri.scalarHasPrefix("_:")
                else { throw JSONLDError(.invalidIRIMapping, term) }
                if iri == "@context" { throw JSONLDError(.invalidKeywordAlias, term) }
                def.iri = iri
                let inner = term.unicodeScalars.dropFirst().dropLast()
                if inner.contains(":") || term.scalarContains("/") {
                    defined[CodePointString(term)] = true
                    let e = try expandIRI(&active, term, vocab: true, local: local, defined: &defined, env: env)
                    if e != iri { throw JSONLDError(.invalidIRIMapping, term) }
                }
                if !term.scalarContains(":"), !term.scalarContains("/"), simpleTerm,
                    iri.scalarHasPrefix("_:") || (iri.lastScalar.map { ":/?#[]@".unicodeScalars.contains($0) } ?? false)
                {
                    def.prefix = true
                }
            default:
                throw JSONLDError(.invalidIRIMapping, term)
            }
        } else if let (prefix, authority) = term.compactIRISplit() {
            if local.contains(prefix), !authority {
                try createTermDefinition(&active, local, prefix, &defined, env)
            }
            if let p = active.definition(of: prefix), let piri = p.iri, !authority {
                def.iri = piri + term.compactIRISuffix(prefix)
            } else {
                def.iri = term
            }
        } else if term.scalarContains("/") {
            guard let iri = try expandIRI(&active, term, vocab: true, local: local, defined: &defined, env: env), IRI.isAbsolute(iri) else {
                throw JSONLDError(.invalidIRIMapping, term)
            }
            def.iri = iri
        } else if term == "@type" {
            def.iri = "@type"
        } else if let vocab = active.vocab {
            def.iri = vocab + term
        } else {
            throw JSONLDError(.invalidIRIMapping, term)
        }
        if let c = v["@container"] {
            var set: ContainerMapping = []
            for x in c.asArray {
                // A container keyword at most once each.
                guard case .string(let s) = x, let keyword = ContainerMapping(keyword: s), !set.contains(keyword) else {
                    throw JSONLDError(.invalidContainerMapping, term)
                }
                set.insert(keyword)
            }
            if active.is10, !c.isString { throw JSONLDError(.invalidContainerMapping, term) }
            var ok = false
            if set.count == 1 {
                ok = true
            } else if set.contains(.graph) {
                ok = set.subtracting([.graph, .set]).count <= 1 && set.subtracting([.graph, .set, .id, .index]).isEmpty
            } else if set.contains(.set) {
                ok = set.count == 2 && !set.contains(.list)
            }
            if !ok { throw JSONLDError(.invalidContainerMapping, term) }
            if active.is10, !set.isDisjoint(with: [.graph, .id, .type]) { throw JSONLDError(.invalidContainerMapping, term) }
            def.container = set
            if set.contains(.type) {
                if def.type == nil { def.type = "@id" }
                if def.type != "@id", def.type != "@vocab" { throw JSONLDError(.invalidTypeMapping, term) }
            }
        }
        if let ix = v["@index"] {
            if active.is10 || !def.container.contains(.index) { throw JSONLDError(.invalidTermDefinition, term) }
            guard case .string(let s) = ix, let e = try expandIRI(&active, s, vocab: true, local: local, defined: &defined, env: env),
                IRI.isAbsolute(e)
            else { throw JSONLDError(.invalidTermDefinition, term) }
            def.index = s
        }
        if let sc = v["@context"] {
            if active.is10 { throw JSONLDError(.invalidTermDefinition, term) }
            do {
                _ = try processContextUncached(
                    active, sc, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: true,
                    validateScopedContext: false)
            } catch let e as JSONLDError {
                // Resource bounds are reported as such, not as a malformed scoped context.
                if e.code == .contextOverflow || e.code == .maximumDepthExceeded { throw e }
                throw JSONLDError(.invalidScopedContext, "\(term): \(e)")
            }
            def.context = ScopedContext(sc)
            def.baseURL = baseURL
        }
        if let l = v["@language"], v["@type"] == nil {
            switch l {
            case .null: def.language = nil
            case .string(let s): def.language = s.lowercased()
            default: throw JSONLDError(.invalidLanguageMapping, term)
            }
            def.hasLanguage = true
        }
        if let d = v["@direction"], v["@type"] == nil {
            switch d {
            case .null: def.direction = nil
            case .string(let s) where s == "ltr" || s == "rtl": def.direction = s
            default: throw JSONLDError(.invalidBaseDirection, term)
            }
            def.hasDirection = true
        }
        if let n = v["@nest"] {
            if active.is10 { throw JSONLDError(.invalidTermDefinition, term) }
            guard case .string(let s) = n, !isKeyword(s) || s == "@nest" else { throw JSONLDError(.invalidNestValue, term) }
            def.nest = s
        }
        if let p = v["@prefix"] {
            if active.is10 || term.scalarContains(":") || term.scalarContains("/") { throw JSONLDError(.invalidTermDefinition, term) }
            guard case .bool(let b) = p else { throw JSONLDError(.invalidPrefixValue, term) }
            def.prefix = b
            if b, let iri = def.iri, isKeyword(iri) { throw JSONLDError(.invalidTermDefinition, term) }
        }
        let allowedKeys: Set<String> = [
            "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest",
            "@prefix", "@protected", "@type",
        ]
        if !v.keys.allSatisfy({ allowedKeys.contains($0) }) { throw JSONLDError(.invalidTermDefinition, term) }
        try checkProtected(def, previous, overrideProtected, term, &active)
        defined[CodePointString(term)] = true
    }

    private func checkProtected(
        _ def: TermDefinition, _ previous: TermDefinition?, _ overrideProtected: Bool, _ term: String,
        _ active: inout ActiveContext
    ) throws {
        if !overrideProtected, let previous, previous.protected {
            if !def.sameAs(previous) { throw JSONLDError(.protectedTermRedefinition, term) }
            active.define(term, as: previous)
        } else {
            active.define(term, as: def)
        }
    }

    // MARK: IRI expansion (§5.2)

    /// IRI expansion outside context processing (no local context, so no term is defined on the way): the steps of
    /// the full version below without a local context, with one term lookup.
    func expandIRI(_ active: ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false) throws -> String? {
        if isKeyword(value) { return value }
        if hasKeywordForm(value) { return nil }
        let term = active.definition(of: value)
        if let term, let iri = term.iri, isKeyword(iri) { return iri }
        if vocab, let term { return term.iri }
        if let (prefix, authority) = value.compactIRISplit() {
            if prefix == "_" || authority { return value }
            if let t = active.definition(of: prefix), let iri = t.iri, t.prefix { return iri + value.compactIRISuffix(prefix) }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let v = active.vocab { return v + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }

    func expandIRI(
        _ active: inout ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false,
        local: JSONObject?, defined: inout [CodePointString: Bool], env: TermEnv
    ) throws -> String? {
        if isKeyword(value) { return value }
        if hasKeywordForm(value) { return nil }
        if let local, local.contains(value), defined[CodePointString(value)] != true {
            try createTermDefinition(&active, local, value, &defined, env)
        }
        if let t = active.definition(of: value), let iri = t.iri, isKeyword(iri) { return iri }
        if vocab, let t = active.definition(of: value) { return t.iri }
        if let (prefix, authority) = value.compactIRISplit() {
            if prefix == "_" || authority { return value }
            if let local, local.contains(prefix), defined[CodePointString(prefix)] != true {
                try createTermDefinition(&active, local, prefix, &defined, env)
            }
            if let t = active.definition(of: prefix), let iri = t.iri, t.prefix { return iri + value.compactIRISuffix(prefix) }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let v = active.vocab { return v + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }
}
