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
        .executable(name: "unbake", targets: ["unbake"]),
        .executable(name: "bake", targets: ["bake"]),
        .library(name: "JCS", targets: ["JCS"]),
        .library(name: "RDFCanonicalization", targets: ["RDFCanonicalization"]),
        .library(name: "JSONLD", targets: ["JSONLD"]),
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

        // zlib behind a small Swift API: bounded inflate, deflate, CRC-32.
        .target(name: "Zlib", dependencies: ["CZlib"], swiftSettings: strictSettings),

        // Format layers.
        .target(name: "SVGBadge", dependencies: ["Zlib"], swiftSettings: strictSettings),
        .target(name: "OpenBadgesModel", swiftSettings: strictSettings),
        .target(
            name: "BadgeBaking",
            dependencies: ["Zlib", "SVGBadge"],
            swiftSettings: strictSettings
        ),

        // libpng, kept out of the bake/extract path: a full, independent decode for validation and tests.
        .target(name: "PNGValidation", dependencies: ["CLibPNG"], swiftSettings: strictSettings),

        // Command-line tools.
        .executableTarget(
            name: "unbake",
            dependencies: ["BadgeBaking", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bake",
            dependencies: ["BadgeBaking", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // Linked data: JSON (RFC 8785 JCS), RDF model + RDFC-1.0, JSON-LD 1.1 expansion and toRdf.
        .target(name: "JCS", swiftSettings: strictSettings),
        .target(
            name: "RDFCanonicalization",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "JSONLD", dependencies: ["JCS", "RDFCanonicalization"], swiftSettings: strictSettings),

        // Tests.
        .testTarget(
            name: "LinkedDataTests",
            dependencies: ["JCS", "RDFCanonicalization", "JSONLD", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BadgeBakingTests",
            dependencies: ["BadgeBaking", "PNGValidation", "Zlib"],
            swiftSettings: strictSettings
        ),
    ]
)
