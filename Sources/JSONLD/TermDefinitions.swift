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
    /// A term, its hash (`CodePointHash`) and its definition (nil once removed).
    private struct Entry: Sendable {
        let term: String
        let hash: UInt64
        var definition: TermDefinition?
    }

    /// The entries, in the order their terms were first defined. (Two arrays in all, so that the copy an active
    /// context makes before changing a term costs two allocations.)
    private var entries: [Entry] = []
    /// Indices into the entries (-1: empty), by hash; linear probing; a power of two long, at most three quarters full.
    private var slots: [Int32] = []

    /// An empty table.
    init() {}

    /// The definition of `term`; setting nil removes it.
    subscript(term: String) -> TermDefinition? {
        get { entry(of: term, hash: CodePointHash.hash(term)).map { entries[$0].definition } ?? nil }
        set { update(term, to: newValue) }
    }

    /// Removes the definition of `term` and returns it, if there was one.
    mutating func removeValue(forKey term: String) -> TermDefinition? {
        guard let index = entry(of: term, hash: CodePointHash.hash(term)) else { return nil }
        defer { entries[index].definition = nil }
        return entries[index].definition
    }

    /// The definitions, in no particular order.
    var values: some Sequence<TermDefinition> { entries.lazy.compactMap(\.definition) }

    /// The terms with their definitions, in no particular order.
    var all: some Sequence<(term: String, definition: TermDefinition)> {
        entries.lazy.compactMap { entry in entry.definition.map { (entry.term, $0) } }
    }

    /// The entry of `term` (whose hash is `hash`), if it has one.
    private func entry(of term: String, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash, CodePointString(entries[index].term) == CodePointString(term) { return index }
            slot = (slot + 1) & mask
        }
    }

    private mutating func update(_ term: String, to definition: TermDefinition?) {
        let hash = CodePointHash.hash(term)
        if let index = entry(of: term, hash: hash) {
            entries[index].definition = definition
            return
        }
        guard let definition else { return }
        if (entries.count + 1) * 4 > slots.count * 3 { grow() }
        entries.append(Entry(term: term, hash: hash, definition: definition))
        place(entries.count - 1, hash: hash)
    }

    /// Doubles the slots (16 at first) and places every entry again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }

    /// Puts entry `index` in the first empty slot of its probe sequence.
    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
