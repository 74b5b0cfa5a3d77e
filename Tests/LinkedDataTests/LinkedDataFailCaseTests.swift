import BadgeTestSupport
import Foundation
import Testing

/// Replays `FuzzTesting/FailCases/jsonld-rdfc/` and `FailCases/verify/` (inputs those fuzzers found, minimised
/// and kept as regressions) through the checks the fuzz targets run (``LinkedDataFuzzInvariants`` in
/// BadgeTestSupport, which the fuzz package links too). The same checks also
/// run over the fuzzers' main seeds (the RDFC-1.0 suite's inputs and the OB 3.0 credentials of the shared corpus).
@Suite("JSON-LD / RDFC and verification fuzzer fail cases")
struct LinkedDataFailCaseTests {
    static func failCases() -> [FailCase] { FailCase.all(for: LinkedDataFuzzInvariants.targetNames) }

    static func files(in folder: URL, suffix: String = "") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func seeds() -> [URL] {
        let canon = files(in: Suites.testsuites.appendingPathComponent("rdf-canon/tests/rdfc10"), suffix: "-in.nq")
        let credentials = files(in: Suites.sharedRoot.appendingPathComponent("corpus/ob3"), suffix: ".json")
        return canon + credentials
    }

    @Test("A fail case keeps every invariant", arguments: failCases())
    func replay(_ failCase: FailCase) async throws {
        let bytes = try failCase.bytes()
        let known = await LinkedDataFuzzInvariants.check(target: failCase.target, bytes) { message in
            Issue.record("\(failCase): \(message)")
        }
        #expect(known)
    }

    @Test("The fuzzers' seeds keep every invariant", .enabled(if: !seeds().isEmpty, "../shared is absent"))
    func seedsKeepInvariants() async throws {
        for file in Self.seeds() {
            let bytes = [UInt8](try Data(contentsOf: file))
            LinkedDataFuzzInvariants.check(bytes) { message in Issue.record("\(file.lastPathComponent): \(message)") }
            if file.pathExtension == "json" {
                await LinkedDataFuzzInvariants.verify(bytes) { message in Issue.record("verify \(file.lastPathComponent): \(message)") }
            }
        }
    }
}
