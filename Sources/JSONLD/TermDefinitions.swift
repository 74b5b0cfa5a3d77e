import OpenBadgesModel

/// Term definitions by term, compared as code points (their UTF-8 bytes), in an open-addressing hash table.
///
/// Expansion asks this table for nearly every key and value of a document, a few hundred times per credential, and
/// most asks are for short terms: through `Dictionary` each paid for a SipHash of the term (seeding, compression and
/// finalization) and a witness-table equality. Here a term is hashed once, with ``TermHash`` (seeded per process),
/// and compared byte for byte only when the stored hash matches.
///
/// A removed term keeps its entry, with no definition, so that nothing is ever taken out of the probe sequences.
struct TermDefinitions: Sendable {
    /// The terms, in the order they were first defined.
    private var terms: [String] = []
    /// Each term's hash (``TermHash``).
    private var hashes: [UInt64] = []
    /// Each term's definition; nil once removed.
    private var definitions: [TermDefinition?] = []
    /// Indices into the entries (-1: empty), by hash; linear probing; a power of two long, at most three quarters full.
    private var slots: [Int32] = []

    /// An empty table.
    init() {}

    /// The definition of `term`; setting nil removes it.
    subscript(term: String) -> TermDefinition? {
        get { entry(of: term, hash: TermHash.hash(term)).map { definitions[$0] } ?? nil }
        set { update(term, to: newValue) }
    }

    /// Removes the definition of `term` and returns it, if there was one.
    mutating func removeValue(forKey term: String) -> TermDefinition? {
        guard let index = entry(of: term, hash: TermHash.hash(term)) else { return nil }
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
        let hash = TermHash.hash(term)
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

/// A fast hash of a string's UTF-8 bytes, keyed by a random seed drawn once per process, so that a stranger who
/// writes a context cannot choose terms that all land in one probe sequence.
///
/// The construction is wyhash's: 64×64→128-bit multiplications folded to 64 bits, over 16 bytes at a time.
enum TermHash {
    /// Three random 64-bit keys.
    private static let seed: (UInt64, UInt64, UInt64) = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next() | 1, generator.next())
    }()

    /// The hash of `string`'s UTF-8 bytes.
    static func hash(_ string: String) -> UInt64 {
        if let hash = string.utf8.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return hash }
        return hash(Array(string.utf8))
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { hash($0) } }

    /// The hash of `bytes`.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let (key0, key1, key2) = seed
        let count = bytes.count
        var state = key0
        let a: UInt64
        let b: UInt64
        if count <= 16 {
            if count >= 8 {
                a = bytes.loadUnaligned(as: UInt64.self)
                b = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                a = UInt64(bytes.loadUnaligned(as: UInt32.self))
                b = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else if count > 0 {
                a = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
                b = 0
            } else {
                a = 0
                b = 0
            }
        } else {
            var offset = 0
            while count - offset > 16 {
                state = fold(
                    bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ key1,
                    bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) ^ state)
                offset += 16
            }
            a = bytes.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            b = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        return fold(key1 ^ UInt64(count), fold(a ^ key1, b ^ state) ^ key2)
    }

    /// The two halves of the 128-bit product, XORed.
    private static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let (high, low) = x.multipliedFullWidth(by: y)
        return high ^ low
    }
}
