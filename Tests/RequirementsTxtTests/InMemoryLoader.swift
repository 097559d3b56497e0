@testable import RequirementsTxt

/// Files in a dictionary, looked up like a file system (`a/../b.txt` is `b.txt`); records the
/// paths exactly as the parser asked for them.
final class InMemoryLoader: RequirementsLoader {
    let files: [String: String]
    private(set) var reads: [String] = []

    init(_ files: [String: String]) {
        self.files = Dictionary(files.map { (IncludePath.identity($0.key), $0.value) }) { first, _ in first }
    }

    func load(path: String) throws -> String {
        reads.append(path)
        guard let text = files[IncludePath.identity(path)] else {
            throw RequirementsLoadError(path: path, reason: "No such file or directory (os error 2)")
        }
        return text
    }
}

/// Parses `text` as `requirements.txt`, with `files` available for includes.
func parse(
    _ text: String, files: [String: String] = [:], environment: [String: String] = [:]
) throws(RequirementsTxtError) -> RequirementsFile {
    var all = files
    all["requirements.txt"] = text
    return try RequirementsFile.parse(path: "requirements.txt", loader: InMemoryLoader(all), environment: environment)
}

extension RequirementEntry {
    /// The requirement as text: packaging's form for named ones, the expanded text otherwise.
    var text: String { requirement.description }
}
