import Foundation
import OpenBadgesModel

/// Values kept by key for the life of the process, shared by concurrent verifications under one lock. Once
/// `capacity` keys are kept, new ones are not: what a memo holds only saves work, it never changes an answer.
final class LockedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var values: [Key: Value] = [:]
    private let capacity: Int

    /// A memo keeping at most `capacity` keys.
    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, if any.
    func get(_ key: Key) -> Value? { lock.withLock { values[key] } }

    /// Keeps `value` for `key`, unless the memo is full.
    func set(_ key: Key, _ value: Value) {
        lock.withLock { if values[key] != nil || values.count < capacity { values[key] = value } }
    }
}
