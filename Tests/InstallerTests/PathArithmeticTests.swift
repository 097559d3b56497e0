@testable import Installer
import Testing

/// The byte-scanning shortcut of `normalize` agrees with the component-by-component rule.
@Suite struct PathArithmeticTests {
    /// The rule itself, without the shortcut.
    static func slowNormalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append("..") }
                continue
            }
            parts.append(component)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    @Test(arguments: [
        "/", "//", "/a", "/a/", "a", "a/", ".", "..", "./a", "a/.", "a/..", "a/../b", "/a//b", "a/b/c", "/.hidden/x",
        "a/.../b", "a/..b", "a/b..", "/a/./b", "../a", "/..", "", "a/b/", "/site-packages/pkg/__init__.py",
    ])
    func shortcutAgreesWithTheRule(_ path: String) {
        #expect(PathArithmetic.normalize(path) == Self.slowNormalize(path))
        if PathArithmetic.isNormalized(path) { #expect(Self.slowNormalize(path) == path) }
    }

    @Test func randomPathsAgree() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", ".", "..", "", "...", ".x", "x."]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...5, using: &generator)
            var path = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined(separator: "/")
            if Bool.random(using: &generator) { path = "/" + path }
            #expect(PathArithmetic.normalize(path) == Self.slowNormalize(path), "\(path)")
        }
    }

    @Test func relativeInsideAndOutside() {
        #expect(PathArithmetic.relative(from: "/v/lib/site", to: "/v/lib/site/pkg/m.py") == "pkg/m.py")
        #expect(PathArithmetic.relative(from: "/v/lib/site", to: "/v/bin/flask") == "../../bin/flask")
        #expect(PathArithmetic.relative(from: "/v/lib/site", to: "/v/lib/site-x/a") == "../site-x/a")
        #expect(PathArithmetic.relative(from: "/v", to: "/v") == ".")
    }
}
