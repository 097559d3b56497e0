import Console
import PEP440
import Python
import SuvBasics
import VirtualEnv

extension Venv {
    /// Creates a virtual environment as `uv venv` does: picks an interpreter outside any
    /// environment (`--python`, `.python-version`, the project's `requires-python`), then writes
    /// uv's layout without running Python again.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)

        // The project (if any) supplies `requires-python` and the default location.
        let project = request.noProject ? nil : try? LoadedProject.find(from: cwd)
        let selection = try InterpreterSelection(context: context, global: global.flags, workingDirectory: cwd,
                                                 preference: .onlySystem, python: request.python)
        let pythonRequest = try InterpreterSelection.request(
            explicit: request.python.request, directory: cwd, stopAt: project?.root,
            noConfig: context.settings.noConfig, environment: context.environment)
        let requiresPython = project?.workspace.requiresPython
        let found = try await selection.finder.find(pythonRequest, requiresPython: pythonRequest == nil ? requiresPython : nil)
        context.printer.info("Using \(found.info.displayName) interpreter at: \(context.printer.stderrPaint.cyan(found.info.executable))")
        if let requiresPython, !requiresPython.isEmpty, !requiresPython.satisfied(by: found.info.fullVersion) {
            context.warn(["The requested interpreter resolved to Python \(found.info.versionInfo), which is incompatible with the project's Python requirement: `\(requiresPython)`"])
        }

        let given = request.path
        let defaultPath: String = {
            guard given == nil, let project, project.root == cwd else { return ".venv" }
            return DisplayPath.user(ProjectEnvironment.path(workspaceRoot: project.root, environment: context.environment),
                                    workingDirectory: cwd)
        }()
        let pathText = Self.trimmingTrailingSlashes(given ?? defaultPath)
        let root = ExecutablePath.absolute(pathText, relativeTo: cwd)
        let display = pathText.hasPrefix("/") ? DisplayPath.user(root, workingDirectory: cwd) : pathText
        context.printer.info("Creating virtual environment \(request.seed ? "with seed packages " : "")at: \(context.printer.stderrPaint.cyan(display))")

        // uv: the prompt is `--prompt` (`.` for the current folder's name); without a path
        // argument, the current folder's name.
        let prompt: String?
        switch request.prompt {
        case "."?: prompt = Self.lastComponent(cwd)
        case let text?: prompt = text
        case nil: prompt = given == nil ? Self.lastComponent(cwd) : nil
        }
        let policy: ExistingEnvironmentPolicy = request.allowExisting ? .allowExisting
            : request.clear ? .clear(force: request.force) : .fail
        let options = VirtualEnvironmentCreator.options(
            root: root, interpreter: found.info, prompt: prompt, systemSitePackages: request.systemSitePackages,
            relocatable: request.relocatable, seed: request.seed, creator: .init(name: "suv", version: SuvVersion.current))
        do {
            try VirtualEnvironmentCreator.create(VirtualEnvironmentPlan(options), existing: policy, displayPath: display)
        } catch {
            throw ContextError("Failed to create virtual environment", underlying: error)
        }

        if request.seed {
            let session = try await IndexSession.open(global: global.flags, context: context, index: request.index, refresh: RefreshSettings())
            defer { session.close() }
            try await VenvSeeder(session: session, context: context).seed(environmentRoot: root, base: found.info)
        }

        let scripts = (display.isEmpty ? "." : display) + "/bin"
        if let activation = ShellKind.detect(context.environment)?.activation(scripts: scripts) {
            context.printer.info("Activate with: \(context.printer.stderrPaint.green(activation))")
        }
    }

    static func trimmingTrailingSlashes(_ path: String) -> String {
        var text = path
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? "/"
    }
}

/// The user's shell, as uv detects it to say how to activate an environment.
enum ShellKind: Equatable {
    case bash, zsh, ksh, fish, csh, nushell, powershell

    /// From `NU_VERSION`, `FISH_VERSION`, `BASH_VERSION`, `ZSH_VERSION`, `KSH_VERSION`, else the
    /// name of `SHELL`.
    static func detect(_ environment: [String: String]) -> ShellKind? {
        if environment["NU_VERSION"] != nil { return .nushell }
        if environment["FISH_VERSION"] != nil { return .fish }
        if environment["BASH_VERSION"] != nil { return .bash }
        if environment["ZSH_VERSION"] != nil { return .zsh }
        if environment["KSH_VERSION"] != nil { return .ksh }
        guard let shell = environment["SHELL"] else { return nil }
        var name = shell.split(separator: "/").last.map(String.init) ?? shell
        if let dot = name.firstIndex(of: ".") { name = String(name[..<dot]) }
        switch name {
        case "bash": return .bash
        case "zsh": return .zsh
        case "ksh": return .ksh
        case "fish": return .fish
        case "csh": return .csh
        case "nu": return .nushell
        case "powershell", "powershell_ise", "pwsh": return .powershell
        default: return nil
        }
    }

    /// `source .venv/bin/activate` and the other shells' forms.
    func activation(scripts: String) -> String {
        switch self {
        case .bash, .zsh, .ksh: "source \(ShellQuote.posix(scripts + "/activate"))"
        case .fish: "source \(ShellQuote.posix(scripts + "/activate.fish"))"
        case .csh: "source \(ShellQuote.posix(scripts + "/activate.csh"))"
        case .nushell: "overlay use \(ShellQuote.posix(scripts + "/activate.nu"))"
        case .powershell: scripts.contains(" ") ? "& \"\(scripts)/activate\"" : "\(scripts)/activate"
        }
    }
}

/// Python's `shlex.quote`: the text as is when it only has safe characters, else single-quoted.
enum ShellQuote {
    static func posix(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar)))
                || "@%+=:,./-_".unicodeScalars.contains(scalar)
        }
        if safe, !text.isEmpty { return text }
        var quoted = "'"
        for character in text {
            quoted += character == "'" ? "'\"'\"'" : String(character)
        }
        return quoted + "'"
    }
}
