import Python
import Settings
import SuvBasics

/// What `suv init` asks git, as uv does: whether a directory is inside a work tree, `git init`,
/// and the author from `git config`. git is looked up on the command's `PATH` and runs with the
/// command's environment.
struct GitRepository {
    /// What `git rev-parse --is-inside-work-tree` said about a directory.
    enum Discovery: Equatable {
        case repository
        case noRepository
        /// No `git` on `PATH`.
        case noGit
        /// git ran but said something unexpected.
        case brokenGit
    }

    /// The `git` executable, if there is one on `PATH`.
    let git: String?
    let environment: [String: String]
    let runner: any ProcessRunner

    init(environment: [String: String], runner: any ProcessRunner = SubprocessRunner()) {
        self.git = ExecutableLookup.first("git", path: environment["PATH"])
        self.environment = environment
        self.runner = runner
    }

    /// Whether `directory` (which must exist) is inside a Git work tree.
    func discover(in directory: String) async -> Discovery {
        guard let git else { return .noGit }
        var environment = environment
        environment["LC_ALL"] = "C"
        let invocation = ProcessInvocation(executable: git, arguments: ["rev-parse", "--is-inside-work-tree"],
                                           environment: .custom(environment), workingDirectory: directory)
        guard let output = try? await runner.run(invocation) else { return .brokenGit }
        if output.termination.isSuccess {
            return output.standardOutputText.trimmingPythonWhitespace == "true" ? .repository : .brokenGit
        }
        return output.standardErrorText.contains("not a git repository") ? .noRepository : .brokenGit
    }

    /// Runs `git init` in `directory`.
    func initialize(_ directory: String) async throws {
        guard let git else { throw GitError.notInstalled }
        let invocation = ProcessInvocation(executable: git, arguments: ["init"], environment: .custom(environment),
                                           workingDirectory: directory)
        let output: ProcessOutput
        do {
            output = try await runner.run(invocation)
        } catch {
            throw GitError.commandFailed(error.message)
        }
        guard output.termination.isSuccess else { throw GitError.commandFailed(output.standardErrorText) }
    }

    /// `git config --get user.name` and `user.email` as read from `directory` (so conditional
    /// includes apply); `nil` values when unset or when there is no git.
    func author(in directory: String) async -> (name: String?, email: String?) {
        guard git != nil else { return (nil, nil) }
        return (await configValue("user.name", in: directory), await configValue("user.email", in: directory))
    }

    private func configValue(_ key: String, in directory: String) async -> String? {
        guard let git else { return nil }
        let invocation = ProcessInvocation(executable: git, arguments: ["config", "--get", key],
                                           environment: .custom(environment), workingDirectory: directory)
        guard let output = try? await runner.run(invocation), output.termination.isSuccess else { return nil }
        return output.standardOutputText.trimmingPythonWhitespace
    }
}

/// Why a Git repository could not be initialized, in uv's words.
enum GitError: SuvError, Equatable {
    case notInstalled
    case commandFailed(String)

    var message: String {
        switch self {
        case .notInstalled: "Attempted to initialize a Git repository, but `git` was not found in PATH"
        case .commandFailed(let stderr): "Git operation failed: \(stderr.trimmingPythonWhitespace)"
        }
    }
}
