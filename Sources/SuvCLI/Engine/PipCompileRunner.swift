import Glibc
import Console
import Distribution
import PEP440
import PEP508
import PyProject
import RequirementsTxt
import Resolution
import Resolver
import SuvBasics

extension PipCompile {
    /// Resolves the requirement files for the target environment and prints the pinned
    /// requirements (also written to `-o FILE`), as `uv pip compile` does.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if request.format == .pylockToml || request.outputFile?.hasSuffix(".toml") == true {
            throw NotImplementedError(command: "suv pip compile --format pylock.toml")
        }
        if !request.groups.isEmpty { throw NotImplementedError(command: "suv pip compile --group") }
        let started = ContinuousClock.now

        let inputs = try CompileInputs.read(request, environment: context.environment)
        var index = request.index
        if index.indexURL == nil { index.indexURL = inputs.indexURL }
        if index.extraIndexURLs.isEmpty { index.extraIndexURLs = inputs.extraIndexURLs }
        index.findLinks += inputs.findLinks
        index.noIndex = index.noIndex || inputs.noIndex
        let session = try await IndexSession.open(global: global.flags, context: context, index: index, refresh: request.refresh)
        defer { session.close() }

        let target = try await TargetEnvironment.resolve(
            pythonRequest: request.python.request, pythonVersion: request.pythonVersion,
            pythonPlatform: request.pythonPlatform, environment: context.environment, cache: session.cache)
        context.warn(target.warnings)
        var noBinary = PackageSelection.parse(request.noBinary + inputs.noBinary)
        var noBuild = PackageSelection.parse(request.onlyBinary + inputs.onlyBinary)
        if request.noBuild { noBuild = .all }
        if case .all = noBuild, case .all = noBinary { noBinary = .none }
        let prerelease = request.resolver.prerelease ?? (inputs.pre ? .allow : session.settings.settings.prerelease)
        var options = ResolutionOptions(
            markers: target.markers, pythonVersion: target.pythonVersion, tags: target.tags,
            prerelease: prerelease, resolution: request.resolver.resolution ?? session.settings.settings.resolution,
            noBinary: noBinary, noBuild: noBuild, noDependencies: request.noDeps,
            pythonRequirementText: request.pythonVersion.map { ">=\($0)" })
        if inputs.projects.count == 1, inputs.origins.count == 1 { options.requirer = inputs.projects.first }

        let source = RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes)
        let preferences = try ExistingPins.read(request, relativeTo: session.workingDirectory, environment: context.environment)
        let graph: ResolutionGraph
        var markers: [String: String] = [:]
        if request.universal {
            // Every environment from the target Python up: markers are kept, not evaluated,
            // wheels of every platform count, and the Python range forks where uv forks it.
            let lower = PEP440.Version(release: Array(target.pythonVersion.release.prefix(2)))
            let forks = try await UniversalResolution(source: source, options: options)
                .resolve(inputs.requirements, lowestPython: lower, constraints: inputs.constraints,
                         overrides: inputs.overrides, preferences: preferences)
            let merged = UniversalResolution.merge(forks)
            graph = merged.graph
            for (key, marker) in merged.markers {
                if let text = marker.simplified(requiresPython: .atLeast(lower)).withPythonReleasesOnly.uvDescription {
                    markers["\(key.name)==\(key.version)"] = text
                }
            }
        } else {
            graph = try await PackageResolution(source: source, options: options)
                .resolve(inputs.requirements, constraints: inputs.constraints, overrides: inputs.overrides, preferences: preferences)
        }
        let elapsed = ElapsedFormat.format(started.duration(to: .now))
        let count = graph.packages.count
        context.printer.info(context.printer.stderrPaint.dimmed("Resolved \(count) \(count == 1 ? "package" : "packages") in \(elapsed)"))

        let output = CompiledRequirements(
            headerCommand: request.noHeader ? nil : request.customCompileCommand ?? CompiledRequirements.headerCommand(arguments: context.arguments),
            annotate: !request.noAnnotate,
            origins: inputs.origins,
            omitted: Set(request.noEmitPackages.map(PackageName.init)),
            markers: markers
        ).render(graph)
        if let path = request.outputFile {
            try OutputFile.write(output, to: path, relativeTo: session.workingDirectory)
        }
        context.printer.writeData(output)
    }
}

