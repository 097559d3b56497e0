/// uv 0.13.9's project layouts: an application with a `main.py` (`--no-package`), a packaged
/// application (the default; a `[project.scripts]` command), a library (`--lib`; `py.typed`),
/// each `--bare` (only `pyproject.toml`) or not.
public struct UvProjectTemplate: ProjectTemplate, Equatable {
    /// What is being created.
    public enum Layout: Sendable, Equatable {
        /// `main.py` and no build system.
        case application
        /// A package under `src/` with a command, built by the backend.
        case packagedApplication(BuildBackend)
        /// A package under `src/` with `py.typed`, built by the backend.
        case library(BuildBackend)
    }

    public var layout: Layout
    /// `--bare`: `pyproject.toml` only (no sources, no command, no backend's own files).
    public var bare: Bool

    public init(layout: Layout, bare: Bool = false) {
        self.layout = layout
        self.bare = bare
    }

    public func files(for project: NewProject) -> [ScaffoldFile] {
        let module = project.moduleName
        let name = project.name.normalized
        switch layout {
        case .application:
            let pyproject = ScaffoldFile("pyproject.toml", PyProjectText.project(project))
            guard !bare else { return [pyproject] }
            return [pyproject] + readme(for: project) + [ScaffoldFile("main.py", """
                def main():
                    print("Hello from \(name)!")


                if __name__ == "__main__":
                    main()

                """)]
        case .packagedApplication(let backend), .library(let backend):
            let isLibrary = if case .library = layout { true } else { false }
            var tables = [PyProjectText.project(project)]
            if !isLibrary, !bare { tables.append(PyProjectText.scripts(command: name, module: module, function: "main")) }
            tables.append(backend.configuration(moduleName: module))
            let pyproject = ScaffoldFile("pyproject.toml", PyProjectText.joined(tables))
            guard !bare else { return [pyproject] }
            return [pyproject] + readme(for: project)
                + NativeSources.files(backend: backend, name: name, module: module)
                + packageFiles(backend: backend, name: name, module: module, isLibrary: isLibrary)
        }
    }

    /// `src/<module>/__init__.py` (and `py.typed` for a library).
    private func packageFiles(backend: BuildBackend, name: String, module: String, isLibrary: Bool) -> [ScaffoldFile] {
        let source: String
        switch (backend.isNative, isLibrary) {
        case (false, false):
            source = """
                def main() -> None:
                    print("Hello from \(name)!")

                """
        case (false, true):
            source = """
                def hello() -> str:
                    return "Hello from \(name)!"

                """
        case (true, false):
            source = """
                from \(module)._core import hello_from_bin


                def main() -> None:
                    print(hello_from_bin())

                """
        case (true, true):
            source = """
                from \(module)._core import hello_from_bin


                def hello() -> str:
                    return hello_from_bin()

                """
        }
        var files = [ScaffoldFile("src/\(module)/__init__.py", source)]
        if isLibrary { files.append(ScaffoldFile("src/\(module)/py.typed", "")) }
        return files
    }
}
