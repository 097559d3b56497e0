#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SuvBasics

/// A zip archive in a local file, read with `pread` (no shared file position, so concurrent
/// reads are safe). The file stays open for the life of the source.
public final class ZipFileSource: ZipByteSource {
    /// The path the file was opened at.
    public let path: String
    public let size: UInt64
    private let descriptor: Int32

    /// Opens `path` for reading.
    public init(path: String) throws(ZipFileSourceError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotOpen(path: path, errno: code)
        }
        self.path = path
        self.size = UInt64(info.st_size)
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    public func read(offset: UInt64, length: Int) async throws -> [UInt8] {
        guard length > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: length)
        var filled = 0
        while filled < length {
            let count = result.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base + filled, length - filled, off_t(offset) + off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ZipFileSourceError.readFailed(path: path, errno: errno)
            }
            if count == 0 { throw ZipFileSourceError.shortRead(path: path, offset: offset, length: length) }
            filled += count
        }
        return result
    }
}

/// Why a local zip file could not be opened or read.
public enum ZipFileSourceError: SuvError, Equatable {
    case cannotOpen(path: String, errno: Int32)
    case readFailed(path: String, errno: Int32)
    /// The file ended before the requested range (it shrank while being read).
    case shortRead(path: String, offset: UInt64, length: Int)

    public var message: String {
        switch self {
        case .cannotOpen(let path, let code):
            "Failed to open `\(path)`: \(Self.describe(code))"
        case .readFailed(let path, let code):
            "Failed to read `\(path)`: \(Self.describe(code))"
        case .shortRead(let path, let offset, let length):
            "Failed to read `\(path)`: the file ended before \(length) bytes at offset \(offset)"
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
