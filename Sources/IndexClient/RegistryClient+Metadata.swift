import Glibc
import Cache
import Hashing
import HTTP
import PackagingTypes
import Settings
import SuvBasics
import Zip

extension RegistryClient {
    /// The core metadata of one distribution file: its PEP 658 `.metadata` file when the index
    /// offers one; else, for a wheel, `METADATA` read out of the remote archive with range
    /// requests (remembered per index when the server does not support them); else the whole
    /// wheel. Results are cached by file name.
    public func metadata(for file: SimpleFile, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> CoreMetadata {
        do {
            return try await metadataRequests.value(for: file.url) {
                try await self.fetchMetadata(file, package: package, index: index)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .transfer(.cancelled)
        }
    }

    private func fetchMetadata(_ file: SimpleFile, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> CoreMetadata {
        let cached = cache.packageFile(.wheels, index: IndexID(url: index.url.canonical), name: package, extension: file.filename + ".metadata")
        if let bytes = try? FileContents.contents(of: cached), let metadata = try? parseMetadata(bytes, filename: file.filename) {
            return metadata
        }
        if mode.offline { throw .cache(.offlineMiss(url: file.metadataURL)) }
        guard let wheel = file.distribution?.wheel else {
            throw .metadataNeedsBuild(filename: file.filename)
        }
        let bytes: [UInt8]
        if file.coreMetadata.isAvailable {
            bytes = try await fetchMetadataFile(file)
        } else if !rangeUnsupported.contains(index.url.canonical) {
            bytes = try await metadataByRanges(file, wheel: wheel, index: index)
        } else {
            bytes = try await metadataFromWholeWheel(file, wheel: wheel, package: package, index: index)
        }
        let metadata = try parseMetadata(bytes, filename: file.filename)
        try? AtomicFile.write(bytes, to: cached, durable: false)
        return metadata
    }

    /// PEP 658: `<file URL>.metadata`, checked against the advertised hash.
    private func fetchMetadataFile(_ file: SimpleFile) async throws(IndexError) -> [UInt8] {
        let response: HTTPResponse
        do {
            response = try await http.get(request(file.metadataURL))
        } catch {
            throw .transfer(error)
        }
        if let expected = file.coreMetadata.hashes.first(where: { $0.algorithm == .sha256 }) {
            let actual = SHA256.hash(response.body).hex
            guard actual == expected.value.lowercased() else {
                throw .hashMismatch(filename: file.filename + ".metadata", algorithm: "sha256", expected: expected.value, actual: actual)
            }
        }
        return response.body
    }

    /// `METADATA` from a remote wheel: the tail of the file (end of central directory and, in
    /// most wheels, the whole directory), then the entry itself.
    private func metadataByRanges(_ file: SimpleFile, wheel: WheelFilename, index: ConfiguredIndex) async throws(IndexError) -> [UInt8] {
        var tailRequest = request(file.url)
        tailRequest.headers["Range"] = "bytes=-\(ZipCentralDirectoryLocator.recommendedTailLength)"
        let response: HTTPResponse
        do {
            response = try await http.get(tailRequest)
        } catch {
            throw .transfer(error)
        }
        guard response.status == 206, let size = response.contentRangeTotal else {
            // The server sent the whole wheel: remember, and use what it sent.
            rangeUnsupported.insert(index.url.canonical)
            try verify(response.body, against: file)
            return try await wheelMetadata(from: ZipMemorySource(response.body), tail: nil, file: file, wheel: wheel)
        }
        let source = HTTPRangeSource(client: http, request: request(file.url), size: size, tail: response.body)
        return try await wheelMetadata(from: source, tail: response.body, file: file, wheel: wheel)
    }

    private func metadataFromWholeWheel(_ file: SimpleFile, wheel: WheelFilename, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> [UInt8] {
        let path = try await download(file, package: package, index: index)
        let source: ZipFileSource
        do {
            source = try ZipFileSource(path: path)
        } catch {
            throw .invalidWheel(filename: file.filename, reason: "\(error)")
        }
        return try await wheelMetadata(from: source, tail: nil, file: file, wheel: wheel)
    }

    private func wheelMetadata(from source: any ZipByteSource, tail: [UInt8]?, file: SimpleFile, wheel: WheelFilename) async throws(IndexError) -> [UInt8] {
        do {
            let archive = try await ZipArchive(source: source, tail: tail)
            return try await archive.wheelMetadata(for: wheel.name)
        } catch let error as IndexError {
            throw error
        } catch {
            throw .invalidWheel(filename: file.filename, reason: "\(error)")
        }
    }

    func parseMetadata(_ bytes: [UInt8], filename: String) throws(IndexError) -> CoreMetadata {
        do {
            return try CoreMetadata(parsing: bytes)
        } catch {
            throw .invalidMetadata(filename: filename, error)
        }
    }

    /// Checks bytes against the strongest SHA-256 the index gave for the file.
    func verify(_ bytes: [UInt8], against file: SimpleFile) throws(IndexError) {
        guard let expected = file.hashes.first(where: { $0.algorithm == .sha256 }) else { return }
        let actual = SHA256.hash(bytes).hex
        guard actual == expected.value.lowercased() else {
            throw .hashMismatch(filename: file.filename, algorithm: "sha256", expected: expected.value, actual: actual)
        }
    }
}
