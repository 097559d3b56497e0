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

    @Test func scriptsAreNotImplementedYet() async throws {
        let directory = try harness.copy("locks/packaged", name: "script", withLock: true)
        let result = await runSuv(["tree", "--script", "s.py"], environment: harness.environment(directory: directory))
        #expect(result.status == 2)
        #expect(result.stderr == "error: `suv tree --script` is not implemented yet\n")
    }
}
