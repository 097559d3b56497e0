import PackagingTypes
import PEP440
import PEP508

/// Which wheels a lock lists, as uv filters them: wheels whose Python tag cannot run on any
/// allowed Python are dropped (`abi3` wheels stay), and so are wheels for platforms the package
/// is never needed on.
struct WheelFilter {
    let requiresPython: VersionRanges

    func keeps(_ wheel: WheelFilename, reachable: NormalizedMarker) -> Bool {
        let tags = wheel.tags
        return tags.contains { pythonFits($0) } && platformFits(tags, reachable)
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

    private func platformFits(_ tags: Set<WheelTag>, _ reachable: NormalizedMarker) -> Bool {
        if reachable.isAlwaysTrue { return true }
        var checked: [String: Bool] = [:]
        return tags.contains { tag in
            guard let platform = Self.sysPlatform(tag.platform), let marker = Self.platformMarkers[platform] else { return true }
            if let known = checked[platform] { return known }
            let fits = !reachable.isDisjoint(with: marker)
            checked[platform] = fits
            return fits
        }
    }

    /// `sys_platform == '…'` for each platform ``sysPlatform(_:)`` names, parsed once.
    static let platformMarkers: [String: NormalizedMarker] = {
        var markers: [String: NormalizedMarker] = [:]
        for platform in ["linux", "darwin", "win32", "android"] {
            if let tree = try? MarkerTree(parsing: "sys_platform == '\(platform)'") { markers[platform] = NormalizedMarker(tree) }
        }
        return markers
    }()

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
