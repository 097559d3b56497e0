import Foundation

/// An index over `fixtures/real-wheels` (real distributions fetched by
/// `fixtures/fetch-real-wheels`, which `.ci/run` runs), built by
/// `fixtures/packages/index-folder.py` into a temporary directory named after its inputs (the
/// files' names and sizes, the script's source; see ``GeneratedTree``), so later test
/// processes reuse it.
public enum RealWheelsIndex {
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The index root (serve it with ``LocalIndexServer``).
    public static let root: Result<URL, Unavailable> = {
        let wheels = RepositoryPaths.fixtures.appendingPathComponent("real-wheels")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: wheels.path)) ?? []
        guard files.contains(where: { $0.hasPrefix("flask-") }) else {
            return .failure(Unavailable(description: "fixtures/real-wheels is empty: run fixtures/fetch-real-wheels"))
        }
        let script = RepositoryPaths.fixtures.appendingPathComponent("packages/index-folder.py")
        let builder = RepositoryPaths.fixtures.appendingPathComponent("packages/build.py")
        var inputs = (try? Data(contentsOf: script)) ?? Data()
        inputs += (try? Data(contentsOf: builder)) ?? Data()
        for file in files.sorted() {
            let size = (try? FileManager.default.attributesOfItem(atPath: wheels.appendingPathComponent(file).path)[.size] as? Int) ?? -1
            inputs += Data("\(file) \(size)\n".utf8)
        }
        return GeneratedTree.build(prefix: "suv-real-index", inputs: inputs, marker: "simple/index.html",
                                   script: script, arguments: ["--from", wheels.path])
            .mapError { Unavailable(description: $0.description) }
    }()

    public static func url() throws -> URL { try root.get() }
}
