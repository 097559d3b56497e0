import Foundation
import Testing
@testable import Settings

/// Runs small shell scripts standing in for `python3`, so no real interpreter is needed.
@Suite struct InterpreterPipDefaultIndexProviderTests {
    func script(_ root: FakeRoot, _ body: String) -> String {
        let path = root.root + "/bin/python3"
        root.write("/bin/python3", "#!/bin/sh\n\(body)\n")
        chmod(path, 0o755)
        return path
    }

    @Test func readsTheURLTheInterpreterPrints() async throws {
        let root = FakeRoot()
        let python = script(root, "printf 'https://index.example/simple\\n'")
        let provider = InterpreterPipDefaultIndexProvider(interpreter: python, environment: ["PATH": "/usr/bin:/bin"])
        let answer = try await provider.pipDefaultIndex()
        #expect(answer == PipDefaultIndex(url: "https://index.example/simple", interpreter: python))
    }

    @Test func passesTheQueryScript() async throws {
        let root = FakeRoot()
        // Echo the `-c` argument back: the script must import pip's index model.
        let python = script(root, "[ \"$1 $2\" = '-S -c' ] || exit 4; case \"$3\" in *'from pip._internal.models.index import PyPI'*) echo https://ok.example/simple;; *) exit 3;; esac")
        let provider = InterpreterPipDefaultIndexProvider(interpreter: python, environment: [:])
        #expect(try await provider.pipDefaultIndex().url == "https://ok.example/simple")
    }

    /// On every installed CPython with pip, the script (run as the provider runs it) answers
    /// what importing pip's index model answers, both through pip's source file and through
    /// the import it falls back to.
    @Test func theScriptAnswersWhatPipAnswers() throws {
        let versions = (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.pyenv/versions"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: versions)) ?? []).sorted()
        var checked = 0
        for name in names {
            let python = versions + "/" + name + "/bin/python3"
            guard FileManager.default.isExecutableFile(atPath: python) else { continue }
            let expected = Self.run(python, ["-c", "from pip._internal.models.index import PyPI; print(PyPI.simple_url, end='')"])
            guard expected.status == 0 else { continue }
            #expect(Self.run(python, ["-S", "-c", InterpreterPipDefaultIndexProvider.script]) == expected, "\(python)")
            // Without pip's source file where the script looks, the fallback import answers.
            let fallback = InterpreterPipDefaultIndexProvider.script.replacingOccurrences(of: "\"index.py\"", with: "\"missing.py\"")
            #expect(Self.run(python, ["-S", "-c", fallback]) == expected, "\(python)")
            checked += 1
        }
        #expect(checked >= 2)
    }

    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func findsTheInterpreterOnPath() async throws {
        let root = FakeRoot()
        _ = script(root, "echo https://path.example/simple")
        let provider = InterpreterPipDefaultIndexProvider(environment: ["PATH": "/nonexistent:\(root.root)/bin"])
        let answer = try await provider.pipDefaultIndex()
        #expect(answer.url == "https://path.example/simple")
        #expect(answer.interpreter == "python3")
    }

    @Test func reportsAMissingPip() async throws {
        let root = FakeRoot()
        let python = script(root, "echo 'Traceback (most recent call last):' >&2; echo \"ModuleNotFoundError: No module named 'pip'\" >&2; exit 1")
        let provider = InterpreterPipDefaultIndexProvider(interpreter: python, environment: [:])
        await #expect(throws: PipDefaultIndexError.queryFailed(interpreter: python, status: 1, detail: "ModuleNotFoundError: No module named 'pip'")) {
            try await provider.pipDefaultIndex()
        }
    }

    @Test func rejectsAnswersThatAreNotURLs() async throws {
        let root = FakeRoot()
        let python = script(root, "echo hello")
        await #expect(throws: PipDefaultIndexError.invalidAnswer(interpreter: python, output: "hello")) {
            try await InterpreterPipDefaultIndexProvider(interpreter: python, environment: [:]).pipDefaultIndex()
        }
    }

    @Test func missingInterpreter() async throws {
        await #expect(throws: PipDefaultIndexError.interpreterNotFound("python-nope")) {
            try await InterpreterPipDefaultIndexProvider(interpreter: "python-nope", environment: ["PATH": "/nonexistent"]).pipDefaultIndex()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func timesOut() async throws {
        let root = FakeRoot()
        let python = script(root, "exec sleep 30")
        await #expect(throws: PipDefaultIndexError.timedOut(interpreter: python, seconds: 1)) {
            try await InterpreterPipDefaultIndexProvider(interpreter: python, environment: [:], timeoutSeconds: 1).pipDefaultIndex()
        }
    }

    @Test func closureProvider() async throws {
        let provider = ClosurePipDefaultIndexProvider { PipDefaultIndex(url: "https://c.example/simple", interpreter: "fake") }
        #expect(try await provider.pipDefaultIndex().interpreter == "fake")
        let failing = ClosurePipDefaultIndexProvider { () throws(PipDefaultIndexError) -> PipDefaultIndex in throw .unavailable }
        await #expect(throws: PipDefaultIndexError.unavailable) { try await failing.pipDefaultIndex() }
    }
}
