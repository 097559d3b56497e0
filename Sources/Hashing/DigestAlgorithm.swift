import CCrypto

/// A digest algorithm suv verifies: SHA-256 everywhere, plus the others a lock file or a
/// `--hash` option may carry (`md5`, `sha384`, `sha512`).
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case md5
    case sha256
    case sha384
    case sha512

    /// The digest length in bytes.
    public var digestLength: Int {
        switch self {
        case .md5: 16
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// The lowercase name used in `sha256:<hex>` prefixes.
    public var description: String { rawValue }

    /// Parses a prefix as written in lock files and URL fragments (`sha256`, `SHA256`).
    public init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "md5": self = .md5
        case "sha256": self = .sha256
        case "sha384": self = .sha384
        case "sha512": self = .sha512
        default: return nil
        }
    }

    /// The libcrypto method, fetched once per algorithm and kept for the life of the process.
    var method: EVPMethod {
        switch self {
        case .md5: EVPMethod.md5
        case .sha256: EVPMethod.sha256
        case .sha384: EVPMethod.sha384
        case .sha512: EVPMethod.sha512
        }
    }
}

/// A fetched `EVP_MD`. Fetching once avoids OpenSSL 3's implicit fetch on every digest init.
struct EVPMethod: @unchecked Sendable {
    let pointer: OpaquePointer

    static let md5 = EVPMethod(name: "MD5")
    static let sha256 = EVPMethod(name: "SHA256")
    static let sha384 = EVPMethod(name: "SHA384")
    static let sha512 = EVPMethod(name: "SHA512")

    private init(name: String) {
        guard let fetched = EVP_MD_fetch(nil, name, nil) else {
            fatalError("libcrypto has no \(name) implementation")
        }
        pointer = fetched
    }
}
