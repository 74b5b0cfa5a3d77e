/// A JSON value that keeps object key order and the source text of numbers.
///
/// `JSONSerialization` on Linux loses the distinction between `1` and `1.0` and between booleans and numbers;
/// JSON-LD and RFC 8785 need both, so the linked-data modules use this type and ``JSONParser``.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, with its source text.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in source order.
    case object(JSONObject)

    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The object, if this is an object.
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// The boolean, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The number, if this is a number.
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    /// True for `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }
    /// True for strings.
    public var isString: Bool { stringValue != nil }
    /// True for objects.
    public var isObject: Bool { objectValue != nil }
    /// True for arrays.
    public var isArray: Bool { arrayValue != nil }
    /// True for strings, numbers and booleans.
    public var isScalar: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }

    /// The value itself if it is an array, otherwise a one-element array (null gives an empty array).
    public var asArray: [JSONValue] {
        switch self {
        case .array(let a): return a
        default: return [self]
        }
    }

    /// The value under `key` if this is an object, otherwise nil.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A number from an integer.
    public static func int(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
    /// A number from a double, its text formatted as JCS formats numbers.
    public static func double(_ d: Double) -> JSONValue { .number(JSONNumber(d)) }
}

/// A JSON number with its source text. Equality compares the numeric (double) value.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in the source (or produced by ``init(_:)-double``).
    public let text: String
    /// The numeric value.
    public let doubleValue: Double

    /// A number from its text; nil when `Double` cannot parse the text.
    public init?(text: String) {
        guard let d = Double(text) else { return nil }
        self.text = text
        self.doubleValue = d
    }

    /// A number from an integer.
    public init(_ value: Int) {
        self.text = String(value)
        self.doubleValue = Double(value)
    }

    /// A number from a double, its text formatted as JCS formats numbers.
    public init(_ value: Double) {
        self.doubleValue = value
        self.text = (try? JCS.formatNumber(value)) ?? String(value)
    }

    /// True when the source text had no fraction or exponent (`1` but not `1.0` or `1e0`).
    public var isIntegerLiteral: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    public var description: String { text }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { a.doubleValue == b.doubleValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(doubleValue) }
}

/// A string compared and hashed by its Unicode code points. Swift's `String` equality is canonical equivalence
/// (precomposed "é" equals "e" + U+0301); JSON, JSON-LD and RDF compare code points.
public struct CodePointString: Hashable, Sendable, CustomStringConvertible {
    /// The wrapped string.
    public let string: String
    /// Wraps a string.
    public init(_ string: String) { self.string = string }
    public var description: String { string }

    // UTF-8 is a one-to-one encoding of code point sequences, so comparing and hashing the UTF-8 bytes is the same
    // as comparing and hashing the code points, and much faster (bulk hashing instead of one combine per scalar).
    public static func == (a: CodePointString, b: CodePointString) -> Bool {
        let fast: Bool?? = a.string.utf8.withContiguousStorageIfAvailable { x in
            b.string.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && x.elementsEqual(y) }
        }
        if let fast, let fast { return fast }
        return a.string.utf8.elementsEqual(b.string.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
    }
}

/// A dictionary keyed by strings compared as code points (see ``CodePointString``).
public struct CodePointDictionary<Value> {
    /// The underlying dictionary.
    public private(set) var storage: [CodePointString: Value] = [:]
    /// An empty dictionary.
    public init() {}

    /// The value for `key`; setting nil removes the entry.
    public subscript(key: String) -> Value? {
        get { storage[CodePointString(key)] }
        set { storage[CodePointString(key)] = newValue }
    }

    /// Removes the entry for `key` and returns its value, if there was one.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? { storage.removeValue(forKey: CodePointString(key)) }

    /// The values, in no particular order.
    public var values: Dictionary<CodePointString, Value>.Values { storage.values }
    /// The number of entries.
    public var count: Int { storage.count }
}

extension CodePointDictionary: Sendable where Value: Sendable {}
extension CodePointDictionary: Equatable where Value: Equatable {}
extension CodePointDictionary: Hashable where Value: Hashable {}

/// A JSON object that keeps insertion (source) order of its keys. Keys are compared as code points, so two keys
/// that differ only in Unicode normalization are different keys (as in JavaScript).
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    private var storage = CodePointDictionary<JSONValue>()

    /// An empty object.
    public init() {}

    /// An object from key-value pairs in order (a repeated key keeps its first position and its last value).
    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// The number of entries.
    public var count: Int { keys.count }
    /// True when the object has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage[key] == nil { keys.append(key) }
                storage[key] = newValue
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { CodePointString($0) == CodePointString(key) }
            }
        }
    }

    /// Whether the object has an entry for `key`.
    public func contains(_ key: String) -> Bool { storage[key] != nil }

    /// Appends `values` to the array stored under `key` (a non-array value becomes the first element),
    /// creating the entry if needed. Done in place, so repeated appends stay linear.
    public mutating func append(_ values: [JSONValue], to key: String) {
        guard let old = storage.removeValue(forKey: key) else {
            keys.append(key)
            storage[key] = .array(values)
            return
        }
        var arr: [JSONValue]
        switch old {
        case .array(let a): arr = a
        default: arr = [old]
        }
        arr.append(contentsOf: values)
        storage[key] = .array(arr)
    }

    /// Iterates over the entries in key order.
    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        let keys = self.keys
        let storage = self.storage
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], storage[keys[i]]!)
        }
    }

    /// Order-insensitive equality (JSON objects are unordered).
    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean from a boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `null` from the `nil` literal.
    public init(nilLiteral: ()) { self = .null }
    /// A number from an integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// An array from an array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object from a dictionary literal, keys in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
