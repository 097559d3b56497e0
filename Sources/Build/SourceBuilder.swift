import Glibc
import Installer
import PEP508
import Python
import SuvBasics
import VirtualEnv

/// An isolated build environment: a fresh virtual environment over the target interpreter.
public struct BuildEnvironment: Sendable {
    /// The environment's root.
    public let root: String
    /// Where wheels are installed into it.
    public let scheme: InstallScheme
    /// The target interpreter's facts (markers and tags to resolve for).
    public let interpreter: InterpreterInfo

    public var python: String { root + "/bin/python" }
}

/// Installs build requirements into a build environment (resolving them for its interpreter,
/// fetching and installing the wheels); supplied by the caller.
public protocol BuildRequirementsInstaller: Sendable {
    func install(_ requirements: [Requirement], into environment: BuildEnvironment) async throws
}

/// Builds wheels from source trees as PEP 517 and PEP 660 describe, with build isolation:
/// `[build-system]` read, a temporary environment created from the target interpreter, the
/// build requirements installed into it (then those the backend asks for), the hook called
/// through ``BackendShim``, the built wheel's path returned.
///
/// ```swift
/// let builder = SourceBuilder(interpreter: info, installer: myInstaller, scratch: cache.bucket(.builds))
/// let wheel = try await builder.build(directory: "/src/proj", target: .editable, outputDirectory: out)
/// ```
public struct SourceBuilder: Sendable {
    public enum Target: Sendable, Equatable {
        case wheel
        case editable

        var hookSuffix: String { self == .wheel ? "wheel" : "editable" }
    }

    public var interpreter: InterpreterInfo
    public var installer: any BuildRequirementsInstaller
    /// The folder temporary environments and unpacked archives are made in.
    public var scratch: String
    public var runner: any ProcessRunner
    /// How long one hook may run.
    public var timeout: Duration
    public var creator: VirtualEnvironmentPlan.Creator
    /// The variables hooks run with (plus the build environment's `PATH` and `VIRTUAL_ENV`);
    /// `nil`: this process's.
    public var environment: [String: String]?

    public init(interpreter: InterpreterInfo, installer: any BuildRequirementsInstaller, scratch: String,
                runner: any ProcessRunner = SubprocessRunner(), timeout: Duration = .seconds(3600),
                creator: VirtualEnvironmentPlan.Creator = .init(name: "suv", version: "0"),
                environment: [String: String]? = nil) {
        self.environment = environment
        self.interpreter = interpreter
        self.installer = installer
        self.scratch = scratch
        self.runner = runner
        self.timeout = timeout
        self.creator = creator
    }

    /// Builds the source distribution `archive` (unpacked into a temporary folder) into a
    /// wheel in `outputDirectory`; returns the wheel's path.
    public func build(sdist archive: String, outputDirectory: String) async throws -> String {
        let work = try BuildFiles.temporaryDirectory(in: scratch, prefix: "sdist-")
        defer { BuildFiles.removeTree(work) }
        let tree = try await SdistUnpacker.unpack(archive: archive, into: work)
        return try await build(directory: tree, target: .wheel, outputDirectory: outputDirectory)
    }

    /// Builds the source tree at `directory` (`build_wheel` or `build_editable`) into
    /// `outputDirectory`; returns the wheel's path.
    public func build(directory: String, target: Target, outputDirectory: String) async throws -> String {
        let spec = try BuildSystemSpec.read(sourceTree: directory)
        let environment = try makeEnvironment()
        defer { BuildFiles.removeTree(environment.root) }
        do {
            try await installer.install(spec.requires, into: environment)
        } catch {
            throw error.context("Failed to install requirements from `build-system.requires`")
        }
        let extraText = try await call(spec, "get_requires_for_build_\(target.hookSuffix)", in: directory, environment: environment,
                                       output: outputDirectory)
        let extra = try BuildSystemSpec.parse(Self.strings(inJSONList: extraText))
        // Only what the static requirements do not already name.
        let named = Set(spec.requires.map(\.packageName))
        let missing = extra.filter { !named.contains($0.packageName) }
        if !missing.isEmpty {
            do {
                try await installer.install(missing, into: environment)
            } catch {
                throw error.context("Failed to install requirements from `get_requires_for_build_\(target.hookSuffix)`")
            }
        }
        try BuildFiles.makeDirectories(outputDirectory)
        let hook = "build_\(target.hookSuffix)"
        let result = try await call(spec, hook, in: directory, environment: environment, output: outputDirectory)
        let filename = Self.string(inJSON: result) ?? result
        let path = outputDirectory + "/" + filename
        guard filename.hasSuffix(".whl"), !filename.contains("/"), BuildFiles.exists(path) else {
            throw BackendReturnedError(underlying: .missingWheel(call: "\(spec.backend).\(hook)", filename: filename))
        }
        return path
    }

