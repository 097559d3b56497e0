import Foundation

/// A minimal blocking HTTP/1.0 client for 127.0.0.1, so tests can talk to local servers
/// without the HTTP module (or FoundationNetworking).
public enum LoopbackHTTP {
    /// Sends one request and returns the response body; throws on a non-2xx status.
    public static func request(method: String, port: Int, path: String) throws -> [UInt8] {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw IndexServerError.request("socket: \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw IndexServerError.request("connect: \(errno)") }
        let message = Array("\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n".utf8)
        var sent = 0
        while sent < message.count {
            let count = message[sent...].withUnsafeBytes { send(socketDescriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw IndexServerError.request("send: \(errno)") }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response.append(contentsOf: buffer[..<count])
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = (0...max(0, response.count - 4)).first(where: { Array(response[$0..<min($0 + 4, response.count)]) == separator })
        else { throw IndexServerError.request("malformed response") }
        let statusLine = String(decoding: response[..<headerEnd], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        guard (200..<300).contains(status) else { throw IndexServerError.request(String(statusLine)) }
        return Array(response[(headerEnd + 4)...])
    }

    /// A loopback port nothing listens on right now (the kernel's pick for port 0), for a
    /// server a test starts.
    public static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw IndexServerError.request("socket: \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else { throw IndexServerError.request("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
