import SuvCLI
import Testing

/// suv's older spellings parse to exactly what uv's spellings parse to.
@Suite struct AliasTests {
    @Test func resolveIsLock() throws {
        let alias = try SuvCLI.parse(["resolve", "--dry-run"], as: Lock.self).request(environment: [:])
        let canonical = try SuvCLI.parse(["lock", "--dry-run"], as: Lock.self).request(environment: [:])
        #expect(alias == canonical)
    }

    @Test func updateIsUpgrade() throws {
        let alias = try SuvCLI.parse(["lock", "--update"], as: Lock.self).request(environment: [:])
        let canonical = try SuvCLI.parse(["lock", "--upgrade"], as: Lock.self).request(environment: [:])
        let short = try SuvCLI.parse(["resolve", "-U"], as: Lock.self).request(environment: [:])
        #expect(alias == canonical)
        #expect(short == canonical)
        #expect(canonical.resolver.upgrade)
    }

    @Test func lockedAndFrozenAreLockAliasesOfCheckAndCheckExists() throws {
        let locked = try SuvCLI.parse(["lock", "--locked"], as: Lock.self).request(environment: [:])
        let check = try SuvCLI.parse(["lock", "--check"], as: Lock.self).request(environment: [:])
        #expect(locked.mode.isLocked && check.mode.isLocked)
        let frozen = try SuvCLI.parse(["lock", "--frozen"], as: Lock.self).request(environment: [:])
        let checkExists = try SuvCLI.parse(["lock", "--check-exists"], as: Lock.self).request(environment: [:])
        #expect(frozen.mode.isFrozen && checkExists.mode.isFrozen)
    }

    @Test func productionIsNoDev() throws {
        let alias = try SuvCLI.parse(["sync", "--production"], as: Sync.self).request(environment: [:])
        let canonical = try SuvCLI.parse(["sync", "--no-dev"], as: Sync.self).request(environment: [:])
        #expect(alias == canonical)
        #expect(canonical.groups.noDev)
    }

    @Test func cleanIsAnExactSync() throws {
        let clean = try SuvCLI.parse(["sync", "--clean"], as: Sync.self).request(environment: [:])
        let exact = try SuvCLI.parse(["sync", "--exact"], as: Sync.self).request(environment: [:])
        let inexact = try SuvCLI.parse(["sync", "--inexact"], as: Sync.self).request(environment: [:])
        let lastWins = try SuvCLI.parse(["sync", "--inexact", "--clean"], as: Sync.self).request(environment: [:])
        #expect(clean == exact)
        #expect(clean.exact)
        #expect(!inexact.exact)
        #expect(lastWins.exact)
    }

    @Test func reverseIsInvert() throws {
        let alias = try SuvCLI.parse(["tree", "--reverse"], as: Tree.self).request(environment: [:])
        let canonical = try SuvCLI.parse(["tree", "--invert"], as: Tree.self).request(environment: [:])
        #expect(alias == canonical)
        #expect(canonical.invert)
    }

    @Test func treeFormat() throws {
        #expect(try SuvCLI.parse(["tree"], as: Tree.self).request(environment: [:]).format == .text)
        #expect(try SuvCLI.parse(["tree", "--format", "json"], as: Tree.self).request(environment: [:]).format == .json)
    }

    @Test func exportFormatSpellings() throws {
        let dashed = try SuvCLI.parse(["export", "--format", "requirements-txt"], as: Export.self).request(environment: [:])
        let dotted = try SuvCLI.parse(["export", "--format", "requirements.txt"], as: Export.self).request(environment: [:])
        let inferred = try SuvCLI.parse(["export"], as: Export.self).request(environment: [:])
        #expect(dashed == dotted)
        #expect(inferred.format == .requirementsTxt)
        let pylock = try SuvCLI.parse(["export", "-o", "pylock.toml"], as: Export.self).request(environment: [:])
        #expect(pylock.format == .pylockToml)
    }

    @Test func flaskIsTemplateFlask() throws {
        let flag = try SuvCLI.parse(["init", "--flask", "app"], as: Init.self).request(environment: [:])
        let option = try SuvCLI.parse(["init", "--template", "flask", "app"], as: Init.self).request(environment: [:])
        #expect(flag == option)
        #expect(flag.template == .flask)
        #expect(flag.path == "app")
    }

    @Test func globalOptionsBeforeAndAfterTheSubcommandAreTheSame() throws {
        let before = try SuvCLI.parse(["--offline", "-q", "lock"], as: Lock.self)
        let after = try SuvCLI.parse(["lock", "--offline", "-q"], as: Lock.self)
        #expect(before.globalFlags == after.globalFlags)
        #expect(before.globalFlags.offline)
        #expect(before.globalFlags.quiet == 1)
    }
}