    private func makeEnvironment() throws -> BuildEnvironment {
        let root = try BuildFiles.temporaryDirectory(in: scratch, prefix: "env-")
        let options = VirtualEnvironmentCreator.options(root: root, interpreter: interpreter, prompt: nil, creator: creator)
        _ = try VirtualEnvironmentCreator.create(VirtualEnvironmentPlan(options), existing: .allowExisting, displayPath: root)
        let scheme = InstallScheme.virtualEnvironment(root: root, pythonMajor: interpreter.versionInfo.major,
                                                      pythonMinor: interpreter.versionInfo.minor)
        return BuildEnvironment(root: root, scheme: scheme, interpreter: interpreter)
    }

    /// Runs one hook; its JSON result text.
    private func call(_ spec: BuildSystemSpec, _ hook: String, in directory: String, environment: BuildEnvironment,
                      output: String) async throws -> String {
        let resultFile = environment.root + "/hook-result-\(hook).json"
        let inheritedPath = self.environment.map { $0["PATH"] } ?? getenv("PATH").map { String(cString: $0) }
        let path = environment.root + "/bin:" + (inheritedPath ?? "/usr/bin:/bin")
        let updates: [String: String?] = ["PATH": path, "VIRTUAL_ENV": environment.root, "PYTHONPATH": nil,
                                          "PYTHONHOME": nil, "PYTHONNOUSERSITE": "1"]
        let variables: ProcessEnvironment
        if var base = self.environment {
            for (key, value) in updates { base[key] = value }
            variables = .custom(base)
        } else {
            variables = .inheritUpdating(updates)
        }
        let invocation = ProcessInvocation(
            executable: environment.python,
            arguments: ["-c", BackendShim.script, spec.backend, hook, output, resultFile] + spec.backendPath,
            environment: variables,
            standardInput: [],
            workingDirectory: directory,
            timeout: timeout)
        let outcome = try await runner.run(invocation)
        let call = "\(spec.backend).\(hook)"
        switch outcome.termination {
        case .exited(0):
            return BuildFiles.read(resultFile).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        case .exited(4):
            throw BackendReturnedError(underlying: .editableUnsupported(backend: spec.backend))
        default:
            let status: String
            switch outcome.termination {
            case .exited(let code): status = "exit status: \(code)"
            default: status = outcome.termination.description
            }
            throw BackendReturnedError(underlying: .hookFailed(
                call: call, status: status, stdout: outcome.standardOutputText, stderr: outcome.standardErrorText))
        }
    }

    /// The strings of a JSON list of strings (what `get_requires_for_build_*` returns).
    static func strings(inJSONList text: String) -> [String] {
        var values: [String] = []
        var index = text.startIndex
        while let quote = text[index...].firstIndex(of: "\"") {
            guard let (value, end) = readString(text, from: quote) else { break }
            values.append(value)
            index = end
        }
        return values
    }

    /// The value of a JSON string (what `build_*` returns).
    static func string(inJSON text: String) -> String? {
        guard let quote = text.firstIndex(of: "\"") else { return nil }
        return readString(text, from: quote)?.value
    }

    private static func readString(_ text: String, from quote: String.Index) -> (value: String, end: String.Index)? {
        var value = ""
        var index = text.index(after: quote)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { return (value, text.index(after: index)) }
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                switch text[index] {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "b": value.append("\u{08}")
                case "f": value.append("\u{0C}")
                case "u":
                    let start = text.index(after: index)
                    guard let end = text.index(start, offsetBy: 4, limitedBy: text.endIndex),
                          let code = UInt32(text[start..<end], radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
                    value.unicodeScalars.append(scalar)
                    index = text.index(before: end)
                default: value.append(text[index])
                }
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
