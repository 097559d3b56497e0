import ArgumentParser

public struct SuvCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "suv")
    public init() {}
    public func run() throws {}
}
