import ArgumentParser

/// uv's "Python options": which interpreter a command uses.
package struct PythonOptions: ParsableArguments, Sendable {
    @Option(name: [.customShort("p"), .customLong("python")], help: ArgumentHelp(
        "The Python interpreter to use [env: UV_PYTHON=]",
        valueName: "PYTHON"
    ))
    package var python: String?

    @Flag(name: .customLong("managed-python"), help: "Require use of uv-managed Python versions [env: UV_MANAGED_PYTHON=]")
    package var managedPython = false

    @Flag(
        name: .customLong("no-managed-python"),
        help: "Disable use of uv-managed Python versions [env: UV_NO_MANAGED_PYTHON=]"
    )
    package var noManagedPython = false

    @Flag(
        name: .customLong("no-python-downloads"),
        help: "Disable automatic downloads of Python. [env: \"UV_PYTHON_DOWNLOADS=never\"]"
    )
    package var noPythonDownloads = false

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--managed-python", managedPython), ("--no-managed-python", noManagedPython))
    }

    /// The options resolved against `UV_PYTHON`, `UV_MANAGED_PYTHON`, `UV_NO_MANAGED_PYTHON`
    /// and `UV_PYTHON_DOWNLOADS`.
    package func settings(environment: [String: String]) throws(UsageError) -> PythonSettings {
        try Self.settings(
            python: python, managedPython: managedPython, noManagedPython: noManagedPython,
            noPythonDownloads: noPythonDownloads, environment: environment
        )
    }

    /// The given option values (defaults: none given) resolved against the environment, as
    /// ``settings(environment:)`` resolves parsed ones.
    package static func settings(
        python: String? = nil, managedPython: Bool = false, noManagedPython: Bool = false,
        noPythonDownloads: Bool = false, environment: [String: String]
    ) throws(UsageError) -> PythonSettings {
        let env = EnvironmentReader(environment)
        let downloadsVariable = env.raw("UV_PYTHON_DOWNLOADS")
        return PythonSettings(
            request: try env.string(python, "UV_PYTHON", option: "--python <PYTHON>"),
            managedPython: try env.flag(managedPython, "UV_MANAGED_PYTHON", option: "--managed-python"),
            noManagedPython: try env.flag(noManagedPython, "UV_NO_MANAGED_PYTHON", option: "--no-managed-python"),
            noPythonDownloads: noPythonDownloads || downloadsVariable == "never"
        )
    }
}

/// Interpreter selection after the environment was consulted.
package struct PythonSettings: Equatable, Sendable {
    /// `--python` / `UV_PYTHON`: a version, path, or implementation request.
    package var request: String?
    package var managedPython = false
    package var noManagedPython = false
    package var noPythonDownloads = false

    package init(
        request: String? = nil, managedPython: Bool = false, noManagedPython: Bool = false,
        noPythonDownloads: Bool = false
    ) {
        self.request = request
        self.managedPython = managedPython
        self.noManagedPython = noManagedPython
        self.noPythonDownloads = noPythonDownloads
    }
}
