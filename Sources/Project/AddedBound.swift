import PEP440
import PyProject

/// The version specifier `suv add` writes for a requirement given without one, from the
/// version the lock chose, as uv's `add-bounds` does:
///
/// - `lower`: `>=1.2.3`
/// - `major`: `>=1.2.3,<2.0.0`; for `0.x` the first non-zero part counts (`>=0.17.6,<0.18.0`)
/// - `minor`: `>=1.2.3,<1.3.0`
/// - `exact`: `==1.2.3`
///
/// The upper bound keeps as many release parts as the version has (`1.0` → `<2.0`).
public enum AddedBound {
    public static func specifier(for version: Version, bounds: AddBounds) -> String {
        let text = version.description
        switch bounds {
        case .lower: return ">=" + text
        case .exact: return "==" + text
        case .major, .minor:
            let release = version.release.isEmpty ? [0] : version.release
            let bumped: Int
            if bounds == .major {
                bumped = release.firstIndex { $0 != 0 } ?? (release.count - 1)
            } else {
                bumped = 1
            }
            var upper = Array(release.prefix(bumped))
            while upper.count < bumped { upper.append(0) }
            upper.append((bumped < release.count ? release[bumped] : 0) + 1)
            while upper.count < release.count { upper.append(0) }
            let epoch = version.epoch == 0 ? "" : "\(version.epoch)!"
            return ">=" + text + ",<" + epoch + upper.map(String.init).joined(separator: ".")
        }
    }
}
