// libFuzzer entry point for `verify`: see LinkedDataFuzzInvariants.verify for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("verify_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in LinkedDataFuzzInvariants.verify(bytes) { fatalError("verify invariant broken: \($0)") } }
}
