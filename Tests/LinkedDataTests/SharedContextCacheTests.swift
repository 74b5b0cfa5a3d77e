import JSONLD
import OpenBadgesModel
import Testing

/// The processed-context cache is shared across verifications, so what one stranger's documents define must never
/// serve another verification: only contexts built from immutable (hash-pinned) documents are kept.
@Suite("Shared context cache")
struct SharedContextCacheTests {
    struct Loader: DocumentLoader {
        let term: String
        let immutable: Bool
        func loadDocument(_ url: String) throws -> RemoteDocument {
            RemoteDocument(documentURL: url, document: ["@context": ["name": .string(term)]], isImmutable: immutable)
        }
    }

    static let document: JSONValue = ["@context": "https://contexts.example/badge", "name": "A badge"]

    func expandedKeys(_ loader: Loader, cache: JSONLDContextCache) throws -> [String] {
        let expanded = try JSONLDProcessor(options: JSONLDOptions(documentLoader: loader, contextCache: cache)).expand(Self.document)
        return expanded.first?.objectValue?.keys ?? []
    }

    @Test("a context a loader serves (not pinned) is processed anew for each processor: a second definition is honoured")
    func mutableContextsAreNotShared() throws {
        let cache = JSONLDContextCache()
        #expect(try expandedKeys(Loader(term: "https://first.example/name", immutable: false), cache: cache) == ["https://first.example/name"])
        #expect(try expandedKeys(Loader(term: "https://second.example/name", immutable: false), cache: cache) == ["https://second.example/name"])
        #expect(cache.count == 0)
    }

    @Test("a pinned (immutable) context is kept and serves the next processor")
    func immutableContextsAreShared() throws {
        let cache = JSONLDContextCache()
        #expect(try expandedKeys(Loader(term: "https://pinned.example/name", immutable: true), cache: cache) == ["https://pinned.example/name"])
        #expect(cache.count > 0)
        // The same URL is immutable by promise, so the kept context answers, whatever a later loader would say.
        #expect(try expandedKeys(Loader(term: "https://pinned.example/name", immutable: true), cache: cache) == ["https://pinned.example/name"])
    }
}
