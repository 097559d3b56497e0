import Glibc
import Cache
import PyProject
import Python
import Scaffold
import SuvBasics

/// `suv init --script PATH`, as uv does it: a PEP 723 block (`requires-python` from the
/// interpreter the request finds: `--python`, else the nearest `.python-version` unless
/// `--no-pin-python`, else any) put at the top of the file, which is created with a `main()`
/// unless it exists (its text is kept after the block) or `--bare`.
struct InitScript {
    let request: InitRequest
    let global: GlobalOptions
    let context: CommandContext
    let workingDirectory: String

    func run(path: String) async throws {
        var warnings: [String] = []
        if request.noWorkspace { warnings.append("`--no-workspace` is a no-op for Python scripts, which are standalone") }
        if request.noReadme { warnings.append("`--no-readme` is a no-op for Python scripts, which are standalone") }
        if request.authorFrom != nil { warnings.append("`--author-from` is a no-op for Python scripts, which are standalone") }
        context.warn(warnings)

        let absolute = InitPaths.absolute(path, relativeTo: workingDirectory)
        let existing = try FileContents.contents(of: absolute).map { String(decoding: $0, as: UTF8.self) }
        if let existing, try InlineScriptMetadata(scriptSource: existing, fileName: path) != nil {
            throw InitScriptError.alreadyAScript(path)
        }

        let interpreters = try InterpreterSelection(context: context, global: global.flags, workingDirectory: workingDirectory, python: request.python)
        let requestText = request.python.request ?? (request.noPinPython || context.settings.noConfig ? nil : PythonVersionFile.discover(
            from: workingDirectory, userConfigDirectory: PythonVersionFile.userConfigDirectory(environment: context.environment))?.first)
        let found = try await interpreters.finder.find(try requestText.map { try InterpreterRequest.parse($0) })
        let text = ScriptTemplate.text(fileName: InitPaths.fileName(absolute) ?? path, requiresPython: ">=" + InitPython.minor(of: found.info),
                                       existing: existing, bare: request.bare)

        let writer = ScaffoldWriter()
        do {
            if let parent = LoadedProject.parent(of: WorkspacePaths.normalize(absolute)) { try writer.createDirectories(parent) }
            if let existing {
                try writer.replaceFile(absolute, contents: text, original: Array(existing.utf8))
            } else {
                try writer.createFile(absolute, contents: text)
            }
        } catch {
            writer.rollBack()
            throw error
        }
        let display = path.hasPrefix("/") ? PathDisplay.user(absolute, currentDirectory: workingDirectory) : path
        context.printer.info("Initialized script at `\(context.printer.stderrPaint.cyan(display))`")
    }
}

/// A script `suv init --script` will not touch.
enum InitScriptError: SuvError, Equatable {
    case alreadyAScript(String)

    var message: String {
        switch self {
        case .alreadyAScript(let path): "`\(path)` is already a PEP 723 script; use `uv run` to execute it"
        }
    }
}
