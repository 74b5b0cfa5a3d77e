/// A property that is either an IRI (a URL, `urn:uuid:…`, a DID) naming a document, or the document embedded.
///
/// Open Badges uses this for `badge`, `issuer`, `image`, `criteria`, `creator`, `evidence` and more: a hosted
/// OB 2.0 assertion usually links its BadgeClass, a baked one often embeds it.
public enum IRIOrObject<Object: JSONObjectModel>: JSONConvertible, Equatable {
    /// A reference, to fetch (or, for an image, possibly a `data:` URI).
    case iri(String)
    /// The embedded object.
    case object(Object)

    /// Reads a string as an IRI and an object as `Object`.
    public init(jsonValue: JSONValue, path: String) throws {
        switch jsonValue {
        case .string(let s): self = .iri(s)
        case .object(let o): self = .object(try Object(object: o, path: path))
        default:
            throw ModelError(.invalidType, field: path, reason: "expected an IRI string or an object, found \(jsonValue.typeName)")
        }
    }

    /// The JSON form (the string, or the embedded object as read).
    public var jsonValue: JSONValue {
        switch self {
        case .iri(let s): .string(s)
        case .object(let o): o.jsonValue
        }
    }

    /// The IRI, or the embedded object's `id` when it has one.
    public var id: String? {
        switch self {
        case .iri(let s): s
        case .object(let o): o.json["id"]?.stringValue
        }
    }

    /// The embedded object, if there is one.
    public var object: Object? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The IRI if this is only a reference (the document must be fetched to know more).
    public var iri: String? {
        if case .iri(let s) = self { return s }
        return nil
    }
}
