import OpenBadgesModel
import JSONLD
import RDFCanonicalization
import Testing

/// Every bound of the linked-data layers, just under and just over: the input that needs exactly `n` units of
/// a bounded resource passes with the limit set to `n` and fails, with the typed error, at `n - 1`.
@Suite("Linked-data limits, just under and just over")
struct LinkedDataLimitTests {
    /// The smallest limit in `range` for which `run` succeeds (`run` must fail below it and succeed from it on).
    static func smallestPassingLimit(in range: ClosedRange<Int>, _ run: (Int) -> Bool) -> Int? {
        range.first(where: run)
    }

    static func jsonLDErrorCode(_ body: () throws -> Void) -> JSONLDErrorCode? {
        do {
            try body()
            return nil
        } catch let error as JSONLDError {
            return error.code
        } catch {
            return JSONLDErrorCode(rawValue: "other: \(error)")
        }
    }

    // MARK: RDFC-1.0

    /// A ring of `count` blank nodes: every node looks the same, so canonicalisation needs Hash N-Degree Quads.
    static func ring(_ count: Int) -> String {
        (0..<count).map { "_:n\($0) <urn:p> _:n\(($0 + 1) % count) .\n" }.joined()
    }

    /// A work bound of RDFC-1.0: what a run needed, the options that allow `limit`, the error just over it.
    struct WorkBound: Sendable, CustomTestStringConvertible {
        let name: String
        let needed: @Sendable (CanonicalizedDataset) -> Int
        let options: @Sendable (Int) -> RDFCanonicalizer.Options
        let error: @Sendable (Int) -> RDFCanonicalizationError
        var testDescription: String { name }
    }

    static let workBounds = [
        WorkBound(
            name: "maximumNDegreeHashCalls", needed: \.hashNDegreeQuadsCalls,
            options: { .init(maximumNDegreeHashCalls: $0) }, error: { .workLimitExceeded(limit: $0) }),
        WorkBound(
            name: "maximumRecursionDepth", needed: \.hashNDegreeQuadsDepth,
            options: { .init(maximumRecursionDepth: $0) }, error: { .recursionLimitExceeded(limit: $0) }),
    ]

    @Test("RDFCanonicalizer work bounds: what a ring of six blank nodes needs passes, one less fails", arguments: workBounds)
    func workBound(_ bound: WorkBound) throws {
        let needed = bound.needed(try RDFCanonicalizer.canonicalize(nquads: Self.ring(6)))
        #expect(needed > 1)
        #expect(try RDFCanonicalizer.canonicalize(nquads: Self.ring(6), options: bound.options(needed)).quadCount == 6)
        #expect(throws: bound.error(needed - 1)) {
            _ = try RDFCanonicalizer.canonicalize(nquads: Self.ring(6), options: bound.options(needed - 1))
        }
    }

    @Test("RDFCanonicalizer maximumBlankNodes")
    func blankNodes() throws {
        #expect(try RDFCanonicalizer.canonicalize(nquads: Self.ring(6), options: .init(maximumBlankNodes: 6)).quadCount == 6)
        #expect(throws: RDFCanonicalizationError.tooManyBlankNodes(count: 6, limit: 5)) {
            _ = try RDFCanonicalizer.canonicalize(nquads: Self.ring(6), options: .init(maximumBlankNodes: 5))
        }
    }

    // MARK: JSON-LD

    @Test("JSONLDOptions.maximumDepth tracks the input's nesting")
    func depth() throws {
        func nested(_ levels: Int) -> JSONValue {
            var value: JSONValue = ["http://e/p": "x"]
            for _ in 0..<levels { value = ["http://e/p": value] }
            return value
        }
        func limit(for levels: Int) -> Int? {
            Self.smallestPassingLimit(in: 1...400) { limit in
                (try? JSONLDProcessor(options: JSONLDOptions(maximumDepth: limit)).expand(nested(levels))) != nil
            }
        }
        let forNine = try #require(limit(for: 9))
        let forTen = try #require(limit(for: 10))
        let forForty = try #require(limit(for: 40))
        // Each level of the input costs the same depth, so the limit needed grows in step with it...
        let perLevel = forTen - forNine
        #expect(perLevel >= 1)
        #expect(forForty - forTen == 30 * perLevel)
        // ...and just under it the error is typed.
        let code = Self.jsonLDErrorCode { _ = try JSONLDProcessor(options: JSONLDOptions(maximumDepth: forForty - 1)).expand(nested(40)) }
        #expect(code == .maximumDepthExceeded)
    }

    @Test("JSONLDOptions.maximumContextWork")
    func contextWork() throws {
        let document = try JSONValue(
            parsing: #"""
                {"@context": {"@vocab": "http://e/", "a": {"@id": "http://e/a", "@context": {"b": "http://e/b", "c": "http://e/c"}}},
                 "@id": "urn:x", "a": {"b": 1, "c": [{"a": {"b": 2}}]}}
                """#)
        let processor = JSONLDProcessor()
        _ = try processor.expand(document)
        let needed = processor.contextWork
        #expect(needed > 3)
        #expect((try? JSONLDProcessor(options: JSONLDOptions(maximumContextWork: needed)).expand(document)) != nil)
        let code = Self.jsonLDErrorCode { _ = try JSONLDProcessor(options: JSONLDOptions(maximumContextWork: needed - 1)).expand(document) }
        #expect(code == .contextOverflow)
    }

    /// A chain of `count` remote contexts, each importing the next.
    static func contextChain(_ count: Int) -> (StaticDocumentLoader, JSONValue) {
        var documents: [String: JSONValue] = [:]
        for level in 0..<count {
            let next: JSONValue = level + 1 < count ? .string("urn:ctx:\(level + 1)") : .object(JSONObject([("t\(level)", .string("http://e/t"))]))
            documents["urn:ctx:\(level)"] = .object(JSONObject([("@context", next)]))
        }
        return (StaticDocumentLoader(documents: documents), .object(JSONObject([("@context", .string("urn:ctx:0")), ("@id", .string("urn:x"))])))
    }

    @Test("JSONLDOptions.maximumRemoteContextLoads: one load per distinct context")
    func remoteContextLoads() throws {
        let (loader, document) = Self.contextChain(5)
        let options = { (limit: Int) in JSONLDOptions(documentLoader: loader, maximumRemoteContextLoads: limit) }
        #expect((try? JSONLDProcessor(options: options(5)).expand(document)) != nil)
        let code = Self.jsonLDErrorCode { _ = try JSONLDProcessor(options: options(4)).expand(document) }
        #expect(code == .contextOverflow)
    }

    @Test("JSONLDOptions.maximumRemoteContextDepth tracks the chain of remote contexts")
    func remoteContextDepth() throws {
        func limit(for count: Int) -> Int? {
            let (loader, document) = Self.contextChain(count)
            return Self.smallestPassingLimit(in: 1...100) { limit in
                (try? JSONLDProcessor(options: JSONLDOptions(documentLoader: loader, maximumRemoteContextDepth: limit)).expand(document)) != nil
            }
        }
        let forFour = try #require(limit(for: 4))
        let forNine = try #require(limit(for: 9))
        #expect(forNine - forFour == 5)
        let (loader, document) = Self.contextChain(9)
        let code = Self.jsonLDErrorCode {
            _ = try JSONLDProcessor(options: JSONLDOptions(documentLoader: loader, maximumRemoteContextDepth: forNine - 1)).expand(document)
        }
        #expect(code == .contextOverflow)
    }
}
