// swift-tools-version: 6.1
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
    ]
)
