import Foundation
import OpenBadgesModel
import Testing

@testable import JSONSchema

let obAchievementURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
let clrURL = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"

/// OB 3.0 VC 2.0 credentials in the corpus that 1EdTech's achievementcredential schema accepts (checked with Python
/// jsonschema 4.26, Draft201909Validator with format checking): 1EdTech's validator samples and other VC 2.0
/// OpenBadgeCredentials (dcpv-ob3-complete.json and edubadges-… name the schema in `credentialSchema`).
let acceptedOB3 = [
    "dcpv-ob3-complete.json", "dcpv-ob3-eddsa-rdfc.json", "dcpv-ob3-unknown-plus-eddsa-proof.json", "dcpv-ob3-bad-proof-value.json",
    "edubadges-ob3-unsigned-minimal.json", "dcc-v2-eddsa-rdfc-basic.json", "dcc-v2-not-yet-valid.json",
]
/// VC 1.1 credentials (the schema requires the VC 2.0 context) and an EndorsementCredential.
let rejectedOB3 = [
    "dcpv-ob3-ed25519sig2020-vc1.json", "dcpv-ob3-eddsa-2022-legacy.json", "plugfest1-jff-ed25519sig2018.json",
    "plugfest2-jff-ed25519sig2020.json", "plugfest3-jff-ed25519sig2018.json", "dcc-v1-two-proofs.json", "dcc-v1-ed25519sig2020-status.json",
    "dcc-v2-endorsement-two-proofs.json",
]

@Suite("Bundled 1EdTech schemas")
struct BundledSchemaTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256Digest.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func everyEntryCompilesAndAnswersForItsID() throws {
        #expect(BundledSchemas.entries.count == 11)
        for entry in BundledSchemas.entries {
            let s = try #require(try BundledSchemas.schema(for: entry.url))
            #expect(s.id == entry.url)
            #expect(try BundledSchemas.schema(for: entry.url + "#") != nil)
        }
        #expect(try BundledSchemas.schema(for: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/unknown.json") == nil)
        #expect(try BundledSchemas.schema(for: "") == nil)
    }

    @Test("a schema asked for by many tasks at once is compiled once, and each gets it")
    func compiledOnceUnderConcurrency() async throws {
        let cache = BundledSchemas.CompiledCache()
        let entry = try #require(BundledSchemas.entry(for: obAchievementURL))
        let ids = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { try? cache.schema(for: entry).id } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(ids == Array(repeating: obAchievementURL, count: 16))
        #expect(cache.compilations == 1)
        _ = try cache.schema(for: try #require(BundledSchemas.entry(for: clrURL)))
        #expect(cache.compilations == 2)
    }

    @Test("the table pins the files of ../shared/schemas (SHA256SUMS)", .enabled(if: Shared.exists(Shared.schemas), "../shared/schemas is absent"))
    func tableMatchesSharedChecksums() throws {
        let sums = try String(contentsOf: Shared.schemas.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var expected: [String: String] = [:]
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            expected[String(parts[1].split(separator: "/").last!)] = String(parts[0])
        }
        #expect(expected.count == BundledSchemas.entries.count)
        for entry in BundledSchemas.entries {
            #expect(expected[entry.file] == entry.sha256, "\(entry.file)")
            let folder = entry.file.hasPrefix("ob_") ? "ob_v3p0" : "clr_v2p0"
            let id = try Shared.readJSON(Shared.schemas.appendingPathComponent(folder).appendingPathComponent(entry.file))["$id"]?.stringValue
            #expect(id == entry.url)
        }
    }

    @Test func aTamperedFileIsRefused() throws {
        let entry = BundledSchemas.Entry(url: "x", file: BundledSchemas.entries[0].file, sha256: String(repeating: "0", count: 64))
        #expect(throws: BundledSchemas.SchemaError.self) { try BundledSchemas.data(for: entry) }
    }
}

@Suite("1EdTech schemas on the corpus", .enabled(if: Shared.exists(Shared.corpus), "../shared/corpus is absent"))
struct CorpusSchemaTests {
    func ob3(_ file: String) throws -> JSONValue { try Shared.readJSON(Shared.corpus.appendingPathComponent("ob3").appendingPathComponent(file)) }

