import Glibc
import SuvBasics

/// A command `suv run` starts: the executable found on the search path, its arguments (the
/// first one as typed) and its environment.
struct CommandLaunch {
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    /// Finds `command` as `execvp` would, along the launch environment's `PATH`.
    init(command: String, arguments: [String], environment: [String: String]) throws {
        if command.contains("/") {
            executable = command
        } else {
            let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            let found = path.split(separator: ":", omittingEmptySubsequences: false)
                .map { ($0.isEmpty ? "." : String($0)) + "/" + command }
                .first { access($0, X_OK) == 0 }
            guard let found else { throw SpawnFailure(command: command, code: ENOENT) }
            executable = found
        }
        self.arguments = [command] + arguments
        self.environment = environment
    }

    /// Replaces this process with the command (signals, stdin and the exit status are then
    /// the command's own). Returns only by throwing.
    func replaceProcess() throws -> Never {
        // What exec keeps must be what a shell would give: the calling thread's signal mask
        // (worker threads block signals) and ignored signals carry over into the new program.
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        for signal in Self.defaultedSignals { Glibc.signal(signal, SIG_DFL) }
        let code = withCStrings(arguments) { argv in
            withCStrings(environment.map { "\($0.key)=\($0.value)" }) { envp in
                execve(executable, argv, envp)
                return errno
            }
        }
        throw SpawnFailure(command: arguments[0], code: code)
    }

    /// Runs the command as a child with this process's standard streams and waits for it;
    /// its exit status (128 + the signal when a signal ended it, as shells report).
    func runAsChild() throws -> Int32 {
        var pid: pid_t = 0
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for signal in Self.defaultedSignals { sigaddset(&defaulted, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaulted)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let code = withCStrings(arguments) { argv in
            withCStrings(environment.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, nil, &attributes, argv, envp)
            }
        }
        guard code == 0 else { throw SpawnFailure(command: arguments[0], code: code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SpawnFailure(command: arguments[0], code: errno) }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Signals the command gets with their default action, whatever suv did with them.
    static let defaultedSignals: [Int32] = [SIGINT, SIGTERM, SIGQUIT, SIGPIPE, SIGHUP]

    private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

/// A command that could not be started (uv's wording and exit status 2).
struct SpawnFailure: SuvError, Equatable {
    let command: String
    let code: Int32

    var message: String { "Failed to spawn: \(command)" }
    var cause: (any Error)? { OSErrorText(code: code) }
}

/// `No such file or directory (os error 2)`, as Rust's `io::Error` prints.
struct OSErrorText: SuvError, Equatable {
    let code: Int32
    var message: String { "\(String(cString: strerror(code))) (os error \(code))" }
}
