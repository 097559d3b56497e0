import Cache
import Glibc
import SuvBasics

/// Wheels built from registry source distributions, kept in the `sdists` bucket under
/// `built/<name>/<sha256 of the sdist>/` so the same archive is built once.
public struct BuiltWheelCache: Sendable {
    public let store: CacheStore

    public init(store: CacheStore) {
        self.store = store
    }

    /// The entry folder for a source distribution.
    public func entry(name: PackageName, sdistSHA256 hex: String) -> String {
        store.shard(.sdists, "built", name.normalized, hex)
    }

    /// The wheel built earlier from this source distribution, if any.
    public func cached(name: PackageName, sdistSHA256 hex: String) -> String? {
        let folder = entry(name: name, sdistSHA256: hex)
        guard let wheel = BuildFiles.entries(folder).first(where: { $0.hasSuffix(".whl") }) else { return nil }
        return folder + "/" + wheel
    }

    /// Builds with `build` into a temporary folder beside the entry, then renames it into
    /// place (a concurrent build of the same archive that finished first wins); the cached
    /// wheel's path.
    public func build(name: PackageName, sdistSHA256 hex: String,
                      _ build: (_ outputDirectory: String) async throws -> String) async throws -> String {
        let folder = entry(name: name, sdistSHA256: hex)
        let parent = String(folder[..<folder.lastIndex(of: "/")!])
        let temporary = try BuildFiles.temporaryDirectory(in: parent, prefix: ".tmp-")
        do {
            let built = try await build(temporary)
            let filename = String(built[built.index(after: built.lastIndex(of: "/")!)...])
            // Only the wheel is kept.
            for other in BuildFiles.entries(temporary) where other != filename { BuildFiles.removeTree(temporary + "/" + other) }
            if rename(temporary, folder) != 0 {
                let code = errno
                BuildFiles.removeTree(temporary)
                if let existing = cached(name: name, sdistSHA256: hex) { return existing }
                throw BuildError.io(path: folder, operation: "rename into", errno: code)
            }
            return folder + "/" + filename
        } catch {
            BuildFiles.removeTree(temporary)
            throw error
        }
    }
}
