import Foundation
import SuvTestSupport
import Testing

/// One recorded `uv init` run (`fixtures/init/cases/*.json`, written by
/// `fixtures/init/generate.py` with real uv 0.13.9): the setup, the command, and what uv did.
struct InitGolden: Decodable, Sendable {
    struct Author: Decodable, Sendable {
        let name: String?
        let email: String?
    }

    struct Venv: Decodable, Sendable {
        let path: String
        let python: String
    }

    let name: String
    let args: [String]
    let cwd: String
    /// Files written before the command (relative to the scratch `work` folder).
    let files: [String: String]
    /// Folders made Git repositories before the command.
    let repos: [String]
    let venv: Venv?
    /// Whether `git` is on `PATH`.
    let git: Bool
    /// `user.name` / `user.email` in the global Git configuration, none when `nil`.
    let author: Author?
    let status: Int32
    let stdout: String
    let stderr: String
    /// `work` afterwards: files with their text, folders (ending in `/`) as `nil`.
    let tree: [String: String?]

    static let folder = RepositoryPaths.fixtures.appendingPathComponent("init/cases")

    /// Every recorded case's name.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()

    static func load(_ name: String) throws -> InitGolden {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(InitGolden.self, from: data)
    }
}

/// The environment a golden ran in, rebuilt in a temporary tree.
struct InitScratch {
    let tree: TemporaryTree
    var root: String { tree.path("work") }

    static func installation(_ minor: String) -> String? { VenvCommandTests.installation(minor) }
    static let available = installation("3.12") != nil && installation("3.10") != nil
    static let git: String? = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }

    init() throws {
        tree = try TemporaryTree(prefix: "suv-init")
        _ = try tree.makeDirectory("work")
        _ = try tree.makeDirectory("home")
        _ = try tree.makeDirectory("tools")
        if let git = Self.git {
            try FileManager.default.createSymbolicLink(atPath: tree.path("tools/git"), withDestinationPath: git)
        }
    }

    /// `git` on `PATH` or not, the 3.12 and 3.10 builds, nothing from the user's configuration.
    func environment(git: Bool = true) -> [String: String] {
        let pythons = [Self.installation("3.12")! + "/bin", Self.installation("3.10")! + "/bin"]
        return [
            "PATH": ((git ? [tree.path("tools")] : []) + pythons).joined(separator: ":"),
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "UV_PYTHON_DOWNLOADS": "never",
            "GIT_CONFIG_NOSYSTEM": "1",
            "NO_COLOR": "1",
        ]
    }

    /// Writes the global Git configuration's author.
    func setAuthor(name: String?, email: String?) throws {
        var lines = ["[user]"]
        if let name { lines.append("\tname = " + Self.quoted(name)) }
        if let email { lines.append("\temail = " + Self.quoted(email)) }
        _ = try tree.write("home/.gitconfig", lines.joined(separator: "\n") + "\n")
    }

    /// A Git configuration value in double quotes, as `json.dumps` writes it for these texts.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// Runs a program to completion; its exit status.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Makes the golden's setup: files, repositories, a virtual environment, the author.
    func prepare(_ golden: InitGolden) throws {
        for (path, text) in golden.files { _ = try tree.write("work/" + path, text) }
        for repo in golden.repos {
            let folder = try tree.makeDirectory("work/" + repo)
            try Self.run(try #require(Self.git), ["init", "-q", folder], environment: environment())
        }
        if let venv = golden.venv {
            let python = try #require(Self.installation(venv.python)) + "/bin/python3"
            try Self.run(python, ["-m", "venv", "--without-pip", root + "/" + venv.path])
        }
        if let author = golden.author { try setAuthor(name: author.name, email: author.email) }
    }

    /// `work` as the generator records it: files with their text, folders as `nil` (the insides
    /// of `.git` and `.venv` left out).
    func snapshot() -> [String: String?] {
        var result: [String: String?] = [:]
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    result[path + "/"] = .some(nil)
                    if name != ".git" && name != ".venv" { walk(path) }
                } else {
                    result[path] = .some(String(decoding: tree.read("work/" + path) ?? [], as: UTF8.self))
                }
            }
        }
        walk("")
        return result
    }
}

extension String {
    /// Without uv's hint about downloading a managed Python: suv never downloads interpreters,
    /// so it never offers one.
    var withoutDownloadHints: String {
        var lines = components(separatedBy: "\n")
        while let index = lines.firstIndex(where: { $0.hasPrefix("hint: A managed Python download is available") }) {
            lines.remove(at: index)
            if index > 0, lines[index - 1].isEmpty { lines.remove(at: index - 1) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Folders uv made before failing, which suv never makes (a failed `suv init` leaves nothing):
/// the recorded tree without folders that hold nothing and were not there before.
func withoutLeftoverFolders(_ tree: [String: String?], setup: InitGolden) -> [String: String?] {
    var result = tree
    var changed = true
    while changed {
        changed = false
        for key in result.keys where key.hasSuffix("/") {
            let isSetup = setup.files.keys.contains { $0.hasPrefix(key) } || setup.repos.contains { ($0 == "." ? "" : $0 + "/") == key }
                || key == setup.cwd + "/"
            let hasChildren = result.keys.contains { $0 != key && $0.hasPrefix(key) }
            if !isSetup && !hasChildren {
                result.removeValue(forKey: key)
                changed = true
            }
        }
    }
    return result
}
