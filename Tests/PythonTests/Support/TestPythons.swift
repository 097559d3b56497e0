import Foundation
import Testing

/// Locates the CPython builds in `~/.pyenv/versions` that the tests run against.
enum TestPythons {
    /// `~/.pyenv/versions`.
    static var versionsDirectory: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.pyenv/versions"
    }

    /// The installation directory for `minor` (`"3.12"` finds `3.12.1`), highest patch first.
    static func installation(_ minor: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: versionsDirectory)) ?? []
        let matching = names.filter { $0.hasPrefix(minor + ".") && $0.dropFirst(minor.count + 1).allSatisfy(\.isNumber) }
        let sorted = matching.sorted { patch($0) > patch($1) }
        return sorted.first.map { versionsDirectory + "/" + $0 }
    }

    /// `bin/python3` (or `bin/python` for Python 2) of `minor`, or `nil` when it is not installed.
    static func executable(_ minor: String) -> String? {
        guard let installation = installation(minor) else { return nil }
        for name in ["python3", "python"] {
            let candidate = installation + "/bin/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A trait that skips the test, saying which version is missing, unless `minor` is installed.
    static func installed(_ minor: String) -> ConditionTrait {
        .enabled(
            if: executable(minor) != nil,
            "Python \(minor) is not installed under \(versionsDirectory); skipped"
        )
    }

    /// `executable(minor)`; a test using it carries ``installed(_:)``, so this fails only if the
    /// interpreter vanished in between.
    static func require(_ minor: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(executable(minor), "Python \(minor) is not installed", sourceLocation: sourceLocation)
    }

    private static func patch(_ name: String) -> Int {
        Int(name.split(separator: ".").last ?? "") ?? 0
    }
}
