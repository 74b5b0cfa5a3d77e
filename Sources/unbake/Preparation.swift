import BadgeVerification

/// The first verification's one-time work (``BadgeVerifier/prepare()``), started before the arguments are parsed
/// when they ask for `--verify`: the contexts on a task, and the bundled schema on the main thread (`main.swift`),
/// which would otherwise only wait. The first Open Badges 3.0 verification waits for the contexts rather than doing
/// the same work again, and for the schema when it checks it.
enum Preparation {
    /// The contexts' preparation, started on first use.
    static let task = Task.detached { await BadgeVerifier.prepare(compilingSchema: false) }

    /// Starts the contexts' preparation if it has not started.
    static func start() { _ = task }
}
