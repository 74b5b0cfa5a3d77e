#if canImport(os)
    import os
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A mutual-exclusion lock for the package's shared caches and counters: an unfair lock on Apple platforms, a
/// pthread mutex elsewhere.
///
/// Foundation's `NSLock` would do, but on Linux it is swift-corelibs-foundation's, which brings CoreFoundation and
/// ICU into every statically linked tool for the sake of a lock.
package final class Lock: @unchecked Sendable {
    #if canImport(os)
        private let mutex: UnsafeMutablePointer<os_unfair_lock>
    #else
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    #endif

    /// An unlocked lock.
    package init() {
        mutex = .allocate(capacity: 1)
        #if canImport(os)
            mutex.initialize(to: os_unfair_lock())
        #else
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
        #endif
    }

    deinit {
        #if !canImport(os)
            pthread_mutex_destroy(mutex)
        #endif
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Waits for the lock and takes it.
    package func lock() {
        #if canImport(os)
            os_unfair_lock_lock(mutex)
        #else
            pthread_mutex_lock(mutex)
        #endif
    }

    /// Releases the lock (taken by the same thread).
    package func unlock() {
        #if canImport(os)
            os_unfair_lock_unlock(mutex)
        #else
            pthread_mutex_unlock(mutex)
        #endif
    }

    /// Runs `body` holding the lock.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
