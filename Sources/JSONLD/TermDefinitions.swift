import OpenBadgesModel

/// Term definitions by term, compared as code points: the terms in a ``CodePointKeys`` table, and their definitions
/// by the terms' numbers.
///
/// Expansion asks this table for nearly every key and value of a document, a few hundred times per credential. (It
/// is not generic, so that those lookups are specialized here.) A removed term keeps its number, without a definition.
struct TermDefinitions: Sendable, Sequence {
    /// Every term ever defined.
    private var terms = CodePointKeys()
    /// The definitions by term number (nil once removed).
    private var definitions: [TermDefinition?] = []

    /// An empty table.
    init() {}

    /// The definition of `term`; setting nil removes it.
    subscript(term: String) -> TermDefinition? {
        get { terms.index(of: term).flatMap { definitions[$0] } }
        set {
            guard let newValue else {
                _ = removeValue(forKey: term)
                return
            }
            let (index, inserted) = terms.insert(term)
            if inserted { definitions.append(newValue) } else { definitions[index] = newValue }
        }
    }

    /// Removes the definition of `term` and returns it, if there was one.
    mutating func removeValue(forKey term: String) -> TermDefinition? {
        guard let index = terms.index(of: term) else { return nil }
        defer { definitions[index] = nil }
        return definitions[index]
    }

    /// The definitions, in the order their terms were first defined.
    var values: some Sequence<TermDefinition> { definitions.lazy.compactMap { $0 } }

    /// Iterates the terms that have a definition, with it, in the order the terms were first defined.
    struct Iterator: IteratorProtocol {
        let terms: CodePointKeys
        let definitions: [TermDefinition?]
        var position = 0

        /// The next term and its definition.
        mutating func next() -> (term: String, definition: TermDefinition)? {
            while position < definitions.count {
                defer { position += 1 }
                if let definition = definitions[position] { return (terms.key(at: position), definition) }
            }
            return nil
        }
    }

    /// Iterates the terms that have a definition, with it, in the order the terms were first defined.
    func makeIterator() -> Iterator { Iterator(terms: terms, definitions: definitions) }
}
