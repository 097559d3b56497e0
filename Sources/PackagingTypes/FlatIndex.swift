import SuvBasics

/// Find-links sources (`--find-links`, `format = "flat"` indexes): an HTML page of links to
/// distribution files, or a local directory of them.
///
/// Only links whose file name parses as a wheel or sdist are kept, as uv does.
public enum FlatIndex {
    /// The distribution files linked from any HTML page at `url` (hashes from `#sha256=…`
    /// fragments, `data-*` attributes as on simple pages, duplicates dropped).
    public static func files(html bytes: [UInt8], url: String) -> [SimpleFile] {
        let scan = HTMLIndexScanner.scan(bytes, pageURL: url)
        let files = scan.anchors.compactMap { SimpleProjectPage.htmlFile($0, base: scan.base, projectName: nil) }
        return SimpleProjectPage.deduplicated(files.filter { $0.distribution != nil })
    }

    /// The distribution files among `filenames`, the entries of the local directory at the
    /// absolute path `directory`, as `file://` URLs, sorted by file name; no hashes.
    public static func files(inDirectory directory: String, filenames: [String]) -> [SimpleFile] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return filenames.sorted().compactMap { filename in
            guard !filename.contains("/"), let distribution = DistributionFilename(parsing: filename) else { return nil }
            return SimpleFile(
                filename: filename,
                url: URLReference.fileURL(path: prefix + filename),
                distribution: distribution
            )
        }
    }
}
