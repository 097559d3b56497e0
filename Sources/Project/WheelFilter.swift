import PackagingTypes
import PEP440
import PEP508

/// Which wheels a lock lists, as uv filters them: wheels whose Python tag cannot run on any
/// allowed Python are dropped (`abi3` wheels stay), and so are wheels for platforms the package
/// is never needed on.
struct WheelFilter {
    let requiresPython: VersionRanges

    func keeps(_ wheel: WheelFilename, reachable: NormalizedMarker) -> Bool {
        wheel.tags.contains { pythonFits($0) } && platformFits(wheel, reachable)
    }

    private func pythonFits(_ tag: WheelTag) -> Bool {
        let interpreter = tag.interpreter
        if interpreter.hasPrefix("py") || interpreter.hasPrefix("cp") || interpreter.hasPrefix("pp") {
            let digits = interpreter.dropFirst(2)
            guard let major = digits.first, major.isNumber else { return true }
            if major != "3" { return false }
            let minorText = digits.dropFirst()
            guard let minor = UInt64(minorText) else { return true }
            // uv keeps abi3 wheels whatever the range.
            if tag.abi == "abi3" { return true }
            let lower = Version(release: [3, minor])
            let upper = Version(release: [3, minor + 1])
            return !requiresPython.isDisjoint(with: VersionRanges.atLeast(lower).intersection(.lessThan(upper)))
        }
        return true
    }

    private func platformFits(_ wheel: WheelFilename, _ reachable: NormalizedMarker) -> Bool {
        if reachable.isAlwaysTrue { return true }
        return wheel.tags.contains { tag in
            guard let platform = Self.sysPlatform(tag.platform) else { return true }
            guard let marker = try? NormalizedMarker(MarkerTree(parsing: "sys_platform == '\(platform)'")) else { return true }
            return !reachable.isDisjoint(with: marker)
        }
    }

    /// The `sys_platform` a platform tag belongs to, or `nil` for `any` and unknown tags.
    static func sysPlatform(_ platformTag: String) -> String? {
        if platformTag.hasPrefix("manylinux") || platformTag.hasPrefix("musllinux") || platformTag.hasPrefix("linux") {
            return "linux"
        }
        if platformTag.hasPrefix("macosx") { return "darwin" }
        if platformTag.hasPrefix("win") { return "win32" }
        if platformTag.hasPrefix("android") { return "android" }
        // Other platforms (iOS, …) are kept, as uv keeps them.
        return nil
    }
}
