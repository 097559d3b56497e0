import PackagingTypes
import PEP440
import PEP508
import Resolution
import Resolver
import SuvBasics
import Testing

@Suite struct VersionChoiceTests {
    @Test func highestVersionIsChosen() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0
            a 3.0
            a 2.0
            """)
        #expect(pins == ["a==3.0"])
    }

    @Test func backtracksWhenTheHighestVersionConflictsWithARootPin() async throws {
        let pins = try await resolve(["a", "b<2"], in: """
            a 2.0 : b>=2
            a 1.0 : b
            b 1.0
            b 2.0
            """)
        #expect(pins == ["a==1.0", "b==1.0"])
    }

    @Test func unknownPackageHasNoFiles() async throws {
        let source = InMemorySource("a 1.0")
        #expect(try await source.files(for: PackageName("zzz")).isEmpty)
        #expect(try await source.files(for: PackageName("A")).map(\.file.filename) == ["a-1.0-py3-none-any.whl"])
    }

    @Test func missingPackageIsReported() async throws {
        let error = try #require(try await failure(["nope"], in: "a 1.0"))
        #expect(error.report.contains("nope was not found in the package registry"))
        #expect(error.hints.isEmpty)
    }

    @Test func metadataIsOnlyFetchedForVersionsThatAreTried() async throws {
        let source = InMemorySource("""
            a 1.0
            a 2.0
            a 3.0 [requires-python >=3.13]
            a 4.0 [yanked]
            """)
        let graph = try await resolveGraph(["a"], in: source)
        #expect(graph.packages.map(\.version) == [Version("2.0")!])
        #expect(Set(source.log.requests) == ["a==2.0"])
    }
}

@Suite struct PrereleaseTests {
    let universe = """
        a 1.0
        a 2.0a1
        """

    @Test func ifNecessaryPrefersAStableVersionInRange() async throws {
        #expect(try await resolve(["a"], in: universe) == ["a==1.0"])
        #expect(try await resolve(["a>=0.5"], in: universe) == ["a==1.0"])
    }

    @Test func ifNecessaryFallsBackToAPrereleaseWhenNoStableVersionFits() async throws {
        #expect(try await resolve(["a>=2.0a1"], in: universe) == ["a==2.0a1"])
        #expect(try await resolve(["a>=2.0a1"], in: "a 2.0a1") == ["a==2.0a1"])
        // Also for a transitive requirement, and when only pre-releases exist at all.
        let pins = try await resolve(["a"], in: """
            a 1.0 : b>=2.0b1
            b 1.0
            b 2.0b1
            """)
        #expect(pins == ["a==1.0", "b==2.0b1"])
        #expect(try await resolve(["a"], in: "a 2.0a1") == ["a==2.0a1"])
    }

    @Test func disallowFailsAndHintsAtThePrerelease() async throws {
        let error = try #require(try await failure(["a>=2.0a1"], in: universe, options: Target.options(prerelease: .disallow)))
        #expect(error.hints == [
            "Pre-releases are available for `a` in the requested range (e.g., 2.0a1), but pre-releases weren't enabled (try: `--prerelease=allow`)",
        ])
        // Without pre-releases in range there is no pre-release hint.
        let other = try #require(try await failure(["a>=3"], in: universe, options: Target.options(prerelease: .disallow)))
        #expect(other.hints.isEmpty)
    }

    @Test func explicitAllowsPrereleasesOnlyWhereAFirstPartyRequirementNamesOne() async throws {
        let options = Target.options(prerelease: .explicit)
        let universe = """
            a 1.0
            a 2.0b1
            b 1.0
            b 2.0b1
            """
        #expect(try await resolve(["a>=2.0b1", "b"], in: universe, options: options) == ["a==2.0b1", "b==1.0"])
        // A pre-release named only by a dependency's metadata is not enough.
        let transitive = """
            a 1.0 : c>=1.0b1
            c 1.0b1
            """
        #expect(try await resolve(["a"], in: transitive) == ["a==1.0", "c==1.0b1"])
        let error = try #require(try await failure(["a"], in: transitive, options: options))
        #expect(error.hints.contains { $0.hasPrefix("Pre-releases are available for `c`") })
        // …but a constraint naming one is first-party.
        #expect(try await resolve(["a"], in: transitive, constraints: ["c>=1.0b1"], options: options)
            == ["a==1.0", "c==1.0b1"])
    }

    @Test func allowPicksTheHighestPrerelease() async throws {
        let pins = try await resolve(["a"], in: universe + "\na 1.5rc1", options: Target.options(prerelease: .allow))
        #expect(pins == ["a==2.0a1"])
    }
}

@Suite struct YankedTests {
    @Test func yankedVersionIsSkipped() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0
            a 2.0 [yanked "broken"]
            """)
        #expect(pins == ["a==1.0"])
    }

    @Test func yankedVersionIsUsedWhenPinnedExactly() async throws {
        let universe = """
            a 1.0
            a 2.0 [yanked "broken"]
            """
        #expect(try await resolve(["a==2.0"], in: universe) == ["a==2.0"])
        // A range that admits only the yanked version is not a pin.
        #expect(try await failure(["a>1.0"], in: universe) != nil)
    }

    @Test func onlyYankedVersionFails() async throws {
        let error = try #require(try await failure(["a"], in: #"a 1.0 [yanked "broken build."]"#))
        #expect(error.report.contains("was yanked (reason: broken build)"))
    }
}

