import SuvBasics

/// Thrown by commands whose implementation has not landed yet. Exit status 2.
package struct NotImplementedError: SuvError, Equatable {
    /// The full command, e.g. `suv pip compile`.
    package let command: String

    package init(command: String) {
        self.command = command
    }

    package var message: String { "`\(command)` is not implemented yet" }
}
