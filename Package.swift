// swift-tools-version: 6.2
// suv: a uv-compatible Python package and project manager.
// Targets are listed bottom-up by layer; a target imports only from lower layers.
// The full map and its rules live in docs/architecture.md.
import PackageDescription

let package = Package(
    name: "suv",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "suv", targets: ["suv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
    ],
    targets: [
        // MARK: L0 — leaves

        /// libcurl for the HTTP layer: compiled against `libcurl4-openssl-dev`'s headers, loaded
        /// with `dlopen` on first use (see `Sources/CCurl/include/shim.h`).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        /// libcrypto (system library, `libssl-dev`) for SHA-256, behind `Hashing`.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        /// zlib (system library, `zlib1g-dev`) for inflating zip entries.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        /// Shared vocabulary: the `SuvError` protocol, error contexts, normalized names.
        .target(name: "SuvBasics"),

        // MARK: L1 — pure parsers

        /// Lossless TOML 1.0: syntax tree with trivia, typed read view, format-preserving edits.
        .target(name: "TOML", dependencies: ["SuvBasics"]),

        /// Streaming SHA-256 (one type over the system libcrypto) and its hex/base64 forms.
        .target(name: "Hashing", dependencies: ["SuvBasics", "CCrypto"]),
        /// Zip archives: central directory, local headers, stored/deflated entries (over zlib).
        .target(name: "Zip", dependencies: ["SuvBasics", "CZlib"]),
        /// Tar archives (ustar, GNU, pax), streaming gzip, and `PKG-INFO` from sdists (over zlib).
        .target(name: "Tarball", dependencies: ["SuvBasics", "CZlib"]),
        /// PEP 440 versions, specifiers, and version ranges as an exact set algebra.
        .target(name: "PEP440", dependencies: ["SuvBasics"]),

        // MARK: L2 — requirements and markers

        /// PEP 508 requirements and markers: parsing, evaluation, and the marker algebra.
        .target(name: "PEP508", dependencies: ["SuvBasics", "PEP440"]),
        /// pip requirements files (`-r`, `-c`, `-e`, hashes, index options), with injected loading.
        .target(name: "RequirementsTxt", dependencies: ["SuvBasics", "PEP440", "PEP508"]),

        // MARK: L3 — packaging formats

        /// Wheel and sdist file names, platform tags and wheel selection.
        .target(name: "PackagingTypes", dependencies: ["SuvBasics", "PEP440", "PEP508"]),

        // MARK: L4 — pure project models

        /// PubGrub version solving over PEP 440 ranges, with derivation reports. No I/O: package
        /// versions and dependencies come from a `DependencyProvider`.
        .target(name: "Resolver", dependencies: ["SuvBasics", "PEP440", "PEP508"]),

        /// `pyproject.toml` and `uv.toml` read models and the format-preserving editor.
        .target(name: "PyProject", dependencies: ["SuvBasics", "TOML"]),
        /// `suv init`'s project templates (uv's app, package, library and bare layouts, build
        /// backends) as file sets; pure text.
        .target(name: "Scaffold", dependencies: ["SuvBasics", "TOML"]),
        /// `uv.lock`: the lock model, uv's canonical writer and a reader with positioned errors.
        .target(name: "Lockfile", dependencies: ["SuvBasics", "TOML", "PEP440", "PEP508"]),
        /// Resolution policy over the solver: candidate selection (pre-releases, strategies, yanked,
        /// wheel tags, Requires-Python), requirement expansion, prefetching; I/O behind `DistributionSource`.
        .target(name: "Resolution", dependencies: ["SuvBasics", "PEP440", "PEP508", "PackagingTypes", "PyProject", "Resolver"]),

        // MARK: L5 — terminal I/O

        /// Stdout/stderr printers, colour policy, and the single error renderer.
        .target(name: "Console", dependencies: ["SuvBasics"]),
        /// HTTP over libcurl's multi interface: one event-loop thread, async requests, retries,
        /// streaming downloads hashed on the fly, range requests.
        .target(name: "HTTP", dependencies: ["SuvBasics", "CCurl", "Hashing"]),
        /// The cache: root discovery, versioned buckets, atomic writes, file locks, HTTP cache
        /// policy, `cache dir|clean|prune`.
        .target(name: "Cache", dependencies: ["SuvBasics", "Hashing"]),
        /// Settings from flags, `UV_*` variables, `pyproject.toml`, `uv.toml` (project, user,
        /// system) and pip's configuration; the index list; credentials and redaction.
        .target(name: "Settings", dependencies: ["SuvBasics", "PyProject", "TOML", "PEP508"]),

        // MARK: L6 — package indexes

        /// The simple-API client: JSON and HTML pages, find-links, PEP 658 metadata, metadata
        /// from remote wheels by range requests, all through the cache, hashes verified.
        .target(
            name: "IndexClient",
            dependencies: ["SuvBasics", "HTTP", "Cache", "Settings", "Hashing", "Zip", "PackagingTypes", "PEP440", "PEP508"]
        ),
        /// The resolver's distribution source over the registry client: pages, wheel metadata and
        /// source distributions' static `PKG-INFO`.
        .target(
            name: "Distribution",
            dependencies: ["SuvBasics", "IndexClient", "Settings", "PackagingTypes", "Resolution", "Tarball"]
        ),

        // MARK: L6 — interpreters

        /// Interpreter facts: one query per interpreter, cached by path and modification time.
        .target(
            name: "Python",
            dependencies: [
                "SuvBasics", "PEP440", "PEP508", "PackagingTypes",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),

        // MARK: L7 — environments

        /// Virtual environments: uv's layout planned as text (`pyvenv.cfg`, activation scripts),
        /// written without running Python; the project environment (find, create, replace).
        .target(name: "VirtualEnv", dependencies: ["SuvBasics", "PEP440", "Python"]),

        // MARK: L7 — installing

        /// Wheels unpacked once into the cache (paths, symlinks and RECORD hashes checked), linked
        /// into environments (clone, hardlink, copy, symlink), entry-point scripts, RECORD written
        /// last, uninstall by RECORD, the installed set, bytecode compilation.
        .target(
            name: "Installer",
            dependencies: ["SuvBasics", "Zip", "Hashing", "Cache", "Python", "PackagingTypes", "PEP440"]
        ),

        // MARK: L8 — building

        /// PEP 517/660 builds with isolation: `[build-system]`, a temporary environment over the
        /// target interpreter, requirements through a caller's installer, hooks through an
        /// embedded Python shim; sdists unpacked; built wheels cached by the sdist's hash.
        .target(
            name: "Build",
            dependencies: ["SuvBasics", "PEP508", "PyProject", "Python", "VirtualEnv", "Installer", "Tarball", "Zip", "Cache"]
        ),

        // MARK: L9 — projects

        /// Projects and their locks: project inputs, `uv.lock` from a universal resolution.
        .target(
            name: "Project",
            dependencies: ["SuvBasics", "PEP440", "PEP508", "PackagingTypes", "PyProject", "Resolver", "Resolution", "Lockfile"]
        ),

        // MARK: L10 — command line

        /// The swift-argument-parser command tree; no domain logic.
        .target(
            name: "SuvCLI",
            dependencies: [
                "SuvBasics", "Console", "PyProject", "TOML", "HTTP", "Cache", "Settings", "PEP440", "PEP508",
                "PackagingTypes", "Python", "IndexClient", "RequirementsTxt", "Resolver", "Resolution", "Distribution",
                "Lockfile", "Project", "VirtualEnv", "Installer", "Build", "Tarball", "Scaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: L11 — executable

        /// `suv`: calls `SuvCLI` and exits with its status.
        /// The Swift runtime is linked statically: resolving its symbols across shared libraries
        /// was a quarter of a no-op command's time (`docs/benchmarks.md`).
        .executableTarget(name: "suv", dependencies: ["SuvCLI", "SuvBasics"], linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections"])]),

        // MARK: Tests

        /// Test-only helpers: repository paths, shared vectors, temp directories.
        .target(name: "SuvTestSupport", dependencies: ["SuvBasics"]),
        .testTarget(name: "SuvBasicsTests", dependencies: ["SuvBasics", "SuvTestSupport"]),
        .testTarget(
            name: "TOMLTests",
            dependencies: [
                "TOML", "SuvTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PEP440Tests",
            dependencies: ["PEP440", "SuvTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "PEP508Tests",
            dependencies: ["PEP508", "PEP440", "SuvTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RequirementsTxtTests", dependencies: ["RequirementsTxt", "PEP508", "SuvTestSupport"]),
        .testTarget(name: "ResolverTests", dependencies: ["Resolver", "PEP440", "PEP508"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Resolver", "PackagingTypes", "PEP440", "PEP508"]),
        .testTarget(name: "PackagingTypesTests", dependencies: ["PackagingTypes", "PEP440", "PEP508", "SuvTestSupport"]),
        .testTarget(name: "PythonTests", dependencies: ["Python", "PEP440", "PEP508", "PackagingTypes", "SuvTestSupport"]),
        .testTarget(name: "VirtualEnvTests", dependencies: ["VirtualEnv", "Python", "SuvTestSupport"]),
        .testTarget(name: "PyProjectTests", dependencies: ["PyProject", "TOML", "SuvTestSupport"]),
        .testTarget(name: "ScaffoldTests", dependencies: ["Scaffold", "SuvBasics", "TOML"]),
        .testTarget(name: "LockfileTests", dependencies: ["Lockfile", "TOML", "PEP440", "PEP508", "SuvTestSupport"]),
        .testTarget(name: "ProjectTests", dependencies: ["Project", "Lockfile", "PackagingTypes", "PEP440", "PEP508", "PyProject", "SuvTestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Hashing", "SuvTestSupport"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "ZipTests", dependencies: ["Zip", "SuvTestSupport"]),
        .testTarget(name: "TarballTests", dependencies: ["Tarball", "SuvTestSupport"]),
        .testTarget(name: "CacheTests", dependencies: ["Cache", "Hashing", "SuvTestSupport"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "PyProject", "SuvTestSupport"]),
        .testTarget(
            name: "IndexClientTests",
            dependencies: ["IndexClient", "HTTP", "Cache", "Settings", "Hashing", "PyProject", "PackagingTypes", "PEP440", "SuvTestSupport"]
        ),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "SuvBasics"]),
        .testTarget(
            name: "InstallerTests",
            dependencies: ["Installer", "Cache", "Hashing", "Python", "Zip", "PackagingTypes", "SuvTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "BuildTests", dependencies: ["Build", "Python", "PEP508", "SuvTestSupport"]),
        .testTarget(name: "SuvCLITests", dependencies: ["SuvCLI", "Console", "SuvTestSupport"]),
    ]
)
