import OpenBadgesModel

/// A fixed set of member names from a schema (a `properties` keyword's names), looked up by code points.
///
/// Evaluation looks up every member of every instance object it checks against `properties` and
/// `additionalProperties`; a `Dictionary` keyed by ``CodePointString`` hashes each key with SipHash. This table is
/// open addressing with FNV-1a over the UTF-8 bytes, which is cheaper for short keys. Only the schema's names are
/// inserted and the load is at most one half: a lookup of an instance's key, whatever it is, stops at the first empty
/// slot, after at most the longest run of schema names.
struct NameTable: Sendable {
    /// The names, in the order given.
    private let names: [String]
    /// Position in `names` for each slot, or -1 for an empty slot. The count is a power of two, at least twice the
    /// number of names.
    private let slots: [Int]

    /// A table of `names`; a name given twice is found at its first position.
    init(_ names: [String]) {
        var size = 4
        while size < names.count * 2 { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        for (position, name) in names.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            while slots[slot] >= 0, !Self.same(names[slots[slot]], name) { slot = (slot + 1) & (size - 1) }
            if slots[slot] < 0 { slots[slot] = position }
        }
        self.names = names
        self.slots = slots
    }

    /// True when the table has no names.
    var isEmpty: Bool { names.isEmpty }

    /// The position of `name` (compared code point for code point), or nil when it is not in the table.
    func position(of name: String) -> Int? {
        var slot = Self.hash(name) & (slots.count - 1)
        while true {
            let position = slots[slot]
            if position < 0 { return nil }
            if Self.same(names[position], name) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Whether `name` is in the table.
    func contains(_ name: String) -> Bool { position(of: name) != nil }

    /// FNV-1a (64-bit) of the UTF-8 bytes, folded; over the contiguous bytes when the string has them (native
    /// strings do), which is much faster than iterating the UTF-8 view.
    private static func hash(_ s: String) -> Int {
        func fnv(_ bytes: some Sequence<UInt8>) -> Int {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }
        return s.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(s.utf8)
    }

    /// Equal code points (UTF-8 bytes), as JSON compares member names.
    private static func same(_ a: String, _ b: String) -> Bool { CodePointString(a) == CodePointString(b) }
}
