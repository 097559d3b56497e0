import Testing
@testable import RequirementsTxt

/// `-r` and `-c`: relative paths, cycles, constraints.
@Suite struct IncludeTests {
    @Test func nestedIncludesResolveAgainstTheIncludingFile() throws {
        let loader = InMemoryLoader([
            "reqs/main.txt": "-r sub/a.txt\nmain-pkg\n",
            "reqs/sub/a.txt": "a-pkg\n--requirement=../common.txt\n",
            "reqs/common.txt": "common-pkg\n",
        ])
        let file = try RequirementsFile.parse(path: "reqs/main.txt", loader: loader)
        #expect(file.requirements.map(\.text) == ["a-pkg", "common-pkg", "main-pkg"])
        #expect(file.requirements.map(\.origin) == [
            RequirementOrigin(path: "reqs/sub/a.txt", line: 1),
            RequirementOrigin(path: "reqs/sub/../common.txt", line: 1),
            RequirementOrigin(path: "reqs/main.txt", line: 2),
        ])
        #expect(loader.reads == ["reqs/main.txt", "reqs/sub/a.txt", "reqs/sub/../common.txt"])
    }

    @Test func absoluteAndQuotedIncludes() throws {
        let loader = InMemoryLoader([
            "/etc/top.txt": "-r /opt/other.txt\n-r \"with space.txt\"\n-r file:///opt/url%20file.txt\n",
            "/opt/other.txt": "x\n",
            "/etc/with space.txt": "y\n",
            "/opt/url file.txt": "z\n",
        ])
        let file = try RequirementsFile.parse(path: "/etc/top.txt", loader: loader)
        #expect(file.requirements.map(\.text) == ["x", "y", "z"])
    }

    @Test func cyclesTerminate() throws {
        let loader = InMemoryLoader([
            "a.txt": "a1\n-r b.txt\n",
            "b.txt": "b1\n-r ./a.txt\n-r b.txt\n",
        ])
        let file = try RequirementsFile.parse(path: "a.txt", loader: loader)
        // As in uv, the top-level file is not marked as visited, so it is read once more.
        #expect(file.requirements.map(\.text) == ["a1", "b1", "a1"])
        #expect(loader.reads == ["a.txt", "b.txt", "./a.txt"])
    }

    @Test func aFileIncludedTwiceIsReadOnce() throws {
        let loader = InMemoryLoader([
            "top.txt": "-r x/shared.txt\n-r x/../x/shared.txt\n",
            "x/shared.txt": "shared\n",
        ])
        let file = try RequirementsFile.parse(path: "top.txt", loader: loader)
        #expect(file.requirements.map(\.text) == ["shared"])
    }

    @Test func constraintFilesBecomeConstraints() throws {
        let file = try parse(
            "requests\n-c constraints.txt\n",
            files: [
                "constraints.txt": "urllib3<2 --hash=sha256:ffff\n-r more.txt\n-c deeper.txt\n-e ./ignored\n--index-url https://ignored\n",
                "more.txt": "idna==3.4\n",
                "deeper.txt": "certifi>=2023\n",
            ])
        #expect(file.requirements.map(\.text) == ["requests"])
        #expect(file.constraints.map(\.text) == ["urllib3<2", "idna==3.4", "certifi>=2023"])
        #expect(file.constraints.first?.hashes == ["sha256:ffff"])
        #expect(file.constraints.map(\.origin.path) == ["constraints.txt", "more.txt", "deeper.txt"])
        #expect(file.editables.isEmpty)
        #expect(file.indexURL == nil)
    }

    @Test func constraintCyclesTerminate() throws {
        let file = try parse(
            "-c c.txt\n",
            files: ["c.txt": "pin==1\n-c c.txt\n-r c.txt\n"])
        #expect(file.constraints.map(\.text) == ["pin==1"])
    }

    @Test func aFileMayBeBothRequirementsAndConstraints() throws {
        let file = try parse("-r both.txt\n-c both.txt\n", files: ["both.txt": "pkg==1\n"])
        #expect(file.requirements.map(\.text) == ["pkg==1"])
        #expect(file.constraints.map(\.text) == ["pkg==1"])
    }

    @Test func unnamedConstraintsAreRefused() throws {
        let error = #expect(throws: RequirementsTxtError.self) {
            try parse("x\n-c c.txt\n", files: ["c.txt": "./local/dir\n"])
        }
        #expect(error?.message == "Unnamed requirements are not allowed as constraints in `requirements.txt`")
        #expect(error?.line == 2)
    }
}
