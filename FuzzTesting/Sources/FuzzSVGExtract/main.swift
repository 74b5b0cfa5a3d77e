// libFuzzer entry point for `svg-extract`: see FuzzInvariants.svgExtract for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("svg_extract_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in FuzzInvariants.svgExtract(bytes) { fatalError("svg-extract invariant broken: \($0)") } }
}
