// swift-tools-version: 6.1
// In-process micro-benchmarks (ordo-one/package-benchmark), kept out of the library's own build:
//
//     cd Benchmarks && swift package benchmark                                  # run, compared with Thresholds/
//     swift package benchmark thresholds check                                 # malloc counts against Thresholds/
//     swift package --allow-writing-to-package-directory benchmark thresholds update   # after a deliberate change
//                                                   (then keep only mallocCountTotal in each file: times vary by machine)
//
// Thresholds/ holds the committed malloc counts (stable across machines); time is reported, never checked.
import PackageDescription

let package = Package(
    name: "BadgeBakingBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "BadgeBaking", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LinkedDataBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BadgeVerification", package: "BadgeBaking"),
                .product(name: "OpenBadgesModel", package: "BadgeBaking"),
                // LinkedDataSteps: the linked-data steps, one call each (those modules are package-internal).
                .product(name: "_BadgeTestSupport", package: "BadgeBaking"),
            ],
            path: "Benchmarks/LinkedDataBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
