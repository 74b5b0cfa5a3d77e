/// A property that may hold one value or an array of values (`"type": "Assertion"` or `"type": ["Assertion"]`).
///
/// The written shape is remembered, so re-encoding writes a single value back as a single value.
public struct OneOrMany<Element: JSONConvertible & Equatable>: JSONConvertible, Equatable, Sequence {
    /// The values (one element when the JSON held a single value).
    public let values: [Element]
    /// Whether the JSON held an array.
    public let isArray: Bool

    /// Creates a value; a single element with `isArray == false` is written without brackets.
    public init(_ values: [Element], isArray: Bool = true) {
        self.values = values
        self.isArray = isArray || values.count != 1
    }

    /// Creates a single value.
    public init(_ value: Element) {
        self.values = [value]
        self.isArray = false
    }

    /// Reads one value or an array (each element is read at `path[i]`).
    public init(jsonValue: JSONValue, path: String) throws {
        if case .array(let elements) = jsonValue {
            values = try elements.enumerated().map { try Element(jsonValue: $0.element, path: "\(path)[\($0.offset)]") }
            isArray = true
        } else {
            values = [try Element(jsonValue: jsonValue, path: path)]
            isArray = false
        }
    }

    /// The JSON form, in the shape that was read.
    public var jsonValue: JSONValue {
        if !isArray, values.count == 1 { return values[0].jsonValue }
        return .array(values.map(\.jsonValue))
    }

    /// The first value.
    public var first: Element? { values.first }

    /// Iterates the values.
    public func makeIterator() -> IndexingIterator<[Element]> { values.makeIterator() }
}

extension OneOrMany where Element == String {
    /// Whether one of the values equals `value`.
    public func contains(_ value: String) -> Bool { values.contains(value) }
}
