#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal `posix_spawn` runner: stdin from `/dev/null`, stdout and stderr captured, a
/// deadline after which the child is killed. Enough for the one short interpreter query this
/// module makes, without Foundation's `Process`.
enum ProcessSpawner {
    struct Output: Sendable {
        /// The exit status, or 128 + the signal number when the child was killed.
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        var timedOut: Bool
    }

    struct Failure: Error {
        var reason: String
    }

    /// `name` itself when it contains a `/`, else the first executable `dir/name` on `path`.
    static func findExecutable(_ name: String, path: String?) -> String? {
        ExecutableLookup.first(name, path: path)
    }

    static func run(
        _ executable: String, arguments: [String], environment: [String: String], timeoutMilliseconds: Int
    ) -> Result<Output, Failure> {
        var output: [Int32] = [-1, -1]
        var error: [Int32] = [-1, -1]
        guard makePipe(&output) == 0 else { return .failure(Failure(reason: describe(errno))) }
        guard makePipe(&error) == 0 else {
            let reason = describe(errno)
            close(output[0]); close(output[1])
            return .failure(Failure(reason: reason))
        }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        // `ETXTBSY`: another thread forked while the executable was open for writing (a script
        // just written); the descriptor goes away once that child execs, so try again shortly.
        var attempts = 0
        while spawned == ETXTBSY, attempts < 10 {
            attempts += 1
            usleep(20_000)
            spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        }
        close(output[1])
        close(error[1])
        guard spawned == 0 else {
            close(output[0]); close(error[0])
            return .failure(Failure(reason: describe(spawned)))
        }

        var captured: [[UInt8]] = [[], []]
        var descriptors = [pollfd(fd: output[0], events: Int16(POLLIN), revents: 0),
                           pollfd(fd: error[0], events: Int16(POLLIN), revents: 0)]
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    captured[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    close(descriptors[index].fd)
                    descriptors[index].fd = -1
                }
            }
        }
        for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        let exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return .success(Output(status: exitStatus, standardOutput: captured[0], standardError: captured[1], timedOut: timedOut))
    }

    /// A pipe whose ends are closed on `exec`, so that later children do not hold them open.
    /// (`pipe2` would make this atomic, but Glibc's Swift module does not export it.)
    private static func makePipe(_ descriptors: inout [Int32]) -> Int32 {
        guard pipe(&descriptors) == 0 else { return -1 }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    private static func describe(_ code: Int32) -> String {
        LocalFileSystem.describe(code)
    }
}
