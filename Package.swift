// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "BadgeBaking",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "BadgeBaking", targets: ["BadgeBaking"]),
        .library(name: "SVGBadge", targets: ["SVGBadge"]),
        .library(name: "OpenBadgesModel", targets: ["OpenBadgesModel"]),
        .library(name: "PNGValidation", targets: ["PNGValidation"]),
        .library(name: "BadgeVerification", targets: ["BadgeVerification"]),
        .executable(name: "unbake", targets: ["unbake"]),
        .executable(name: "bake", targets: ["bake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // C system libraries.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),

        // copy_file_range, which needs _GNU_SOURCE and so is not in Swift's Glibc module.
        .target(name: "CBadgeSupport"),

        // zlib behind a small Swift API: bounded inflate, deflate, CRC-32.
        .target(name: "Zlib", dependencies: ["CZlib"], swiftSettings: strictSettings),

        // Format layers.
        .target(name: "SVGBadge", dependencies: ["Zlib"], swiftSettings: strictSettings),
        .target(name: "OpenBadgesModel", swiftSettings: strictSettings),
        .target(
            name: "BadgeBaking",
            dependencies: ["Zlib", "SVGBadge", "OpenBadgesModel", "CBadgeSupport"],
            swiftSettings: strictSettings
        ),

        // Verification: fetching (with a safe policy), signatures, checks and reports.
        .target(
            name: "BadgeVerification",
            dependencies: [
                "BadgeBaking", "OpenBadgesModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),

        // libpng, kept out of the bake/extract path: a full, independent decode for validation and tests.
        .target(name: "PNGValidation", dependencies: ["CLibPNG"], swiftSettings: strictSettings),

        // Command-line tools.
        .executableTarget(
            name: "unbake",
            dependencies: ["BadgeBaking", "OpenBadgesModel", "BadgeVerification", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bake",
            dependencies: ["BadgeBaking", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // A small HTTP server on loopback for the tests and the benchmark (not a product).
        .target(name: "LoopbackHTTPServer", swiftSettings: strictSettings),

        // Release-mode benchmark: swift build -c release && .build/release/badge-benchmark
        .executableTarget(
            name: "badge-benchmark",
            dependencies: [
                "BadgeBaking", "BadgeVerification", "LoopbackHTTPServer", "Zlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Benchmarks/BadgeBenchmark",
            swiftSettings: strictSettings
        ),

        // Tests.
        .testTarget(
            name: "BadgeBakingTests",
            // SVGBadge: for FuzzInvariants.swift, a symlink to the fuzz targets' checks (FailCaseReplayTests).
            dependencies: ["BadgeBaking", "OpenBadgesModel", "PNGValidation", "SVGBadge", "Zlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SVGBadgeTests",
            dependencies: ["SVGBadge", "Zlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BadgeVerificationTests",
            dependencies: [
                "BadgeVerification", "BadgeBaking", "OpenBadgesModel", "LoopbackHTTPServer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OpenBadgesModelTests",
            dependencies: ["OpenBadgesModel"],
            swiftSettings: strictSettings
        ),
    ]
)
