import Glibc
import Cache
import Console
import Lockfile
import Python
import Settings
import SuvBasics

/// Git sources in the cache, through the `git` executable on `PATH`: one bare repository per
/// remote (`git-v0/db/<repository>`) fetched into, and one checkout per commit
/// (`git-v0/checkouts/<repository>/<commit>`) that builds read from.
///
/// Fetches print uv's `Updating <url> (<reference>)` / `Updated <url> (<commit>)`.
struct GitCheckouts: Sendable {
    let store: CacheStore
    let environment: [String: String]
    let printer: Printer
    let offline: Bool
    var runner: any ProcessRunner = SubprocessRunner()

    init(store: CacheStore, environment: [String: String], printer: Printer, offline: Bool = false) {
        self.store = store
        self.environment = environment
        self.printer = printer
        self.offline = offline
    }

    /// The commit `source`'s reference names now: the remote is fetched, then the reference
    /// looked up (`rev` as a tag, a branch, then a commit).
    func resolve(_ source: GitSourceURL) async throws -> String {
        let database = try await database(for: source.repository)
        let shown = CredentialRedaction.redacted(source.repository)
        if !offline {
            printer.info("   Updating \(shown) (\(source.reference?.value ?? "HEAD"))")
            try await fetch(source.repository, into: database)
        }
        var candidates: [String] = []
        switch source.reference {
        case nil: candidates = ["refs/remotes/origin/HEAD"]
        case .branch(let name)?: candidates = ["refs/remotes/origin/\(name)"]
        case .tag(let name)?: candidates = ["refs/tags/\(name)"]
        case .rev(let name)?:
            candidates = ["refs/tags/\(name)", "refs/remotes/origin/\(name)"]
            if Self.looksLikeCommit(name) { candidates.append(name) }
        }
        for candidate in candidates {
            if let commit = try await commit(named: candidate, in: database) {
                if !offline { printer.info("    Updated \(shown) (\(commit))") }
                return commit
            }
        }
        // A full commit no branch or tag reaches: ask the remote for it by name.
        if case .rev(let name)? = source.reference, name.count == 40, Self.looksLikeCommit(name), !offline {
            _ = try? await git(["fetch", "--quiet", "--force", "--", source.repository, name], in: database)
            if let commit = try await commit(named: name, in: database) {
                printer.info("    Updated \(shown) (\(commit))")
                return commit
            }
        }
        throw GitSourceError.referenceNotFound(repository: shown, reference: source.reference?.value ?? "HEAD")
    }

    /// A checkout of `commit` (fetched first when the cached repository lacks it); the folder
    /// holding the whole tree.
    func checkout(repository: String, commit: String) async throws -> String {
        let key = IndexID(url: repository).value
        let destination = store.shard(.git, "checkouts", key, commit)
        if access(destination, F_OK) == 0 { return destination }
        let database = try await database(for: repository)
        if try await self.commit(named: commit, in: database) == nil {
            guard !offline else { throw GitSourceError.offline(repository: CredentialRedaction.redacted(repository), commit: commit) }
            printer.info("   Updating \(CredentialRedaction.redacted(repository)) (\(commit))")
            try await fetch(repository, into: database)
            if try await self.commit(named: commit, in: database) == nil {
                _ = try? await git(["fetch", "--quiet", "--force", "--", repository, commit], in: database)
            }
            guard try await self.commit(named: commit, in: database) != nil else {
                throw GitSourceError.referenceNotFound(repository: CredentialRedaction.redacted(repository), reference: commit)
            }
            printer.info("    Updated \(CredentialRedaction.redacted(repository)) (\(commit))")
        }
        let parent = store.shard(.git, "checkouts", key)
        let temporary = try AtomicDirectory.makeTemporary(in: parent)
        do {
            try await git(["clone", "--quiet", "--local", "--no-checkout", "--", database, temporary], in: nil)
            try await git(["checkout", "--quiet", "--detach", commit], in: temporary)
            if access(temporary + "/.gitmodules", F_OK) == 0 {
                try await git(["submodule", "update", "--init", "--recursive", "--quiet"], in: temporary)
            }
            try AtomicDirectory.install(temporary, at: destination, ifExists: .keepExisting)
        } catch {
            _ = DirectoryListing.removeTree(temporary)
            throw error
        }
        return destination
    }

    /// The bare repository for `repository`, created on first use.
    private func database(for repository: String) async throws -> String {
        let path = store.shard(.git, "db", IndexID(url: repository).value)
        if access(path + "/HEAD", F_OK) == 0 { return path }
        let temporary = try AtomicDirectory.makeTemporary(in: store.shard(.git, "db"))
        do {
            try await git(["init", "--quiet", "--bare", temporary], in: nil)
            try AtomicDirectory.install(temporary, at: path, ifExists: .keepExisting)
        } catch {
            _ = DirectoryListing.removeTree(temporary)
            throw error
        }
        return path
    }

    private func fetch(_ repository: String, into database: String) async throws {
        try await git(["fetch", "--quiet", "--force", "--tags", "--", repository,
                       "+refs/heads/*:refs/remotes/origin/*", "+HEAD:refs/remotes/origin/HEAD"], in: database)
    }

    private func commit(named name: String, in database: String) async throws -> String? {
        let output = try await run(["rev-parse", "--verify", "--quiet", "\(name)^{commit}"], in: database)
        guard output.termination.isSuccess else { return nil }
        let text = output.standardOutputText.trimmingPythonWhitespace
        return text.count == 40 ? text : nil
    }

    @discardableResult
    private func git(_ arguments: [String], in directory: String?) async throws -> ProcessOutput {
        let output = try await run(arguments, in: directory)
        guard output.termination.isSuccess else {
            throw GitSourceError.commandFailed(command: "git " + arguments.map(CredentialRedaction.redacted).joined(separator: " "),
                                               output: CredentialRedaction.redacted(output.standardErrorText.trimmingPythonWhitespace))
        }
        return output
    }

    private func run(_ arguments: [String], in directory: String?) async throws -> ProcessOutput {
        guard let git = ExecutableLookup.all("git", path: environment["PATH"]).first else { throw GitSourceError.notInstalled }
        var variables = environment
        variables["GIT_TERMINAL_PROMPT"] = "0"
        variables["LC_ALL"] = "C"
        let invocation = ProcessInvocation(executable: git, arguments: arguments, environment: .custom(variables),
                                           workingDirectory: directory, timeout: .seconds(600))
        do {
            return try await runner.run(invocation)
        } catch {
            throw GitSourceError.commandFailed(command: "git " + (arguments.first ?? ""), output: error.message)
        }
    }

    static func looksLikeCommit(_ text: String) -> Bool {
        text.count >= 7 && text.count <= 40 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// Why a Git source could not be fetched or checked out.
enum GitSourceError: SuvError, Equatable {
    case notInstalled
    case referenceNotFound(repository: String, reference: String)
    case offline(repository: String, commit: String)
    case commandFailed(command: String, output: String)

    var message: String {
        switch self {
        case .notInstalled: "Git executable not found. Ensure that Git is installed and available."
        case .referenceNotFound(let repository, let reference): "Failed to find `\(reference)` in the Git repository `\(repository)`"
        case .offline(let repository, let commit): "Commit `\(commit)` of `\(repository)` is not in the cache and network access is disabled"
        case .commandFailed(let command, let output): output.isEmpty ? "`\(command)` failed" : "`\(command)` failed:\n\(output)"
        }
    }

    var kind: ErrorKind { .failure }
}
