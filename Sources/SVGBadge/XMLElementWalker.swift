/// An element name resolved against the namespace declarations in scope.
struct ResolvedName {
    /// The qualified name as written.
    var qualified: [UInt8]
    /// The prefix, or `nil` when unprefixed.
    var prefix: ArraySlice<UInt8>?
    /// The local name.
    var local: ArraySlice<UInt8>
    /// The namespace URI, or `nil` when none applies.
    var namespaceURI: String?
}

/// Walks tokens with element structure: checks that tags nest and match, tracks namespace scopes and
/// depth, enforces the depth limit, and rejects content outside the root element. Builds no tree.
final class XMLElementWalker {
    enum Event {
        /// A start tag; `depth` is 1 for the root element.
        case start(XMLToken, ResolvedName, depth: Int)
        /// An end tag, or the implicit end of a self-closing tag (then the token is the start tag);
        /// `depth` is the depth of the element being closed.
        case end(XMLToken, depth: Int)
        /// Any other token, inside or outside the root element.
        case other(XMLToken, depth: Int)
    }

    let tokenizer: XMLTokenizer
    let limits: SVGBadgeLimits
    private var scope = NamespaceScope()
    private var open: [[UInt8]] = []
    private var pendingSelfClose: XMLToken?
    private var rootSeen = false
    /// Warnings about the document as a whole (ignored internal subsets).
    private(set) var warnings: [SVGBadgeWarning] = []
    /// The encoding declared by the XML declaration (UTF-8 when there is none).
    private(set) var encoding = DocumentEncoding.utf8
    private var sawFirstToken = false

    /// Whether the root element has been closed.
    var rootClosed: Bool { rootSeen && open.isEmpty && pendingSelfClose == nil }

    init(source: ByteSource, limits: SVGBadgeLimits) {
        tokenizer = XMLTokenizer(source: source, limits: limits)
        self.limits = limits
    }

    func next() throws -> Event? {
        if let token = pendingSelfClose {
            pendingSelfClose = nil
            let depth = open.count
            open.removeLast()
            scope.pop()
            return .end(token, depth: depth)
        }
        guard let token = try tokenizer.next() else {
            if !open.isEmpty {
                throw SVGBadgeError(
                    code: .unexpectedEndOfInput, offset: tokenizer.offset, message: "document ends with elements still open")
            }
            if !rootSeen {
                throw SVGBadgeError(code: .notSVG, offset: tokenizer.offset, message: "no root element")
            }
            return nil
        }
        let isFirstToken = !sawFirstToken
        sawFirstToken = true
        switch token.kind {
        case .processingInstruction where isFirstToken && token.range.lowerBound <= 3:
            if let declared = try DocumentEncoding.declared(
                in: tokenizer.bytes(token.content), offset: token.range.lowerBound)
            {
                encoding = declared
            }
        case .startTag:
            return .start(token, try startElement(token), depth: open.count)
        case .endTag:
            let name = tokenizer.bytes(token.content)
            guard let last = open.last, last.elementsEqual(name) else {
                throw SVGBadgeError(
                    code: .malformedXML, offset: token.range.lowerBound,
                    message: "end tag '\(String(decoding: name, as: UTF8.self))' does not match the open element")
            }
            let depth = open.count
            open.removeLast()
            scope.pop()
            return .end(token, depth: depth)
        case .text:
            if open.isEmpty && !XMLText.isAllWhitespace(tokenizer.bytes(token.content)) {
                throw SVGBadgeError(
                    code: rootSeen ? .malformedXML : .notSVG, offset: token.range.lowerBound,
                    message: "text outside the root element")
            }
        case .cdata:
            if open.isEmpty {
                throw SVGBadgeError(
                    code: .malformedXML, offset: token.range.lowerBound, message: "CDATA outside the root element")
            }
        case .doctype:
            if rootSeen {
                throw SVGBadgeError(code: .malformedXML, offset: token.range.lowerBound, message: "DOCTYPE after the root element")
            }
            if token.hasInternalSubset {
                warnings.append(
                    SVGBadgeWarning(
                        code: .internalSubsetIgnored, offset: token.range.lowerBound,
                        message: "DOCTYPE internal subset ignored; its entities are never expanded"))
            }
        case .comment, .processingInstruction:
            break
        }
        return .other(token, depth: open.count)
    }

    private func startElement(_ token: XMLToken) throws -> ResolvedName {
        if rootSeen && open.isEmpty {
            throw SVGBadgeError(code: .malformedXML, offset: token.range.lowerBound, message: "second root element")
        }
        guard open.count < limits.maximumDepth else {
            throw SVGBadgeError(
                code: .depthLimitExceeded, offset: token.range.lowerBound,
                message: "elements nest deeper than \(limits.maximumDepth)")
        }
        rootSeen = true
        var declared: [(prefix: [UInt8], uri: String)] = []
        var ignored: [SVGBadgeWarning] = []
        for attribute in token.attributes {
            let name = tokenizer.bytes(attribute.name)
            let prefix: [UInt8]
            if name.elementsEqual("xmlns".utf8) {
                prefix = []
            } else if name.starts(with: "xmlns:".utf8) {
                prefix = Array(name.dropFirst(6))
            } else {
                continue
            }
            let value = try XMLText.decode(
                tokenizer.bytes(attribute.value), offset: attribute.value.lowerBound, attribute: true, warnings: &ignored)
            declared.append((prefix, String(decoding: value, as: UTF8.self)))
        }
        guard scope.count + declared.count <= limits.maximumNamespaceBindings else {
            throw SVGBadgeError(
                code: .tooManyNamespaceBindings, offset: token.range.lowerBound,
                message: "more than \(limits.maximumNamespaceBindings) namespace bindings in scope")
        }
        scope.push(declared)
        let qualified = Array(tokenizer.bytes(token.content))
        open.append(qualified)
        if token.isSelfClosing { pendingSelfClose = token }

        let resolved: ResolvedName
        if let colon = qualified.firstIndex(of: UInt8(ascii: ":")) {
            let prefix = qualified[..<colon]
            resolved = ResolvedName(
                qualified: qualified, prefix: prefix, local: qualified[(colon + 1)...],
                namespaceURI: scope.uri(for: prefix))
        } else {
            resolved = ResolvedName(qualified: qualified, prefix: nil, local: qualified[...], namespaceURI: scope.uri(for: []))
        }
        return resolved
    }
}
