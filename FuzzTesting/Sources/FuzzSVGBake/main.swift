// libFuzzer entry point for `svg-bake`: see FuzzInvariants.svgBake for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("svg_bake_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in FuzzInvariants.svgBake(bytes) { fatalError("svg-bake invariant broken: \($0)") } }
}
