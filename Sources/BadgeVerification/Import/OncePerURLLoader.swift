import Foundation

/// Loads each document at most once, however often it is asked for: an import and the verification that follows
/// it share one fetch of every URL, failures included.
struct OncePerURLLoader: DocumentLoader {
    private let base: any DocumentLoader
    private let store = Store()

    init(_ base: any DocumentLoader) {
        self.base = base
    }

    func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        let base = self.base
        let task = await store.task(for: "\(kind)|\(url.absoluteString)") {
            Task {
                do throws(FetchError) {
                    return .success(try await base.load(url, kind: kind))
                } catch {
                    return .failure(error)
                }
            }
        }
        return try await task.value.get()
    }

    /// The URLs asked for so far, in the order first asked.
    var urls: [String] {
        get async { await store.order.map { String($0.split(separator: "|", maxSplits: 1).last ?? "") } }
    }

    private actor Store {
        var tasks: [String: Task<Result<LoadedDocument, FetchError>, Never>] = [:]
        var order: [String] = []

        func task(for key: String, make: () -> Task<Result<LoadedDocument, FetchError>, Never>) -> Task<Result<LoadedDocument, FetchError>, Never> {
            if let existing = tasks[key] { return existing }
            let task = make()
            tasks[key] = task
            order.append(key)
            return task
        }
    }
}
