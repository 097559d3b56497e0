import ArgumentParser

/// The full spelling of a command, found by walking the command tree: `suv pip compile`.
package enum CommandPath {
    /// The words that invoke `command`, joined by spaces; just its own name if it is not in the
    /// tree below `root`.
    package static func of(
        _ command: any ParsableCommand.Type,
        root: any ParsableCommand.Type = SuvCommand.self
    ) -> String {
        (path(to: command, from: root) ?? [command._commandName]).joined(separator: " ")
    }

    private static func path(
        to target: any ParsableCommand.Type,
        from node: any ParsableCommand.Type
    ) -> [String]? {
        if ObjectIdentifier(node) == ObjectIdentifier(target) {
            return [node._commandName]
        }
        for child in node.configuration.subcommands {
            if let rest = path(to: target, from: child) {
                return [node._commandName] + rest
            }
        }
        return nil
    }
}
