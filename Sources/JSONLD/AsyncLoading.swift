import Foundation
import OpenBadgesModel

/// An asynchronous document loader (for example one that fetches contexts over HTTPS). The library never
/// supplies one; applications that allow network access implement it.
package protocol AsyncDocumentLoader: Sendable {
    func loadDocument(_ url: String) async throws -> RemoteDocument
}

/// Serves documents fetched so far, falls back to a synchronous loader, and remembers the first URL it could not
/// serve so that ``JSONLDProcessor/run(options:asyncLoader:_:)`` can fetch it and retry.
final class OnDemandDocumentLoader: DocumentLoader, @unchecked Sendable {
    private let lock = Lock()
    private var fetched: [String: RemoteDocument] = [:]
    private var missing: String?
    let fallback: any DocumentLoader

    init(fallback: any DocumentLoader) { self.fallback = fallback }

    func loadDocument(_ url: String) throws -> RemoteDocument {
        if let d = lock.withLock({ fetched[url] }) { return d }
        do {
            return try fallback.loadDocument(url)
        } catch {
            lock.withLock { if missing == nil { missing = url } }
            throw JSONLDError(.loadingDocumentFailed, "not fetched yet: \(url)")
        }
    }

    func takeMissing() -> String? {
        lock.withLock {
            defer { missing = nil }
            return missing
        }
    }

    func add(_ url: String, _ doc: RemoteDocument) { lock.withLock { fetched[url] = doc } }
}

extension JSONLDProcessor {
    /// Runs `body` with a processor whose remote documents come from `options.documentLoader` first and otherwise
    /// from `asyncLoader`. Each time processing needs a document that is not available yet, it is fetched
    /// asynchronously and `body` runs again with a fresh processor (at most
    /// ``JSONLDOptions/maximumRemoteContextLoads`` fetches, or `maximumFetches` when given).
    package static func run<T>(
        options: JSONLDOptions, asyncLoader: any AsyncDocumentLoader, maximumFetches: Int? = nil, _ body: (JSONLDProcessor) throws -> T
    ) async throws -> T {
        let maximumFetches = maximumFetches ?? options.maximumRemoteContextLoads
        let onDemand = OnDemandDocumentLoader(fallback: options.documentLoader)
        var opts = options
        opts.documentLoader = onDemand
        var fetches = 0
        while true {
            let processor = JSONLDProcessor(options: opts)
            do {
                return try body(processor)
            } catch {
                guard let url = onDemand.takeMissing() else { throw error }
                fetches += 1
                if fetches > maximumFetches {
                    throw JSONLDError(.contextOverflow, "more than \(maximumFetches) documents fetched")
                }
                let doc: RemoteDocument
                do {
                    doc = try await asyncLoader.loadDocument(url)
                } catch {
                    throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error)")
                }
                onDemand.add(url, doc)
            }
        }
    }
}
