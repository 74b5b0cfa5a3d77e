// What every fuzz target shares: libFuzzer's entry point, and the start of its driver.
import CLibFuzzer

/// The check the running target applies to each input; set once, before libFuzzer's driver starts.
nonisolated(unsafe) private var currentCheck: (([UInt8]) -> Void)?

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    currentCheck?(bytes)
    return 0
}

/// Starts libFuzzer on a target's check.
public enum FuzzDriver {
    /// Runs libFuzzer's driver with the command line given, passing each input to `check`.
    ///
    /// In debug builds SwiftPM links executables with `--defsym main=<module>_main` (so that tests can import
    /// them), which hides libFuzzer's own `main()`: each target defines `<module>_main` and calls this.
    public static func run(
        _ argc: CInt,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        check: @escaping ([UInt8]) -> Void
    ) -> CInt {
        currentCheck = check
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) }
    }
}
