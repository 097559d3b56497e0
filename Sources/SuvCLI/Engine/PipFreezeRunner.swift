import Console
import Python
import PEP440
import SuvBasics

extension PipFreeze {
    /// Lists the installed distributions in requirements format, as `uv pip freeze` does:
    /// `name==version`, `-e file:///…` for editables, `name @ url` for other direct URLs.
    package func run(context: CommandContext) async throws {
        let settings = try environment.settings(environment: context.environment)
        let python = try python.settings(environment: context.environment)
        if settings.target != nil { throw NotImplementedError(command: "suv pip freeze --target") }
        if settings.prefix != nil { throw NotImplementedError(command: "suv pip freeze --prefix") }
        let target = try await PipCommand.environment(
            global: global.flags, context: context, python: python, system: settings.system, access: .readOnly)
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        var sources: [PipSitePackages] = []
        if paths.isEmpty {
            sources = [try PipSitePackages.scan(target)]
        } else {
            for path in paths {
                // Folders that do not exist are skipped, as pip does.
                let folder = ExecutablePath.absolute(path, relativeTo: cwd)
                guard DirectoryListing.names(folder) != nil else { continue }
                sources.append(try PipSitePackages.scan(folders: [folder]))
            }
        }
        let excluded = Set(exclude.map(PackageName.init))
        let packages = sources.flatMap(\.packages)
            .filter { !(excludeEditable && $0.isEditable) && !excluded.contains($0.name) }
            .sorted { lhs, rhs in lhs.name != rhs.name ? lhs.name < rhs.name : PipInstalledPackage.versionOrder(lhs, rhs) }
        let bold = context.printer.stdoutPaint.bold
        var previous: String?
        for package in packages {
            let (line, painted): (String, String)
            if let url = package.directURL, package.isEditable {
                (line, painted) = ("-e \(url)", "-e \(url)")
            } else if let url = package.directURL {
                (line, painted) = ("\(package.name) @ \(url)", "\(bold(package.name.description)) @ \(url)")
            } else {
                (line, painted) = ("\(package.name)==\(package.displayVersion)", "\(bold(package.name.description))==\(package.displayVersion)")
            }
            if line != previous { context.printer.data(painted) }
            previous = line
        }
        if strict {
            for source in sources {
                for diagnostic in source.diagnostics(markers: target.interpreter.markers, pythonVersion: target.versionText) {
                    context.warn([diagnostic.message])
                }
            }
        }
    }
}
