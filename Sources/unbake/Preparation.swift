import BadgeVerification

/// The first verification's one-time work (``BadgeVerifier/prepare()``), started on another core before the
/// arguments are parsed. Verifications do not wait for it: the first one does what it needs itself and finds ready
/// whatever the preparation finished first.
enum Preparation {
    /// The work, started on first use.
    static let task = Task.detached { await BadgeVerifier.prepare() }

    /// Starts the work if it has not started.
    static func start() { _ = task }
}
