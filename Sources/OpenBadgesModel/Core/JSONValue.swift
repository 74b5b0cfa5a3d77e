#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON value that keeps what was read: object member order and the exact text of numbers.
///
/// This is the package's one JSON type: the models, the verifiers, JSON-LD, RFC 8785 canonicalization and JSON
/// Schema all work on it. Open Badges data is signed (JWS, Data Integrity proofs) and extended freely by issuers, so
/// the models never reduce a document to what they understand: every model keeps the ``JSONObject`` it was read from.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, with its literal text.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, with its members in document order.
    case object(JSONObject)

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The Boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number, if this is a number.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this is a string.
    public var isString: Bool { stringValue != nil }
    /// Whether this is an object.
    public var isObject: Bool { objectValue != nil }
    /// Whether this is an array.
    public var isArray: Bool { arrayValue != nil }
    /// Whether this is a string, a number or a Boolean.
    public var isScalar: Bool {
        switch self {
        case .string, .number, .bool: true
        default: false
        }
    }

    /// The value itself if it is an array, otherwise a one-element array.
    public var asArray: [JSONValue] {
        if case .array(let a) = self { return a }
        return [self]
    }

    /// A short name of the JSON type, used in error messages ("string", "object", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Looks up a member when this is an object; `nil` otherwise.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// A number from an integer.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    /// A number from a double, written as RFC 8785 writes numbers.
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }
}

/// A JSON number with the literal text it was written with (`1`, `1.0` and `1e3` keep their text).
///
/// Two numbers are equal when their values are equal (`1` equals `1.0`), as in JSON; the text is what is written
/// back out, so signed documents are reproduced byte for byte.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal text, as it appeared in the document (or as produced for a number built in code).
    public let text: String
    /// The value as a `Double` (may lose precision for long literals).
    public let doubleValue: Double

    /// A number from its literal text; `nil` when the text is not a finite number.
    public init?(text: String) {
        guard let value = Double(text), value.isFinite else { return nil }
        self.text = text
        self.doubleValue = value
    }

    /// A number from an integer.
    public init(_ value: Int) {
        self.text = String(value)
        self.doubleValue = Double(value)
    }

    /// A number from a double, written as RFC 8785 writes numbers (non-finite values become `0`).
    public init(_ value: Double) {
        let finite = value.isFinite ? value : 0
        self.doubleValue = finite
        self.text = JCS.numberText(finite)
    }

    /// The value as an `Int64`, when it is an integer that fits.
    public var int64Value: Int64? {
        if let i = Int64(text) { return i }
        let d = doubleValue
        if d == d.rounded(), abs(d) < 9.2e18 { return Int64(d) }
        return nil
    }

    /// Whether the literal has no fraction or exponent (`1`, but not `1.0` or `1e0`).
    public var isIntegerLiteral: Bool { !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    /// The literal text.
    public var description: String { text }

    /// Numbers are equal when their values are.
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { a.doubleValue == b.doubleValue }
    /// Hashes the value.
    public func hash(into hasher: inout Hasher) { hasher.combine(doubleValue) }
}

