/// A parsed command request: the command's options resolved against the environment.
/// `warnings` (deprecated spellings, ignored variables) are printed before the command runs.
package protocol CommandRequest: Sendable {
    var warnings: [String] { get }
}

extension CommandRequest {
    package var warnings: [String] { [] }
}

/// A command whose options become a ``CommandRequest``. Until its engine lands, running it
/// validates the request, prints its warnings, and reports ``NotImplementedError``; a command
/// that is implemented provides its own `run(context:)`.
package protocol RequestCommand: SuvRunnable {
    associatedtype Request: CommandRequest
    func request(environment: [String: String]) throws -> Request
}

extension RequestCommand {
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        throw notImplemented()
    }
}

/// A command with no request yet; running it reports ``NotImplementedError``.
package protocol PendingCommand: SuvRunnable {}

extension PendingCommand {
    package func run(context: CommandContext) async throws {
        throw notImplemented()
    }
}
