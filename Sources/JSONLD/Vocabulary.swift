/// The names a set of contexts gives to IRIs: every term they define, at the top level and in every property- or
/// type-scoped context, and the `@vocab` prefixes they set.
///
/// A verifier uses it to read a signed dataset back under the names that published contexts give its IRIs, so that
/// a document cannot show one thing in its JSON while its signed triples say another (see `SignedDataAgreement` in
/// BadgeVerification).
import OpenBadgesModel
import RDFCanonicalization
package struct JSONLDVocabulary: Sendable {
    /// The IRIs (and keywords) terms expand to, told apart by code points.
    private var iris = CodePointKeys()
    /// The term names of each IRI, by the IRI's number.
    private var namesOfIRIs: [Set<String>] = []
    /// Every term name defined.
    package private(set) var names: Set<String> = []
    /// Every `@vocab` IRI set by the contexts.
    package private(set) var vocabularies: Set<String> = []

    /// An empty vocabulary.
    package init() {}

    /// The names the vocabulary gives `iri`: its terms, and the remainder after a `@vocab` prefix.
    package func names(of iri: String) -> Set<String> {
        var result: Set<String> = []
        forEachName(of: iri) { result.insert($0) }
        return result
    }

    /// Calls `body` with each name the vocabulary gives `iri` (a name may come twice: as a term and after a
    /// `@vocab`), without collecting them.
    package func forEachName(of iri: String, _ body: (String) -> Void) {
        if let index = iris.index(of: iri) { namesOfIRIs[index].forEach(body) }
        // By code points (UTF-8 bytes), as IRIs compare: a prefix of bytes that are whole code points.
        for vocabulary in vocabularies where iri.utf8.count > vocabulary.utf8.count && iri.scalarHasPrefix(vocabulary) {
            body(String(iri[iri.utf8.index(iri.utf8.startIndex, offsetBy: vocabulary.utf8.count)...]))
        }
    }

    /// Whether `name` is one of the names of `iri`, comparing code points.
    package func isName(_ name: String, of iri: String) -> Bool {
        let wanted = CodePointString(name)
        if let index = iris.index(of: iri), namesOfIRIs[index].contains(where: { CodePointString($0) == wanted }) { return true }
        // A name after a `@vocab` prefix is the rest of the IRI (never empty): the IRI is the prefix and then the name.
        return !name.isEmpty
            && vocabularies.contains { vocabulary in
                iri.utf8.count == vocabulary.utf8.count + name.utf8.count && iri.scalarHasPrefix(vocabulary)
                    && iri.utf8.dropFirst(vocabulary.utf8.count).elementsEqual(name.utf8)
            }
    }

    /// Each IRI a term expands to, with the names of those terms, in the order the IRIs were added.
    package var namesByIRI: some Sequence<(iri: String, names: Set<String>)> {
        namesOfIRIs.indices.lazy.map { (iris.key(at: $0), namesOfIRIs[$0]) }
    }

    /// Whether `iri` is named by the vocabulary (a term's IRI or under a `@vocab`).
    package func knows(_ iri: String) -> Bool { !names(of: iri).isEmpty }

    /// Adds a term.
    package mutating func add(name: String, iri: String) {
        let (index, inserted) = iris.insert(iri)
        if inserted { namesOfIRIs.append([name]) } else { namesOfIRIs[index].insert(name) }
        names.insert(name)
    }

    /// Adds every term of `other` whose name and IRI this vocabulary does not know yet: the way a document's own
    /// (inline) contexts may add new terms but never rename or reuse a published one.
    package mutating func addNew(from other: JSONLDVocabulary) {
        for (iri, otherNames) in other.namesByIRI where iris.index(of: iri) == nil && !vocabularies.contains(where: { iri.scalarHasPrefix($0) }) {
            for name in otherNames where !names.contains(name) { add(name: name, iri: iri) }
        }
    }

    /// Adds the `@vocab` IRIs and terms of `other`.
    package mutating func merge(_ other: JSONLDVocabulary) {
        for (iri, otherNames) in other.namesByIRI {
            for name in otherNames { add(name: name, iri: iri) }
        }
        vocabularies.formUnion(other.vocabularies)
    }

    mutating func addVocabulary(_ iri: String) { vocabularies.insert(iri) }
}

extension JSONLDVocabulary: Equatable {
    /// Vocabularies are equal when they give the same IRIs the same names and set the same `@vocab` IRIs, whatever
    /// the order they were added in.
    package static func == (a: JSONLDVocabulary, b: JSONLDVocabulary) -> Bool {
        a.names == b.names && a.vocabularies == b.vocabularies && a.iris.count == b.iris.count
            && a.namesByIRI.allSatisfy { iri, names in b.iris.index(of: iri).map { b.namesOfIRIs[$0] == names } ?? false }
    }

