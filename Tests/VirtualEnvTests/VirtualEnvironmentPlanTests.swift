import Python
import Testing
@testable import VirtualEnv

/// The planned layout, checked as text: no disk, no interpreter.
@Suite struct VirtualEnvironmentPlanTests {
    func options(version: PythonVersionInfo = .init(major: 3, minor: 12, micro: 1), prompt: String? = "demo",
                 relocatable: Bool = false, seed: Bool = false) -> VirtualEnvironmentPlan.Options {
        VirtualEnvironmentPlan.Options(
            root: "/work/demo/.venv", baseExecutable: "/opt/py/bin/python3.12", version: version,
            implementation: "CPython", linksLib64: true, prompt: prompt, relocatable: relocatable, seed: seed,
            creator: .init(name: "suv", version: "0.1.0"))
    }

    @Test func pyvenvConfigInUvsOrder() {
        #expect(VirtualEnvironmentPlan.pyvenvConfig(options()) == """
            home = /opt/py/bin
            implementation = CPython
            suv = 0.1.0
            version_info = 3.12.1
            include-system-site-packages = false
            prompt = demo

            """)
        #expect(VirtualEnvironmentPlan.pyvenvConfig(options(prompt: nil, relocatable: true, seed: true)) == """
            home = /opt/py/bin
            implementation = CPython
            suv = 0.1.0
            version_info = 3.12.1
            include-system-site-packages = false
            relocatable = true
            seed = true

            """)
    }

    @Test func layout() {
        let plan = VirtualEnvironmentPlan(options())
        #expect(plan.sitePackages == "lib/python3.12/site-packages")
        #expect(plan.files.map(\.path) == [
            ".gitignore", "CACHEDIR.TAG", "pyvenv.cfg", "bin/activate", "bin/activate.fish", "bin/activate.csh",
            "bin/activate.nu", "bin/activate.ps1", "bin/activate_this.py",
            "bin/activate.bat", "bin/activate.xsh", "bin/deactivate.bat", "bin/pydoc.bat",
        ])
        // cmd.exe scripts use CRLF line ends throughout.
        let batch = plan.files.first { $0.path == "bin/activate.bat" }?.contents ?? ""
        #expect(batch.contains("\r\n") && !batch.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(plan.files.first { $0.path == ".gitignore" }?.contents == "*")
        #expect(plan.files.first { $0.path == "CACHEDIR.TAG" }?.contents == "Signature: 8a477f597d28d172789f06886806bc55")
        #expect(plan.links == [
            .init(path: "bin/python", target: "/opt/py/bin/python3.12"),
            .init(path: "bin/python3", target: "python"),
            .init(path: "bin/python3.12", target: "python"),
            .init(path: "lib64", target: "lib"),
        ])
    }

    @Test func olderPythonsGetTheDistutilsPatchAndRelocatableOnesNoCsh() {
        let old = VirtualEnvironmentPlan(options(version: .init(major: 3, minor: 9, micro: 18), relocatable: true))
        let paths = old.files.map(\.path)
        #expect(paths.contains("lib/python3.9/site-packages/_virtualenv.pth"))
        #expect(old.files.first { $0.path.hasSuffix("_virtualenv.pth") }?.contents == "import _virtualenv")
        #expect(!paths.contains("bin/activate.csh"))
        #expect(old.files.first { $0.path == "bin/activate" }?.contents.contains("BASH_SOURCE") == true)
    }

    @Test func scriptsRecordTheRootAndPromptQuoted() {
        let plan = VirtualEnvironmentPlan(VirtualEnvironmentPlan.Options(
            root: "/tmp/it's here", baseExecutable: "/p/bin/python3", version: .init(major: 3, minor: 12, micro: 0),
            implementation: "CPython", linksLib64: false, prompt: "a 'b'", creator: .init(name: "suv", version: "0.1.0")))
        let posix = plan.files.first { $0.path == "bin/activate" }?.contents ?? ""
        #expect(posix.contains("VIRTUAL_ENV='/tmp/it'\"'\"'s here'"))
        #expect(posix.contains("VIRTUAL_ENV_PROMPT='a '\"'\"'b'\"'\"''"))
        let ps1 = plan.files.first { $0.path == "bin/activate.ps1" }?.contents ?? ""
        #expect(ps1.contains("$env:VIRTUAL_ENV = '/tmp/it''s here'"))
        #expect(!plan.links.contains { $0.path == "lib64" })
    }
}
