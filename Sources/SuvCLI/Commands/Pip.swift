import ArgumentParser

/// `suv pip`: manage Python packages with a pip-compatible interface.
package struct Pip: SuvCommandGroup, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "pip",
        abstract: "Manage Python packages with a pip-compatible interface",
        usage: "suv pip [OPTIONS] <COMMAND>",
        subcommands: [
            PipCompile.self,
            PipSync.self,
            PipInstall.self,
            PipUninstall.self,
            PipFreeze.self,
            PipList.self,
            PipShow.self,
            PipCheck.self,
        ]
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}
