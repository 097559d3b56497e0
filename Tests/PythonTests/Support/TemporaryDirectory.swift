import Foundation

/// Runs `body` with a fresh directory under the system temp folder and removes it afterwards.
/// The path has symlinks resolved, so it compares equal to what Python reports.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
    let path = base + "/suv-python-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Writes `text` to `path` with the given permissions.
func writeFile(_ path: String, _ text: String, permissions: Int = 0o644) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
}
