import BadgeVerification

/// The first verification's one-time work (``BadgeVerifier/prepare()``), started on another core before the
/// arguments are parsed. The first Open Badges 3.0 verification waits for it rather than doing the same work again.
enum Preparation {
    /// The work, started on first use.
    static let task = Task.detached { await BadgeVerifier.prepare() }

    /// Starts the work if it has not started.
    static func start() { _ = task }
}
