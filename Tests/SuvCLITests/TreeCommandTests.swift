import Foundation
import SuvTestSupport
import Testing

/// `suv tree` against the loopback fixture index: every recorded `uv tree` run
/// (`fixtures/tree-export/golden`) prints the same tree, messages and exit status; plus what
/// uv does not record (suv's JSON document, `--reverse`).
@Suite(.serialized) struct TreeCommandTests {
    let harness: TreeExportHarness

    init() throws {
        harness = try TreeExportHarness(prefix: "suv-tree")
    }

    @Test(arguments: TreeExportGolden.all("tree"))
    func printsWhatUvPrints(_ golden: TreeExportGolden) async throws {
        let result = try await harness.run(golden)
        #expect(result.stdout == golden.stdout)
        #expect(result.stderr == golden.stderr)
        #expect(result.status == golden.status)
    }

    @Test func everyTreeGoldenIsFound() {
        #expect(TreeExportGolden.all("tree").count >= 50)
    }

    @Test func reverseIsInvert() async throws {
        let directory = try harness.copy("locks/extras-groups", name: "reverse", withLock: true)
        let environment = harness.environment(directory: directory)
        let reverse = await runSuv(["tree", "--reverse", "--package", "alpha"], environment: environment)
        let invert = await runSuv(["tree", "--invert", "--package", "alpha"], environment: environment)
        #expect(reverse.status == 0)
        #expect(reverse.stdout == invert.stdout)
        #expect(reverse.stdout.hasPrefix("alpha v1.1\n├── beta v2.0\n"))
    }

    @Test func jsonHasTheTextsNodes() async throws {
        let directory = try harness.copy("tree-export/projects/cycle", name: "json", withLock: true)
        let result = await runSuv(["tree", "--format", "json", "--universal"], environment: harness.environment(directory: directory))
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["schema"] as? String == "suv-tree/1")
        #expect(document?["inverted"] as? Bool == false)
        let roots = document?["roots"] as? [[String: Any]] ?? []
        #expect(roots.map { $0["name"] as? String } == ["cycle", "b", "a"])
        #expect(roots.map { $0["repeated"] as? Bool } == [nil, true, true])
        let a = (roots.first?["dependencies"] as? [[String: Any]])?.first
        #expect(a?["name"] as? String == "a" && a?["version"] as? String == "1.0.0")
        let b = (a?["dependencies"] as? [[String: Any]])?.first
        let cycle = (b?["dependencies"] as? [[String: Any]])?.first
        #expect(cycle?["name"] as? String == "a")
        #expect(cycle?["cycle"] as? Bool == true)
        #expect((cycle?["dependencies"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonInvertedListsDependents() async throws {
        let directory = try harness.copy("locks/extras-groups", name: "json-invert", withLock: true)
        let result = await runSuv(["tree", "--format", "json", "--invert", "--package", "alpha"],
                                  environment: harness.environment(directory: directory))
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["inverted"] as? Bool == true)
        let alpha = (document?["roots"] as? [[String: Any]])?.first
        let dependents = alpha?["dependents"] as? [[String: Any]] ?? []
        #expect(dependents.map { $0["name"] as? String } == ["beta", "eta", "extras-groups"])
        #expect(dependents.last?["extra"] as? String == "fast")
        #expect(dependents.last?["extras"] as? [String] == ["speedups"])
    }

    @Test func badPythonVersionsAndPlatformsAreUsageErrors() async throws {
        let directory = try harness.copy("locks/markers", name: "usage", withLock: true)
        let environment = harness.environment(directory: directory)
        let version = await runSuv(["tree", "--python-version", "abc"], environment: environment)
        #expect(version.status == 2)
        #expect(version.stderr.hasPrefix("error: invalid value 'abc' for '--python-version <PYTHON_VERSION>'"))
        let platform = await runSuv(["tree", "--python-platform", "amiga"], environment: environment)
        #expect(platform.status == 2)
        #expect(platform.stderr.hasPrefix("error: invalid value 'amiga' for '--python-platform <PYTHON_PLATFORM>'"))
        let full = await runSuv(["tree", "--python-version", "3.9.18", "--python-platform", "windows"], environment: environment)
        #expect(full.stdout == "markers v0.1.0\n├── delta v1.0\n├── epsilon v1.0\n└── gamma v1.0\n    ├── alpha v1.1\n    └── epsilon v1.0\n")
    }

    @Test func colours() async throws {
        let directory = try harness.copy("tree-export/projects/outdated", name: "colour", withLock: true)
        let result = await runSuv(["tree", "--outdated", "--show-sizes", "--color", "always"], environment: harness.environment(directory: directory))
        #expect(result.stdout.contains("├── alpha v1.0 \u{1B}[2m(1.1KiB)\u{1B}[0m \u{1B}[36m\u{1B}[1m(latest: v1.1)\u{1B}[0m\u{1B}[39m\n"))
        let cycle = try harness.copy("tree-export/projects/cycle", name: "colour-cycle", withLock: true)
        let repeated = await runSuv(["tree", "--color", "always"], environment: harness.environment(directory: cycle))
        #expect(repeated.stdout.hasSuffix("\u{1B}[3m(*) Package tree already displayed\u{1B}[0m\n"))
    }

    @Test func scriptsAreNotImplementedYet() async throws {
        let directory = try harness.copy("locks/packaged", name: "script", withLock: true)
        let result = await runSuv(["tree", "--script", "s.py"], environment: harness.environment(directory: directory))
        #expect(result.status == 2)
        #expect(result.stderr == "error: `suv tree --script` is not implemented yet\n")
    }
}
