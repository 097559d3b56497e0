import Cache
import Hashing
import HTTP
import PackagingTypes
import Settings
import SuvBasics

extension RegistryClient {
    /// The local path of a distribution file, downloaded into the cache once (streamed to disk
    /// and hashed on the way, renamed into place only when its SHA-256 matches the index's).
    /// A cached file is reused without asking the server: files on an index never change.
    public func download(_ file: SimpleFile, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> String {
        if file.url.hasPrefix("file://") { return String(file.url.dropFirst("file://".count)) }
        let path = cache.packageFile(.wheels, index: IndexID(url: index.url.canonical), name: package, extension: file.filename)
        do {
            return try await downloads.value(for: path) {
                try await self.fetchFile(file, to: path)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .transfer(.cancelled)
        }
    }

    private func fetchFile(_ file: SimpleFile, to path: String) async throws(IndexError) -> String {
        if LocalDirectory.exists(path) { return path }
        if mode.offline { throw .cache(.offlineMiss(url: file.url)) }
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        if createdDirectories.insert(directory).inserted { LocalDirectory.create(directory) }
        let expected = file.hashes.first { $0.algorithm == .sha256 }.flatMap { SHA256Digest(hex: $0.value) }
        do {
            _ = try await http.download(request(file.url), to: path, expectedSHA256: expected)
        } catch {
            throw .transfer(error)
        }
        return path
    }
}
