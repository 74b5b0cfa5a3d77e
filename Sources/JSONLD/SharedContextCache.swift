import Foundation
import OpenBadgesModel

/// Processed active contexts shared by many ``JSONLDProcessor``s, across tasks and threads.
///
/// Processing the contexts a credential names (VC 2.0, Open Badges 3.0, and their type- and property-scoped
/// contexts) is most of the cost of expanding it; the result depends only on the context it started from, the
/// context applied and the documents loaded. With ``JSONLDOptions/contextCache`` set, a processor looks each
/// context application up here first, and keeps what it computed for the next document.
///
/// Context references (URLs) are compared as code points.
///
/// What is cached and when:
/// - only applications whose every loaded document is marked ``RemoteDocument/isImmutable`` (a loader's promise
///   that the URL always gives that document, as hash-pinned bundled contexts are); a document fetched for one
///   operation never serves another;
/// - only context references (a URL or an array of URLs) and the scoped contexts of cached term definitions; inline
///   context objects are processed every time;
/// - at most ``maximumEntries`` entries, then nothing more is added (entries are immutable, never evicted).
///
/// A hit charges the processor exactly what processing would have: the same context work, remote loads and
/// nesting, checked against the processor's own limits, so results and limits never depend on what is cached.
/// Lookups take a lock per cached context (not one for the whole cache), held only for a dictionary lookup.
package final class JSONLDContextCache: @unchecked Sendable {
    /// The most entries the cache holds.
    package let maximumEntries: Int
    private let lock = Lock()
    private var roots: [RootKey: ContextNode] = [:]
    private var entries = 0

    struct RootKey: Hashable {
        let base: CodePointString?
        let mode: JSONLDProcessingMode
    }

    /// Makes an empty cache of at most `maximumEntries` processed contexts.
    package init(maximumEntries: Int = 1024) { self.maximumEntries = maximumEntries }

    /// The number of processed contexts held.
    package var count: Int { lock.withLock { entries } }

    func root(base: String?, mode: JSONLDProcessingMode) -> ContextNode {
        lock.withLock {
            let key = RootKey(base: base.map(CodePointString.init), mode: mode)
            if let node = roots[key] { return node }
            let node = ContextNode()
            roots[key] = node
            return node
        }
    }

    /// Reserves room for one entry; false when the cache is full.
    func reserve() -> Bool {
        lock.withLock {
            guard entries < maximumEntries else { return false }
            entries += 1
            return true
        }
    }
}

/// A scoped context of a term definition, by reference: cached term definitions share it, so a context application
/// can be looked up by its identity instead of hashing the context.
final class ScopedContext: Sendable, Equatable {
    let value: JSONValue
    init(_ value: JSONValue) { self.value = value }
    static func == (a: ScopedContext, b: ScopedContext) -> Bool { a === b || a.value == b.value }
}

/// A cached active context's place in a ``JSONLDContextCache``: the contexts processed on top of it.
final class ContextNode: @unchecked Sendable {
    private let lock = Lock()
    private var children: [ChildKey: CachedContext] = [:]

    func child(_ key: ChildKey) -> CachedContext? { lock.withLock { children[key] } }

    private var vocabularies: [[CodePointString]: (vocabulary: JSONLDVocabulary, trace: ContextTrace)] = [:]

    func vocabulary(of context: [CodePointString]) -> (vocabulary: JSONLDVocabulary, trace: ContextTrace)? { lock.withLock { vocabularies[context] } }

    func setVocabulary(_ vocabulary: JSONLDVocabulary, trace: ContextTrace, of context: [CodePointString]) {
        lock.withLock { vocabularies[context] = (vocabulary, trace) }
    }

    func add(_ key: ChildKey, _ entry: CachedContext) -> CachedContext {
        lock.withLock {
            if let existing = children[key] { return existing }
            children[key] = entry
            return entry
        }
    }
}

/// What a context application is keyed by besides the context it starts from.
struct ChildKey: Hashable {
    enum Source: Hashable {
        /// Context references: URLs, compared as code points.
        case references([CodePointString])
        /// The scoped context of a cached term definition, by identity.
        case scoped(ObjectIdentifier)
    }
    let source: Source
    let baseURL: CodePointString?
    let remoteContexts: [CodePointString]
    let overrideProtected: Bool
    let propagate: Bool
    let validateScopedContext: Bool
}

/// A processed context and what processing it cost (charged again on every hit).
struct CachedContext: @unchecked Sendable {
    let context: ActiveContext
    let trace: ContextTrace
    /// Keeps the scoped context of a `.scoped` key alive, so that its identity is never reused.
    let anchor: ScopedContext?
}

/// What one context application did: work, loads, deepest nesting and remote chain, and whether every document it
/// loaded was immutable.
struct ContextTrace {
    var work = 0
    var loads: [(url: String, document: JSONValue, documentURL: String, immutable: Bool)] = []
    /// Deepest `processContext` nesting reached, counted from the application's caller.
    var depth = 0
    /// Longest remote context chain checked against ``JSONLDOptions/maximumRemoteContextDepth`` (-1: none checked).
    var remoteDepth = -1
    var mutable = false
}

/// The URLs of a context that only references others (a URL, or a non-empty array of URLs), as code points; nil for
/// any other context.
func contextReferences(_ context: JSONValue) -> [CodePointString]? {
    switch context {
    case .string(let url): return [CodePointString(url)]
    case .array(let items) where !items.isEmpty:
        var urls: [CodePointString] = []
        for item in items {
            guard case .string(let url) = item else { return nil }
            urls.append(CodePointString(url))
        }
        return urls
    default: return nil
    }
}

/// The expansions of the last few documents, for one verification that expands the same document more than once
/// (to canonicalize it, and to read its signed data back). Set it as ``JSONLDProcessor/expansionMemo`` only on
/// processors with the same options and loader: a document is recognised by its exact JSON (code points, key order,
/// number text), and gets the expansion and dropped keys computed the first time. A processor that gets an
/// expansion from the memo is charged the context work and loads that making it took (and makes it for real when
/// that is over its limit), so budgets are the same as without the memo.
package final class JSONLDExpansionMemo: @unchecked Sendable {
    struct Entry {
        let input: JSONValue
        let expanded: [JSONValue]
        let dropped: [DroppedKey]
        let work: Int
        let loads: Int
        let documents: [CodePointString: (JSONValue, String, Bool)]
    }

    private let lock = Lock()
    private var entries: [Entry] = []
    /// How many documents are remembered.
    package static let capacity = 4

    /// Makes an empty memo.
    package init() {}

    func lookup(_ input: JSONValue) -> Entry? {
        lock.withLock { entries.first { ExactJSON.equal($0.input, input, ordered: true) } }
    }

    func store(_ entry: Entry) {
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append(entry)
        }
    }
}
