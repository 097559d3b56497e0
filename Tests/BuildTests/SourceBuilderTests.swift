import Build
import Foundation
import PEP508
import Python
import SuvTestSupport
import Testing

/// Records what it was asked to install; installs nothing.
final class RecordingInstaller: BuildRequirementsInstaller, @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [[String]] = []

    func install(_ requirements: [Requirement], into environment: BuildEnvironment) async throws {
        lock.withLock { calls.append(requirements.map(\.description)) }
    }

    var requested: [[String]] { lock.withLock { calls } }
}

/// `SourceBuilder` with an in-tree backend (`backend-path`), so no requirement needs an index.
@Suite struct SourceBuilderTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-build")
    }

    static let python = (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.pyenv/versions/3.12.1/bin/python3"

    /// A backend that writes a minimal wheel with `zipfile`, prints to both streams, asks for
    /// one extra requirement, and fails when `FAIL` exists in the tree.
    func writeProject(_ name: String, requires: String = "[]") throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", """
            [project]
            name = "\(name)"
            version = "1.0"

            [build-system]
            requires = \(requires)
            build-backend = "inline_backend"
            backend-path = ["_backend"]
            """)
        _ = try tree.write("\(name)/_backend/inline_backend.py", #"""
            import os, sys, zipfile

            def get_requires_for_build_wheel(config_settings=None):
                return ["extra-dependency>=1"]

            def _build(directory, editable):
                print("building on stdout")
                print("building on stderr", file=sys.stderr)
                if os.path.exists("FAIL"):
                    raise RuntimeError("asked to fail")
                name = "NAME-1.0-py3-none-any.whl"
                with zipfile.ZipFile(os.path.join(directory, name), "w") as wheel:
                    wheel.writestr("NAME-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: NAME\nVersion: 1.0\n")
                    wheel.writestr("NAME-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
                    wheel.writestr("NAME-1.0.dist-info/RECORD", "")
                    if editable:
                        wheel.writestr("NAME.pth", os.getcwd() + "\n")
                return name

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                return _build(wheel_directory, False)

            def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
                return _build(wheel_directory, True)
            """#.replacingOccurrences(of: "NAME", with: name))
        return tree.path(name)
    }

    func builder(_ installer: RecordingInstaller) async throws -> SourceBuilder {
        let info = try await InterpreterQuery().run(executable: Self.python)
        return SourceBuilder(interpreter: info, installer: installer, scratch: tree.path("scratch"))
    }

    @Test func buildsAWheelAndAnEditableWithTheBackendsRequirements() async throws {
        let directory = try writeProject("inline", requires: #"["static-dependency"]"#)
        let installer = RecordingInstaller()
        let builder = try await builder(installer)
        let wheel = try await builder.build(directory: directory, target: .wheel, outputDirectory: tree.path("out"))
        #expect(wheel == tree.path("out") + "/inline-1.0-py3-none-any.whl")
        #expect(FileManager.default.fileExists(atPath: wheel))
        #expect(installer.requested == [["static-dependency"], ["extra-dependency>=1"]])
        // No hook for editables' requirements: nothing more to install.
        let editable = try await builder.build(directory: directory, target: .editable, outputDirectory: tree.path("out2"))
        #expect(editable.hasSuffix("/inline-1.0-py3-none-any.whl"))
        #expect(installer.requested.count == 3)
        // The temporary environments are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: tree.path("scratch")).isEmpty)
    }

    @Test func aFailingHookReportsTheBackendsOutput() async throws {
        let directory = try writeProject("failing")
        _ = try tree.write("failing/FAIL", "")
        let builder = try await builder(RecordingInstaller())
        do {
            _ = try await builder.build(directory: directory, target: .wheel, outputDirectory: tree.path("out"))
            Issue.record("the build should fail")
        } catch let error as BackendReturnedError {
            #expect(error.message == "The build backend returned an error")
            let message = error.underlying.message
            #expect(message.hasPrefix("Call to `inline_backend.build_wheel` failed (exit status: 1)\n\n[stdout]\nbuilding on stdout\n\n[stderr]\nbuilding on stderr\nTraceback"), "\(message)")
            #expect(message.hasSuffix("RuntimeError: asked to fail"), "\(message)")
        }
    }

    @Test func theDefaultBuildSystemIsSetuptoolsLegacy() throws {
        _ = try tree.write("legacy/setup.py", "")
        let spec = try BuildSystemSpec.read(sourceTree: tree.path("legacy"))
        #expect(spec.backend == "setuptools.build_meta:__legacy__")
        #expect(spec.requires.map(\.description) == ["setuptools>=40.8.0"])
        _ = try tree.write("partial/pyproject.toml", "[build-system]\nrequires = [\"setuptools>=60\", \"wheel\"]\n")
        let partial = try BuildSystemSpec.read(sourceTree: tree.path("partial"))
        #expect(partial.backend == "setuptools.build_meta:__legacy__")
        #expect(partial.requires.map(\.description) == ["setuptools>=60", "wheel"])
    }

    /// Packs `directory` into an sdist with Python's own `zipfile`/`tarfile` (members under
    /// `name-1.0/`, plus `extra` members written verbatim).
    func pack(_ directory: String, as format: String, extra: [String: String] = [:]) throws -> String {
        let archive = tree.path("archives/sdist.\(format)")
        let script = #"""
            import json, os, sys, tarfile, zipfile
            src, out, fmt, extra = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            top = os.path.basename(src) + "-1.0"
            files = []
            for root, _, names in os.walk(src):
                for n in names:
                    p = os.path.join(root, n)
                    files.append((p, top + "/" + os.path.relpath(p, src)))
            if fmt == "zip":
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                    for p, a in files: z.write(p, a)
                    for a, text in extra.items(): z.writestr(a, text)
            else:
                with tarfile.open(out, "w:gz") as t:
                    for p, a in files: t.add(p, a)
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script, directory, archive, format, String(decoding: try JSONEncoder().encode(extra), as: UTF8.self)]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return archive
    }

    @Test(arguments: ["zip", "tar.gz"]) func buildsASourceDistributionArchive(format: String) async throws {
        let archive = try pack(try writeProject("packed"), as: format)
        let builder = try await builder(RecordingInstaller())
        let wheel = try await builder.build(sdist: archive, outputDirectory: tree.path("out"))
        #expect(wheel == tree.path("out") + "/packed-1.0-py3-none-any.whl")
        #expect(FileManager.default.fileExists(atPath: wheel))
    }

    @Test func aZipMemberClimbingOutIsRefused() async throws {
        let archive = try pack(try writeProject("hostile"), as: "zip", extra: ["hostile-1.0/../../escaped.txt": "x"])
        let builder = try await builder(RecordingInstaller())
        await #expect(throws: BuildError.self) {
            _ = try await builder.build(sdist: archive, outputDirectory: tree.path("out"))
        }
        #expect(!FileManager.default.fileExists(atPath: tree.path("escaped.txt")))
        #expect(!FileManager.default.fileExists(atPath: tree.path("scratch/escaped.txt")))
    }
}
