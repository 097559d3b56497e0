import PackagingTypes
import PEP440
import PEP508
import Resolution
import Resolver
import SuvBasics
import Synchronization

/// A package index written as a small table, one package version per line:
///
/// ```
/// a 1.0                                      one wheel, a-1.0-py3-none-any.whl, no dependencies
/// a 2.0 [sdist] : b>=2 | c[x]                only a-2.0.tar.gz; Requires-Dist b>=2 and c[x]
/// a 3.0 [wheel cp312-cp312-manylinux_2_17_x86_64] [sdist]
/// b 2.0 [requires-python >=3.13]             the index says (and METADATA says) Python>=3.13
/// b 1.0 [metadata-python >=3.13]             only METADATA says Requires-Python >=3.13
/// c 1.0 [yanked "broken build"]              every file yanked, with a reason (or `[yanked]`)
/// d 1.0 : e ; python_version < "3.9" | f[y] ; extra == "x"   two Requires-Dist lines; Provides-Extra: x
/// ```
///
/// After the name and version come attributes in brackets, then optionally `:` and the
/// `Requires-Dist` lines, each a full PEP 508 requirement (markers included), separated by
/// `|` (which PEP 508 never uses). Attributes:
///
/// - `[wheel TAG]`: a wheel `name-version-TAG.whl` (repeatable); `[sdist]`: `name-version.tar.gz`.
///   Without either, the version has one `py3-none-any` wheel.
/// - `[requires-python SPEC]`: `Requires-Python` on every file in the index and in METADATA;
///   `[metadata-python SPEC]`: in METADATA only.
/// - `[yanked]` or `[yanked "reason"]`: every file of the version is yanked.
///
/// METADATA is real text (`Metadata-Version`, `Name`, `Version`, `Requires-Python`,
/// `Provides-Extra`, `Requires-Dist`) parsed by ``CoreMetadata/init(parsing:)``; `Provides-Extra`
/// lists every extra named by an `extra == "…"` marker. A package without lines has no files.
/// Blank lines and lines starting with `#` are ignored.
struct InMemorySource: DistributionSource {
    struct Release {
        var name: String
        var version: String
        var wheelTags: [String] = []
        var sdist = false
        var requiresPython: String?
        var metadataPython: String?
        var yanked: Yanked = .notYanked
        var requiresDist: [String] = []
    }

    private let files: [PackageName: [IndexedFile]]
    private let metadataText: [String: String]
    /// Every metadata request, as `name==version`, in order of arrival.
    let log = MetadataLog()

    init(_ universe: String) {
        var files: [PackageName: [IndexedFile]] = [:]
        var metadataText: [String: String] = [:]
        for rawLine in universe.split(separator: "\n") {
            let line = String(rawLine).trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let release = Self.parse(line)
            let filenames = (release.wheelTags.isEmpty && !release.sdist ? ["py3-none-any"] : release.wheelTags)
                .map { "\(release.name)-\(release.version)-\($0).whl" }
                + (release.sdist ? ["\(release.name)-\(release.version).tar.gz"] : [])
            for filename in filenames {
                let file = SimpleFile(
                    filename: filename, url: "https://example.test/files/\(filename)",
                    requiresPython: release.requiresPython.map(RequiresPython.init), yanked: release.yanked,
                    distribution: DistributionFilename(parsing: filename))
                precondition(file.distribution != nil, "not a distribution filename: \(filename)")
                files[PackageName(release.name), default: []].append(
                    IndexedFile(file: file, indexPosition: 0, indexURL: "https://example.test/simple"))
                metadataText[filename] = Self.metadata(release)
            }
        }
        self.files = files
        self.metadataText = metadataText
    }

    func files(for name: PackageName) async throws -> [IndexedFile] {
        files[name] ?? []
    }

    func metadata(for file: IndexedFile, package: PackageName) async throws -> CoreMetadata {
        guard let text = metadataText[file.file.filename] else { throw MissingMetadata(filename: file.file.filename) }
        let metadata = try CoreMetadata(parsing: text)
        log.record("\(metadata.name)==\(metadata.version)")
        return metadata
    }

    struct MissingMetadata: Error {
        let filename: String
    }

    // MARK: Table syntax

    private static func parse(_ line: String) -> Release {
        var rest = Substring(line)
        func word() -> String {
            rest = rest.drop { $0 == " " }
            let token = rest.prefix { $0 != " " && $0 != "[" && $0 != ":" }
            rest = rest.dropFirst(token.count)
            return String(token)
        }
        var release = Release(name: word(), version: word())
        precondition(Version(release.version) != nil, "bad version in: \(line)")
        while true {
            rest = rest.drop { $0 == " " }
            guard rest.first == "[" else { break }
            var inQuotes = false
            guard let close = rest.firstIndex(where: { character in
                if character == "\"" { inQuotes.toggle() }
                return character == "]" && !inQuotes
            }) else { preconditionFailure("unclosed attribute in: \(line)") }
            let attribute = String(rest[rest.index(after: rest.startIndex)..<close]).trimmed
            rest = rest[rest.index(after: close)...]
            let (key, value) = attribute.splitOnce(" ")
            switch key {
            case "wheel": release.wheelTags.append(value!)
            case "sdist": release.sdist = true
            case "requires-python": release.requiresPython = value!
            case "metadata-python": release.metadataPython = value!
            case "yanked":
                release.yanked = .yanked(reason: value.map { String($0.dropFirst().dropLast()) })
            default: preconditionFailure("unknown attribute `\(key)` in: \(line)")
            }
        }
        rest = rest.drop { $0 == " " }
        if rest.first == ":" {
            release.requiresDist = rest.dropFirst().split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
        } else {
            precondition(rest.isEmpty, "unexpected `\(rest)` in: \(line)")
        }
        return release
    }

    private static func metadata(_ release: Release) -> String {
        var lines = ["Metadata-Version: 2.3", "Name: \(release.name)", "Version: \(release.version)"]
        if let python = release.metadataPython ?? release.requiresPython { lines.append("Requires-Python: \(python)") }
        var extras: [String] = []
        for requirement in release.requiresDist {
            var text = Substring(requirement)
            while let range = text.firstRange(of: "extra == \"") {
                let name = text[range.upperBound...].prefix { $0 != "\"" }
                if !extras.contains(String(name)) { extras.append(String(name)) }
                text = text[range.upperBound...]
            }
        }
        lines += extras.map { "Provides-Extra: \($0)" }
        lines += release.requiresDist.map { "Requires-Dist: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Metadata requests seen by an ``InMemorySource``, shared by its copies.
final class MetadataLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) { entries.withLock { $0.append(entry) } }

    var requests: [String] { entries.withLock { $0 } }
}

extension String {
    var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    func splitOnce(_ separator: Character) -> (String, String?) {
        guard let index = firstIndex(of: separator) else { return (self, nil) }
        return (String(self[..<index]), String(self[index...].dropFirst()))
    }
}