@Suite struct RequiresPythonTests {
    @Test func fileRequiresPythonExcludingTheTargetSkipsTheVersion() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0 [requires-python >=3.8]
            a 2.0 [requires-python >=3.13]
            """)
        #expect(pins == ["a==1.0"])
    }

    @Test func upperBoundsAreIgnored() async throws {
        let pins = try await resolve(["a", "b"], in: """
            a 1.0
            a 2.0 [requires-python <=3.8]
            b 1.0
            b 2.0 [requires-python >=2.7,<3.0]
            """)
        #expect(pins == ["a==2.0", "b==2.0"])
    }

    @Test func metadataRequiresPythonSkipsTheVersion() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0
            a 2.0 [metadata-python >=3.13]
            """)
        #expect(pins == ["a==1.0"])
    }

    @Test func metadataRequiresPythonFailureIsExplained() async throws {
        let error = try #require(try await failure(["a"], in: "a 1.0 [metadata-python >=3.13]"))
        #expect(error.report.contains("the requested Python version (>=3.12) does not satisfy Python>=3.13"))
        #expect(error.hints == [
            "The `--python-version` value (>=3.12) includes Python versions that are not supported by your dependencies (e.g., a==1.0 only supports >=3.13). Consider using a higher `--python-version` value.",
        ])
    }
}

@Suite struct LocalVersionTests {
    @Test func exactPinAcceptsTheOnlyLocalVariant() async throws {
        #expect(try await resolve(["a==1.0"], in: "a 1.0+cpu\na 0.9") == ["a==1.0+cpu"])
    }

    @Test func greaterThanDoesNotAcceptALocalVersionOfTheBound() async throws {
        let universe = """
            a 0.9
            a 1.0+local
            """
        #expect(try await failure(["a>1.0"], in: universe) != nil)
        #expect(try await resolve(["a>=1.0"], in: universe) == ["a==1.0+local"])
    }
}

@Suite struct ExtraTests {
    @Test func extraPullsItsDependenciesAtTheSameVersion() async throws {
        let graph = try await resolveGraph(["a[x]", "c"], in: """
            a 1.0 : b==1.0 ; extra == "x"
            a 2.0 : b==2.0 ; extra == "x"
            b 1.0
            b 2.0
            c 1.0 : a==1.0
            """)
        #expect(graph.packages.map { "\($0.name)==\($0.version)" } == ["a==1.0", "b==1.0", "c==1.0"])
        #expect(graph.packages.first?.extras == [PackageName("x")])
    }

