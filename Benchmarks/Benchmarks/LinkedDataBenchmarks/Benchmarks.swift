import Benchmark
import BadgeTestSupport
import BadgeVerification
import Foundation
import OpenBadgesModel

// In-process benchmarks of Open Badges 3.0 verification and its linked-data steps, on the typical credential in
// Credential.swift (2.6 KB: VC 2.0 + OB 3.0.3 contexts, did:key issuer, achievement with alignments and tags,
// eddsa-rdfc-2022). Bundled contexts are cached, as in a verifier that runs for a while; each benchmark checks
// its result once in setup, so a broken build cannot look fast.
//
// Thresholds/ keeps malloc counts (deterministic); wall-clock time is printed for reading, not checked. Names have
// no spaces: the threshold reader looks files up by the raw name.
//
//   OB3_verify_full                 BadgeVerifier.verify(payload:), every check (eddsa-rdfc-2022, did:key)
//   OB3_canonicalize_hash_Ed25519   what PyLD is compared on: RDFC-1.0 of document and proof options, SHA-256, Ed25519
//   JSONLD_expand                   JSON-LD expansion of the credential
//   JSONLD_toRdf_RDFC10             toRdf + RDFC-1.0 of the document and of the proof configuration
//   RDFC10_canonicalize             RDFC-1.0 of the credential's dataset

struct NoLoader: BadgeVerification.DocumentLoader {
    func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        throw FetchError(.notAvailableOffline, url: url.absoluteString, "the benchmarks fetch nothing")
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 2_000,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 5], absolute: [.p90: 200])]
    )

    let steps = try! LinkedDataSteps(credentialText: Credential.text)

    Benchmark("OB3_verify_full") { benchmark in
        let verifier = BadgeVerifier(options: VerificationOptions(loader: NoLoader()))
        for _ in benchmark.scaledIterations {
            blackHole(await verifier.verify(payload: Credential.text).verdict)
        }
    } setup: {
        let report = await BadgeVerifier(options: VerificationOptions(loader: NoLoader())).verify(payload: Credential.text)
        precondition(report.verdict == .verified, "\(report)")
    }

    Benchmark("OB3_canonicalize_hash_Ed25519") { benchmark in
        for _ in benchmark.scaledIterations {
            let valid = try steps.canonicalizeHashVerify()
            precondition(valid)
        }
    }

    Benchmark("JSONLD_expand") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try steps.expand())
        }
    }

    Benchmark("JSONLD_toRdf_RDFC10") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try steps.toRdfAndCanonicalize())
        }
    }

    Benchmark("RDFC10_canonicalize") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try steps.canonicalizeDataset())
        }
    }
}
