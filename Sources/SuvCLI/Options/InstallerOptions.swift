import ArgumentParser

/// uv's "Installer options": how distributions get into an environment.
package struct InstallerOptions: ParsableArguments, Sendable {
    @Flag(help: "Reinstall all packages, regardless of whether they're already installed. Implies `--refresh`")
    package var reinstall = false

    @Option(name: .customLong("reinstall-package"), help: ArgumentHelp(
        "Reinstall a specific package, regardless of whether it's already installed. Implies `--refresh-package`",
        valueName: "REINSTALL_PACKAGE"
    ))
    package var reinstallPackage: [String] = []

    @Option(name: .customLong("link-mode"), help: ArgumentHelp(
        "The method to use when installing packages from the global cache [env: UV_LINK_MODE=]",
        valueName: "LINK_MODE"
    ))
    package var linkMode: LinkMode?

    @Flag(
        name: .customLong("compile-bytecode"),
        help: "Compile Python files to bytecode after installation [env: UV_COMPILE_BYTECODE=]"
    )
    package var compileBytecode = false

    package init() {}

    /// The options resolved against `UV_LINK_MODE` and `UV_COMPILE_BYTECODE`.
    package func settings(environment: [String: String]) throws(UsageError) -> InstallerSettings {
        try Self.settings(
            reinstall: reinstall, reinstallPackage: reinstallPackage, linkMode: linkMode,
            compileBytecode: compileBytecode, environment: environment
        )
    }

    /// The given option values (defaults: none given) resolved against the environment, as
    /// ``settings(environment:)`` resolves parsed ones.
    package static func settings(
        reinstall: Bool = false, reinstallPackage: [String] = [], linkMode: LinkMode? = nil,
        compileBytecode: Bool = false, environment: [String: String]
    ) throws(UsageError) -> InstallerSettings {
        let env = EnvironmentReader(environment)
        return InstallerSettings(
            reinstall: reinstall,
            reinstallPackages: reinstallPackage,
            linkMode: try env.value(linkMode, "UV_LINK_MODE", option: "--link-mode <LINK_MODE>"),
            compileBytecode: try env.flag(compileBytecode, "UV_COMPILE_BYTECODE", option: "--compile-bytecode")
        )
    }
}

/// Installer options after the environment was consulted.
package struct InstallerSettings: Equatable, Sendable {
    package var reinstall = false
    package var reinstallPackages: [String] = []
    package var linkMode: LinkMode?
    package var compileBytecode = false

    package init(
        reinstall: Bool = false, reinstallPackages: [String] = [], linkMode: LinkMode? = nil,
        compileBytecode: Bool = false
    ) {
        self.reinstall = reinstall
        self.reinstallPackages = reinstallPackages
        self.linkMode = linkMode
        self.compileBytecode = compileBytecode
    }
}
