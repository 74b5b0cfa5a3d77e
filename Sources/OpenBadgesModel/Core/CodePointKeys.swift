/// Strings compared as code points (their UTF-8 bytes, see ``CodePointString``), each numbered in the order it was
/// first added, and found through an open-addressing hash table.
///
/// JSON member names, JSON-LD terms and IRIs compare as code points, and the verifier looks them up a few hundred
/// times per credential, mostly short ones. Through `Dictionary` each lookup paid for a SipHash of the key (seeding,
/// compression and finalization) and a witness-table equality. Here a key is hashed once, with ``CodePointHash``
/// (seeded per process, so a stranger who writes the keys cannot make them collide), and its bytes are compared only
/// when the stored hash matches.
///
/// A dictionary is these keys and an array of values by the keys' numbers, kept by the module that needs one: it is
/// not a generic type here, because a generic type from another module is not specialized, and its lookups would
/// cost several times the hash table's. Keys are never taken out, so no probe sequence is ever broken.
package struct CodePointKeys: Sendable {
    /// A key and its hash.
    private struct Entry: Sendable {
        let key: String
        let hash: UInt64
    }

    /// The keys, in the order they were added.
    private var entries: [Entry] = []
    /// Indices into the entries (-1: empty), by hash; linear probing; a power of two long, at most three quarters full.
    private var slots: [Int32] = []

    /// No keys.
    package init() {}

    /// No keys, with room for `capacity` keys without growing.
    package init(capacity: Int) {
        entries.reserveCapacity(capacity)
        var slotCount = 16
        while capacity * 4 > slotCount * 3 { slotCount *= 2 }
        slots = Array(repeating: -1, count: slotCount)
    }

    /// `keys`, numbered in order (a key given twice keeps its first number).
    package init(_ keys: [String]) {
        self.init(capacity: keys.count)
        for key in keys { insert(key) }
    }

    /// How many keys were added.
    package var count: Int { entries.count }

    /// The key numbered `index`.
    package func key(at index: Int) -> String { entries[index].key }

    /// The number of `key`, if it was added.
    package func index(of key: String) -> Int? { index(of: key, hash: CodePointHash.hash(key)) }

    /// Adds `key` unless it is there; returns its number, and whether it is new.
    @discardableResult
    package mutating func insert(_ key: String) -> (index: Int, inserted: Bool) {
        let hash = CodePointHash.hash(key)
        if let index = index(of: key, hash: hash) { return (index, false) }
        if (entries.count + 1) * 4 > slots.count * 3 { grow() }
        entries.append(Entry(key: key, hash: hash))
        place(entries.count - 1, hash: hash)
        return (entries.count - 1, true)
    }

    private func index(of key: String, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let wanted = CodePointString(key)
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash, CodePointString(entries[index].key) == wanted { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots (16 at first) and places every entry again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: Swift.max(16, slots.count * 2))
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
