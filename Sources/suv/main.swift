#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SuvBasics
import SuvCLI

#if canImport(Glibc)
/// glibc's `mallopt(3)` (`<malloc.h>` is not part of the Glibc module).
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
// One malloc arena for every thread: suv's threads mostly wait on the kernel (links, folders,
// sockets), and each extra arena glibc would make costs megabytes of resident memory. Commands
// that resolve get two: both cores then parse index pages at once, and with one arena they
// queue on its lock (13% of the CPU time of `suv add` on a large project; with two, that
// `add` took 2.2 s instead of 2.5 s, for the same peak memory).
let resolvingCommands: Set<String> = ["lock", "resolve", "add", "remove", "upgrade"]
let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") }
_ = glibcMallopt(-8 /* M_ARENA_MAX */, command.map(resolvingCommands.contains) == true ? 2 : 1)
#endif

ProcessLifetime.enable()
let status = await SuvCLI.main(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: SuvCLI.processEnvironment()
)
// Leave without running the C library's exit handlers. libcrypto's handler frees its locks
// while threads of the concurrency pool may still be winding down (a connection closing, a
// last hash), and a benchmark run once crashed there: SIGSEGV in `pthread_rwlock_unlock` on a
// pool thread as `suv sync` exited. Nothing of suv's needs an exit handler; output is flushed
// here, and every file suv writes is complete (written aside, then renamed) before it counts.
fflush(nil)
_exit(status)
