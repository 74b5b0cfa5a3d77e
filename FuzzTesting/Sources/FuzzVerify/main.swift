// libFuzzer entry point for `verify`: see LinkedDataFuzzInvariants.verify for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import CLibFuzzer
import LinkedDataFuzzInvariants

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    LinkedDataFuzzInvariants.verify(bytes) { message in fatalError("verify invariant broken: \(message)") }
    return 0
}

// In debug builds SwiftPM links executables with `--defsym main=verify_main` (so that tests can import
// them), which hides libFuzzer's own main(); this is that symbol, and it runs libFuzzer's driver.
@_cdecl("verify_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) }
}