/// The requirements of a `pip compile` run, read from its files.
struct CompileInputs {
    var requirements: [Requirement] = []
    var constraints: [Requirement] = []
    var overrides: [Requirement] = []
    /// Where root requirements and constraints came from, in order, as `# via` names them
    /// (`-r requirements.in`, `project (pyproject.toml)`, `-c constraints.txt`).
    var origins: [(label: String, packages: Set<PackageName>)] = []
    /// Names of the `pyproject.toml` projects read.
    var projects: [String] = []
    var indexURL: String?
    var extraIndexURLs: [String] = []
    var findLinks: [String] = []
    var noIndex = false
    var pre = false
    var noBinary: [String] = []
    var onlyBinary: [String] = []

    static func read(_ request: PipCompileRequest, environment: [String: String]) throws -> CompileInputs {
        var inputs = CompileInputs()
        let loader = POSIXRequirementsLoader()
        for source in request.sources + request.constraints + request.overrides where access(source, F_OK) != 0 {
            throw InputFileNotFound(path: source)
        }
        for source in request.sources {
            if source.hasSuffix("pyproject.toml") {
                try inputs.readProject(source, extras: request.extras)
                continue
            }
            let file = try RequirementsFile.parse(path: source, loader: loader, environment: environment)
            let requirements = try named(file.requirements, source: source)
            inputs.requirements += requirements
            inputs.origins.append(("-r \(source)", Set(requirements.map { PackageName($0.name) })))
            inputs.constraints += try named(file.constraints, source: source)
            if !file.editables.isEmpty { throw NotImplementedError(command: "suv pip compile with editable requirements") }
            if inputs.indexURL == nil { inputs.indexURL = file.indexURL }
            inputs.extraIndexURLs += file.extraIndexURLs
            inputs.findLinks += file.findLinks
            inputs.noIndex = inputs.noIndex || file.noIndex
            inputs.pre = inputs.pre || file.pre
            inputs.noBinary += file.noBinary.map(\.description)
            inputs.onlyBinary += file.onlyBinary.map(\.description)
        }
        for source in request.constraints {
            let file = try RequirementsFile.parse(path: source, loader: loader, environment: environment)
            let constraints = try named(file.requirements + file.constraints, source: source)
            inputs.constraints += constraints
            inputs.origins.append(("-c \(source)", Set(constraints.map { PackageName($0.name) })))
        }
        for source in request.overrides {
            let file = try RequirementsFile.parse(path: source, loader: loader, environment: environment)
            inputs.overrides += try named(file.requirements, source: source)
        }
        return inputs
    }

    /// `[project]` dependencies of a `pyproject.toml`, with the optional dependencies asked for
    /// (`--extra`, `--all-extras`).
    private mutating func readProject(_ path: String, extras: ExtraSelection) throws {
        let text = try ProjectFileReader.read(path)
        let project: ProjectTable
        do {
            guard let table = try PyProjectToml(parsing: text, fileName: path).project else {
                throw ProjectFileError(path: path, reason: "it has no `[project]` table")
            }
            project = table
        } catch let error as PyProjectError {
            throw error.context("Failed to parse: `\(path)`")
        }
        var texts = project.dependencies
        let wanted = Set(extras.extras.map(PackageName.normalize))
        let excluded = Set(extras.noExtras.map(PackageName.normalize))
        for (extra, requirements) in project.optionalDependencies {
            let name = PackageName.normalize(extra)
            if (extras.allExtras && !excluded.contains(name)) || wanted.contains(name) { texts += requirements }
        }
        var parsed: [Requirement] = []
        for text in texts {
            do {
                parsed.append(try Requirement(parsing: text))
            } catch {
                throw ProjectFileError(path: path, reason: "invalid requirement `\(text)`: \(error.message)")
            }
        }
        requirements += parsed
        projects.append(project.name)
        let label = "\(project.name) (\(path.split(separator: "/").last.map(String.init) ?? path))"
        origins.append((label, Set(parsed.map { PackageName($0.name) })))
    }

