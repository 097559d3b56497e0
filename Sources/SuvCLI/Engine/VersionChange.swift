import PEP440
import SuvBasics

/// The new version `suv version VALUE` or `suv version --bump ...` asks for, with uv 0.13.9's
/// rules: one release component, one pre-release component (`dev` counts as one), `stable` and
/// `post` alone; the components applied in uv's order whatever order they were given in; and
/// a bump that does not increase the version refused.
enum VersionChange {
    /// `VALUE` as a version; a bump name given as a value is pointed at `--bump`.
    static func value(_ text: String) throws(VersionChangeError) -> PEP440.Version {
        if let version = PEP440.Version(text) { return version }
        if VersionBump.Component(rawValue: text) != nil { throw .bumpGivenAsValue(text) }
        throw .invalidValue(VersionText.parseFailure(text))
    }

    /// `old` with every bump applied.
    static func bumped(_ old: PEP440.Version, by bumps: [VersionBump]) throws(VersionChangeError) -> PEP440.Version {
        let listed = bumps.map(\.defaultValueDescription).joined(separator: ", ")
        let releases = bumps.filter { [.major, .minor, .patch].contains($0.component) }
        let prereleases = bumps.filter { [.alpha, .beta, .rc, .dev].contains($0.component) }
        if bumps.count > 1, bumps.contains(where: { $0.component == .stable }) { throw .stableWithOthers(listed) }
        if bumps.count > 1, bumps.contains(where: { $0.component == .post }) { throw .postWithOthers(listed) }
        if releases.count > 1 { throw .severalReleaseComponents(releases.map(\.defaultValueDescription).joined(separator: ", ")) }
        if prereleases.count > 1 { throw .severalPrereleaseComponents(prereleases.map(\.defaultValueDescription).joined(separator: ", ")) }

        let order = VersionBump.Component.allCases
        let sorted = bumps.enumerated().sorted { lhs, rhs in
            let (left, right) = (order.firstIndex(of: lhs.element.component) ?? 0, order.firstIndex(of: rhs.element.component) ?? 0)
            if left != right { return left < right }
            if lhs.element.value != rhs.element.value { return (lhs.element.value ?? -1) < (rhs.element.value ?? -1) }
            return lhs.offset < rhs.offset
        }.map(\.element)
        let new = sorted.reduce(old) { $0.bumped(step($1)) }
        if new <= old {
            if !old.isPrerelease, new.pre != nil { throw .notIncreased(old: old, new: new, hint: .prerelease) }
            if new.isDevrelease, !old.isDevrelease { throw .notIncreased(old: old, new: new, hint: .dev) }
            throw .notIncreased(old: old, new: new, hint: .exact)
        }
        return new
    }

    private static func step(_ bump: VersionBump) -> PEP440.Version.Bump {
        let value = bump.value.map(UInt64.init)
        return switch bump.component {
        case .major: .release(index: 0, value: value)
        case .minor: .release(index: 1, value: value)
        case .patch: .release(index: 2, value: value)
        case .stable: .stable
        case .alpha: .prerelease(.alpha, value: value)
        case .beta: .prerelease(.beta, value: value)
        case .rc: .prerelease(.rc, value: value)
        case .post: .post(value: value)
        case .dev: .dev(value: value)
        }
    }
}

/// A version change uv refuses, in uv's words.
enum VersionChangeError: SuvError, Equatable {
    /// What a version that did not increase should have had.
    enum Hint: Equatable {
        case prerelease
        case dev
        case exact
    }

    case bumpGivenAsValue(String)
    case invalidValue(String)
    case stableWithOthers(String)
    case postWithOthers(String)
    case severalReleaseComponents(String)
    case severalPrereleaseComponents(String)
    case notIncreased(old: PEP440.Version, new: PEP440.Version, hint: Hint)

    var message: String {
        switch self {
        case .bumpGivenAsValue(let value):
            "Invalid version `\(value)`, did you mean to pass `--bump \(value)`?"
        case .invalidValue(let reason):
            reason
        case .stableWithOthers(let list):
            "`--bump stable` cannot be used with another `--bump` value, got: \(list)"
        case .postWithOthers(let list):
            "`--bump post` cannot be used with another `--bump` value, got: \(list)"
        case .severalReleaseComponents(let list):
            "Only one release version component can be provided to `--bump`, got: \(list)"
        case .severalPrereleaseComponents(let list):
            "Only one pre-release version component can be provided to `--bump`, got: \(list)"
        case .notIncreased(let old, let new, let hint):
            switch hint {
            case .prerelease:
                "\(old) => \(new) didn't increase the version; when bumping to a pre-release version you also need to increase a release version component, e.g., with `--bump <major|minor|patch>`"
            case .dev:
                "\(old) => \(new) didn't increase the version; when bumping to a dev version you also need to increase another version component, e.g., with `--bump <major|minor|patch|alpha|beta|rc>`"
            case .exact:
                "\(old) => \(new) didn't increase the version; provide the exact version to force an update"
            }
        }
    }
}

/// Why a text is not a version, worded as uv's version parser words it.
enum VersionText {
    static func parseFailure(_ text: String) -> String {
        let trimmed = text.trimmingPythonWhitespace
        var body = Substring(trimmed)
        if body.first == "v" || body.first == "V" { body = body.dropFirst() }
        guard body.first?.isASCII == true, body.first?.isNumber == true else {
            return "expected version to start with a number, but no leading ASCII digits were found"
        }
        if trimmed.contains("*") { return "wildcards are not allowed in a version" }
        if let plus = trimmed.firstIndex(of: "+"), PEP440.Version(String(trimmed[..<plus])) != nil {
            let local = trimmed[trimmed.index(after: plus)...]
            let segments = local.split(separator: ".", omittingEmptySubsequences: false)
            if segments.first?.isEmpty ?? true {
                return "found a `+` indicating the start of a local component in a version, but did not find any alphanumeric ASCII segment following the `+`"
            }
            if segments.dropFirst().contains(where: \.isEmpty) {
                return "found a `.` indicating the start of a local component in a version, but did not find any alphanumeric ASCII segment following the `.`"
            }
        }
        // The longest prefix that is a version, and what follows it.
        var end = trimmed.endIndex
        while end > trimmed.startIndex {
            end = trimmed.index(before: end)
            if PEP440.Version(String(trimmed[..<end])) != nil {
                return "after parsing `\(trimmed[..<end])`, found `\(trimmed[end...])`, which is not part of a valid version"
            }
        }
        return "expected version to start with a number, but no leading ASCII digits were found"
    }
}
