/// A value that can be read from a ``JSONValue`` found at a JSON path.
public protocol JSONDecodableValue: Sendable {
    /// Reads the value.
    /// - Parameters:
    ///   - jsonValue: the JSON to read.
    ///   - path: where `jsonValue` sits in the document (`$.badge.issuer`), used in errors.
    /// - Throws: ``ModelError`` naming the field and the reason.
    init(jsonValue: JSONValue, path: String) throws
}

/// A value that can be written back as a ``JSONValue``.
public protocol JSONEncodableValue: Sendable {
    /// The JSON form of the value.
    var jsonValue: JSONValue { get }
}

/// A value that converts to and from ``JSONValue`` without loss.
public typealias JSONConvertible = JSONDecodableValue & JSONEncodableValue

/// A typed, immutable view of one JSON object that keeps the object it was read from.
///
/// Typed properties are read once, at initialisation, and validated; the original object (member order, number
/// literals, unknown properties, extensions) is kept in ``json`` and is what ``JSONEncodableValue/jsonValue`` and `encode(to:)` write
/// back. Models are immutable on purpose: Open Badges documents are often signed, and editing a field would silently
/// break the signature.
public protocol JSONObjectModel: JSONConvertible, Codable, Equatable {
    /// The property names this type reads; everything else is reported by ``unknownProperties``.
    static var knownProperties: Set<String> { get }
    /// The object this model was read from, unchanged.
    var json: JSONObject { get }
    /// Reads the model from an object.
    /// - Parameters:
    ///   - object: the JSON object.
    ///   - path: the JSON path of `object`, for errors.
    init(object: JSONObject, path: String) throws
}

extension JSONObjectModel {
    /// Reads the model from a JSON value that must be an object.
    public init(jsonValue: JSONValue, path: String) throws {
        guard case .object(let object) = jsonValue else {
            throw ModelError(.invalidType, field: path, reason: "expected an object, found \(jsonValue.typeName)")
        }
        try self.init(object: object, path: path)
    }

    /// Parses JSON text and reads the model from it.
    /// - Parameters:
    ///   - text: JSON text.
    ///   - options: parsing limits.
    public init(jsonText text: String, options: JSONParsingOptions = .default) throws {
        try self.init(jsonValue: JSONValue(parsing: text, options: options), path: "$")
    }

    /// The original object.
    public var jsonValue: JSONValue { .object(json) }

    /// Members this type does not model (extensions, vendor fields such as Credly's or MongoDB's), in order.
    public var unknownProperties: JSONObject { json.removingKeys(Self.knownProperties) }

    /// Decodes a JSON value through `Codable`, then reads the model from it.
    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: JSONValue(from: decoder), path: "$")
    }

    /// Encodes the original object.
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

extension String: JSONDecodableValue, JSONEncodableValue {
    /// Reads a JSON string.
    public init(jsonValue: JSONValue, path: String) throws {
        guard case .string(let s) = jsonValue else {
            throw ModelError(.invalidType, field: path, reason: "expected a string, found \(jsonValue.typeName)")
        }
        self = s
    }

    /// The JSON string.
    public var jsonValue: JSONValue { .string(self) }
}

extension Bool: JSONDecodableValue, JSONEncodableValue {
    /// Reads `true`/`false`; the strings `"true"`/`"false"` written by some OB 1.0 issuers are accepted too.
    public init(jsonValue: JSONValue, path: String) throws {
        switch jsonValue {
        case .bool(let b): self = b
        case .string(let s) where s.lowercased() == "true": self = true
        case .string(let s) where s.lowercased() == "false": self = false
        default: throw ModelError(.invalidType, field: path, reason: "expected a boolean, found \(jsonValue.typeName)")
        }
    }

    /// The JSON Boolean.
    public var jsonValue: JSONValue { .bool(self) }
}

extension JSONValue: JSONDecodableValue, JSONEncodableValue {
    /// Any JSON value is accepted as is.
    public init(jsonValue: JSONValue, path: String) throws { self = jsonValue }

    /// The value itself.
    public var jsonValue: JSONValue { self }
}

extension JSONNumber: JSONDecodableValue, JSONEncodableValue {
    /// Reads a JSON number; a string holding a number (`"8.5"`) is accepted too.
    public init(jsonValue: JSONValue, path: String) throws {
        switch jsonValue {
        case .number(let n): self = n
        case .string(let s) where JSONNumber(text: s) != nil: self = JSONNumber(text: s)!
        default: throw ModelError(.invalidType, field: path, reason: "expected a number, found \(jsonValue.typeName)")
        }
    }

    /// The JSON number.
    public var jsonValue: JSONValue { .number(self) }
}

/// Reads typed members from an object and names the field in every error.
struct ObjectReader {
    let object: JSONObject
    let path: String

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    func path(_ key: String) -> String { "\(path).\(key)" }

    /// The member, converted; `nil` when absent or `null`.
    func optional<T: JSONDecodableValue>(_ key: String, as type: T.Type = T.self) throws -> T? {
        guard let value = object[key], !value.isNull else { return nil }
        return try T(jsonValue: value, path: path(key))
    }

    /// The member, converted; throws `.missingProperty` when absent or `null`.
    func required<T: JSONDecodableValue>(_ key: String, as type: T.Type = T.self) throws -> T {
        guard let value = object[key], !value.isNull else {
            throw ModelError(.missingProperty, field: path(key), reason: "the required property \"\(key)\" is missing")
        }
        return try T(jsonValue: value, path: path(key))
    }

    /// The first of several alternative names that is present (e.g. `issuedOn` / `issued_on`).
    func optional<T: JSONDecodableValue>(anyOf keys: [String], as type: T.Type = T.self) throws -> T? {
        for key in keys {
            if let v: T = try optional(key) { return v }
        }
        return nil
    }

    /// The member as a list: absent/`null` → empty, one value → one element, array → its elements.
    func list<T: JSONConvertible & Equatable>(_ key: String, as type: T.Type = T.self) throws -> [T] {
        try optional(key, as: OneOrMany<T>.self)?.values ?? []
    }
}