    private static func named(_ entries: [RequirementEntry], source: String) throws -> [Requirement] {
        try entries.map { entry in
            guard let requirement = entry.requirement.named else {
                throw NotImplementedError(command: "suv pip compile with unnamed requirements (`\(entry.requirement)` in `\(source)`)")
            }
            return requirement
        }
    }
}

/// The pins of an existing output file (`-o`), which a new compile keeps where they still fit,
/// as uv does; `--upgrade` drops them all, `--upgrade-package` those of the named packages.
enum ExistingPins {
    static func read(_ request: PipCompileRequest, relativeTo directory: String,
                     environment: [String: String]) throws -> [PackageName: PEP440.Version] {
        guard let output = request.outputFile, !request.resolver.upgrade else { return [:] }
        let path = output.hasPrefix("/") ? output : directory + "/" + output
        guard access(path, R_OK) == 0 else { return [:] }
        let file = try RequirementsFile.parse(path: path, loader: POSIXRequirementsLoader(), environment: environment)
        let upgraded = Set(request.resolver.upgradePackages.map(PackageName.init))
        var pins: [PackageName: PEP440.Version] = [:]
        for entry in file.requirements {
            guard let requirement = entry.requirement.named, requirement.specifiers.specifiers.count == 1,
                  let pin = requirement.specifiers.specifiers.first, pin.op == .equal, !pin.isWildcard,
                  let version = pin.version else { continue }
            let name = PackageName(requirement.name)
            if !upgraded.contains(name) { pins[name] = version }
        }
        return pins
    }
}

/// Reads a small text file whole.
enum ProjectFileReader {
    static func read(_ path: String) throws -> String {
        do {
            let text = try POSIXRequirementsLoader().load(path: path)
            return text
        } catch {
            throw ProjectFileError(path: path, reason: "\(error)")
        }
    }
}

/// A `pyproject.toml` given to `pip compile` that cannot be used.
struct ProjectFileError: SuvError {
    let path: String
    let reason: String
    var message: String { "Failed to read `\(path)`: \(reason)" }
    var kind: ErrorKind { .failure }
}

extension PackageSelection {
    /// `--no-binary`/`--only-binary` values: package names, `:all:`, and `:none:` (which
    /// clears what came before).
    static func parse(_ values: [String]) -> PackageSelection {
        var selection = PackageSelection.none
        for value in values.flatMap({ $0.split(separator: ",").map(String.init) }) {
            switch value {
            case ":all:": selection = .all
            case ":none:": selection = .none
            default:
                guard case .all = selection else {
                    var names: Set<PackageName> = []
                    if case .packages(let existing) = selection { names = existing }
                    names.insert(PackageName(value))
                    selection = .packages(names)
                    continue
                }
            }
        }
        return selection
    }
}

/// A requirements, constraints or overrides file that does not exist (uv's wording, exit 2).
struct InputFileNotFound: SuvError {
    let path: String
    var message: String { "File not found: \(path)" }
    var kind: ErrorKind { .error }
}

/// Writes command output files atomically (a temporary file renamed into place).
enum OutputFile {
    static func write(_ text: String, to path: String, relativeTo directory: String) throws {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        let temporary = absolute + ".suv-tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFileError(path: path, errno: errno) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                close(descriptor)
                unlink(temporary)
                throw OutputFileError(path: path, errno: code)
            }
            written += result
        }
        close(descriptor)
        guard rename(temporary, absolute) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputFileError(path: path, errno: code)
        }
    }
}

struct OutputFileError: SuvError {
    let path: String
    let errno: Int32
    var message: String { "Failed to write output to `\(path)`: \(String(cString: strerror(errno)))" }
    var kind: ErrorKind { .failure }
}
