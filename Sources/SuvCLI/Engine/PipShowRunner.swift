import ArgumentParser
import Cache
import Console
import Installer
import SuvBasics

extension PipShow {
    /// Shows installed distributions, as `uv pip show` does: `Name`, `Version`, `Location`,
    /// `Editable project location` (editables), `Requires`, `Required-by` and, with `--files`,
    /// the files `RECORD` lists; a warning for names not installed (exit 1 when none is).
    package func run(context: CommandContext) async throws {
        let settings = try environment.settings(environment: context.environment)
        let python = try python.settings(environment: context.environment)
        guard !packages.isEmpty else {
            context.warn(["Please provide a package name or names."])
            throw ExitCode(1)
        }
        if settings.target != nil { throw NotImplementedError(command: "suv pip show --target") }
        if settings.prefix != nil { throw NotImplementedError(command: "suv pip show --prefix") }
        let target = try await PipCommand.environment(
            global: global.flags, context: context, python: python, system: settings.system, access: .readOnly)
        let installed = try PipSitePackages.scan(target)
        let markers = target.interpreter.markers

        let names = Set(packages.map(PackageName.init)).sorted()
        let missing = names.filter { installed.named($0).isEmpty }
        if !missing.isEmpty {
            context.warn(["Package(s) not found for: \(missing.map(\.description).joined(separator: ", "))"])
        }
        let shown = names.flatMap { installed.named($0) }
        guard !shown.isEmpty else { throw ExitCode(1) }

        // What each installed distribution requires here (markers evaluated, no extras).
        var requires: [PackageName: [PackageName]] = [:]
        for package in installed.packages {
            guard let metadata = package.metadata() else { continue }
            let names = metadata.requiresDist
                .filter { (try? $0.evaluateMarker(markers)) == true }
                .map(\.packageName)
            if requires[package.name] == nil { requires[package.name] = Array(Set(names)).sorted() }
        }

        let printer = context.printer
        for (position, package) in shown.enumerated() {
            if position > 0 { printer.data("---") }
            printer.data("Name: \(package.name)")
            printer.data("Version: \(package.displayVersion)")
            let path = package.distribution.path
            printer.data("Location: \(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))")
            if let location = package.editableLocation { printer.data("Editable project location: \(location)") }
            if let own = requires[package.name] {
                printer.data(own.isEmpty ? "Requires:" : "Requires: \(own.map(\.description).joined(separator: ", "))")
                let dependents = requires
                    .filter { $0.key != package.name && $0.value.contains(package.name) }
                    .map(\.key).sorted()
                printer.data(dependents.isEmpty ? "Required-by:" : "Required-by: \(dependents.map(\.description).joined(separator: ", "))")
            }
            if files {
                let bytes = try FileContents.contents(of: path + "/RECORD") ?? []
                let record = try RecordFile.parse(String(decoding: bytes, as: UTF8.self))
                printer.data("Files:")
                for entry in record { printer.data("  \(entry.path)") }
            }
        }
        if strict {
            for diagnostic in installed.diagnostics(markers: markers, pythonVersion: target.versionText) {
                context.warn([diagnostic.message])
            }
        }
    }
}