    @Test func extraReferringToOwnExtrasIsFlattened() async throws {
        let universe = """
            a 1.0 : b ; extra == "x" | c ; extra == "y" | a[x,y] ; extra == "all"
            b 1.0
            c 1.0
            """
        let graph = try await resolveGraph(["a[all]"], in: universe)
        #expect(graph.packages.map { "\($0.name)==\($0.version)" } == ["a==1.0", "b==1.0", "c==1.0"])
        #expect(graph.packages.first?.extras == [PackageName("all")])
        #expect(graph.dependents[PackageName("b")] == [.package(PackageName("a"))])
    }

    @Test func extraDependenciesAreNotPulledWithoutTheExtra() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0 : b ; extra == "x" | c
            b 1.0
            c 1.0
            """)
        #expect(pins == ["a==1.0", "c==1.0"])
    }

    @Test func expanderFlattensOwnExtrasDirectly() throws {
        let expander = try RequirementExpander(markers: Target.markers)
        let requiresDist = try requirements([#"b ; extra == "x""#, #"c>=2 ; extra == "y""#, #"a[x,y] ; extra == "all""#, "d"])
        let all = try expander.dependencies(of: PackageID("a", extra: "all"), requiresDist: requiresDist)
        #expect(all.map(\.description) == ["b", "c>=2"])
        let base = try expander.dependencies(of: PackageID("a"), requiresDist: requiresDist)
        #expect(base.map(\.description) == ["d"])
    }
}

@Suite struct MarkerTests {
    @Test func dependenciesAreFilteredByTheTargetMarkers() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0 : b ; python_version < "3.9" | c ; sys_platform == "linux" | d ; sys_platform == "win32" | e ; python_version >= "3.12"
            b 1.0
            c 1.0
            d 1.0
            e 1.0
            """)
        #expect(pins == ["a==1.0", "c==1.0", "e==1.0"])
    }

    @Test func rootRequirementsAreFilteredToo() async throws {
        #expect(try await resolve(["a", #"b ; sys_platform == "darwin""#], in: "a 1.0\nb 1.0") == ["a==1.0"])
    }
}

@Suite struct StrategyTests {
    let universe = """
        a 1.0 : b
        a 2.0 : b
        b 1.0
        b 2.0
        """

    @Test func lowest() async throws {
        #expect(try await resolve(["a"], in: universe, options: Target.options(resolution: .lowest)) == ["a==1.0", "b==1.0"])
    }

    @Test func lowestDirectTakesTransitiveDependenciesHighest() async throws {
        #expect(try await resolve(["a"], in: universe, options: Target.options(resolution: .lowestDirect))
            == ["a==1.0", "b==2.0"])
    }
}

@Suite struct ConstraintAndOverrideTests {
    let universe = """
        a 1.0 : b<3
        b 1.0
        b 2.0
        b 3.0
        c 1.0
        """

    @Test func constraintNarrowsATransitiveDependency() async throws {
        #expect(try await resolve(["a"], in: universe) == ["a==1.0", "b==2.0"])
        #expect(try await resolve(["a"], in: universe, constraints: ["b<2"]) == ["a==1.0", "b==1.0"])
    }

    @Test func constraintOnAnUnrequiredPackageAddsNothing() async throws {
        #expect(try await resolve(["a"], in: universe, constraints: ["c==1.0", "zzz>1"]) == ["a==1.0", "b==2.0"])
    }

    @Test func conflictingConstraintFails() async throws {
        #expect(try await failure(["a"], in: universe, constraints: ["b>=3"]) != nil)
    }

    @Test func overrideReplacesADependencyRange() async throws {
        #expect(try await resolve(["a"], in: universe, overrides: ["b>=3"]) == ["a==1.0", "b==3.0"])
    }
}

