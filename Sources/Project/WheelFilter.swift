import PackagingTypes
import PEP440
import PEP508

/// Which wheels a lock lists, as uv filters them: wheels whose Python tag cannot run on any
/// allowed Python are dropped (`abi3` wheels stay), and so are wheels for platforms the package
/// is never needed on.
struct WheelFilter {
    let requiresPython: VersionRanges

    /// Whether the lock lists `wheel`. The tag set is a product of alternatives, so each part
    /// is checked on its own alternatives (without building every combination).
    func keeps(_ wheel: WheelFilename, reachable: NormalizedMarker) -> Bool {
        let interpreters = wheel.tagSet.pythonTags.map(\.pythonLowercased)
        let abis = wheel.tagSet.abiTags.map(\.pythonLowercased)
        let fitsPython = interpreters.contains { interpreter in abis.contains { pythonFits(interpreter: interpreter, abi: $0) } }
        return fitsPython && platformFits(wheel.tagSet.platformTags.map(\.pythonLowercased), reachable)
    }

    private func pythonFits(interpreter: String, abi: String) -> Bool {
        if interpreter.hasPrefix("py") || interpreter.hasPrefix("cp") || interpreter.hasPrefix("pp") {
            let digits = interpreter.dropFirst(2)
            guard let major = digits.first, major.isNumber else { return true }
            if major != "3" { return false }
            let minorText = digits.dropFirst()
            guard let minor = UInt64(minorText) else { return true }
            // uv keeps abi3 wheels whatever the range.
            if abi == "abi3" { return true }
            let lower = Version(release: [3, minor])
            let upper = Version(release: [3, minor + 1])
            return !requiresPython.isDisjoint(with: VersionRanges.atLeast(lower).intersection(.lessThan(upper)))
        }
        return true
    }

    private func platformFits(_ platformTags: [String], _ reachable: NormalizedMarker) -> Bool {
        if reachable.isAlwaysTrue { return true }
        var checked: [String: Bool] = [:]
        return platformTags.contains { platformTag in
            guard let platform = Self.sysPlatform(platformTag), let marker = Self.platformMarkers[platform] else { return true }
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
