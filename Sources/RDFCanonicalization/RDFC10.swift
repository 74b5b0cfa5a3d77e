import Crypto
import OpenBadgesModel
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// Why RDFC-1.0 canonicalization gave up: the input needed more work than the options allow.
///
/// Errors compare and hash by ``code`` only, so a test can match a fresh value of the same kind. The
/// ``reason``, ``file`` and ``line`` are diagnostics for people, shown by ``description``.
package struct RDFCanonicalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added: do not switch over them exhaustively.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case workLimitExceeded, tooManyBlankNodes, recursionLimitExceeded
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The input needed more Hash N-Degree Quads invocations than
        /// ``RDFCanonicalizer/Options/maximumNDegreeHashCalls`` (e.g. the "poison graph" of RDFC-1.0 test074c).
        package static let workLimitExceeded = Code(.workLimitExceeded)
        /// The dataset has more distinct blank nodes than ``RDFCanonicalizer/Options/maximumBlankNodes``.
        package static let tooManyBlankNodes = Code(.tooManyBlankNodes)
        /// Hash N-Degree Quads recursed deeper than ``RDFCanonicalizer/Options/maximumRecursionDepth`` (e.g. a long
        /// ring of indistinguishable blank nodes), which would otherwise risk exhausting the thread's stack.
        package static let recursionLimitExceeded = Code(.recursionLimitExceeded)

        /// The code's name, for example `workLimitExceeded`.
        package var description: String { String(describing: backing) }
    }

    /// What kind of failure this is.
    package let code: Code
    /// A one-line explanation, naming the limit.
    package let reason: String
    /// The source file that raised the error (`#fileID`).
    package let file: String
    /// The source line that raised the error.
    package let line: UInt

    private init(_ code: Code, _ reason: String, file: String, line: UInt) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The reason, then the code and where it was raised.
    package var description: String { "\(reason) (RDFCanonicalizationError.\(code), \(file):\(line))" }

    /// Errors are equal when their codes are.
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// More than `limit` Hash N-Degree Quads invocations were needed.
    @inline(never)
    package static func workLimitExceeded(limit: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(.workLimitExceeded, "RDFC-1.0: Hash N-Degree Quads call limit (\(limit)) exceeded", file: file, line: line)
    }

    /// The dataset has `count` blank nodes, more than `limit`.
    @inline(never)
    package static func tooManyBlankNodes(count: Int, limit: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(.tooManyBlankNodes, "RDFC-1.0: \(count) blank nodes exceed the limit (\(limit))", file: file, line: line)
    }

    /// Hash N-Degree Quads recursed deeper than `limit`.
    @inline(never)
    package static func recursionLimitExceeded(limit: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(.recursionLimitExceeded, "RDFC-1.0: Hash N-Degree Quads recursion deeper than \(limit)", file: file, line: line)
    }
}

