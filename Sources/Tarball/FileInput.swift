#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A local file read front to back with POSIX `read`; the descriptor closes when the value
/// goes away.
public struct FileInput: ~Copyable, ByteInput, Sendable {
    /// The path the file was opened at.
    public let path: String
    private let descriptor: Int32

    /// Opens `path` for reading.
    public init(path: String) throws(TarballError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, errno: errno) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    public mutating func read(upTo maxCount: Int) throws(TarballError) -> [UInt8] {
        guard maxCount > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: maxCount)
        while true {
            let count = result.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixRead(descriptor, base, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            result.removeSubrange(count...)
            return result
        }
    }
}

/// POSIX `read`, under a name the ``FileInput/read(upTo:)`` method does not shadow.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
