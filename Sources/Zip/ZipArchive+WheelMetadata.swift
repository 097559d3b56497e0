import SuvBasics

/// A wheel's `.dist-info` directory, found as uv finds it.
public struct WheelDistInfo: Sendable, Equatable {
    /// The directory name without `.dist-info` (`Flask-3.0.0`).
    public let stem: String
    /// The `METADATA` entry inside it.
    public let metadataEntry: ZipEntry

    /// The directory name with its suffix (`Flask-3.0.0.dist-info`).
    public var directory: String { stem + ".dist-info" }

    /// Finds the one top-level `*.dist-info/METADATA` among `entries` and checks that the
    /// directory belongs to `package`.
    ///
    /// Like uv (and pip): exactly one `.dist-info` directory may hold a `METADATA`, and its name,
    /// normalized (ASCII lowercase, runs of `-`, `_`, `.` made one `-`), must start with the
    /// normalized package name, so `Mastodon.py-1.5.1.dist-info` belongs to `mastodon-py`.
    public static func find(in entries: [ZipEntry], package: PackageName) throws(ZipError) -> WheelDistInfo {
        var candidates: [(stem: String, entry: ZipEntry)] = []
        for entry in entries {
            guard let slash = entry.name.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let directory = entry.name[..<slash]
            guard entry.name[entry.name.index(after: slash)...] == "METADATA",
                  directory.hasSuffix(".dist-info") else { continue }
            candidates.append((String(directory.dropLast(10)), entry))
        }
        guard let first = candidates.first else { throw .missingDistInfo }
        guard candidates.count == 1 else { throw .multipleDistInfo(directories: candidates.map(\.stem)) }
        guard normalize(first.stem).hasPrefix(package.normalized) else {
            throw .distInfoNameMismatch(directory: first.stem, package: package.normalized)
        }
        return WheelDistInfo(stem: first.stem, metadataEntry: first.entry)
    }

    /// uv's `DistInfoName` normalization: ASCII lowercase; runs of `-`, `_`, `.` become `-`.
    static func normalize(_ name: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var lastWasSeparator = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                if !lastWasSeparator { result.append(UInt8(ascii: "-")) }
                lastWasSeparator = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                result.append(byte + 32)
                lastWasSeparator = false
            default:
                result.append(byte)
                lastWasSeparator = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension ZipArchive {
    /// The wheel's `.dist-info` directory for `package` (see ``WheelDistInfo/find(in:package:)``).
    public func wheelDistInfo(for package: PackageName) throws(ZipError) -> WheelDistInfo {
        try WheelDistInfo.find(in: entries, package: package)
    }

    /// The bytes of the wheel's `<name>-<version>.dist-info/METADATA`, CRC-checked.
    public func wheelMetadata(for package: PackageName, limits: ZipLimits = .metadata) async throws -> [UInt8] {
        let distInfo = try wheelDistInfo(for: package)
        return try await contents(of: distInfo.metadataEntry, limits: limits)
    }
}
