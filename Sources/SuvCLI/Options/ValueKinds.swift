import ArgumentParser
import Console

// The closed sets of values uv's options accept, spelled exactly as uv spells them.

extension ColorChoice: ExpressibleByArgument {}

/// `--resolution`: which compatible version to prefer.
package enum ResolutionStrategy: String, CaseIterable, ExpressibleByArgument, Sendable {
    case highest
    case lowest
    case lowestDirect = "lowest-direct"
}

/// `--prerelease`: when pre-release versions are considered.
package enum PrereleaseMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    case disallow
    case allow
    case ifNecessary = "if-necessary"
    case explicit
    /// Deprecated alias of ``ifNecessary`` in uv 0.13.9.
    case ifNecessaryOrExplicit = "if-necessary-or-explicit"
}

/// `--fork-strategy`: how versions are chosen across marker forks.
package enum ForkStrategy: String, CaseIterable, ExpressibleByArgument, Sendable {
    case fewest
    case requiresPython = "requires-python"
}

/// `--index-strategy`: how multiple indexes are consulted.
package enum IndexStrategy: String, CaseIterable, ExpressibleByArgument, Sendable {
    case firstIndex = "first-index"
    case unsafeFirstMatch = "unsafe-first-match"
    case unsafeBestMatch = "unsafe-best-match"
}

/// `--keyring-provider`.
package enum KeyringProvider: String, CaseIterable, ExpressibleByArgument, Sendable {
    case disabled
    case subprocess
}

/// `--link-mode`: how files get from the cache into an environment.
package enum LinkMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    case clone
    case copy
    case hardlink
    case symlink
}

/// `--output-format` of commands that can print JSON.
package enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text
    case json
}

/// `uv export --format`; `requirements-txt` is accepted for `requirements.txt`, as uv does.
package enum ExportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case requirementsTxt = "requirements.txt"
    case pylockToml = "pylock.toml"
    case cyclonedx = "cyclonedx1.5"

    package init?(argument: String) {
        switch argument {
        case "requirements-txt": self = .requirementsTxt
        case "pylock-toml": self = .pylockToml
        default: self.init(rawValue: argument)
        }
    }
}

/// `uv pip compile --format`.
package enum PipCompileFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case requirementsTxt = "requirements.txt"
    case pylockToml = "pylock.toml"

    package init?(argument: String) {
        switch argument {
        case "requirements-txt": self = .requirementsTxt
        case "pylock-toml": self = .pylockToml
        default: self.init(rawValue: argument)
        }
    }
}

/// `uv pip list --format`.
package enum PipListFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case columns
    case freeze
    case json
}

/// `uv pip compile --annotation-style`.
package enum AnnotationStyle: String, CaseIterable, ExpressibleByArgument, Sendable {
    case line
    case split
}

/// `uv add --bounds`: the specifier written for an unconstrained requirement.
package enum AddBounds: String, CaseIterable, ExpressibleByArgument, Sendable {
    case lower
    case major
    case minor
    case exact
}

/// `uv init --vcs`.
package enum VersionControl: String, CaseIterable, ExpressibleByArgument, Sendable {
    case git
    case none
}

/// `uv init --build-backend`.
package enum BuildBackendChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    case uv
    case hatch
    case flit
    case pdm
    case poetry
    case setuptools
    case maturin
    case scikit
}

/// `uv init --author-from`.
package enum AuthorFrom: String, CaseIterable, ExpressibleByArgument, Sendable {
    case auto
    case git
    case none
}

/// `suv init --template`: suv's project templates beyond uv's app/lib/package.
package enum InitTemplate: String, CaseIterable, ExpressibleByArgument, Sendable {
    case flask
}

/// The shells `generate-shell-completion` can write a script for.
package enum ShellName: String, CaseIterable, ExpressibleByArgument, Sendable {
    case bash
    case zsh
    case fish

    /// The argument parser's shell.
    package var completionShell: CompletionShell {
        switch self {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
    }
}

/// `uv version --bump <BUMP[=VALUE]>`: a component to bump, optionally with an explicit number
/// (`--bump dev=3`).
package struct VersionBump: ExpressibleByArgument, Equatable, Sendable {
    /// The components uv can bump, in uv's order.
    package enum Component: String, CaseIterable, Sendable {
        case major, minor, patch, stable, alpha, beta, rc, post, dev
    }

    package var component: Component
    package var value: Int?

    package init(component: Component, value: Int? = nil) {
        self.component = component
        self.value = value
    }

    package init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let component = Component(rawValue: String(parts[0])) else { return nil }
        self.component = component
        if parts.count == 2 {
            guard let value = Int(parts[1]), value >= 0 else { return nil }
            self.value = value
        } else {
            self.value = nil
        }
    }

    package static var allValueStrings: [String] { Component.allCases.map(\.rawValue) }

    package var defaultValueDescription: String {
        value.map { "\(component.rawValue)=\($0)" } ?? component.rawValue
    }
}
