import BadgeTestSupport
import Testing

@testable import JSONLD

/// The term table (terms in a `CodePointKeys` hash table, definitions by number): every term is found by its own code
/// points and by nothing else, through growth, removal and copies.
@Suite("Term definitions table")
struct TermDefinitionsTests {
    private func definition(_ iri: String) -> TermDefinition {
        var definition = TermDefinition()
        definition.iri = iri
        return definition
    }

    @Test func findsEveryTermThroughGrowth() {
        var table = TermDefinitions()
        let terms = HashTableKeys.many
        for (number, term) in terms.enumerated() {
            table[term] = definition("https://example.org/\(number)")
            // What was stored before is still found after each insertion (and so after each growth).
            if number.isMultiple(of: 97) {
                for (earlier, stored) in terms[...number].enumerated() {
                    #expect(table[stored]?.iri == "https://example.org/\(earlier)")
                }
            }
        }
        for (number, term) in terms.enumerated() { #expect(table[term]?.iri == "https://example.org/\(number)") }
        for absent in HashTableKeys.absent {
            #expect(table[absent] == nil)
        }
        #expect(Array(table.values).count == terms.count)
        #expect(table.map(\.term) == terms)  // in the order first defined
    }

    @Test func canonicallyEquivalentTermsAreDistinct() {
        var table = TermDefinitions()
        let pairs = [("caf\u{E9}", "cafe\u{301}"), ("\u{1E0A}\u{323}", "\u{1E0C}\u{307}"), ("\u{212B}", "\u{C5}")]
        for (a, b) in pairs {
            #expect(a == b)  // Swift's String equality: canonical equivalence
            table[a] = definition("https://example.org/a/\(a)")
            #expect(table[b] == nil)
            table[b] = definition("https://example.org/b/\(b)")
            #expect(table[a]?.iri == "https://example.org/a/\(a)")
            #expect(table[b]?.iri == "https://example.org/b/\(b)")
        }
    }

    @Test func removalAndRedefinition() {
        var table = TermDefinitions()
        for number in 0..<40 { table["t\(number)"] = definition("https://example.org/\(number)") }
        #expect(table.removeValue(forKey: "t7")?.iri == "https://example.org/7")
        #expect(table["t7"] == nil)
        #expect(table.removeValue(forKey: "t7") == nil)
        #expect(table.removeValue(forKey: "never") == nil)
        table["t8"] = nil
        #expect(table["t8"] == nil)
        #expect(!table.contains { $0.term == "t7" || $0.term == "t8" })
        #expect(Array(table.values).count == 38)
        // Every other term is untouched, and a removed term can be defined again.
        for number in 0..<40 where number != 7 && number != 8 { #expect(table["t\(number)"]?.iri == "https://example.org/\(number)") }
        table["t7"] = definition("https://example.org/again")
        #expect(table["t7"]?.iri == "https://example.org/again")
        #expect(Array(table.values).count == 39)
    }

    @Test func copiesAreIndependent() {
        var original = TermDefinitions()
        for number in 0..<10 { original["t\(number)"] = definition("https://example.org/\(number)") }
        var copy = original
        copy["t0"] = definition("https://example.org/changed")
        copy["new"] = definition("https://example.org/new")
        _ = copy.removeValue(forKey: "t1")
        for number in 12..<40 { copy["t\(number)"] = definition("https://example.org/\(number)") }  // grows the copy
        #expect(original["t0"]?.iri == "https://example.org/0")
        #expect(original["t1"]?.iri == "https://example.org/1")
        #expect(original["new"] == nil && original["t12"] == nil)
        #expect(copy["t0"]?.iri == "https://example.org/changed" && copy["t1"] == nil && copy["t39"] != nil)
    }
}