    @Test(arguments: acceptedOB3)
    func acceptsValidOB3Samples(_ file: String) throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        let v = s.validate(try ob3(file))
        #expect(v.isEmpty, "\(v.prefix(3))")
    }

    @Test(arguments: rejectedOB3)
    func rejectsOthers(_ file: String) throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        #expect(!s.validate(try ob3(file)).isEmpty)
    }

    @Test func vc11ContextIsReportedAtContext() throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        let v = s.validate(try ob3("dcpv-ob3-ed25519sig2020-vc1.json"))
        #expect(v.contains { $0.instanceLocation == "/@context" && $0.keyword == "oneOf" })
    }

    @Test func mutatedCredentialsAreRejectedAtTheRightPlace() throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        let original = try #require(try ob3("dcpv-ob3-complete.json").objectValue)

        var noSubject = original
        noSubject["credentialSubject"] = nil
        let v1 = s.validate(.object(noSubject))
        #expect(v1.count == 1)
        #expect(v1.first?.instanceLocation == "")
        #expect(v1.first?.keyword == "required")
        #expect(v1.first?.keywordLocation == "/required")
        #expect(v1.first?.message.contains("credentialSubject") == true)

        var numericName = original
        numericName["name"] = .int(42)
        let v2 = s.validate(.object(numericName))
        #expect(v2.map(\.instanceLocation) == ["/name"])
        #expect(v2.map(\.keyword) == ["oneOf"])

        var badDate = original
        badDate["validFrom"] = "2010-13-01T00:00:00Z"
        let v3 = s.validate(.object(badDate))
        #expect(v3.map(\.instanceLocation) == ["/validFrom"])
        #expect(v3.map(\.keyword) == ["format"])

        // Deep inside, through two $refs: the achievement's id (a string, or a language map) as a number.
        var subject = try #require(original["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["id"] = .int(7)
        subject["achievement"] = .object(achievement)
        var deep = original
        deep["credentialSubject"] = .object(subject)
        let v4 = s.validate(.object(deep))
        #expect(v4.map(\.instanceLocation) == ["/credentialSubject/achievement/id"])
        #expect(v4.map(\.keyword) == ["oneOf"])
        #expect(v4.first?.keywordLocation.hasPrefix("/properties/credentialSubject/$ref/") == true)
        #expect(v4.first?.schemaLocation == "/$defs/Achievement/properties/id/oneOf")
        #expect(v4.first?.message == "matches none of the 2 oneOf schemas (closest: /credentialSubject/achievement/id: type: expected string, found integer)")

        var extraTopLevel = original
        extraTopLevel["extension"] = "allowed"
        #expect(s.validate(.object(extraTopLevel)).isEmpty)  // the root allows additional properties
    }

    /// The richest sample stays far inside the default limits (a tenth of the step budget, a quarter of the nesting).
    @Test func defaultLimitsLeaveRoom() throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        let credential = try ob3("dcpv-ob3-complete.json")
        var run = Evaluation(program: s.program, limits: JSONSchemaLimits())
        #expect(run.run(credential).isEmpty)
        #expect(run.steps < JSONSchemaLimits().maximumSteps / 10, "\(run.steps) steps")
        var tight = JSONSchemaLimits()
        tight.maximumDepth = JSONSchemaLimits().maximumDepth / 4
        tight.maximumRefDepth = JSONSchemaLimits().maximumRefDepth / 4
        #expect(s.validate(credential, limits: tight).isEmpty)
        let start = Date()
        for _ in 0..<10 { _ = s.validate(credential) }
        print("dcpv-ob3-complete.json: \(run.steps) steps, \(Int(Date().timeIntervalSince(start) * 100)) ms per validation")
    }

    /// One compiled schema (regexes included) validating on several tasks at once.
    @Test func oneSchemaManyTasks() async throws {
        let s = try #require(try BundledSchemas.schema(for: obAchievementURL))
        let good = try ob3("dcpv-ob3-complete.json")
        let bad = try ob3("dcpv-ob3-ed25519sig2020-vc1.json")
        let expected = s.validate(bad)
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 { group.addTask { i % 2 == 0 ? s.validate(good).isEmpty : s.validate(bad) == expected } }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func clrSchemaAcceptsTheSimpleClr() throws {
        let s = try #require(try BundledSchemas.schema(for: clrURL))
        let clr = try Shared.readJSON(Shared.corpus.appendingPathComponent("clr/dcpv-clr20-simple.json"))
        #expect(s.validate(clr).isEmpty, "\(s.validate(clr).prefix(3))")
        let v1 = try Shared.readJSON(Shared.corpus.appendingPathComponent("clr/dcpv-clr20-simple_v1.json"))
        #expect(!s.validate(v1).isEmpty)
    }
}

