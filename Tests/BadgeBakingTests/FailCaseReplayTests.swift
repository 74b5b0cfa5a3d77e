import Foundation
import Testing

/// Replays every input under `FuzzTesting/FailCases/<target>/` (crashers and invariant breakers the fuzzers
/// found, minimised and kept as regressions) through the very checks the fuzz targets run: FuzzInvariants.swift
/// here is a symlink to `FuzzTesting/Sources/FuzzInvariants/FuzzInvariants.swift`. No fuzzer is needed, so
/// every `swift test` replays them.
@Suite("Fuzzer fail cases")
struct FailCaseReplayTests {
    struct FailCase: CustomTestStringConvertible, Sendable {
        let target: String
        let url: URL
        var testDescription: String { "\(target)/\(url.lastPathComponent)" }
    }

    static let failCasesFolder = TestPaths.packageRoot.appendingPathComponent("FuzzTesting/FailCases")

    static func all() -> [FailCase] {
        let manager = FileManager.default
        return FuzzInvariants.targetNames.flatMap { target -> [FailCase] in
            let folder = failCasesFolder.appendingPathComponent(target)
            let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { FailCase(target: target, url: folder.appendingPathComponent($0)) }
        }
    }

    @Test("A fail case keeps every invariant", arguments: all())
    func replay(_ failCase: FailCase) throws {
        let bytes = [UInt8](try Data(contentsOf: failCase.url))
        let known = FuzzInvariants.check(target: failCase.target, bytes) { message in
            Issue.record("\(failCase.testDescription): \(message)")
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