    /// The vocabulary as text, one line per `@vocab` IRI (`@vocab`, a tab, the IRI) and per named IRI (the IRI, then
    /// each name after a tab), lines and names sorted: the same vocabulary always gives the same text.
    ///
    /// Nil when an IRI or a name holds a tab or a line break, which the text cannot show.
    package var snapshot: String? {
        let all = vocabularies.union(namesByIRI.map(\.iri)).union(names)
        guard !all.contains(where: { $0.contains(where: { $0 == "\t" || $0.isNewline }) }) else { return nil }
        let vocabLines = vocabularies.sorted(by: codePointPrecedes).map { "@vocab\t" + $0 }
        let termLines = namesByIRI.sorted { codePointPrecedes($0.iri, $1.iri) }.map { iri, names in
            ([iri] + names.sorted(by: codePointPrecedes)).joined(separator: "\t")
        }
        return (vocabLines + termLines).joined(separator: "\n")
    }

    /// The vocabulary a ``snapshot`` shows.
    ///
    /// Read in one pass over the UTF-8 bytes: it is read once per process, on the way to the first verification.
    package init(snapshot: String) {
        snapshot.withUTF8Bytes { bytes in
            var fields: [String] = []
            var start = 0
            for end in 0...bytes.count {
                let byte = end < bytes.count ? bytes[end] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") else { continue }
                if end > start { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1
                if byte == UInt8(ascii: "\n"), let first = fields.first {
                    addLine(first, fields.dropFirst())
                    fields.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// One line of a snapshot: `@vocab` and its IRIs, or an IRI and its names.
    private mutating func addLine(_ first: String, _ rest: ArraySlice<String>) {
        if first == "@vocab" {
            vocabularies.formUnion(rest)
            return
        }
        for name in rest { add(name: name, iri: first) }
    }
}

extension JSONLDProcessor {
    /// The vocabulary of `context` (a context URL, an inline context object, or an array of them): every term it
    /// defines, including those of its scoped contexts, each scoped context processed once.
    /// - Throws: `JSONLDError` when the context cannot be loaded or processed.
    package func vocabulary(of context: JSONValue) throws -> JSONLDVocabulary {
        let root = initialContext()
        guard let node = root.cacheNode, let urls = contextReferences(context) else { return try computeVocabulary(of: context, from: root) }
        // Context references: the vocabulary is kept with the shared cache, and its cost charged on every use.
        if let hit = node.vocabulary(of: urls), fitsLimits(hit.trace) {
            replay(hit.trace)
            return hit.vocabulary
        }
        let startNesting = contextCache.nesting
        let (vocabulary, trace) = try recordingTrace { try computeVocabulary(of: context, from: root) }
        // A scoped context that failed on a limit is skipped, which makes a partial vocabulary: not kept. (The limits
        // only grow or are maxima, so being within them now means none was reached.)
        let withinLimits =
            contextCache.work <= options.maximumContextWork && contextCache.loads <= options.maximumRemoteContextLoads
            && startNesting + trace.depth <= options.maximumDepth && trace.remoteDepth < options.maximumRemoteContextDepth
        if !trace.mutable, withinLimits, let cache = options.contextCache, cache.reserve() {
            node.setVocabulary(vocabulary, trace: trace, of: urls)
        }
        return vocabulary
    }

    private func computeVocabulary(of context: JSONValue, from root: ActiveContext) throws -> JSONLDVocabulary {
        var vocabulary = JSONLDVocabulary()
        var seen = Set<ScopedKey>()
        let active = try processContext(root, context, baseURL: options.base)
        try collect(active, into: &vocabulary, seen: &seen)
        return vocabulary
    }

    /// A scoped context and the base it is processed against.
    ///
    /// Hashed by the base and the context's member names (in any order, as equality takes them), not by the whole
    /// context: contexts are large, and met again and again. Equality still compares them whole, at once when they
    /// share storage (a context met again through another term does).
    private struct ScopedKey: Hashable {
        let baseURL: String?
        let context: JSONValue

        func hash(into hasher: inout Hasher) {
            hasher.combine(baseURL)
            guard case .object(let object) = context else { return hasher.combine(context) }
            var names = 0
            for key in object.keys { names &+= CodePointString(key).hashValue }
            hasher.combine(object.count)
            hasher.combine(names)
        }
    }

    private func collect(_ active: ActiveContext, into vocabulary: inout JSONLDVocabulary, seen: inout Set<ScopedKey>) throws {
        if let vocab = active.vocab { vocabulary.addVocabulary(vocab) }
        for (name, definition) in active.terms {
            // A keyword alias is not a name for data: only `id` and `type` (aliases of @id and @type) are kept.
            guard let iri = definition.iri, !definition.reverse, isDataMember(iri) else { continue }
            vocabulary.add(name: name, iri: iri)
        }
        // In term order, so that the same contexts always give the same vocabulary: a scoped context is processed on
        // top of the context where it is first met, and may fail on one and not on another.
        let scopes = active.terms.compactMap { name, definition in definition.context.map { (name, definition, $0) } }
        for (_, definition, scoped) in scopes.sorted(by: { codePointPrecedes($0.0, $1.0) }) {
            // Each scoped context once (by its text and base): contexts refer to each other's scopes repeatedly.
            let key = ScopedKey(baseURL: definition.baseURL, context: scoped.value)
            guard !seen.contains(key),
                let inner = try? processContext(
                    active, scoped.value, baseURL: definition.baseURL, overrideProtected: true,
                    validateScopedContext: false, scoped: scoped)
            else { continue }
            seen.insert(key)
            try collect(inner, into: &vocabulary, seen: &seen)
        }
    }
}
