import Dispatch

/// Runs ``Unbake/main()`` from a synchronous main thread that waits for it. An `async` entry point would hand the
/// main thread to `dispatch_main`, which ends it with `pthread_exit`: that unwinds its stack through the executable's
/// unwind tables, a megabyte of them read for nothing on every run.
func runUnbake() {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await Unbake.main()
        done.signal()
    }
    done.wait()
}

runUnbake()
