import Glibc
import Console
import Distribution
import PEP508
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
        if request.universal { throw NotImplementedError(command: "suv pip compile --universal") }
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
        let session = try await IndexSession.open(global: global, context: context, index: index, refresh: request.refresh)
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
        let options = ResolutionOptions(
            markers: target.markers, pythonVersion: target.pythonVersion, tags: target.tags,
            prerelease: prerelease, resolution: request.resolver.resolution ?? session.settings.settings.resolution,
            noBinary: noBinary, noBuild: noBuild, noDependencies: request.noDeps,
            pythonRequirementText: request.pythonVersion.map { ">=\($0)" })
        let resolution = PackageResolution(
            source: RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes),
            options: options)
        let graph = try await resolution.resolve(inputs.requirements, constraints: inputs.constraints, overrides: inputs.overrides)
        let elapsed = ElapsedFormat.format(started.duration(to: .now))
        let count = graph.packages.count
        context.printer.info(context.printer.stderrPaint.dimmed("Resolved \(count) \(count == 1 ? "package" : "packages") in \(elapsed)"))

        let output = CompiledRequirements(
            headerCommand: request.noHeader ? nil : request.customCompileCommand ?? CompiledRequirements.headerCommand(arguments: context.arguments),
            annotate: !request.noAnnotate,
            requirementSources: request.sources,
            constraintSources: inputs.constraintFiles,
            omitted: Set(request.noEmitPackages.map(PackageName.init))
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
    var constraintFiles: [(file: String, packages: Set<PackageName>)] = []
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
            let file = try RequirementsFile.parse(path: source, loader: loader, environment: environment)
            inputs.requirements += try named(file.requirements, source: source)
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
            inputs.constraintFiles.append((source, Set(constraints.map { PackageName($0.name) })))
        }
        for source in request.overrides {
            let file = try RequirementsFile.parse(path: source, loader: loader, environment: environment)
            inputs.overrides += try named(file.requirements, source: source)
        }
        return inputs
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
