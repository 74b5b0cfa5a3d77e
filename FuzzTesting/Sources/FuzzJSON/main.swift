// libFuzzer entry point for `json-model`: see FuzzInvariants.jsonModel for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("json_model_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in FuzzInvariants.jsonModel(bytes) { fatalError("json-model invariant broken: \($0)") } }
}
