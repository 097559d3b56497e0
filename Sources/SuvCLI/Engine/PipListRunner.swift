import Console
import Distribution
import PackagingTypes
import PEP440
import Resolution
import SuvBasics

extension PipList {
    /// Lists the installed distributions, as `uv pip list` does: a `Package`/`Version` table
    /// (with `Latest`/`Type` for `--outdated`, and `Editable project location` when an
    /// editable is listed), `--format json` or `--format freeze`.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        if request.environment.target != nil { throw NotImplementedError(command: "suv pip list --target") }
        if request.environment.prefix != nil { throw NotImplementedError(command: "suv pip list --prefix") }
        let target = try await PipCommand.environment(
            global: global.flags, context: context, python: request.python, system: request.environment.system, access: .readOnly)
        let installed = try PipSitePackages.scan(target)
        let excluded = Set(request.exclude.map(PackageName.init))
        var rows = installed.packages.filter { package in
            if request.editable && !package.isEditable { return false }
            if request.excludeEditable && package.isEditable { return false }
            return !excluded.contains(package.name)
        }

        var latest: [PackageName: LatestRelease] = [:]
        if request.outdated && !rows.isEmpty {
            var refresh = RefreshSettings()
            refresh.refresh = true
            let session = try await IndexSession.open(global: global.flags, context: context, index: request.index, refresh: refresh)
            defer { session.close() }
            latest = try await LatestRelease.find(for: rows.map(\.name), session: session, environment: target)
            rows = rows.filter { row in
                guard let release = latest[row.name], let version = PEP440.Version(row.version) else { return false }
                return release.version > version
            }
        }

        let printer = context.printer
        switch request.format {
        case .json:
            let objects = rows.map { row in
                var fields = [("name", JSONText.string(row.name.description)), ("version", JSONText.string(row.displayVersion))]
                if let release = latest[row.name] {
                    fields.append(("latest_version", JSONText.string(release.version.description)))
                    fields.append(("latest_filetype", JSONText.string(release.fileType)))
                }
                if let location = row.editableLocation {
                    fields.append(("editable_project_location", JSONText.string(location)))
                }
                return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
            }
            printer.data("[" + objects.joined(separator: ",") + "]")
        case .freeze:
            for row in rows { printer.data("\(printer.stdoutPaint.bold(row.name.description))==\(row.displayVersion)") }
        case .columns:
            guard !rows.isEmpty else { break }
            var columns: [(header: String, cells: [String])] = [
                ("Package", rows.map(\.name.description)),
                ("Version", rows.map(\.displayVersion)),
            ]
            if request.outdated {
                columns.append(("Latest", rows.map { latest[$0.name]?.version.description ?? "" }))
                columns.append(("Type", rows.map { latest[$0.name]?.fileType ?? "" }))
            }
            if rows.contains(where: \.isEditable) {
                columns.append(("Editable project location", rows.map { $0.editableLocation ?? "" }))
            }
            for line in PipTable.render(columns) { printer.data(line) }
        }

        if request.strict {
            for diagnostic in installed.diagnostics(markers: target.interpreter.markers, pythonVersion: target.versionText) {
                context.warn([diagnostic.message])
            }
        }
    }
}

/// uv's plain table: each column as wide as its widest cell, headers underlined with dashes,
/// one space between columns, trailing spaces trimmed.
enum PipTable {
    static func render(_ columns: [(header: String, cells: [String])]) -> [String] {
        let widths = columns.map { column in max(column.header.count, column.cells.map(\.count).max() ?? 0) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [
            zip(columns, widths).map { pad($0.header, $1) }.joined(separator: " "),
            widths.map { String(repeating: "-", count: $0) }.joined(separator: " "),
        ]
        let count = columns.first?.cells.count ?? 0
        for row in 0..<count {
            lines.append(zip(columns, widths).map { pad($0.cells[row], $1) }.joined(separator: " "))
        }
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }
    }
}

/// The newest release of a package an environment could install, as `uv pip list --outdated`
/// judges it: no pre-releases (unless allowed), nothing yanked, a `Requires-Python` that admits
/// the interpreter, and a compatible wheel (else a source distribution).
struct LatestRelease: Sendable {
    let version: PEP440.Version
    let isWheel: Bool

    /// `wheel` or `sdist`.
    var fileType: String { isWheel ? "wheel" : "sdist" }

    static func find(for names: [PackageName], session: IndexSession, environment: PipEnvironment) async throws -> [PackageName: LatestRelease] {
        let source = RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes)
        let tags = environment.interpreter.tagEnvironment.supportedTags()
        let python = environment.interpreter.fullVersion
        let allowPrereleases = session.settings.settings.prerelease == .allow
        return try await withThrowingTaskGroup(of: (PackageName, LatestRelease?).self) { group in
            for name in names {
                group.addTask {
                    let files = (try? await source.files(for: name)) ?? []
                    return (name, best(files.map(\.file), tags: tags, python: python, allowPrereleases: allowPrereleases))
                }
            }
            var result: [PackageName: LatestRelease] = [:]
            for try await (name, release) in group {
                if let release { result[name] = release }
            }
            return result
        }
    }

    static func best(_ files: [SimpleFile], tags: SupportedTags, python: PEP440.Version, allowPrereleases: Bool) -> LatestRelease? {
        var latest: LatestRelease?
        for file in files where !file.yanked.isYanked {
            if let requiresPython = file.requiresPython?.specifiers, !requiresPython.satisfied(by: python) { continue }
            let candidate: LatestRelease
            if file.filename.hasSuffix(".whl") {
                guard let wheel = try? WheelFilename(parsing: file.filename), tags.isCompatible(wheel.tags) else { continue }
                candidate = LatestRelease(version: wheel.version, isWheel: true)
            } else if let sdist = try? SdistFilename(parsing: file.filename) {
                candidate = LatestRelease(version: sdist.version, isWheel: false)
            } else {
                continue
            }
            if candidate.version.isPrerelease && !allowPrereleases { continue }
            guard let current = latest else {
                latest = candidate
                continue
            }
            // A newer version wins; for the same version, a wheel wins over a source archive.
            if candidate.version > current.version || (candidate.version == current.version && candidate.isWheel && !current.isWheel) {
                latest = candidate
            }
        }
        return latest
    }
}
