import Foundation
import SuvTestSupport
import Testing

/// `suv venv` and `suv python list|find|pin|dir`: output in uv 0.13.9's shape (checked against
/// `uv venv`, `uv python …` with `UV_PYTHON_DOWNLOADS=never`).
@Suite(.serialized) struct VenvCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-venv-cli")
    }

    static func installation(_ minor: String) -> String? {
        let versions = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv/versions"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: versions)) ?? []
        return names.filter { $0.hasPrefix(minor + ".") }.sorted().last.map { versions + "/" + $0 }
    }

    static let available = installation("3.12") != nil && installation("3.10") != nil

    /// Only the 3.12 and 3.10 builds on `PATH`; nothing from the user's own configuration.
    var environment: [String: String] {
        [
            "PATH": [Self.installation("3.12")! + "/bin", Self.installation("3.10")! + "/bin"].joined(separator: ":"),
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "SHELL": "/bin/bash",
            "NO_COLOR": "1",
        ]
    }

    func suv(_ arguments: [String], in directory: String? = nil, extra: [String: String] = [:]) async -> CLIResult {
        let folder = directory ?? tree.path("work")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return await runSuv(["--directory", folder] + arguments, environment: environment.merging(extra) { _, new in new })
    }

    @Test(.enabled(if: available)) func venvOutputAndLayout() async throws {
        let python = Self.installation("3.12")! + "/bin/python3.12"
        let result = await suv(["venv", "--python", "3.12"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            Using CPython \(Self.installation("3.12")!.split(separator: "/").last!) interpreter at: \(python)
            Creating virtual environment at: .venv
            Activate with: source .venv/bin/activate

            """)
        let config = String(decoding: tree.read("work/.venv/pyvenv.cfg") ?? [], as: UTF8.self)
        #expect(config.hasPrefix("home = \(Self.installation("3.12")!)/bin\nimplementation = CPython\nsuv = 0.1.0\n"))
        #expect(config.hasSuffix("include-system-site-packages = false\nprompt = work\n"))
        for file in ["bin/activate", "bin/activate.fish", "bin/activate.csh", "bin/activate.nu", "bin/activate.ps1", "bin/activate_this.py", ".gitignore", "CACHEDIR.TAG"] {
            #expect(tree.read("work/.venv/" + file) != nil, "\(file) is missing")
        }

        let again = await suv(["venv", "--python", "3.12"])
        #expect(again.status == 2)
        #expect(again.stderr.hasSuffix("""
            Creating virtual environment at: .venv
            error: Failed to create virtual environment
              cause: A virtual environment already exists at: .venv

            hint: Use the `--clear` flag or set `UV_VENV_CLEAR=1` to replace the existing virtual environment

            """))
        let cleared = await suv(["venv", "--python", "3.10", "--clear"])
        #expect(cleared.status == 0)
        #expect(String(decoding: tree.read("work/.venv/pyvenv.cfg") ?? [], as: UTF8.self).contains("version_info = 3.10."))
    }

    @Test(.enabled(if: available)) func venvAtAPathWithoutPromptAndShellForms() async throws {
        let result = await suv(["venv", "--python", "3.10", "other env"], extra: ["SHELL": "/usr/bin/fish"])
        #expect(result.status == 0)
        #expect(result.stderr.hasSuffix("Creating virtual environment at: other env\nActivate with: source 'other env/bin/activate.fish'\n"))
        let config = String(decoding: tree.read("work/other env/pyvenv.cfg") ?? [], as: UTF8.self)
        #expect(!config.contains("prompt"))
        let none = await suv(["venv", "x"], extra: ["SHELL": "/bin/sh"])
        #expect(!none.stderr.contains("Activate with"))
    }

    @Test(.enabled(if: available)) func venvErrors() async throws {
        let missing = await suv(["venv", "--python", "3.7"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: No interpreter found for Python 3.7 in managed installations or search path\n")
        let path = await suv(["venv", "--python", "/nope"])
        #expect(path.stderr == "error: No interpreter found at path `/nope`\n")
    }

    /// `--seed` installs pip from the configured index (here the real distributions served on
    /// loopback), as uv seeds a Python 3.12 environment.
    @Test(.enabled(if: available)) func seededEnvironmentsHavePip() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let seeded = await suv(["venv", "--seed", "--python", "3.12", "--index-url", server.url("/simple/"), "s"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stderr.contains("Creating virtual environment with seed packages at: s\n + pip==24.2\n"), "\(seeded.stderr)")
        let directory = tree.path("work")
        let config = try String(contentsOfFile: directory + "/s/pyvenv.cfg", encoding: .utf8)
        #expect(config.contains("seed = true\n"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/s/bin/python")
        process.arguments = ["-m", "pip", "--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.hasPrefix("pip 24.2 from " + directory + "/s/lib/python3.12/site-packages/pip"), "\(output)")
    }

    @Test(.enabled(if: available)) func pythonFindListDir() async throws {
        let find = await suv(["python", "find", "3.10"])
        #expect(find.status == 0)
        #expect(find.stdout == Self.installation("3.10")! + "/bin/python3.10\n")
        let version = await suv(["python", "find", "--show-version"])
        #expect(version.stdout.hasPrefix("3.12."))
        let none = await suv(["python", "find", "3.7"])
        #expect(none.status == 2)
        #expect(none.stderr == "error: No interpreter found for Python 3.7 in virtual environments, managed installations, or search path\n")

        let list = await suv(["python", "list"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("cpython-3.12.") == true)
        #expect(lines.contains { $0.hasSuffix("/bin/python3 -> python3.12") })
        #expect(lines.allSatisfy { $0.contains("-linux-") || $0.contains("-macos-") })
        // Every path starts in the same column.
        #expect(Set(lines.map { $0.range(of: "    /")?.lowerBound.utf16Offset(in: $0) }).count == 1)
        let json = await suv(["python", "list", "3.10", "--output-format", "json"])
        #expect(json.stdout.hasPrefix("[{\"key\":\"cpython-3.10."))
        #expect(json.stdout.contains("\"url\":null,\"os\":\"linux\",\"variant\":\"default\",\"implementation\":\"cpython\""))

        let dir = await suv(["python", "dir"])
        #expect(dir.stdout == tree.path("home") + "/.local/share/uv/python\n")
        let bin = await suv(["python", "dir", "--bin"])
        #expect(bin.stdout == tree.path("home") + "/.local/bin\n")
    }

    @Test(.enabled(if: available)) func pythonPin() async throws {
        let folder = tree.path("pin")
        let empty = await suv(["python", "pin"], in: folder)
        #expect(empty.status == 2)
        #expect(empty.stderr == "error: No Python version file found; specify a version to create one\n")
        #expect(await suv(["python", "pin", "3.12"], in: folder).stdout == "Pinned `.python-version` to `3.12`\n")
        #expect(tree.read("pin/.python-version") == Array("3.12\n".utf8))
        #expect(await suv(["python", "pin", "3.10"], in: folder).stdout == "Updated `.python-version` from `3.12` -> `3.10`\n")
        #expect(await suv(["python", "pin"], in: folder).stdout == "3.10\n")
        // The pin decides what `python find` and `venv` use.
        #expect(await suv(["python", "find"], in: folder).stdout.hasSuffix("/bin/python3.10\n"))
        let missing = await suv(["python", "pin", "3.7"], in: folder)
        #expect(missing.stderr == "warning: No interpreter found for Python 3.7 in managed installations or search path\n")
        #expect(await suv(["python", "pin", "--rm"], in: folder).stdout == "Removed Python version file at `.python-version`\n")
        #expect(await suv(["python", "pin", "--rm"], in: folder).stderr == "error: No Python version file found\n")

        _ = try tree.write("pin/pyproject.toml", "[project]\nname = \"p\"\nversion = \"0\"\nrequires-python = \">=3.11\"\n")
        let incompatible = await suv(["python", "pin", "3.10"], in: folder)
        #expect(incompatible.status == 2)
        #expect(incompatible.stderr == "error: The requested Python version `3.10` is incompatible with the project `requires-python` value of `>=3.11`.\n")
    }
}
