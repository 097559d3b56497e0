import Testing

@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsMentionTheSubcommands(_ shell: String) async {
        let result = await runSuv(["generate-shell-completion", shell])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.count > 1000)
        for command in ["lock", "sync", "pip", "compile", "python", "cache"] {
            #expect(result.stdout.contains(command), "\(shell) completion mentions \(command)")
        }
    }

    @Test func unknownShellIsAUsageError() async {
        let result = await runSuv(["generate-shell-completion", "tcsh"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
    }
}
