import Foundation
import SuvTestSupport
import Testing

/// Usage errors exit 2 (never swift-argument-parser's 64) with uv's `error: ` prefix on stderr.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        ("lock --frozen --locked", "the argument '--frozen' cannot be used with '--locked'"),
        ("lock --check-exists --check", "the argument '--check-exists' cannot be used with '--check'"),
        ("lock --check --upgrade", "the argument '--check' cannot be used with '--upgrade'"),
        ("resolve --check --update", "the argument '--check' cannot be used with '--upgrade'"),
        ("lock --dry-run --check", "the argument '--dry-run' cannot be used with '--check'"),
        ("sync --frozen --locked", "the argument '--frozen' cannot be used with '--locked'"),
        ("sync --no-dev --only-dev", "the argument '--no-dev' cannot be used with '--only-dev'"),
        ("sync --production --only-dev", "the argument '--production' cannot be used with '--only-dev'"),
        ("sync --only-dev --group x", "the argument '--only-dev' cannot be used with '--group <GROUP>'"),
        ("sync --group x --only-group y", "the argument '--group <GROUP>' cannot be used with '--only-group <ONLY_GROUP>'"),
        ("sync --all-groups --only-group y", "the argument '--all-groups' cannot be used with '--only-group <ONLY_GROUP>'"),
        ("sync --extra a --all-extras", "the argument '--extra <EXTRA>' cannot be used with '--all-extras'"),
        ("sync --only-group x --extra y", "the argument '--only-group <ONLY_GROUP>' cannot be used with '--extra <EXTRA>'"),
        ("sync --package a --all-packages", "the argument '--package <PACKAGE>' cannot be used with '--all-packages'"),
        ("add --dev --group x pkg", "the argument '--dev' cannot be used with '--group <GROUP>'"),
        ("add --dev --optional x pkg", "the argument '--dev' cannot be used with '--optional <OPTIONAL>'"),
        ("add --group x --optional y pkg", "the argument '--group <GROUP>' cannot be used with '--optional <OPTIONAL>'"),
        ("add --tag a --branch b pkg", "the argument '--tag <TAG>' cannot be used with '--branch <BRANCH>'"),
        ("add --rev a --tag b pkg", "the argument '--rev <REV>' cannot be used with '--tag <TAG>'"),
        ("add --frozen --locked pkg", "the argument '--frozen' cannot be used with '--locked'"),
        ("remove --dev --group x pkg", "the argument '--dev' cannot be used with '--group <GROUP>'"),
        ("tree --frozen --locked", "the argument '--frozen' cannot be used with '--locked'"),
        ("tree --universal --python-version 3.12", "the argument '--universal' cannot be used with '--python-version <PYTHON_VERSION>'"),
        ("run --frozen --locked python", "the argument '--frozen' cannot be used with '--locked'"),
        ("export --frozen --locked", "the argument '--frozen' cannot be used with '--locked'"),
        ("init --app --lib", "the argument '--app' cannot be used with '--lib'"),
        ("init --script --app", "the argument '--script' cannot be used with '--app'"),
        ("init --lib --no-package", "the argument '--lib' cannot be used with '--no-package'"),
        ("init --flask --lib", "the argument '--flask' cannot be used with '--lib'"),
        ("version 1.0 --bump major", "the argument '[VALUE]' cannot be used with '--bump <BUMP[=VALUE]>'"),
        ("pip compile --universal --python-platform linux in.txt", "the argument '--universal' cannot be used with '--python-platform <PYTHON_PLATFORM>'"),
        ("python pin --rm 3.12", "the argument '--rm' cannot be used with '[REQUEST]'"),
        ("-q lock -v", "the argument '--quiet...' cannot be used with '--verbose...'"),
    ])
    func conflictingFlagsExit2(_ line: String, _ message: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(message)\n"))
    }

    @Test(arguments: ["lock --foo", "--foo lock", "sync --bogus", "pip compile --nope in.txt", "lockx", "run --nope python"])
    func unknownArgumentsExit2NotEX_USAGE(_ line: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains("Usage: suv"))
    }

    @Test(arguments: ["add", "remove", "pip install", "pip compile", "pip sync", "generate-shell-completion"])
    func missingRequiredArgumentsExit2(_ line: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test(arguments: ["lock --resolution best", "sync --link-mode teleport", "venv --color sometimes"])
    func invalidValuesExit2(_ line: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func runWithoutSyncAndFrozenIsNotAConflict() async throws {
        let tree = try TemporaryTree(prefix: "suv-run-flags")
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let result = await runSuv(
            ["run", "--no-sync", "--frozen", "--directory", tree.path(""), "python", "-c", "pass"],
            environment: ["HOME": home, "UV_CACHE_DIR": tree.path("cache"), "UV_PYTHON": home + "/.pyenv/versions/3.12.1/bin/python3.12",
                          "PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("cannot be used with"))
    }

    @Test func addNoSyncWithFrozenIsRejectedAsUvDoes() async {
        let result = await runSuv(["add", "--no-sync", "--frozen", "pkg"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: the argument `--no-sync` cannot be used with `--frozen`\n")
    }
}
