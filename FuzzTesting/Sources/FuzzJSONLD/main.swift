// libFuzzer entry point for `jsonld-rdfc`: see LinkedDataFuzzInvariants.check for what is checked.
// Built with -parse-as-library (fuzz.sh), so this file has no top-level code.
import FuzzDriver
import BadgeTestSupport

@_cdecl("jsonld_rdfc_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in LinkedDataFuzzInvariants.check(bytes) { fatalError("jsonld-rdfc invariant broken: \($0)") } }
}
