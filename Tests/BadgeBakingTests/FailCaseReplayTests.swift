import BadgeTestSupport
import Foundation
import Testing

/// Replays every input under `FuzzTesting/FailCases/<target>/` (crashers and invariant breakers the fuzzers
/// found, minimised and kept as regressions) through the very checks the fuzz targets run (``FuzzInvariants`` in
/// BadgeTestSupport, which the fuzz package links too). No fuzzer is needed, so every `swift test` replays them.
@Suite("Fuzzer fail cases")
struct FailCaseReplayTests {
    static let failCasesFolder = SharedFiles.failCases

    static func all() -> [FailCase] { FailCase.all(for: FuzzInvariants.targetNames) }

    @Test("A fail case keeps every invariant", arguments: all())
    func replay(_ failCase: FailCase) throws {
        let bytes = try failCase.bytes()
        let known = FuzzInvariants.check(target: failCase.target, bytes) { message in
            Issue.record("\(failCase): \(message)")
        }
        #expect(known)
    }

    @Test("Every FailCases folder names a fuzz target")
    func foldersAreTargets() throws {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: Self.failCasesFolder.path)) ?? []
        // jsonld-rdfc and verify are replayed by LinkedDataTests (their checks need the linked-data modules).
        let linkedDataTargets: Set = ["jsonld-rdfc", "verify"]
        for folder in folders where !folder.hasPrefix(".") && !linkedDataTargets.contains(folder) {
            #expect(FuzzInvariants.targetNames.contains(folder), "FuzzTesting/FailCases/\(folder) is not a fuzz target")
        }
    }
}
