import SuvCLI
import Testing

@Suite struct CommandPathTests {
    @Test func namesTheFullCommand() {
        #expect(CommandPath.of(Lock.self) == "suv lock")
        #expect(CommandPath.of(PipCompile.self) == "suv pip compile")
        #expect(CommandPath.of(SelfVersion.self) == "suv self version")
        #expect(CommandPath.of(SuvCommand.self) == "suv")
    }

    @Test func notImplementedErrorMessage() {
        #expect(NotImplementedError(command: "suv pip compile").message == "`suv pip compile` is not implemented yet")
    }
}
