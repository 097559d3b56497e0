// swift-tools-version: 6.2
// libFuzzer harnesses for suv's parsers, kept out of the main package (they build with
// `-sanitize=fuzzer,address`, which the test build must not). The module sources are the main
// package's, through symbolic links in `Sources/`. Run them with `scripts/fuzz`.
import PackageDescription


let package = Package(
    name: "suv-fuzz",
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        .target(name: "SuvBasics"),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .target(name: "Hashing", dependencies: ["SuvBasics", "CCrypto"]),
        .target(name: "Zip", dependencies: ["SuvBasics", "CZlib"]),
        .target(name: "Cache", dependencies: ["SuvBasics", "Hashing"]),
        .target(name: "TOML", dependencies: ["SuvBasics"]),
        .target(name: "PEP440", dependencies: ["SuvBasics"]),
        .target(name: "PEP508", dependencies: ["SuvBasics", "PEP440"]),
        .target(name: "PackagingTypes", dependencies: ["SuvBasics", "PEP440", "PEP508"]),
        .target(name: "Lockfile", dependencies: ["SuvBasics", "TOML", "PEP440", "PEP508"]),
        .target(
            name: "Python",
            dependencies: [
                "SuvBasics", "PEP440", "PEP508", "PackagingTypes",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(name: "Installer", dependencies: ["SuvBasics", "Zip", "Hashing", "Cache", "Python", "PackagingTypes", "PEP440"]),
        .executableTarget(name: "fuzz-toml", dependencies: ["FuzzSupport", "TOML"]),
        .executableTarget(name: "fuzz-pep440", dependencies: ["FuzzSupport", "PEP440"]),
        .executableTarget(name: "fuzz-pep508", dependencies: ["FuzzSupport", "PEP508"]),
        .executableTarget(name: "fuzz-metadata", dependencies: ["FuzzSupport", "PackagingTypes"]),
        .executableTarget(name: "fuzz-simple-html", dependencies: ["FuzzSupport", "PackagingTypes", "SuvBasics"]),
        .executableTarget(name: "fuzz-simple-json", dependencies: ["FuzzSupport", "PackagingTypes"]),
        .executableTarget(name: "fuzz-lock", dependencies: ["FuzzSupport", "Lockfile"]),
        .executableTarget(name: "fuzz-record", dependencies: ["FuzzSupport", "Installer"]),
    ]
)
