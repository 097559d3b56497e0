import ArgumentParser
import Console
import PyProject

// The closed sets of values uv's options accept, spelled exactly as uv spells them.

extension ColorChoice: ExpressibleByArgument {}

// The settings vocabulary shared with `pyproject.toml`/`uv.toml` is defined once, in PyProject.
extension PrereleaseMode: ExpressibleByArgument {}
extension ResolutionMode: ExpressibleByArgument {}
extension ForkStrategy: ExpressibleByArgument {}
extension IndexStrategy: ExpressibleByArgument {}
extension LinkMode: ExpressibleByArgument {}
extension AddBounds: ExpressibleByArgument {}

package typealias PrereleaseMode = PyProject.PrereleaseMode
package typealias ResolutionMode = PyProject.ResolutionMode
package typealias ForkStrategy = PyProject.ForkStrategy
package typealias IndexStrategy = PyProject.IndexStrategy
package typealias LinkMode = PyProject.LinkMode
package typealias AddBounds = PyProject.AddBounds

/// `--keyring-provider`.
package enum KeyringProvider: String, CaseIterable, ExpressibleByArgument, Sendable {
    case disabled
    case subprocess
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
