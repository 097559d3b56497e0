import Testing

/// Every command answers `--help` on stdout with status 0 and lists the options it declares.
@Suite struct HelpTests {
    static let topLevelCommands = [
        "run", "init", "add", "remove", "version", "sync", "lock", "export", "tree", "python", "pip",
        "venv", "cache", "self", "generate-shell-completion",
    ]

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func rootHelpListsEveryCommand(_ arguments: [String]) async {
        let result = await runSuv(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for command in Self.topLevelCommands {
            let listed = [" ", ",", "\n"].contains { result.stdout.contains("\n  \(command)\($0)") }
            #expect(listed, "root help lists \(command)")
        }
        #expect(result.stdout.contains("lock, resolve"))
        #expect(result.stdout.contains("suv help <subcommand>"))
        #expect(result.stdout.contains("-V, --version"))
    }

    static let globalFlags = [
        "-q, --quiet", "-v, --verbose", "--color <COLOR_CHOICE>", "--offline", "--no-progress",
        "--directory <DIRECTORY>", "--project <PROJECT>", "--config-file <CONFIG_FILE>", "--no-config",
        "--native-tls", "--system-certs", "-n, --no-cache", "--cache-dir <CACHE_DIR>",
        "[env: UV_OFFLINE=]", "[env: UV_CACHE_DIR=]",
    ]

    static let index = ["--index <INDEX>", "--default-index", "-i, --index-url", "--extra-index-url", "-f, --find-links", "--index-strategy"]
    static let resolver = ["-U, --upgrade", "-P, --upgrade-package", "--resolution", "--prerelease", "--fork-strategy", "--exclude-newer"]
    static let installer = ["--reinstall", "--reinstall-package", "--compile-bytecode", "--link-mode"]
    static let groups = ["--no-dev", "--only-dev", "--group <GROUP>", "--no-group", "--only-group", "--no-default-groups", "--all-groups"]
    static let extras = ["--extra <EXTRA>", "--all-extras", "--no-extra"]

    static let commandFlags: [(String, [String])] = [
        ("lock", ["--check", "--check-exists", "--dry-run", "--script <SCRIPT>", "-p, --python"] + resolver + index),
        ("sync", extras + groups + installer + index + [
            "--inexact", "--exact", "--frozen", "--locked", "--no-install-project", "--no-install-workspace",
            "--no-install-local", "--no-editable", "--package <PACKAGE>", "--all-packages", "--active", "--dry-run",
        ]),
        ("add", [
            "<PACKAGES>", "--dev", "--group <GROUP>", "--optional <OPTIONAL>", "--raw", "--bounds <BOUNDS>",
            "--extra <EXTRA>", "--editable", "--tag <TAG>", "--branch <BRANCH>", "--rev <REV>", "-m, --marker",
            "--frozen", "--no-sync", "--script <SCRIPT>", "-r, --requirements", "lower, major, minor, exact",
        ] + index),
        ("remove", ["<PACKAGES>", "--dev", "--group <GROUP>", "--optional <OPTIONAL>", "--frozen", "--locked", "--no-sync", "--script <SCRIPT>"]),
        ("tree", groups + [
            "-d, --depth <DEPTH>", "--invert", "--package <PACKAGE>", "--prune <PRUNE>", "--no-dedupe", "--outdated",
            "--universal", "--show-sizes", "--frozen", "--locked", "--python-version", "--python-platform",
            "--format <FORMAT>",
        ]),
        ("run", extras + groups + [
            "--with <WITH>", "--with-requirements", "--with-editable", "--no-project", "--frozen", "--locked",
            "--no-sync", "--isolated", "--env-file", "--no-env-file", "-m, --module", "--exact", "<COMMAND>",
        ]),
        ("export", extras + groups + [
            "--format <FORMAT>", "requirements.txt, pylock.toml", "--no-hashes", "--no-header", "--no-annotate",
            "--no-emit-project", "-o, --output-file",
        ]),
        ("venv", ["<PATH>", "--seed", "--prompt <PROMPT>", "-c, --clear", "--allow-existing", "--system-site-packages", "--relocatable", "-p, --python"]),
        ("init", [
            "<PATH>", "--app", "--lib", "--package", "--no-package", "--bare", "--name <NAME>", "--vcs <VCS>",
            "--build-backend", "--no-readme", "--no-pin-python", "--author-from", "--description", "--no-description",
            "--script", "--flask", "--template <TEMPLATE>", "--no-lock",
        ]),
        ("pip", ["compile", "sync", "install", "uninstall", "freeze", "list", "show", "check"]),
        ("pip compile", [
            "<SRC_FILE>", "-o, --output-file", "--python-version", "--python-platform", "--universal", "--prerelease",
            "--resolution", "-c, --constraints", "--overrides", "-f, --find-links", "--no-annotate", "--no-header",
            "--generate-hashes",
        ]),
        ("pip install", ["<PACKAGE>", "-r, --requirements", "-e, --editable", "--system", "-c, --constraints"] + installer + index),
        ("pip sync", ["<SRC_FILE>", "--system", "-c, --constraints"] + installer),
        ("pip uninstall", ["<PACKAGE>", "-r, --requirements", "--system"]),
        ("pip freeze", ["--exclude-editable", "--system"]),
        ("pip list", ["--format <FORMAT>", "--outdated", "json; default: columns"]),
        ("pip show", ["<PACKAGE>", "-f, --files"]),
        ("pip check", ["--system", "--python-version"]),
        ("python", ["list", "find", "pin", "dir"]),
        ("python list", ["<REQUEST>", "--only-installed", "--all-versions"]),
        ("python find", ["<REQUEST>", "--system"]),
        ("python pin", ["<REQUEST>", "--rm", "--global", "--resolved"]),
        ("python dir", ["--bin"]),
        ("cache", ["clean", "prune", "dir"]),
        ("cache dir", []),
        ("cache clean", ["<PACKAGE>", "--force"]),
        ("cache prune", ["--ci"]),
        ("version", ["<VALUE>", "--bump <BUMP[=VALUE]>", "--short", "--output-format <OUTPUT_FORMAT>", "--dry-run"]),
        ("self", ["version"]),
        ("self version", ["--short", "--output-format <OUTPUT_FORMAT>"]),
        ("generate-shell-completion", ["<SHELL>", "bash, zsh, fish"]),
    ]

    @Test(arguments: commandFlags)
    func commandHelpListsItsOptions(_ command: String, _ flags: [String]) async {
        let result = await runSuv(words(command) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("USAGE: suv \(command)"))
        for flag in flags + Self.globalFlags {
            #expect(result.stdout.contains(flag), "`suv \(command) --help` mentions \(flag)")
        }
    }

    @Test func helpSubcommandMatchesHelpFlag() async {
        let viaCommand = await runSuv(["help", "pip", "compile"])
        let viaFlag = await runSuv(["pip", "compile", "--help"])
        #expect(viaCommand.status == 0)
        #expect(viaCommand.stdout == viaFlag.stdout)
    }

    @Test func helpOnRunIsNotPassedToTheCommand() async {
        let result = await runSuv(["run", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: suv run [OPTIONS] [COMMAND]"))
    }

    @Test(arguments: ["", "pip", "python", "cache", "self"])
    func groupWithoutCommandPrintsHelpToStderrAndExits2(_ group: String) async {
        let result = await runSuv(words(group))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("USAGE: suv \(group.isEmpty ? "" : group + " ")[OPTIONS] <COMMAND>"))
    }
}
