/// In-scope namespace declarations, pushed and popped with elements.
///
/// Each prefix has its own stack of bindings, so a lookup is one hash of the prefix whatever the number of
/// bindings in scope or the nesting depth, and closing an element pops only what it declared: reading a
/// document costs time linear in its size.
struct NamespaceScope {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The bindings of each prefix, innermost last; the empty prefix is the default namespace. An empty URI unbinds.
    private var bindings: [[UInt8]: [String]] = [:]
    /// For each open element, the prefixes it declared.
    private var frames: [[[UInt8]]] = []
    /// Bindings currently in scope, over all prefixes.
    private(set) var count = 0

    /// Opens an element's scope with the declarations made on it.
    mutating func push(_ declared: [(prefix: [UInt8], uri: String)]) {
        var prefixes: [[UInt8]] = []
        prefixes.reserveCapacity(declared.count)
        for (prefix, uri) in declared {
            bindings[prefix, default: []].append(uri)
            prefixes.append(prefix)
        }
        count += declared.count
        frames.append(prefixes)
    }

    /// Closes the innermost element's scope.
    mutating func pop() {
        guard let prefixes = frames.popLast() else { return }
        for prefix in prefixes {
            bindings[prefix]?.removeLast()
            if bindings[prefix]?.isEmpty == true { bindings[prefix] = nil }
        }
        count -= prefixes.count
    }

    /// The URI bound to `prefix` (empty prefix: default namespace), or `nil` when unbound.
    func uri(for prefix: ArraySlice<UInt8>) -> String? {
        if prefix.elementsEqual("xml".utf8) { return Self.xmlNamespace }
        guard let uri = bindings[Array(prefix)]?.last else { return nil }
        return uri.isEmpty ? nil : uri
    }
}