/// A JSON object whose members stay in document order, with unique keys.
///
/// Keys are told apart by code points, as JSON, JSON-LD and RDF do: `"caf\u{e9}"` (composed) and `"cafe\u{301}"`
/// (decomposed) are two different keys, although Swift's `==` on `String` calls them equal. Small objects (most JSON
/// objects) are searched by comparing UTF-8 bytes; larger ones keep a hashed index.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The member names, in order.
    public private(set) var keys: [String] = []
    /// The member values, in the order of ``keys``.
    package private(set) var values: [JSONValue] = []
    /// Positions by key, kept once the object has more than ``indexThreshold`` members.
    private var index: [CodePointString: Int]?

    /// Above this many members, lookups go through a hashed index instead of comparing bytes.
    static let indexThreshold = 16

    /// An empty object.
    public init() {}

    /// An object from name–value pairs in order (a repeated name keeps its first position and its last value).
    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// An object of one member (without an array of pairs to build it from).
    package init(_ key: String, _ value: JSONValue) {
        keys = [key]
        values = [value]
    }

    /// An object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The number of members.
    public var count: Int { keys.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// Whether both objects hold the very same storage (copies of one value not changed since): then they are equal,
    /// member for member, and comparing them needs no walk. False says nothing.
    package func sharesStorage(with other: JSONObject) -> Bool {
        sharesBuffer(keys, other.keys) && sharesBuffer(values, other.values)
    }

    /// The position of `key`, comparing code points (UTF-8 bytes).
    private func position(of key: String) -> Int? {
        if let index { return index[CodePointString(key)] }
        let wanted = CodePointString(key)
        // The same representation is the same text: a small string (most names) or the same storage. Most lookups
        // end here, two words compared per member.
        for i in keys.indices where CodePointString(keys[i]).hasSameRepresentation(as: wanted) { return i }
        // Then the length (stored in the string), then the bytes.
        let count = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == count && CodePointString(keys[i]) == wanted { return i }
        return nil
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [CodePointString: Int] = [:]
        built.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { built[CodePointString(key)] = i }
        index = built
    }

    /// Reads or replaces a member; assigning `nil` removes it. A new member is appended at the end.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    index![CodePointString(key)] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Makes room for `count` members, so that adding up to that many allocates once.
    package mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Whether a member with this name exists (even if its value is `null`).
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Appends `values` to the array stored under `key` (a non-array value becomes the first element), creating the
    /// member if needed. Done in place, so repeated appends stay linear.
    public mutating func append(_ newValues: [JSONValue], to key: String) {
        guard let i = position(of: key) else {
            self[key] = .array(newValues)
            return
        }
        appendInPlace(at: i) { $0.append(contentsOf: newValues) }
    }

    /// Appends one value to the array stored under `key`, as ``append(_:to:)`` does, without an array around it.
    package mutating func append(_ newValue: JSONValue, to key: String) {
        guard let i = position(of: key) else {
            self[key] = .array([newValue])
            return
        }
        appendInPlace(at: i) { $0.append(newValue) }
    }

    /// Changes the array at position `i` (a non-array value becoming its first element) without copying it.
    private mutating func appendInPlace(at i: Int, _ change: (inout [JSONValue]) -> Void) {
        var elements = values[i].asArray
        values[i] = .null  // drop the old array's reference so the change below does not copy it
        change(&elements)
        values[i] = .array(elements)
    }

    /// The members whose names are not in `known`, in order.
    public func removingKeys(_ known: Set<String>) -> JSONObject {
        var kept = JSONObject()
        for (key, value) in self where !known.contains(key) { kept[key] = value }
        return kept
    }

    /// Iterates the members in order.
    public func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }

    /// Iterates a ``JSONObject``'s members in order, as `(key, value)` pairs.
    public struct Iterator: IteratorProtocol {
        let keys: [String]
        let values: [JSONValue]
        var position = 0

        /// The next member.
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    /// Objects are equal when they have the same members, in any order (JSON objects are unordered).
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        if a.sharesStorage(with: b) { return true }  // one parse's object, met again
        for (key, value) in a {
            guard let other = b[key], other == value else { return false }
        }
        return true
    }

    /// Hashes the members, in an order-independent way.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for (key, value) in self {
            var member = Hasher()
            member.combine(CodePointString(key))
            member.combine(value)
            sum &+= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A Boolean from a Boolean literal.
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

/// A string compared and hashed by its Unicode code points. Swift's `String` equality is canonical equivalence
/// (precomposed "é" equals "e" + U+0301); JSON, JSON-LD and RDF compare code points.
package struct CodePointString: Hashable, Sendable, CustomStringConvertible {
    /// The wrapped string.
    package let string: String
    /// Wraps a string.
    package init(_ string: String) { self.string = string }
    package var description: String { string }

    // UTF-8 is a one-to-one encoding of code point sequences, so comparing and hashing the UTF-8 bytes is the same
    // as comparing and hashing the code points, and much faster (bulk hashing instead of one combine per scalar).
    package static func == (a: CodePointString, b: CodePointString) -> Bool {
        // Equal names met by a lookup mostly have the same representation.
        if a.hasSameRepresentation(as: b) { return true }
        // Not `withUTF8Bytes`: inlined into `JSONObject`'s lookups, its out-of-line fallback made them retain each
        // key they compare (measured: about 60 more retains per verified credential).
        let fast: Bool?? = a.string.utf8.withContiguousStorageIfAvailable { x in
            b.string.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        if let fast, let fast { return fast }
        return a.string.utf8.elementsEqual(b.string.utf8)
    }

    /// Feeds the hasher one word, ``CodePointHash``'s hash of the bytes, instead of the bytes themselves: SipHash then
    /// runs over 8 bytes rather than the whole string. Equal code points give equal words, and the word is keyed by a
    /// random seed of its own, so a stranger who writes the keys still cannot choose keys that collide.
    package func hash(into hasher: inout Hasher) { hasher.combine(CodePointHash.hash(string)) }

    /// Whether both strings have the same representation, which makes them the same bytes: a small string holds its
    /// bytes in place, and a large one with the same storage and count is the same text. False says nothing.
    package func hasSameRepresentation(as other: CodePointString) -> Bool {
        // Two words on 64-bit platforms, compared as integers (a bit cast copies nothing and retains nothing).
        guard MemoryLayout<String>.size == 16 else {
            return withUnsafeBytes(of: string) { x in withUnsafeBytes(of: other.string) { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
        return unsafeBitCast(string, to: (UInt64, UInt64).self) == unsafeBitCast(other.string, to: (UInt64, UInt64).self)
    }
}

/// Whether two arrays hold the very same buffer (then their elements are the same). False says nothing: an array
/// that is not contiguous gives a temporary buffer.
package func sharesBuffer<Element>(_ a: [Element], _ b: [Element]) -> Bool {
    a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
}
