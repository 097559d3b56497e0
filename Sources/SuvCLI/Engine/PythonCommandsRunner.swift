import Glibc
import Console
import PEP440
import Python
import SuvBasics
import VirtualEnv

extension PythonList {
    /// `suv python list`: the interpreters found outside virtual environments, newest first,
    /// as uv lists them with downloads off (`<key>    <path>`, symlinks as `path -> target`).
    package func run(context: CommandContext) async throws {
        if onlyDownloads { return }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let selection = try InterpreterSelection(context: context, global: global.flags, workingDirectory: cwd, preference: .onlySystem)
        let parsed = try request.map { try InterpreterRequest.parse($0) }
        var rows: [Row] = []
        var seen = Set<String>()
        for found in await selection.finder.findAll(parsed) where seen.insert(found.path).inserted {
            rows.append(Row(key: InterpreterKey.of(found.info), info: found.info, path: found.path,
                            symlink: Self.linkTarget(found.path)))
        }
        rows.sort(by: Row.listOrder)
        switch outputFormat {
        case .json:
            context.printer.data("[" + rows.map { $0.json(workingDirectory: cwd) }.joined(separator: ",") + "]")
        case .text:
            let width = rows.map(\.key.count).max() ?? 0
            let paint = context.printer.stdoutPaint
            for row in rows {
                let key = row.key + String(repeating: " ", count: width - row.key.count)
                let path = paint.cyan(DisplayPath.user(row.path, workingDirectory: cwd))
                let link = row.symlink.map { " -> " + paint.cyan($0) } ?? ""
                context.printer.data("\(key)    \(path)\(link)")
            }
        }
    }

    struct Row {
        var key: String
        var info: InterpreterInfo
        var path: String
        var symlink: String?

        /// uv's order: by key, newest version first, then paths in reverse.
        static func listOrder(_ lhs: Row, _ rhs: Row) -> Bool {
            let left = lhs.info.markers.implementationName, right = rhs.info.markers.implementationName
            if left != right { return left > right }
            if lhs.info.fullVersion != rhs.info.fullVersion { return lhs.info.fullVersion > rhs.info.fullVersion }
            if lhs.key != rhs.key { return lhs.key > rhs.key }
            return lhs.path > rhs.path
        }

