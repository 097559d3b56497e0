import ArgumentParser
import HTTP

/// `suv self`: manage the suv executable.
package struct SelfCommand: SuvCommandGroup, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "self",
        abstract: "Manage the suv executable",
        usage: "suv self [OPTIONS] <COMMAND>",
        subcommands: [SelfVersion.self]
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv self version`: display suv's version, as `uv self version` does.
///
/// ```
/// $ suv self version
/// suv 0.1.0 (x86_64-unknown-linux-gnu)
/// $ suv self version --short
/// 0.1.0
/// ```
///
/// With `-v` it also reports the libcurl suv is linked against on a `DEBUG` line.
package struct SelfVersion: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Display suv's version",
        usage: "suv self version [OPTIONS]"
    )

    @Flag(help: "Only print the version")
    package var short = false

    @Option(name: .customLong("output-format"), help: ArgumentHelp("The format of the output", valueName: "OUTPUT_FORMAT"))
    package var outputFormat: OutputFormat = .text

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func run(context: CommandContext) async throws {
        context.printer.debug("HTTP client: \(LibcurlInfo.linked.summary)")
        context.printer.writeData(Self.render(short: short, format: outputFormat))
    }

    /// The text printed for the given options, ending with a newline.
    package static func render(short: Bool, format: OutputFormat) -> String {
        switch format {
        case .json:
            // uv's field order and two-space indentation.
            """
            {
              "package_name": "suv",
              "version": "\(SuvVersion.current)",
              "commit_info": null,
              "target_triple": "\(SuvVersion.targetTriple)"
            }

            """
        case .text:
            short ? "\(SuvVersion.current)\n" : "\(SuvVersion.longVersion)\n"
        }
    }
}
