// libFuzzer entry point for `png-extract`: see FuzzInvariants.pngExtract for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("png_extract_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in FuzzInvariants.pngExtract(bytes) { fatalError("png-extract invariant broken: \($0)") } }
}
