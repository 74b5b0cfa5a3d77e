/// In-scope namespace declarations, pushed and popped with elements.
struct NamespaceScope {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Bindings in declaration order; the empty prefix is the default namespace. An empty URI unbinds.
    private var bindings: [(prefix: [UInt8], uri: String)] = []
    private var frames: [Int] = []

    /// Opens an element's scope with the declarations made on it.
    mutating func push(_ declared: [(prefix: [UInt8], uri: String)]) {
        frames.append(bindings.count)
        bindings += declared
    }

    /// Closes the innermost element's scope.
    mutating func pop() {
        guard let start = frames.popLast() else { return }
        bindings.removeSubrange(start...)
    }

    /// The URI bound to `prefix` (empty prefix: default namespace), or `nil` when unbound.
    func uri(for prefix: ArraySlice<UInt8>) -> String? {
        if prefix.elementsEqual("xml".utf8) { return Self.xmlNamespace }
        for binding in bindings.reversed() where binding.prefix.elementsEqual(prefix) {
            return binding.uri.isEmpty ? nil : binding.uri
        }
        return nil
    }
}
