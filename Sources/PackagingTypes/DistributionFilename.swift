import SuvBasics

/// A distribution file name: a wheel or a source distribution.
public enum DistributionFilename: Hashable, Sendable, CustomStringConvertible {
    case wheel(WheelFilename)
    case sdist(SdistFilename)

    /// Parses `filename` as a wheel (`.whl`) or an sdist (a PEP 625 or legacy archive
    /// extension); `nil` when it is neither or does not parse.
    ///
    /// With `packageName`, sdist names are split as uv does for a known project
    /// (``SdistFilename/init(parsing:packageName:)``), which resolves `a-1-1.zip`.
    public init?(parsing filename: String, packageName: PackageName? = nil) {
        if filename.hasSuffix(".whl") {
            guard let wheel = try? WheelFilename(parsing: filename) else { return nil }
            self = .wheel(wheel)
            return
        }
        guard SourceDistExtension(filename: filename) != nil else { return nil }
        let sdist: SdistFilename?
        if let packageName {
            sdist = try? SdistFilename(parsing: filename, packageName: packageName)
        } else {
            sdist = try? SdistFilename(parsing: filename)
        }
        guard let sdist else { return nil }
        self = .sdist(sdist)
    }

    /// The normalized distribution name.
    public var name: PackageName {
        switch self {
        case .wheel(let wheel): wheel.name
        case .sdist(let sdist): sdist.name
        }
    }

    public var wheel: WheelFilename? {
        if case .wheel(let wheel) = self { return wheel }
        return nil
    }

    public var sdist: SdistFilename? {
        if case .sdist(let sdist) = self { return sdist }
        return nil
    }

    public var description: String {
        switch self {
        case .wheel(let wheel): wheel.filename
        case .sdist(let sdist): sdist.filename
        }
    }
}