/// Hash algorithm used by RDFC-1.0.
package enum RDFCHashAlgorithm: String, Sendable, Hashable {
    /// SHA-256, the RDFC-1.0 default.
    case sha256 = "SHA256"
    /// SHA-384.
    case sha384 = "SHA384"

    /// Lowercase hex digest of the UTF-8 bytes of `s`.
    package func hexDigest(_ s: String) -> String {
        s.withUTF8Bytes { buf in
            switch self {
            case .sha256: return hex(SHA256.hash(data: buf))
            case .sha384: return hex(SHA384.hash(data: buf))
            }
        }
    }

    /// Lowercase hex digest of `lines`, one after the other (as if joined).
    func hexDigest(lines: [[UInt8]]) -> String {
        switch self {
        case .sha256:
            var hasher = SHA256()
            for line in lines { hasher.update(data: line) }
            return hex(hasher.finalize())
        case .sha384:
            var hasher = SHA384()
            for line in lines { hasher.update(data: line) }
            return hex(hasher.finalize())
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

private func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(96)
    for b in digest {
        out.append(hexDigits[Int(b >> 4)])
        out.append(hexDigits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// Code point order (the order of UTF-8 bytes), comparing the bytes directly.
package func codePointPrecedes(_ a: String, _ b: String) -> Bool {
    a.withUTF8Bytes { x in b.withUTF8Bytes { y in bytesPrecede(x, y) } }
}

/// Code point order of two UTF-8 texts: the order of their bytes.
func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in bytesPrecede(x, y) } }
}

/// Whether two byte sequences are the same, by `memcmp`.
func bytesEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.count == b.count
        && a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
}

/// The order of two byte sequences, by `memcmp` (then the shorter first).
private func bytesPrecede(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = min(x.count, y.count)
    if n > 0, let xb = x.baseAddress, let yb = y.baseAddress {
        let c = memcmp(xb, yb, n)
        if c != 0 { return c < 0 }
    }
    return x.count < y.count
}

/// Result of RDFC-1.0 canonicalization.
package struct CanonicalizedDataset: Sendable {
    /// The canonical N-Quads document (sorted lines, each ending in `\n`, duplicates removed).
    package let nquads: String
    /// How many quads (lines) `nquads` holds.
    package let quadCount: Int
    /// Issued identifiers map: input blank node label → canonical label (`c14nN`), both without `_:`.
    package let issuedIdentifiers: [String: String]
    /// How many Hash N-Degree Quads invocations the input needed (compare with
    /// ``RDFCanonicalizer/Options/maximumNDegreeHashCalls``).
    package let hashNDegreeQuadsCalls: Int
    /// Deepest Hash N-Degree Quads recursion (compare with ``RDFCanonicalizer/Options/maximumRecursionDepth``).
    package let hashNDegreeQuadsDepth: Int
}

/// RDF Dataset Canonicalization (W3C RDFC-1.0).
package struct RDFCanonicalizer: Sendable {
    /// The hash algorithm and work limits of a canonicalization.
    package struct Options: Sendable {
        /// The hash algorithm (SHA-256 by default).
        package var hashAlgorithm: RDFCHashAlgorithm
        /// Bound on the work hostile inputs can force: the total number of Hash N-Degree Quads invocations
        /// (including recursive ones) in one canonicalization. Every permutation of a group of equally-hashed
        /// blank nodes recurses at least once, so this also bounds the permutations explored. The positive tests
        /// of the W3C RDFC-1.0 suite need at most 468 calls (the test suite checks a 10x margin); the 10-node
        /// clique of test074c ("poison graph") would need millions and fails with
        /// ``RDFCanonicalizationError/Code/workLimitExceeded`` after the first 5 000.
        package var maximumNDegreeHashCalls: Int
        /// Bound on distinct blank nodes in the input.
        package var maximumBlankNodes: Int
        /// Bound on the nesting of Hash N-Degree Quads recursion (stack depth). The W3C suite needs at most 7 (checked by the tests).
        package var maximumRecursionDepth: Int

        /// Default for ``maximumNDegreeHashCalls``.
        package static let defaultMaximumNDegreeHashCalls = 5_000
        /// Default for ``maximumBlankNodes``.
        package static let defaultMaximumBlankNodes = 100_000
        /// Default for ``maximumRecursionDepth``.
        package static let defaultMaximumRecursionDepth = 64

        /// Makes options.
        package init(
            hashAlgorithm: RDFCHashAlgorithm = .sha256,
            maximumNDegreeHashCalls: Int = Options.defaultMaximumNDegreeHashCalls,
            maximumBlankNodes: Int = Options.defaultMaximumBlankNodes,
            maximumRecursionDepth: Int = Options.defaultMaximumRecursionDepth
        ) {
            self.maximumRecursionDepth = maximumRecursionDepth
            self.hashAlgorithm = hashAlgorithm
            self.maximumNDegreeHashCalls = maximumNDegreeHashCalls
            self.maximumBlankNodes = maximumBlankNodes
        }
    }

    /// The options in force.
    package var options: Options
    /// Makes a canonicalizer with `options`.
    package init(options: Options = Options()) { self.options = options }

    /// Canonicalizes an N-Quads document.
    package static func canonicalize(nquads: String, options: Options = Options()) throws -> CanonicalizedDataset {
        try RDFCanonicalizer(options: options).canonicalize(try NQuads.parse(nquads))
    }

    /// Canonicalizes a dataset.
    package func canonicalize(_ dataset: RDFDataset) throws(RDFCanonicalizationError) -> CanonicalizedDataset {
        var state = State(options: options)
        return try state.run(dataset)
    }

    struct IdentifierIssuer {
        let prefix: String
        var counter = 0
        var issued: [String: String] = [:]
        var order: [String] = []

        init(prefix: String) { self.prefix = prefix }

        mutating func issue(_ existing: String) -> String {
            if let id = issued[existing] { return id }
            let id = prefix + String(counter)
            counter += 1
            issued[existing] = id
            order.append(existing)
            return id
        }
    }

    struct State {
        let options: Options
        var quadsFor: [String: [Int]] = [:]
        var quads: [RDFQuad] = []
        /// Each quad's line as first written (under its input blank node labels), by the quad's position.
        var lines: [[UInt8]] = []
        var canonical = IdentifierIssuer(prefix: "c14n")
        var firstDegreeCache: [String: String] = [:]
        var nDegreeCalls = 0
        var depth = 0
        var maxDepthSeen = 0

        init(options: Options) { self.options = options }

        func hash(_ s: String) -> String { options.hashAlgorithm.hexDigest(s) }

        mutating func run(_ dataset: RDFDataset) throws(RDFCanonicalizationError) -> CanonicalizedDataset {
            // Every quad's line, and the lines in byte order (`sorted` is stable): the same quad twice gives the same
            // bytes (RDF terms are equal only when their code points are), side by side, and the first of them is
            // kept, in first-seen order.
            // Lines and quads are read through buffers: an array's elements read from the array itself are copied,
            // a retain and a release each.
            lines = dataset.quads.map(NQuads.line)
            let allLines = lines  // the same array, for the closures below (they cannot capture a mutating self)
            let byteOrder = allLines.withUnsafeBufferPointer { lines in lines.indices.sorted { bytesPrecede(lines[$0], lines[$1]) } }
            var repeated = [Bool](repeating: false, count: allLines.count)
            allLines.withUnsafeBufferPointer { lines in
                for k in byteOrder.indices.dropFirst() where bytesEqual(lines[byteOrder[k]], lines[byteOrder[k - 1]]) {
                    repeated[byteOrder[k]] = true
                }
            }
            // The quads are read in place: a repeated quad is left out of every blank node's list, so it is never
            // hashed twice.
            quads = dataset.quads
            var bnodeOrder: [String] = []
            dataset.quads.withUnsafeBufferPointer { quads in
                for i in quads.indices where !repeated[i] {
                    func note(_ b: String) {
                        if let entry = quadsFor.index(forKey: b) {
                            if quadsFor.values[entry].last != i { quadsFor.values[entry].append(i) }
                        } else {
                            quadsFor[b] = [i]
                            bnodeOrder.append(b)
                        }
                    }
                    if case .blankNode(let b) = quads[i].subject { note(b) }
                    if case .blankNode(let b) = quads[i].object { note(b) }
                    if case .blankNode(let b)? = quads[i].graph { note(b) }
                }
            }
            if bnodeOrder.count > options.maximumBlankNodes {
                throw .tooManyBlankNodes(count: bnodeOrder.count, limit: options.maximumBlankNodes)
            }
            var hashToBnodes: [String: [String]] = [:]
            for b in bnodeOrder {
                hashToBnodes[hashFirstDegree(b), default: []].append(b)
            }
            var nonUnique: [(String, [String])] = []
            for h in hashToBnodes.keys.sorted() {
                let list = hashToBnodes[h]!
                if list.count > 1 {
                    nonUnique.append((h, list))
                } else {
                    _ = canonical.issue(list[0])
                }
            }
            for (_, list) in nonUnique {
                var results: [(hash: String, issuer: IdentifierIssuer, index: Int)] = []
                for b in list where canonical.issued[b] == nil {
                    var temp = IdentifierIssuer(prefix: "b")
                    _ = temp.issue(b)
                    let r = try hashNDegree(b, temp)
                    results.append((r.0, r.1, results.count))
                }
                results.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
                for r in results {
                    for existing in r.issuer.order { _ = canonical.issue(existing) }
                }
            }
            // Relabel: only quads with blank nodes serialize differently from their first serialization; they are
            // written under their canonical labels (without relabelled copies), sorted, and merged with the other
            // lines, which are in byte order already.
            let issued = canonical.issued
            var relabelled: [[UInt8]] = []
            let hasBlankNode = quads.map(\.hasBlankNode)
            quads.withUnsafeBufferPointer { quads in
                allLines.withUnsafeBufferPointer { lines in
                    for i in quads.indices where !repeated[i] && hasBlankNode[i] {
                        relabelled.append(NQuads.line(quads[i], relabelling: lines[i]) { issued[$0]! })
                    }
                }
            }
            relabelled.sort(by: bytesPrecede)
            var unchanged = byteOrder.lazy.filter { !repeated[$0] && !hasBlankNode[$0] }.map { allLines[$0] }.makeIterator()
            var out: [UInt8] = []
            out.reserveCapacity(allLines.reduce(0) { $0 + $1.count })
            var count = 0
            var last: [UInt8] = []
            func emit(_ line: [UInt8]) {
                guard !bytesEqual(line, last) else { return }
                out.append(contentsOf: line)
                count += 1
                last = line
            }
            var next = unchanged.next()
            for line in relabelled {
                while let plain = next, bytesPrecede(plain, line) {
                    emit(plain)
                    next = unchanged.next()
                }
                emit(line)
            }
            while let plain = next {
                emit(plain)
                next = unchanged.next()
            }
            return CanonicalizedDataset(
                nquads: String(decoding: out, as: UTF8.self), quadCount: count, issuedIdentifiers: canonical.issued,
                hashNDegreeQuadsCalls: nDegreeCalls, hashNDegreeQuadsDepth: maxDepthSeen)
        }

        mutating func hashFirstDegree(_ ref: String) -> String {
            if let h = firstDegreeCache[ref] { return h }
            var lines: [[UInt8]] = []
            if let positions = quadsFor[ref] {
                lines.reserveCapacity(positions.count)
                quads.withUnsafeBufferPointer { quads in
                    self.lines.withUnsafeBufferPointer { written in
                        for i in positions {
                            lines.append(NQuads.line(quads[i], relabelling: written[i]) { $0 == ref ? "a" : "z" })
                        }
                    }
                }
            }
            lines.sort(by: bytesPrecede)
            let h = options.hashAlgorithm.hexDigest(lines: lines)
            firstDegreeCache[ref] = h
            return h
        }

        mutating func hashRelated(_ related: String, _ quad: RDFQuad, _ issuer: IdentifierIssuer, _ position: String) -> String {
            var input = position
            if position != "g" {
                input += NQuads.serialize(quad.predicate)
            }
            if let c = canonical.issued[related] {
                input += "_:" + c
            } else if let t = issuer.issued[related] {
                input += "_:" + t
            } else {
                input += hashFirstDegree(related)
            }
            return hash(input)
        }

        mutating func hashNDegree(_ identifier: String, _ issuerIn: IdentifierIssuer) throws(RDFCanonicalizationError) -> (String, IdentifierIssuer) {
            nDegreeCalls += 1
            if nDegreeCalls > options.maximumNDegreeHashCalls {
                throw .workLimitExceeded(limit: options.maximumNDegreeHashCalls)
            }
            depth += 1
            defer { depth -= 1 }
            maxDepthSeen = max(maxDepthSeen, depth)
            if depth > options.maximumRecursionDepth { throw .recursionLimitExceeded(limit: options.maximumRecursionDepth) }
            var issuer = issuerIn
            var hn: [String: [String]] = [:]
            for i in quadsFor[identifier] ?? [] {
                let q = quads[i]
                for (t, pos) in [(q.subject, "s"), (q.object, "o"), (q.graph, "g")] {
                    if let t, case .blankNode(let b) = t, b != identifier {
                        let h = hashRelated(b, q, issuer, pos)
                        hn[h, default: []].append(b)
                    }
                }
            }
            var dataToHash = ""
            for relatedHash in hn.keys.sorted() {
                dataToHash += relatedHash
                var chosenPath = ""
                var chosenIssuer: IdentifierIssuer?
                var permuter = Permuter(hn[relatedHash]!)
                permutations: while let p = permuter.next() {
                    var issuerCopy = issuer
                    var path = ""
                    var recursionList: [String] = []
                    for related in p {
                        if let c = canonical.issued[related] {
                            path += "_:" + c
                        } else {
                            if issuerCopy.issued[related] == nil { recursionList.append(related) }
                            path += "_:" + issuerCopy.issue(related)
                        }
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath { continue permutations }
                    }
                    for related in recursionList {
                        let result = try hashNDegree(related, issuerCopy)
                        path += "_:" + issuerCopy.issue(related)
                        path += "<" + result.0 + ">"
                        issuerCopy = result.1
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath { continue permutations }
                    }
                    if chosenPath.isEmpty || path < chosenPath {
                        chosenPath = path
                        chosenIssuer = issuerCopy
                    }
                }
                dataToHash += chosenPath
                if let chosenIssuer { issuer = chosenIssuer }
            }
            return (hash(dataToHash), issuer)
        }
    }

    /// Permutations in the Steinhaus–Johnson–Trotter order used by the reference implementations.
    struct Permuter {
        var current: [String]
        var dir: [String: Bool] = [:]
        var done = false

        /// UTF-16 code unit order, as JavaScript compares strings (the reference implementations).
        static func greater(_ a: String, _ b: String) -> Bool { b.utf16.lexicographicallyPrecedes(a.utf16) }

        init(_ list: [String]) {
            current = list.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for e in current { dir[e] = true }
        }

        mutating func next() -> [String]? {
            if done { return nil }
            let rval = current
            var k: String?
            var pos = 0
            let n = current.count
            for i in 0..<n {
                let e = current[i]
                let left = dir[e]!
                if k == nil || Self.greater(e, k!) {
                    if (left && i > 0 && Self.greater(e, current[i - 1])) || (!left && i < n - 1 && Self.greater(e, current[i + 1])) {
                        k = e
                        pos = i
                    }
                }
            }
            if let k {
                let swap = dir[k]! ? pos - 1 : pos + 1
                current[pos] = current[swap]
                current[swap] = k
                for e in current where Self.greater(e, k) { dir[e] = !dir[e]! }
            } else {
                done = true
            }
            return rval
        }
    }
}
