/// A JSON value that keeps what was read: object member order and the exact text of numbers.
///
/// Open Badges data is signed (JWS, Data Integrity proofs) and extended freely by issuers, so the models in this
/// module never reduce a document to what they understand: every model keeps the ``JSONObject`` it was read from.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as its original literal text.
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
}

/// A JSON number kept as the literal text it was written with (`1`, `1.0`, `1e3` stay distinct).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal text, as it appeared in the document (or as produced for a number built in code).
    public let text: String

    /// Creates a number from a literal that is already valid JSON number syntax.
    /// - Parameter literal: the number text; not checked.
    public init(literal: String) {
        self.text = literal
    }

    /// Creates a number from an integer.
    public init(_ value: Int) {
        self.text = String(value)
    }

    /// Creates a number from a double (finite values only; non-finite values become `0`).
    public init(_ value: Double) {
        if !value.isFinite {
            self.text = "0"
        } else if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = String(value)
        }
    }

    /// The value as a `Double` (may lose precision for long literals).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value as an `Int64`, when the literal is an integer that fits.
    public var int64Value: Int64? {
        if let i = Int64(text) { return i }
        let d = doubleValue
        if d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { return Int64(d) }
        return nil
    }

    /// The literal text.
    public var description: String { text }
}

/// One member of a ``JSONObject``. Members compare and hash their keys by code points (UTF-8 bytes), not by
/// Swift's canonical equivalence.
public struct JSONMember: Sendable, Hashable {
    /// The member name.
    public let key: String
    /// The member value.
    public let value: JSONValue

    /// Creates a member.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }

    /// Members are equal when their keys have the same code points and their values are equal.
    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
        JSONObject.sameKey(lhs.key, rhs.key) && lhs.value == rhs.value
    }

    /// Hashes the key's UTF-8 bytes and the value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key.utf8.count)
        for byte in key.utf8 { hasher.combine(byte) }
        hasher.combine(value)
    }
}

/// A JSON object whose members stay in document order. Keys are unique (the parser rejects duplicates).
///
/// Keys are told apart by code points (their UTF-8 bytes), as JSON does: `"caf\u00e9"` (composed) and
/// `"cafe\u0301"` (decomposed) are two different keys, although Swift's `==` on `String` calls them equal.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var members: [JSONMember]

    /// Creates an object from members (later duplicates, by code points, replace earlier ones).
    public init(_ members: [JSONMember] = []) {
        var position: [[UInt8]: Int] = [:]
        var kept: [JSONMember] = []
        kept.reserveCapacity(members.count)
        for m in members {
            let key = Array(m.key.utf8)
            if let i = position[key] {
                kept[i] = m
            } else {
                position[key] = kept.count
                kept.append(m)
            }
        }
        self.members = kept
    }

    /// Creates an object from members whose keys are known to be distinct by code points (the parser's).
    init(uniqueMembers members: [JSONMember]) {
        self.members = members
    }

    /// Whether two keys have the same code points.
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// Creates an object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { JSONMember(key: $0.0, value: $0.1) })
    }

    /// The member names in order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// Reads or replaces a member; assigning `nil` removes it. A new member is appended at the end.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { Self.sameKey($0.key, key) })?.value }
        set {
            if let i = members.firstIndex(where: { Self.sameKey($0.key, key) }) {
                if let newValue { members[i] = JSONMember(key: key, value: newValue) } else { members.remove(at: i) }
            } else if let newValue {
                members.append(JSONMember(key: key, value: newValue))
            }
        }
    }

    /// Whether a member with this name exists (even if its value is `null`).
    public func contains(_ key: String) -> Bool { members.contains { Self.sameKey($0.key, key) } }

    /// The members whose names are not in `known`, in order.
    public func removingKeys(_ known: Set<String>) -> JSONObject {
        JSONObject(members.filter { !known.contains($0.key) })
    }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[JSONMember]> { members.makeIterator() }
}
