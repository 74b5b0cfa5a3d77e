import JSONLD

/// Where `$id`, `$anchor` and `$ref` point inside one schema document: RFC 3986 reference resolution, done by JSONLD's
/// ``JSONLD/IRI`` (nothing is ever fetched).
enum SchemaReference {
    /// The reference text resolved against `base` (RFC 3986 §5.2.2).
    static func resolve(_ reference: String, against base: String) -> String {
        IRI.resolve(reference, against: base)
    }

    /// An IRI split at its first `#`: the resource, and the fragment when there is one.
    static func split(_ iri: String) -> (resource: String, fragment: String?) {
        guard let hash = iri.firstIndex(of: "#") else { return (iri, nil) }
        return (String(iri[..<hash]), String(iri[iri.index(after: hash)...]))
    }
}

/// Percent-decodes a URI fragment (invalid escapes are kept as written).
func percentDecode(_ s: String) -> String {
    guard s.contains("%") else { return s }
    var bytes: [UInt8] = []
    let utf8 = Array(s.utf8)
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
    while i < utf8.count {
        if utf8[i] == 0x25, i + 2 < utf8.count, let h = hex(utf8[i + 1]), let l = hex(utf8[i + 2]) {
            bytes.append(h << 4 | l)
            i += 3
        } else {
            bytes.append(utf8[i])
            i += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