/// Python's `jsonschema`, when installed: the same verdicts on the corpus and on mutated credentials.
let pythonJSONSchema: Bool = {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import jsonschema"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do {
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    } catch {
        return false
    }
}()

@Suite(
    "Verdicts agree with Python jsonschema",
    .enabled(if: Shared.exists(Shared.corpus) && Shared.exists(Shared.schemas), "../shared is absent"),
    .enabled(if: pythonJSONSchema, "python3 with jsonschema is not installed")
)
struct PythonComparisonTests {
    @Test func sameVerdicts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jsonschema-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var cases: [(schemaURL: String, schemaFile: String, name: String, instance: JSONValue)] = []
        let obFile = Shared.schemas.appendingPathComponent("ob_v3p0/ob_v3p0_achievementcredential_schema.json").path
        let clrFile = Shared.schemas.appendingPathComponent("clr_v2p0/clr_v2p0_clrcredential_schema.json").path
        for file in acceptedOB3 + rejectedOB3 {
            cases.append((obAchievementURL, obFile, file, try Shared.readJSON(Shared.corpus.appendingPathComponent("ob3").appendingPathComponent(file))))
        }
        for file in ["dcpv-clr20-simple.json", "dcpv-clr20-simple_v1.json", "dcpv-clr20-complex.json"] {
            cases.append((clrURL, clrFile, file, try Shared.readJSON(Shared.corpus.appendingPathComponent("clr").appendingPathComponent(file))))
        }
        let base = try #require(try Shared.readJSON(Shared.corpus.appendingPathComponent("ob3/dcpv-ob3-complete.json")).objectValue)
        let mutations: [(String, String, JSONValue?)] = [
            ("no credentialSubject", "credentialSubject", nil), ("numeric name", "name", .int(42)), ("language-map name", "name", ["en": "x", "fr-FR": "y"]),
            ("bad language tag", "name", ["english": "x"]), ("leap day validFrom", "validFrom", "2024-02-29T12:00:00Z"),
            ("impossible validFrom", "validFrom", "2023-02-29T12:00:00Z"), ("empty type", "type", []), ("single type string", "type", "VerifiableCredential"),
            ("issuer string", "issuer", "https://example.com/issuer"), ("issuer number", "issuer", 5),
        ]
        for (name, key, value) in mutations {
            var o = base
            o[key] = value
            cases.append((obAchievementURL, obFile, "mutation: \(name)", .object(o)))
        }
        var script = "import json, sys, warnings\nwarnings.simplefilter('ignore')\nfrom jsonschema import Draft201909Validator, FormatChecker\nout = []\n"
        for (i, c) in cases.enumerated() {
            let path = directory.appendingPathComponent("\(i).json")
            try JCS.canonicalize(c.instance).write(to: path, atomically: true, encoding: .utf8)
            let schemaPath = JCS.canonicalize(.string(c.schemaFile))
            let instancePath = JCS.canonicalize(.string(path.path))
            script +=
                "out.append(Draft201909Validator(json.load(open(\(schemaPath))), format_checker=FormatChecker()).is_valid(json.load(open(\(instancePath)))))\n"
        }
        script += "print(json.dumps(out))\n"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let verdicts = try #require(try JSONValue(parsing: [UInt8](output)).arrayValue)
        #expect(verdicts.count == cases.count)
        for (c, verdict) in zip(cases, verdicts) {
            let s = try #require(try BundledSchemas.schema(for: c.schemaURL))
            #expect(s.isValid(c.instance) == verdict.boolValue, "\(c.name)")
        }
    }
}
