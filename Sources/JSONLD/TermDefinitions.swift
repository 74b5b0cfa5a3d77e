import OpenBadgesModel

/// Term definitions by term, compared as code points (their UTF-8 bytes), in an open-addressing hash table.
///
/// Expansion asks this table for nearly every key and value of a document, a few hundred times per credential, and
/// most asks are for short terms: through `Dictionary` each paid for a SipHash of the term (seeding, compression and
/// finalization) and a witness-table equality. Here a term is hashed once, with `CodePointHash` (seeded per process),
/// and compared byte for byte only when the stored hash matches.
///
/// A removed term keeps its entry, with no definition, so that nothing is ever taken out of the probe sequences.
struct TermDefinitions: Sendable {
    /// The terms, in the order they were first defined.
    private var terms: [String] = []
    /// Each term's hash (`CodePointHash`).
    private var hashes: [UInt64] = []
    /// Each term's definition; nil once removed.
    private var definitions: [TermDefinition?] = []
    /// Indices into the entries (-1: empty), by hash; linear probing; a power of two long, at most three quarters full.
    private var slots: [Int32] = []

    /// An empty table.
    init() {}

    /// The definition of `term`; setting nil removes it.
    subscript(term: String) -> TermDefinition? {
        get { entry(of: term, hash: CodePointHash.hash(term)).map { definitions[$0] } ?? nil }
        set { update(term, to: newValue) }
    }

    /// Removes the definition of `term` and returns it, if there was one.
    mutating func removeValue(forKey term: String) -> TermDefinition? {
        guard let index = entry(of: term, hash: CodePointHash.hash(term)) else { return nil }
        defer { definitions[index] = nil }
        return definitions[index]
    }

    /// The definitions, in no particular order.
    var values: some Sequence<TermDefinition> { definitions.lazy.compactMap { $0 } }

    /// The terms with their definitions, in no particular order.
    var all: some Sequence<(term: String, definition: TermDefinition)> {
        zip(terms, definitions).lazy.compactMap { term, definition in definition.map { (term, $0) } }
    }

    /// The entry of `term` (whose hash is `hash`), if it has one.
    private func entry(of term: String, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if hashes[index] == hash, CodePointString(terms[index]) == CodePointString(term) { return index }
            slot = (slot + 1) & mask
        }
    }

    private mutating func update(_ term: String, to definition: TermDefinition?) {
        let hash = CodePointHash.hash(term)
        if let index = entry(of: term, hash: hash) {
            definitions[index] = definition
            return
        }
        guard let definition else { return }
        if (terms.count + 1) * 4 > slots.count * 3 { grow() }
        terms.append(term)
        hashes.append(hash)
        definitions.append(definition)
        place(terms.count - 1, hash: hash)
    }

    /// Doubles the slots (16 at first) and places every entry again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for index in hashes.indices { place(index, hash: hashes[index]) }
    }

    /// Puts entry `index` in the first empty slot of its probe sequence.
    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
