/// Where each file of an unpacked wheel goes: the pure half of installing.
///
/// Given the wheel's file list (paths relative to the unpacked folder, `/`-separated), its
/// `.dist-info` name, `Root-Is-Purelib`, its entry points and the target scheme, this decides
/// every destination and every `RECORD` path. The I/O half (``Installer``) then links, writes
/// and records.
public struct InstallPlan: Sendable, Equatable {
    /// What happens to one file of the wheel.
    public enum Action: Sendable, Equatable {
        /// Linked (or copied) to `destination` as it is.
        case link
        /// A `.data/scripts` file: installed into the scripts folder, its `#!python` shebang
        /// rewritten and its execute bits set.
        case dataScript
    }

    /// One file to install.
    public struct Item: Sendable, Equatable {
        /// The path in the unpacked wheel (and in the wheel's `RECORD`).
        public var source: String
        /// The absolute destination.
        public var destination: String
        /// The path written to the new `RECORD` (relative to site-packages).
        public var recordPath: String
        public var action: Action
    }

    /// The site-packages folder the wheel's root goes to (`purelib` or `platlib`).
    public var sitePackages: String
    /// The files to install: the `.dist-info` files first, then the others in the order given.
    public var items: [Item]
    /// An entry point to generate.
    public struct ScriptItem: Sendable, Equatable {
        public var script: EntryPointScript
        /// Declared in `gui_scripts`.
        public var isGUI: Bool
        /// The absolute path of the launcher.
        public var destination: String
        /// The path written to the new `RECORD`.
        public var recordPath: String
    }

    /// The entry points to generate.
    public var scripts: [ScriptItem]

    /// Plans the installation of `files`.
    ///
    /// - Parameters:
    ///   - files: every file (and symlink) of the unpacked wheel, relative, normalized.
    ///   - distInfo: the `.dist-info` folder's name (`omega-1.0.dist-info`).
    ///   - name: the normalized distribution name (headers go to `include/<name>`).
    ///   - rootIsPurelib: `Root-Is-Purelib` from `WHEEL`.
    /// - Throws: ``InstallPlanError`` for an unknown `.data` category, a folder in
    ///   `.data/scripts`, a script with a reserved name, or a destination outside the scheme.
    public static func make(
        files: [String], distInfo: String, name: String, rootIsPurelib: Bool,
        entryPoints: EntryPoints, scheme: InstallScheme
    ) throws(InstallPlanError) -> InstallPlan {
        let sitePackages = PathArithmetic.normalize(rootIsPurelib ? scheme.purelib : scheme.platlib)
        let prefix = String(distInfo.dropLast(".dist-info".count))
        let dataDirectory = prefix + ".data/"
        let scriptNames = Set((entryPoints.consoleScripts + entryPoints.guiScripts).map(\.name))
        var items: [Item] = []
        let record = distInfo + "/RECORD"
        for file in files {
            if file == record { continue }
            if !file.hasPrefix(dataDirectory), !file.hasPrefix("/"), PathArithmetic.isNormalized(file) {
                // Almost every file: a clean relative path under site-packages, which is where
                // it goes and what RECORD calls it (no `..` can take it out).
                items.append(Item(source: file, destination: sitePackages + "/" + file, recordPath: file, action: .link))
                continue
            }
            var action = Action.link
            let destination: String
            if file.hasPrefix(dataDirectory) {
                let rest = file.dropFirst(dataDirectory.count)
                guard let slash = rest.firstIndex(of: "/") else {
                    throw .unknownDataType(String(rest))
                }
                let category = String(rest[..<slash])
                let remainder = String(rest[rest.index(after: slash)...])
                switch category {
                case "scripts":
                    guard !remainder.contains("/") else { throw .directoryInScripts(file) }
                    if scriptNames.contains(matchName(remainder)) { continue }
                    destination = scheme.scripts + "/" + remainder
                    action = .dataScript
                case "headers":
                    destination = PathArithmetic.join(scheme.include + "/" + name, remainder)
                case "purelib":
                    destination = PathArithmetic.join(scheme.purelib, remainder)
                case "platlib":
                    destination = PathArithmetic.join(scheme.platlib, remainder)
                case "data":
                    destination = PathArithmetic.join(scheme.data, remainder)
                default:
                    throw .unknownDataType(category)
                }
            } else {
                destination = PathArithmetic.join(sitePackages, file)
            }
            guard scheme.roots.contains(where: { PathArithmetic.isInside(destination, $0) }) else {
                throw .outsideScheme(file)
            }
            items.append(Item(
                source: file, destination: destination,
                recordPath: PathArithmetic.relative(from: sitePackages, to: destination), action: action
            ))
        }
        // The `.dist-info` files first: an install stopped at any later point leaves a
        // `.dist-info` without `RECORD`, which marks it as broken.
        let distInfoPrefix = distInfo + "/"
        items = items.filter { $0.source.hasPrefix(distInfoPrefix) } + items.filter { !$0.source.hasPrefix(distInfoPrefix) }
        let scripts = try scriptItems(entryPoints, scheme: scheme, sitePackages: sitePackages)
        return InstallPlan(sitePackages: sitePackages, items: items, scripts: scripts)
    }

    /// The launchers to generate for `entryPoints`, console scripts first.
    static func scriptItems(_ entryPoints: EntryPoints, scheme: InstallScheme, sitePackages: String) throws(InstallPlanError) -> [ScriptItem] {
        var scripts: [ScriptItem] = []
        for (list, isGUI) in [(entryPoints.consoleScripts, false), (entryPoints.guiScripts, true)] {
            for script in list {
                guard !EntryPoints.isReservedName(script.name) else { throw .reservedScriptName(script.name) }
                guard !script.name.contains("/"), script.name != "..", script.name != "." else {
                    throw .invalidScriptName(script.name)
                }
                let destination = scheme.scripts + "/" + script.name
                scripts.append(ScriptItem(
                    script: script, isGUI: isGUI, destination: destination,
                    recordPath: PathArithmetic.relative(from: sitePackages, to: destination)
                ))
            }
        }
        return scripts
    }

    /// The name a data script is compared with entry points under: without `.exe`,
    /// `-script.py` or `.pya` (pip's and uv's rule; such a script is left to the entry point).
    static func matchName(_ name: String) -> String {
        for suffix in [".exe", "-script.py", ".pya"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

/// Why a wheel's files cannot be placed.
public enum InstallPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `.data` subfolder other than `scripts`, `headers`, `purelib`, `platlib`, `data`.
    case unknownDataType(String)
    /// A folder inside `.data/scripts`.
    case directoryInScripts(String)
    /// An entry point named like the interpreter.
    case reservedScriptName(String)
    /// An entry point whose name is not a plain file name.
    case invalidScriptName(String)
    /// A destination outside every scheme folder.
    case outsideScheme(String)

    public var description: String {
        switch self {
        case .unknownDataType(let name): "The wheel is invalid: Unknown wheel data type: \"\(name)\""
        case .directoryInScripts(let path): "The wheel is invalid: Wheel contains an invalid entry (directory) in the `scripts` directory: \(path)"
        case .reservedScriptName(let name): "Scripts must not use the reserved name \(name)"
        case .invalidScriptName(let name): "The wheel is invalid: invalid script name `\(name)`"
        case .outsideScheme(let path): "The wheel is invalid: `\(path)` would be installed outside the environment"
        }
    }
}
