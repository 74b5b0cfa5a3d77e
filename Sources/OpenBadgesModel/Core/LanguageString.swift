/// A text property that may be a plain string or a language map (OB 3.0 `name` and `description`).
///
/// Accepted shapes: `"Name"`, `{"en": "Name", "fr": "Nom"}`, `{"@value": "Name", "@language": "en"}` and an array of
/// such value objects.
public struct LanguageString: JSONConvertible, Equatable, CustomStringConvertible {
    /// One language's text.
    public struct Entry: Sendable, Hashable {
        /// The BCP 47 language tag, if the text was tagged.
        public let language: String?
        /// The text.
        public let value: String
    }

    /// The JSON as read.
    public let jsonValue: JSONValue
    /// The texts, in document order.
    public let entries: [Entry]

    /// Creates a plain string.
    public init(_ text: String) {
        jsonValue = .string(text)
        entries = [Entry(language: nil, value: text)]
    }

    /// Reads a string, language map, value object or array of value objects.
    public init(jsonValue: JSONValue, path: String) throws {
        self.jsonValue = jsonValue
        entries = try Self.entries(of: jsonValue, path: path)
        if entries.isEmpty {
            throw ModelError(.invalidValue, field: path, reason: "a language map must hold at least one text")
        }
    }

    private static func entries(of value: JSONValue, path: String) throws -> [Entry] {
        switch value {
        case .string(let s):
            return [Entry(language: nil, value: s)]
        case .object(let o):
            if let v = o["@value"] {
                return [Entry(language: o["@language"]?.stringValue, value: try String(jsonValue: v, path: path + ".@value"))]
            }
            return try o.map { Entry(language: $0.key, value: try String(jsonValue: $0.value, path: "\(path).\($0.key)")) }
        case .array(let a):
            return try a.enumerated().flatMap { try entries(of: $0.element, path: "\(path)[\($0.offset)]") }
        default:
            throw ModelError(.invalidType, field: path, reason: "expected a string or a language map, found \(value.typeName)")
        }
    }

    /// The text in the first preferred language available, else the untagged or first text.
    /// - Parameter languages: preferred tags in order (`["ja", "en"]`); matched case-insensitively, and `en` also
    ///   matches `en-US`.
    public func text(preferring languages: [String] = []) -> String {
        for lang in languages.map({ $0.lowercased() }) {
            if let e = entries.first(where: { ($0.language?.lowercased()).map { $0 == lang || $0.hasPrefix(lang + "-") } ?? false }) {
                return e.value
            }
        }
        return (entries.first(where: { $0.language == nil }) ?? entries[0]).value
    }

    /// The default text (see ``text(preferring:)``).
    public var description: String { text() }
}
