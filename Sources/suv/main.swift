#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SuvCLI

let status = await SuvCLI.main(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: SuvCLI.processEnvironment()
)
exit(status)