        /// One object of `--output-format json`, keys in uv's order.
        func json(workingDirectory: String) -> String {
            let version = info.versionInfo
            let fields: [(String, String)] = [
                ("key", JSONText.string(key)),
                ("version", JSONText.string(version.description)),
                ("version_parts", "{\"major\":\(version.major),\"minor\":\(version.minor),\"patch\":\(version.micro)}"),
                ("path", JSONText.string(DisplayPath.user(path, workingDirectory: workingDirectory))),
                ("symlink", symlink.map(JSONText.string) ?? "null"),
                ("url", "null"),
                ("os", JSONText.string(key.split(separator: "-").dropFirst(2).first.map(String.init) ?? "")),
                ("variant", JSONText.string(info.tags.gilDisabled == true ? "freethreaded" : "default")),
                ("implementation", JSONText.string(info.markers.implementationName)),
                ("arch", JSONText.string(key.split(separator: "-").dropFirst(3).first.map(String.init) ?? "")),
                ("libc", JSONText.string(key.split(separator: "-").dropFirst(4).first.map(String.init) ?? "")),
            ]
            return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    /// What the symlink at `path` points to, as written; `nil` for anything else.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0 ..< count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension PythonFind {
    /// `suv python find`: the path of the interpreter project commands would use (the request,
    /// else `.python-version`, else the project's `requires-python`); virtual environments first
    /// unless `--system`.
    package func run(context: CommandContext) async throws {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let project = noProject ? nil : try? LoadedProject.find(from: cwd)
        let systemOnly = try EnvironmentReader(context.environment).flag(system, "UV_SYSTEM_PYTHON", option: "--system")
        let selection = try InterpreterSelection(context: context, global: global.flags, workingDirectory: cwd,
                                                 preference: systemOnly ? .onlySystem : .any)
        let parsed = try InterpreterSelection.request(explicit: request, directory: cwd, stopAt: project?.root,
                                                      noConfig: context.settings.noConfig, environment: context.environment)
        let requiresPython = parsed == nil ? project?.workspace.requiresPython : nil
        let found = try await selection.finder.find(parsed, requiresPython: requiresPython)
        if showVersion {
            context.printer.data(found.info.versionInfo.description)
            return
        }
        let path = ExecutablePath.absolute(found.info.executable, relativeTo: cwd)
        context.printer.data(resolveLinks ? (ExecutableFile.resolvedPath(path) ?? path) : path)
    }
}

extension PythonPin {
    /// `suv python pin`: shows, writes or removes `.python-version` as uv does.
    package func run(context: CommandContext) async throws {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let project = noProject ? nil : try? LoadedProject.find(from: cwd)
        let userDirectory = PythonVersionFile.userConfigDirectory(environment: context.environment)
        let existing: PythonVersionFile? = global_
            ? userDirectory.flatMap { PythonVersionFile.read(in: $0) }
            : PythonVersionFile.discover(from: cwd, stopAt: project?.root, userConfigDirectory: nil)

        if rm {
            guard let existing else { throw PinError.noFile(global: global_) }
            guard unlink(existing.path) == 0 else {
                throw PinError.io("Failed to remove `\(existing.path)`: \(String(cString: strerror(errno)))")
            }
            let display = DisplayPath.user(existing.path, workingDirectory: cwd)
            context.printer.data(global_ ? "Removed global Python pin at `\(display)`" : "Removed Python version file at `\(display)`")
            return
        }
        guard let text = request else {
            guard let existing else { throw PinError.noFileToShow }
            for version in existing.versions { context.printer.data(version) }
            return
        }

        let parsed = try InterpreterRequest.parse(text)
        let selection = try InterpreterSelection(context: context, global: global.flags, workingDirectory: cwd, preference: .onlySystem)
        var found: InterpreterFinder.Found?
        do {
            found = try await selection.finder.find(parsed)
        } catch {
            if resolved { throw error }
            context.warn([error.message])
        }
        if let requiresPython = project?.workspace.requiresPython, !requiresPython.isEmpty {
            let version = found?.info.fullVersion ?? Self.lowestVersion(of: parsed)
            if let version, !requiresPython.satisfied(by: version) {
                throw PinError.incompatible(request: parsed.canonicalText, requiresPython: requiresPython.description)
            }
        }

        let newText = resolved ? (found?.path ?? parsed.canonicalText) : parsed.canonicalText
        let directory = global_ ? (userDirectory ?? cwd) : cwd
        let target = directory + "/" + PythonVersionFile.fileName
        let previous = PythonVersionFile.read(in: directory).flatMap { $0.path == target ? $0.first : nil }
        if global_ { try? mkdirParents(directory) }
        try OutputFile.write(PythonVersionFile.render([newText]), to: target, relativeTo: cwd)
        let display = global_ ? target : DisplayPath.user(target, workingDirectory: cwd)
        if let previous, previous != newText {
            context.printer.data("Updated `\(display)` from `\(previous)` -> `\(newText)`")
        } else {
            context.printer.data("Pinned `\(display)` to `\(newText)`")
        }
    }

    /// The version an exact request starts at (`3.10` → 3.10.0), for the `requires-python`
    /// check when no interpreter was found.
    static func lowestVersion(of request: InterpreterRequest) -> PEP440.Version? {
        guard case .exact(let numbers)? = request.versionRequest?.kind else { return nil }
        return PEP440.Version(release: numbers.map { UInt64($0) })
    }

    private func mkdirParents(_ path: String) throws {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            mkdir(current, 0o755)
        }
    }

    enum PinError: SuvError {
        case noFile(global: Bool)
        case noFileToShow
        case incompatible(request: String, requiresPython: String)
        case io(String)

        var message: String {
            switch self {
            case .noFile(let global): global ? "No global Python pin found" : "No Python version file found"
            case .noFileToShow: "No Python version file found; specify a version to create one"
            case .incompatible(let request, let requiresPython):
                "The requested Python version `\(request)` is incompatible with the project `requires-python` value of `\(requiresPython)`."
            case .io(let text): text
            }
        }
    }
}

extension PythonDir {
    /// `suv python dir`: where managed Pythons live (`--bin`: where their executables are linked).
    package func run(context: CommandContext) async throws {
        let path = bin
            ? InterpreterFinder.managedBinDirectoryPath(environment: context.environment)
            : InterpreterFinder.managedInstallDirectoryPath(environment: context.environment)
        guard let path else { throw NoHomeDirectory() }
        context.printer.data(path)
    }

    struct NoHomeDirectory: SuvError {
        var message: String { "Could not determine the Python installation directory: neither `XDG_DATA_HOME` nor `HOME` is set" }
    }
}

/// JSON string literals for hand-written output.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
