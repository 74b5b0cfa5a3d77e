import OpenBadgesModel

/// A term's container mapping (JSON-LD 1.1 API §4.1): which of the seven container keywords its `@container`
/// names. Expansion asks it for every property, so it is a set of bits rather than a set of strings.
struct ContainerMapping: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let graph = Self(rawValue: 1 << 0)
    static let id = Self(rawValue: 1 << 1)
    static let index = Self(rawValue: 1 << 2)
    static let language = Self(rawValue: 1 << 3)
    static let list = Self(rawValue: 1 << 4)
    static let set = Self(rawValue: 1 << 5)
    static let type = Self(rawValue: 1 << 6)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The container `keyword` names (`@graph`, `@id`, `@index`, `@language`, `@list`, `@set` or `@type`); nil for
    /// any other string. Keywords are compared as code points.
    init?(keyword: String) {
        switch CodePointString(keyword) {
        case CodePointString("@graph"): self = .graph
        case CodePointString("@id"): self = .id
        case CodePointString("@index"): self = .index
        case CodePointString("@language"): self = .language
        case CodePointString("@list"): self = .list
        case CodePointString("@set"): self = .set
        case CodePointString("@type"): self = .type
        default: return nil
        }
    }

    /// How many keywords it names.
    var count: Int { rawValue.nonzeroBitCount }
}
