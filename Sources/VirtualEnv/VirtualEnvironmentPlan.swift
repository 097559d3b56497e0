import Python

/// Everything a new virtual environment consists of, computed without touching the disk: the
/// files with their text, the directories and the symlinks. ``VirtualEnvironmentCreator`` writes
/// it out.
///
/// The layout is uv's (Linux and macOS):
///
/// ```
/// <root>/
/// ├── .gitignore              "*"
/// ├── CACHEDIR.TAG
/// ├── pyvenv.cfg
/// ├── bin/
/// │   ├── activate, activate.fish, activate.csh (not when relocatable), activate.nu,
/// │   │   activate.ps1, activate_this.py, activate.bat, activate.xsh, deactivate.bat, pydoc.bat
/// │   ├── python -> <base interpreter>
/// │   ├── python3 -> python
/// │   └── python3.X -> python
/// ├── lib/python3.X/site-packages/    (+ _virtualenv.py/.pth below Python 3.10)
/// └── lib64 -> lib            (64-bit interpreters, not on macOS)
/// ```
public struct VirtualEnvironmentPlan: Sendable, Hashable {
    /// The tool named in `pyvenv.cfg` (`suv = 0.1.0`).
    public struct Creator: Sendable, Hashable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// What to create the environment with.
    public struct Options: Sendable, Hashable {
        /// The environment's absolute path.
        public var root: String
        /// The interpreter the environment's `bin/python` links to (never itself inside an
        /// environment).
        public var baseExecutable: String
        /// `sys.version_info` of that interpreter.
        public var version: PythonVersionInfo
        /// `platform.python_implementation()`: `CPython`, `PyPy`.
        public var implementation: String
        /// Whether the interpreter is a free-threaded build (`lib/python3.13t`).
        public var freethreaded: Bool
        /// Whether `lib64 -> lib` is created (64-bit, not macOS).
        public var linksLib64: Bool
        /// The prompt recorded in `pyvenv.cfg` and used by the activation scripts; `nil` lets the
        /// scripts use the environment folder's name.
        public var prompt: String?
        public var systemSitePackages: Bool
        public var relocatable: Bool
        public var seed: Bool
        /// The tool recorded in `pyvenv.cfg`, with its version: `suv = 0.1.0`.
        public var creator: Creator

        public init(
            root: String, baseExecutable: String, version: PythonVersionInfo, implementation: String,
            freethreaded: Bool = false, linksLib64: Bool, prompt: String?, systemSitePackages: Bool = false,
            relocatable: Bool = false, seed: Bool = false, creator: Creator
        ) {
            self.root = root
            self.baseExecutable = baseExecutable
            self.version = version
            self.implementation = implementation
            self.freethreaded = freethreaded
            self.linksLib64 = linksLib64
            self.prompt = prompt
            self.systemSitePackages = systemSitePackages
            self.relocatable = relocatable
            self.seed = seed
            self.creator = creator
        }
    }

    /// A file to write, relative to the root.
    public struct File: Sendable, Hashable {
        public var path: String
        public var contents: String
    }

    /// A symlink to create, relative to the root, and what it points to.
    public struct Link: Sendable, Hashable {
        public var path: String
        public var target: String
    }

    public var options: Options
    /// Directories to create, relative to the root, parents first.
    public var directories: [String]
    public var files: [File]
    public var links: [Link]

    /// `lib/python3.12/site-packages` (relative to the root).
    public var sitePackages: String

    /// The plan for `options`.
    public init(_ options: Options) {
        self.options = options
        let major = options.version.major, minor = options.version.minor
        let libName = (options.implementation == "PyPy" ? "pypy" : "python") + "\(major).\(minor)" + (options.freethreaded ? "t" : "")
        sitePackages = "lib/\(libName)/site-packages"
        directories = ["bin", "lib", "lib/\(libName)", sitePackages]
        var files = [
            File(path: ".gitignore", contents: "*"),
            File(path: "CACHEDIR.TAG", contents: "Signature: 8a477f597d28d172789f06886806bc55"),
            File(path: "pyvenv.cfg", contents: Self.pyvenvConfig(options)),
        ]
        let scripts = ActivationScripts(root: options.root, prompt: options.prompt, relocatable: options.relocatable,
                                        sitePackages: sitePackages)
        files.append(File(path: "bin/activate", contents: scripts.posix))
        files.append(File(path: "bin/activate.fish", contents: scripts.fish))
        if !options.relocatable { files.append(File(path: "bin/activate.csh", contents: scripts.csh)) }
        files.append(File(path: "bin/activate.nu", contents: scripts.nushell))
        files.append(File(path: "bin/activate.ps1", contents: scripts.powershell))
        files.append(File(path: "bin/activate_this.py", contents: scripts.activateThis))
        // The same file set as uv (which ships them on every platform): cmd.exe and xonsh.
        files.append(File(path: "bin/activate.bat", contents: scripts.cmdActivate))
        files.append(File(path: "bin/activate.xsh", contents: scripts.xonsh))
        files.append(File(path: "bin/deactivate.bat", contents: scripts.cmdDeactivate))
        files.append(File(path: "bin/pydoc.bat", contents: scripts.cmdPydoc))
        if (major, minor) < (3, 10) {
            files.append(File(path: sitePackages + "/_virtualenv.pth", contents: "import _virtualenv"))
            files.append(File(path: sitePackages + "/_virtualenv.py", contents: DistutilsPatch.source))
        }
        self.files = files
        var links = [
            Link(path: "bin/python", target: options.baseExecutable),
            Link(path: "bin/python\(major)", target: "python"),
            Link(path: "bin/python\(major).\(minor)", target: "python"),
        ]
        if options.implementation == "PyPy" {
            links.append(Link(path: "bin/pypy", target: "python"))
            links.append(Link(path: "bin/pypy\(major)", target: "python"))
        }
        if options.linksLib64 { links.append(Link(path: "lib64", target: "lib")) }
        self.links = links
    }

    /// `pyvenv.cfg` in uv's key order: `home`, `implementation`, the creator, `version_info`,
    /// `include-system-site-packages`, then `relocatable` and `seed` when set, and `prompt`.
    public static func pyvenvConfig(_ options: Options) -> String {
        var lines = [
            "home = \(parentDirectory(options.baseExecutable))",
            "implementation = \(options.implementation)",
            "\(options.creator.name) = \(options.creator.version)",
            "version_info = \(options.version)",
            "include-system-site-packages = \(options.systemSitePackages)",
        ]
        if options.relocatable { lines.append("relocatable = true") }
        if options.seed { lines.append("seed = true") }
        if let prompt = options.prompt { lines.append("prompt = \(prompt)") }
        return lines.map { $0 + "\n" }.joined()
    }

    static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }
}
