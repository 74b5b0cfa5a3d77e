import BadgeVerification
import CBadgeSupport
import Dispatch

/// Runs ``Unbake/main()`` on a task, from a synchronous main thread. An `async` entry point would hand the main
/// thread to `dispatch_main`, which ends it with `pthread_exit`: that unwinds its stack through the executable's
/// unwind tables, a megabyte of them read for nothing on every run. Kept, the main thread compiles the bundled schema
/// for `--verify` while the arguments are parsed and the first image is read (``Preparation``), instead of waiting.
/// ``Unbake/main()`` ends the process itself.
///
/// First of all, the pages of the relocation table that the loader read before `main` go back to the kernel
/// (`CBadgeStartup.h`): about 2 MB of the static tool's peak resident memory.
func runUnbake() -> Never {
    _ = badge_release_relocation_table(nil)
    let verifying = CommandLine.arguments.dropFirst().contains("--verify")
    if verifying { Preparation.start() }
    Task.detached { await Unbake.main() }
    if verifying { BadgeVerifier.compileUsualSchema() }
    let never = DispatchSemaphore(value: 0)
    while true { never.wait() }  // the task ends the process
}

runUnbake()
