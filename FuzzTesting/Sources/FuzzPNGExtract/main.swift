// libFuzzer entry point for `png-extract`: see FuzzInvariants.pngExtract for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import CLibFuzzer
import FuzzInvariants

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    FuzzInvariants.pngExtract(bytes) { message in fatalError("png-extract invariant broken: \(message)") }
    return 0
}

// In debug builds SwiftPM links executables with `--defsym main=png_extract_main` (so that tests can import
// them), which hides libFuzzer's own main(); this is that symbol, and it runs libFuzzer's driver.
@_cdecl("png_extract_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) }
}
