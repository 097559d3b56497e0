#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default ``RequirementsLoader``: reads local files with POSIX `open`/`read` and decodes
/// them as UTF-8 (a UTF-8 byte-order mark is dropped; invalid bytes become U+FFFD).
public struct POSIXRequirementsLoader: RequirementsLoader, Sendable {
    /// Creates the loader.
    public init() {}

    public func load(path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error(path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error(path: path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func error(path: String) -> RequirementsLoadError {
        let code = errno
        let text = strerror(code).map { String(cString: $0) } ?? "Unknown error"
        return RequirementsLoadError(path: path, reason: "\(text) (os error \(code))")
    }
}