@Suite struct DistributionTests {
    @Test func versionWithOnlyAnIncompatibleWheelIsSkipped() async throws {
        let pins = try await resolve(["a"], in: """
            a 1.0
            a 2.0 [wheel py3-none-macosx_10_0_ppc64]
            """)
        #expect(pins == ["a==1.0"])
    }

    @Test func incompatibleWheelWithAnSdistUsesTheSdist() async throws {
        let graph = try await resolveGraph(["a"], in: """
            a 1.0
            a 2.0 [wheel py3-none-macosx_10_0_ppc64] [sdist]
            """)
        #expect(graph.packages.map(\.version) == [Version("2.0")!])
        #expect(graph.packages.first?.file?.file.filename == "a-2.0.tar.gz")
    }

    @Test func bestWheelIsPreferredOverSdistAndGenericWheels() async throws {
        let graph = try await resolveGraph(["a"], in: """
            a 1.0 [sdist] [wheel py3-none-any] [wheel cp312-cp312-manylinux_2_17_x86_64] [wheel cp312-cp312-win_amd64]
            """)
        #expect(graph.packages.first?.file?.file.filename == "a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")
    }

    @Test func onlyIncompatibleWheelFailsWithAPlatformHint() async throws {
        let error = try #require(try await failure(["a"], in: "a 2.0 [wheel py3-none-macosx_10_0_ppc64]"))
        #expect(error.report.contains("has no wheels with a matching platform tag"))
        #expect(error.hints == ["Wheels are available for `a` (v2.0) on the following platform: `macosx_10_0_ppc64`"])
    }

    @Test func noBinaryRequiresAnSdist() async throws {
        let universe = """
            a 1.0 [sdist]
            a 2.0
            """
        let options = Target.options(noBinary: .packages([PackageName("a")]))
        #expect(try await resolve(["a"], in: universe) == ["a==2.0"])
        #expect(try await resolve(["a"], in: universe, options: options) == ["a==1.0"])
        let error = try #require(try await failure(["a>=2"], in: universe, options: options))
        #expect(error.hints == [
            "A source distribution is required for `a` because using pre-built wheels is disabled for `a` (i.e., with `--no-binary-package a`)",
        ])
    }

    @Test func noBuildRequiresAWheel() async throws {
        let universe = """
            a 1.0
            a 2.0 [sdist]
            """
        let options = Target.options(noBuild: .packages([PackageName("a")]))
        #expect(try await resolve(["a"], in: universe) == ["a==2.0"])
        #expect(try await resolve(["a"], in: universe, options: options) == ["a==1.0"])
        let error = try #require(try await failure(["a>=2"], in: universe, options: options))
        #expect(error.hints == [
            "Wheels are required for `a` because building from source is disabled for `a` (i.e., with `--no-build-package a`)",
        ])
    }
}

@Suite struct GraphTests {
    @Test func dependentsExtrasAndOrder() async throws {
        let graph = try await resolveGraph(["d", "b"], in: """
            d 1.0 : b | c[x]
            b 1.0 : c
            c 1.0 : a ; extra == "x"
            a 1.0
            """)
        #expect(graph.packages.map(\.name.description) == ["a", "b", "c", "d"])
        #expect(graph.dependents[PackageName("d")] == [.root])
        #expect(graph.dependents[PackageName("b")] == [.root, .package(PackageName("d"))])
        #expect(graph.dependents[PackageName("c")] == [.package(PackageName("b")), .package(PackageName("d"))])
        #expect(graph.dependents[PackageName("a")] == [.package(PackageName("c"))])
        #expect(graph.packages.map(\.extras) == [[], [], [PackageName("x")], []])
        #expect(graph.packages.allSatisfy { $0.file != nil })
    }
}

