import OpenBadgesModel

/// A fixed set of member names from a schema (a `properties` keyword's names), looked up by code points.
///
/// Evaluation looks up every member of every instance object it checks against `properties` and
/// `additionalProperties`; a `Dictionary` keyed by ``CodePointString`` hashes each key with SipHash. This table is
/// open addressing with `CodePointHash` over the UTF-8 bytes, which is cheaper for short keys. Only the schema's names are
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

    /// The seeded hash of the UTF-8 bytes.
    private static func hash(_ s: String) -> Int { Int(truncatingIfNeeded: CodePointHash.hash(s)) }

    /// Equal code points (UTF-8 bytes), as JSON compares member names.
    private static func same(_ a: String, _ b: String) -> Bool { CodePointString(a) == CodePointString(b) }
}
