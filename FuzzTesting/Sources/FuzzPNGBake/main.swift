// libFuzzer entry point for `png-bake`: see FuzzInvariants.pngBake for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("png_bake_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in FuzzInvariants.pngBake(bytes) { fatalError("png-bake invariant broken: \($0)") } }
}