@Suite struct VersionMapAndSelectorTests {
    func map(_ universe: String, _ name: String = "a", options: ResolutionOptions = Target.options(),
             allowedYanks: Set<Version> = []) async throws -> VersionMap {
        let files = try await InMemorySource(universe).files(for: PackageName(name))
        return VersionMap(package: PackageName(name), files: files, options: options, allowedYanks: allowedYanks)
    }

    func selector(_ prerelease: PrereleaseMode = .ifNecessary, _ resolution: ResolutionMode = .highest) -> CandidateSelector {
        CandidateSelector(prerelease: prerelease, resolution: resolution, directPackages: [PackageName("a")],
                          explicitPrereleases: [])
    }

    @Test func versionsAreSortedHighestFirstAndClassified() async throws {
        let map = try await map("""
            a 1.0
            a 3.0 [yanked "bad"]
            a 2.0 [sdist]
            a 4.0 [requires-python >=3.13]
            a 5.0 [wheel cp311-cp311-manylinux_2_17_x86_64]
            a 6.0 [wheel cp313-cp313-manylinux_2_17_x86_64]
            a 7.0 [wheel cp312-cp312-win_amd64] [sdist]
            a 8.0 [wheel py3-none-any] [wheel cp312-abi3-manylinux_2_28_x86_64]
            """)
        #expect(map.versions.map(\.description) == ["8.0", "7.0", "6.0", "5.0", "4.0", "3.0", "2.0", "1.0"])
        #expect(map.distribution(for: Version("8.0")!)?.file?.file.filename == "a-8.0-cp312-abi3-manylinux_2_28_x86_64.whl")
        #expect(map.distribution(for: Version("7.0")!)?.file?.file.filename == "a-7.0.tar.gz")
        #expect(map.distribution(for: Version("6.0")!) == .incompatible(.noMatchingPythonTag))
        #expect(map.distribution(for: Version("5.0")!) == .incompatible(.noMatchingABITag))
        #expect(map.distribution(for: Version("4.0")!)
            == .incompatible(.requiresPython(try VersionSpecifiers(parsing: ">=3.13"))))
        #expect(map.distribution(for: Version("3.0")!) == .incompatible(.yanked(reason: "bad")))
        #expect(map.distribution(for: Version("2.0")!)?.file?.file.filename == "a-2.0.tar.gz")
        #expect(map.distribution(for: Version("9.0")!) == nil)
    }

    @Test func selectorReportsTheFirstUnusableVersion() async throws {
        let map = try await map("""
            a 1.0
            a 2.0 [yanked]
            """)
        let choice = selector().select(PackageName("a"), in: .full, from: map, tags: Target.tags)
        #expect(choice == .unavailable(Version("2.0")!, UnavailableReason("was yanked", plural: "were yanked")))
        #expect(selector().select(PackageName("a"), in: .lessThan(Version("2.0")!), from: map) == .candidate(Version("1.0")!))
        #expect(selector().select(PackageName("a"), in: .greaterThan(Version("2.0")!), from: map) == VersionChoice.none)
    }

    @Test func selectorHonoursStrategyAndPrereleases() async throws {
        let map = try await map("""
            a 1.0
            a 2.0
            a 3.0b1
            """)
        #expect(selector().select(PackageName("a"), in: .full, from: map) == .candidate(Version("2.0")!))
        #expect(selector(.allow).select(PackageName("a"), in: .full, from: map) == .candidate(Version("3.0b1")!))
        #expect(selector(.ifNecessary, .lowest).select(PackageName("a"), in: .full, from: map) == .candidate(Version("1.0")!))
        #expect(selector(.ifNecessary, .lowestDirect).select(PackageName("a"), in: .full, from: map) == .candidate(Version("1.0")!))
        #expect(selector(.ifNecessary, .lowestDirect).select(PackageName("b"), in: .full, from: map) == .candidate(Version("2.0")!))
        #expect(selector(.disallow).select(PackageName("a"), in: .atLeast(Version("3.0a1")!), from: map) == VersionChoice.none)
    }
}
