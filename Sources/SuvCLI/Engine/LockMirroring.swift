import Lockfile
import Settings
import SuvBasics

/// Rewrites a lock resolved through declared mirrors so that it names the canonical indexes
/// and files, as uv would have written it against the canonical index (`docs/mirrors.md`).
///
/// - Every index URL a rule's mirror prefix covers becomes the canonical URL.
/// - For a package of such an index, each file URL is mapped by the rules; a URL already
///   under a canonical prefix is kept; a file no rule covers takes the URL the existing lock
///   records for the same file name and hash; otherwise locking fails
///   (``UnmappedMirrorFile``) rather than write a mirror URL into a lock that names the
///   canonical index.
/// - Packages of indexes that are not mirrors are untouched.
struct LockMirroring {
    let rules: MirrorRules
    /// The existing lock's file URLs by file name and hash.
    private let known: [String: String]

    init(rules: MirrorRules, existing: Lockfile.Lock?) {
        self.rules = rules
        var known: [String: String] = [:]
        if !rules.isEmpty, let existing {
            for package in existing.packages {
                for artifact in (package.sdist.map { [$0] } ?? []) + package.wheels {
                    guard let url = artifact.remoteURL, let hash = artifact.hash else { continue }
                    known[artifact.filename + " " + hash] = url
                }
            }
        }
        self.known = known
    }

    /// The canonical form of `lock` (the lock itself when no mirror is declared).
    func canonical(_ lock: Lockfile.Lock) throws(UnmappedMirrorFile) -> Lockfile.Lock {
        guard !rules.isEmpty else { return lock }
        let rules = rules
        func index(_ url: String) throws(UnmappedMirrorFile) -> String { rules.recordedIndexURL(url) }
        func file(_ package: LockedPackage, _ artifact: LockArtifact, _ url: String) throws(UnmappedMirrorFile) -> String {
            try recordedURL(package, artifact, url)
        }
        return try lock.mappingURLs(index: index, file: file)
    }

    private func recordedURL(_ package: LockedPackage, _ artifact: LockArtifact, _ url: String) throws(UnmappedMirrorFile) -> String {
        guard case .registry(let index) = package.source, rules.canonicalURL(forMirror: index) != nil else { return url }
        switch rules.recordedFileURL(url) {
        case .mapped(let canonical): return canonical
        case .alreadyCanonical: return url
        case .uncovered:
            if let hash = artifact.hash, let previous = known[artifact.filename + " " + hash] { return previous }
            throw UnmappedMirrorFile(package: package.name.description, version: package.version, filename: artifact.filename,
                                     url: url, index: rules.recordedIndexURL(index))
        }
    }
}

/// A file a mirror served at a URL no mirror rule maps back to a canonical URL.
struct UnmappedMirrorFile: SuvError {
    let package: String
    let version: String?
    let filename: String
    /// Where the mirror served the file (shown redacted).
    let url: String
    /// The canonical index the package is locked from.
    let index: String

    var message: String {
        let pin = version.map { "\(package)==\($0)" } ?? package
        return "The mirror of `\(index)` served `\(filename)` (\(pin)) at `\(CredentialRedaction.redacted(url))`, which no mirror rule maps to a canonical URL"
    }

    var hints: [String] {
        let directory = url.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/"
        return [
            "A lock that names `\(index)` must also name the canonical location of its files. Declare where the mirror serves them, e.g. `SUV_INDEX_MIRRORS='<canonical files prefix>=\(CredentialRedaction.redacted(directory))'` (see `docs/mirrors.md`)",
        ]
    }
}
