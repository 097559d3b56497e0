import Glibc
import SuvBasics

/// A new application's secret key: 32 bytes from the kernel's random source (`/dev/urandom`),
/// as hex, the form Python's `secrets.token_hex(32)` gives.
enum InitSecretKey {
    static let byteCount = 32

    static func generate() throws -> String {
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SecretKeyError(errno: errno) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: byteCount)
        var filled = 0
        while filled < byteCount {
            let result = bytes[filled...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw SecretKeyError(errno: result < 0 ? errno : EIO) }
            filled += result
        }
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}

/// The random source could not be read.
struct SecretKeyError: SuvError {
    let errno: Int32
    var message: String { "Failed to generate a secret key from `/dev/urandom`: \(String(cString: strerror(errno)))" }
}
