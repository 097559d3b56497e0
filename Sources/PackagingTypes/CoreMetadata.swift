import PEP440
import PEP508
import SuvBasics

/// A distribution's core metadata (`METADATA` in a wheel, `PKG-INFO` in an sdist), Metadata
/// 1.0 to 2.4, with the fields resolution needs parsed and every header kept.
///
/// Parsing follows uv's `ResolutionMetadata::parse_metadata`: `Name` and `Version` are
/// required, every `Requires-Dist` must parse (the first bad one is reported with the package
/// and the line), `Requires-Python` must parse, and invalid `Provides-Extra` names are
/// skipped. `Metadata-Version` itself is not checked here (see ``init(pkgInfo:)``).
public struct CoreMetadata: Sendable, Hashable {
    /// `Metadata-Version` as written (`2.1`), if present.
    public let metadataVersion: String?
    public let name: PackageName
    public let version: Version
    public let summary: String?
    /// `Requires-Dist`, in file order.
    public let requiresDist: [Requirement]
    public let requiresPython: VersionSpecifiers?
    /// `Provides-Extra`, normalized, in declaration order, without duplicates.
    public let providesExtra: [String]
    /// `Dynamic` (Metadata 2.2+): field names as written.
    public let dynamic: [String]
    /// The long description: the body after the headers, else the `Description` header.
    public let description: String?
    /// Every header, for fields not modelled here (`Project-URL`, `License-Expression`…).
    public let headers: MetadataHeaders

    /// Parses a `METADATA` file; the bytes must be UTF-8 (a leading BOM is skipped).
    public init(parsing bytes: [UInt8]) throws(CoreMetadataError) {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw .invalidUTF8(offset: Self.firstInvalidUTF8Offset(slice))
        }
        try self.init(parsing: text)
    }

    /// Parses the text of a `METADATA` file.
    public init(parsing text: String) throws(CoreMetadataError) {
        let headers = MetadataHeaders(parsing: text)
        guard let rawName = headers.value("Name") else { throw .missingField("Name") }
        guard PackageName.isValid(rawName) else { throw .invalidName(rawName) }
        guard let rawVersion = headers.value("Version") else { throw .missingField("Version") }
        guard let version = Version(rawVersion.trimmingTrailingSpace) else {
            throw .invalidVersion(package: rawName, version: rawVersion)
        }
        var requirements: [Requirement] = []
        for line in headers.values("Requires-Dist") {
            do {
                requirements.append(try Requirement(parsing: line))
            } catch {
                throw .invalidRequiresDist(package: rawName, line: line, error: error)
            }
        }
        var requiresPython: VersionSpecifiers?
        if let value = headers.value("Requires-Python") {
            do {
                requiresPython = try VersionSpecifiers(parsing: value)
            } catch {
                throw .invalidRequiresPython(package: rawName, value: value, error: error)
            }
        }
        var extras: [String] = []
        for extra in headers.values("Provides-Extra") where PackageName.isValid(extra) {
            let normalized = PackageName.normalize(extra)
            if !extras.contains(normalized) { extras.append(normalized) }
        }
        let body = headers.body.flatMap { $0.trimmingHTMLSpace.isEmpty ? nil : $0 }
        self.metadataVersion = headers.value("Metadata-Version")
        self.name = PackageName(rawName)
        self.version = version
        self.summary = headers.value("Summary")
        self.requiresDist = requirements
        self.requiresPython = requiresPython
        self.providesExtra = extras
        self.dynamic = headers.values("Dynamic")
        self.description = body ?? headers.value("Description")
        self.headers = headers
    }

    /// Parses an sdist's `PKG-INFO` as uv does before trusting it for resolution: it must be
    /// Metadata 2.2 or later (but not 3.x), and must not mark `Requires-Dist`,
    /// `Requires-Python` or `Provides-Extra` as dynamic.
    public init(pkgInfo bytes: [UInt8]) throws(CoreMetadataError) {
        try self.init(parsing: bytes)
        guard let metadataVersion else { throw .missingField("Metadata-Version") }
        let parts = metadataVersion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else {
            throw .invalidMetadataVersion(metadataVersion)
        }
        guard (major, minor) >= (2, 2), major < 3 else { throw .unsupportedMetadataVersion(metadataVersion) }
        for field in ["Requires-Python", "Requires-Dist", "Provides-Extra"] where isDynamic(field) {
            throw .dynamicField(field)
        }
    }

    /// Whether `field` is listed in `Dynamic` (ignoring ASCII case).
    public func isDynamic(_ field: String) -> Bool {
        let wanted = field.lowercased()
        return dynamic.contains { $0.lowercased() == wanted }
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence.
    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            offset += scalar.count
        }
        return offset
    }
}
