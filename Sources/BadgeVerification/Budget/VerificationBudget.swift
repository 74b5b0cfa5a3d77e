import Foundation
import OpenBadgesModel

/// The work one verification may do, summed over everything it verifies (the badge, its endorsements, their
/// status lists and keys), and the time it may take.
///
/// A stranger's badge decides how many documents are fetched, keys tried and proofs checked, and how much JSON-LD
/// and RDFC-1.0 work they cost; each is bounded here by a named ``VerificationOptions`` budget. Spending past a
/// budget is refused: the part of the verification that needed it is not checked, the report gains a `budget`
/// check naming the budget, and the verdict is at best ``Verdict/indeterminate``.
final class VerificationBudget: @unchecked Sendable {
    /// A budget of ``VerificationOptions``.
    enum Kind: String, CaseIterable {
        case documents = "maximumDocumentsFetched"
        case keys = "maximumKeysTried"
        case proofs = "maximumProofsVerified"
        case linkedDataWork = "maximumLinkedDataWork"
        case deadline = "deadline"
    }

    private let lock = Lock()
    private var spent: [Kind: Int] = [:]
    private let limits: [Kind: Int]
    private var exhausted: [Kind] = []
    /// When the verification must end.
    let deadline: Date

    init(_ options: VerificationOptions, start: Date = Date()) {
        limits = [
            .documents: options.maximumDocumentsFetched, .keys: options.maximumKeysTried, .proofs: options.maximumProofsVerified,
            .linkedDataWork: options.maximumLinkedDataWork,
        ]
        deadline = start.addingTimeInterval(options.deadline)
    }

    /// Spends `amount` of `kind`; false (and the budget recorded as exhausted) when that would exceed it.
    func spend(_ kind: Kind, _ amount: Int = 1) -> Bool {
        lock.withLock {
            let total = spent[kind, default: 0] + amount
            guard total <= limits[kind] ?? .max else {
                if !exhausted.contains(kind) { exhausted.append(kind) }
                return false
            }
            spent[kind] = total
            return true
        }
    }

    /// Records work already done (JSON-LD and RDFC-1.0 work is known only afterwards); false when it went over.
    func record(_ kind: Kind, _ amount: Int) -> Bool {
        lock.withLock {
            let total = spent[kind, default: 0] + amount
            spent[kind] = total
            guard total <= limits[kind] ?? .max else {
                if !exhausted.contains(kind) { exhausted.append(kind) }
                return false
            }
            return true
        }
    }

    /// What is left of `kind`.
    func remaining(_ kind: Kind) -> Int {
        lock.withLock { max(0, (limits[kind] ?? .max) - spent[kind, default: 0]) }
    }

    /// Marks the deadline as passed.
    func deadlinePassed() {
        lock.withLock { if !exhausted.contains(.deadline) { exhausted.append(.deadline) } }
    }

    /// The budgets exhausted so far, in the order they ran out.
    var exhaustedBudgets: [Kind] { lock.withLock { exhausted } }

    /// How much of each budget was spent.
    var spending: [Kind: Int] { lock.withLock { spent } }

    /// The message for a refusal.
    static func message(_ kind: Kind, limit: Int) -> String {
        kind == .deadline ? "the verification's deadline passed" : "the verification's budget \(kind.rawValue) (\(limit)) is spent"
    }

    func limit(_ kind: Kind) -> Int { limits[kind] ?? 0 }
}

/// Counts every document a verification loads against ``VerificationBudget`` and ends each load at the
/// verification's deadline.
struct BudgetedLoader: DocumentLoader {
    let base: any DocumentLoader
    let budget: VerificationBudget

    func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        let left = budget.deadline.timeIntervalSinceNow
        guard left > 0 else {
            budget.deadlinePassed()
            throw FetchError(.timedOut, url: url.absoluteString, VerificationBudget.message(.deadline, limit: 0))
        }
        guard budget.spend(.documents) else {
            throw FetchError(.budgetExhausted, url: url.absoluteString, VerificationBudget.message(.documents, limit: budget.limit(.documents)))
        }
        let base = self.base
        let outcome = await Deadline.race(seconds: left) { () async -> Result<LoadedDocument, FetchError> in
            do throws(FetchError) {
                return .success(try await base.load(url, kind: kind))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .some(.success(let document)): return document
        case .some(.failure(let error)): throw error
        case nil:
            budget.deadlinePassed()
            throw FetchError(.timedOut, url: url.absoluteString, VerificationBudget.message(.deadline, limit: 0))
        }
    }
}

/// Runs work that may ignore cancellation against a deadline, without waiting for it once the deadline passes.
enum Deadline {
    /// The operation's result, or nil when `seconds` passed first (the operation is then cancelled and left to end
    /// on its own).
    static func race<T: Sendable>(seconds: TimeInterval, _ operation: @escaping @Sendable () async -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let race = Race(continuation)
            let work = Task {
                let value = await operation()
                if race.finish(with: value) { race.cancelTimer() }
            }
            race.startTimer(seconds: seconds) {
                if race.finish(with: nil) { work.cancel() }
            }
        }
    }

    /// Resumes the continuation once, from whichever side finishes first.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = Lock()
        private var continuation: CheckedContinuation<T?, Never>?
        private var timer: Task<Void, Never>?

        init(_ continuation: CheckedContinuation<T?, Never>) { self.continuation = continuation }

        func startTimer(seconds: TimeInterval, _ expire: @escaping @Sendable () -> Void) {
            let task = Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                if !Task.isCancelled { expire() }
            }
            lock.withLock { timer = task }
        }

        func cancelTimer() { lock.withLock { timer }?.cancel() }

        /// Resumes with `value` unless already resumed; true when this call resumed it.
        func finish(with value: T?) -> Bool {
            let waiting: CheckedContinuation<T?, Never>? = lock.withLock {
                defer { continuation = nil }
                return continuation
            }
            waiting?.resume(returning: value)
            return waiting != nil
        }
    }
}
