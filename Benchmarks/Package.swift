// swift-tools-version: 6.2
// Benchmarks, kept out of the main package so CI never builds them.
// Run: swift run -c release --package-path Benchmarks toml-bench (or standards-bench)
import PackageDescription

let package = Package(
    name: "suv-benchmarks",
    targets: [
        .target(name: "SuvBasics"),
        .target(name: "TOML", dependencies: ["SuvBasics"]),
        .executableTarget(name: "toml-bench", dependencies: ["TOML"]),
        .target(name: "PEP440", dependencies: ["SuvBasics"]),
        .target(name: "PEP508", dependencies: ["SuvBasics", "PEP440"]),
        .executableTarget(name: "standards-bench", dependencies: ["PEP440", "PEP508"]),
        .target(name: "Lockfile", dependencies: ["SuvBasics", "TOML", "PEP440", "PEP508"]),
        .executableTarget(name: "lock-bench", dependencies: ["Lockfile", "TOML"]),
        .executableTarget(name: "page-bench", dependencies: ["PackagingTypes", "SuvBasics"]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .target(name: "Hashing", dependencies: ["SuvBasics", "CCrypto"]),
        .target(name: "Zip", dependencies: ["SuvBasics", "CZlib"]),
        .target(name: "PackagingTypes", dependencies: ["SuvBasics", "PEP440", "PEP508"]),
        .target(name: "PyProject", dependencies: ["SuvBasics", "TOML"]),
        .target(name: "HTTP", dependencies: ["SuvBasics", "CCurl", "Hashing"]),
        .target(name: "Cache", dependencies: ["SuvBasics", "Hashing"]),
        .target(name: "Settings", dependencies: ["SuvBasics", "PyProject", "TOML", "PEP508"]),
        .target(
            name: "IndexClient",
            dependencies: ["SuvBasics", "HTTP", "Cache", "Settings", "Hashing", "Zip", "PackagingTypes", "PEP440", "PEP508"]
        ),
        .executableTarget(name: "index-bench", dependencies: ["IndexClient", "HTTP", "Cache", "Settings", "PackagingTypes", "SuvBasics"]),
    ]
)
