import ArgumentParser

/// Which environment a `suv pip` command acts on, when it is not the active or discovered virtual
/// environment: the system interpreter, a `--target` directory or a `--prefix`.
package struct PipEnvironmentOptions: ParsableArguments, Sendable {
    @Flag(help: "Use the system Python environment instead of a virtual environment [env: UV_SYSTEM_PYTHON=]")
    package var system = false

    @Flag(
        name: .customLong("break-system-packages"),
        help: "Allow uv to modify an `EXTERNALLY-MANAGED` Python installation [env: UV_BREAK_SYSTEM_PACKAGES=]"
    )
    package var breakSystemPackages = false

    @Option(name: [.customShort("t"), .customLong("target")], help: ArgumentHelp(
        "Use the specified directory as the environment, with packages at its top level",
        valueName: "TARGET"
    ))
    package var target: String?

    @Option(help: ArgumentHelp(
        "Use `lib`, `bin`, and other top-level folders under the specified directory, as if a virtual environment were present at that location",
        valueName: "PREFIX"
    ))
    package var prefix: String?

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--target <TARGET>", target != nil), ("--prefix <PREFIX>", prefix != nil))
    }

    /// The options resolved against `UV_SYSTEM_PYTHON` and `UV_BREAK_SYSTEM_PACKAGES`.
    package func settings(environment: [String: String]) throws(UsageError) -> PipEnvironmentSettings {
        let env = EnvironmentReader(environment)
        return PipEnvironmentSettings(
            system: try env.flag(system, "UV_SYSTEM_PYTHON", option: "--system"),
            breakSystemPackages: try env.flag(breakSystemPackages, "UV_BREAK_SYSTEM_PACKAGES", option: "--break-system-packages"),
            target: target,
            prefix: prefix
        )
    }
}

/// The environment a `suv pip` command acts on.
package struct PipEnvironmentSettings: Equatable, Sendable {
    package var system = false
    package var breakSystemPackages = false
    package var target: String?
    package var prefix: String?

    package init(system: Bool = false, breakSystemPackages: Bool = false, target: String? = nil, prefix: String? = nil) {
        self.system = system
        self.breakSystemPackages = breakSystemPackages
        self.target = target
        self.prefix = prefix
    }
}
