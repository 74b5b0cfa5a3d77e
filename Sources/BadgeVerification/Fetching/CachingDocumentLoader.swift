import Foundation

/// Keeps fetched documents in memory for a while, in front of another loader.
///
/// Safe to share between concurrent verifications: the cache is an actor. Failures are not cached.
public struct CachingDocumentLoader: DocumentLoader {
    private let base: any DocumentLoader
    private let store: Store

    /// Caches `base`'s documents for `timeToLive` seconds (default 5 minutes), at most `capacity` of them.
    public init(_ base: any DocumentLoader, timeToLive: TimeInterval = 300, capacity: Int = 1000, now: @escaping @Sendable () -> Date = Date.init) {
        self.base = base
        self.store = Store(timeToLive: timeToLive, capacity: capacity, now: now)
    }

    /// Returns the cached document if it has not expired, otherwise loads it from the base loader and caches it.
    public func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        if let cached = await store.get(url, kind: kind) { return cached }
        let document = try await base.load(url, kind: kind)
        await store.put(document, for: url, kind: kind)
        return document
    }

    /// How many documents are cached now.
    public var count: Int {
        get async { await store.count }
    }

    private actor Store {
        struct Key: Hashable {
            let url: URL
            let kind: DocumentKind
        }
        let timeToLive: TimeInterval
        let capacity: Int
        let now: @Sendable () -> Date
        var entries: [Key: (document: LoadedDocument, expires: Date)] = [:]

        init(timeToLive: TimeInterval, capacity: Int, now: @escaping @Sendable () -> Date) {
            self.timeToLive = timeToLive
            self.capacity = capacity
            self.now = now
        }

        var count: Int { entries.count }

        func get(_ url: URL, kind: DocumentKind) -> LoadedDocument? {
            let key = Key(url: url, kind: kind)
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now() else {
                entries[key] = nil
                return nil
            }
            return entry.document
        }

        func put(_ document: LoadedDocument, for url: URL, kind: DocumentKind) {
            let time = now()
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > time }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires })?.key {
                    entries[oldest] = nil
                }
            }
            entries[Key(url: url, kind: kind)] = (document, time.addingTimeInterval(timeToLive))
        }
    }
}
