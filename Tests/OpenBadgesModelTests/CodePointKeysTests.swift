import BadgeTestSupport
import OpenBadgesModel
import Testing

/// `CodePointKeys` numbers strings in the order they are added and finds each by its own code points, and by nothing
/// else, through growth and copies.
@Suite("Code point keys")
struct CodePointKeysTests {
    @Test func numbersKeysInOrderThroughGrowth() {
        var table = CodePointKeys()
        let keys = HashTableKeys.many
        for (number, key) in keys.enumerated() {
            #expect(table.insert(key) == (number, true))
            // What was added before keeps its number after each insertion (and so after each growth).
            if number.isMultiple(of: 97) {
                for (earlier, added) in keys[...number].enumerated() { #expect(table.index(of: added) == earlier) }
            }
        }
        #expect(table.count == keys.count)
        for (number, key) in keys.enumerated() {
            #expect(table.index(of: key) == number && table.key(at: number) == key)
            #expect(table.insert(key) == (number, false))  // added again: the same number, nothing new
        }
        #expect(table.count == keys.count)
        for absent in HashTableKeys.absent {
            #expect(table.index(of: absent) == nil)
        }
    }

    @Test func roomMadeAheadHoldsEveryKey() {
        for capacity in [0, 1, 11, 12, 13, 100] {
            var table = CodePointKeys(capacity: capacity)
            for number in 0..<(capacity + 20) { #expect(table.insert("k\(number)") == (number, true)) }
            for number in 0..<(capacity + 20) { #expect(table.index(of: "k\(number)") == number) }
            #expect(table.index(of: "k\(capacity + 20)") == nil)
        }
    }

    @Test func canonicallyEquivalentKeysAreDistinct() {
        var table = CodePointKeys()
        let pairs = [("caf\u{E9}", "cafe\u{301}"), ("\u{1E0A}\u{323}", "\u{1E0C}\u{307}"), ("\u{212B}", "\u{C5}")]
        for (a, b) in pairs {
            #expect(a == b)  // Swift's String equality: canonical equivalence
            let first = table.insert(a).index
            #expect(table.index(of: b) == nil)
            let second = table.insert(b)
            #expect(second.inserted && second.index != first)
            #expect(table.index(of: a) == first && table.index(of: b) == second.index)
        }
    }

    @Test func keysGivenAtOnceAreNumberedInOrder() {
        let names = (0..<100).map { "member\($0)" } + ["", "caf\u{e9}", "a/b", "~"]
        let table = CodePointKeys(names)
        for (position, name) in names.enumerated() { #expect(table.index(of: name) == position, "\(name)") }
        #expect(table.index(of: "member100") == nil && table.index(of: "Member1") == nil && table.index(of: "cafe\u{301}") == nil)
        #expect(CodePointKeys(["a", "b", "a"]).index(of: "a") == 0 && CodePointKeys(["a", "b", "a"]).count == 2)
        let empty = CodePointKeys([])
        #expect(empty.count == 0 && empty.index(of: "") == nil && empty.index(of: "a") == nil)
    }

    @Test func copiesAreIndependent() {
        var original = CodePointKeys()
        for number in 0..<10 { original.insert("k\(number)") }
        var copy = original
        for number in 10..<40 { copy.insert("k\(number)") }  // grows the copy
        #expect(original.count == 10 && original.index(of: "k10") == nil && original.index(of: "k9") == 9)
        #expect(copy.count == 40 && copy.index(of: "k39") == 39 && copy.index(of: "k0") == 0)
    }
}
