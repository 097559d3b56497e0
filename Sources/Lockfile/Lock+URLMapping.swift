extension Lock {
    /// The same lock with every index URL and every remote file URL of a registry package
    /// passed through a function: how a lock resolved through a mirror is rewritten to name the
    /// canonical index (and back). Nothing else changes; the writer sorts by the new URLs.
    ///
    /// - Parameters:
    ///   - index: maps an index URL wherever the lock names one: `source = { registry = ... }`
    ///     of packages and of dependency edges, and `index = ...` of requirements in
    ///     `[package.metadata]` and `[manifest]`.
    ///   - file: gives the new `url` of an sdist or wheel of a registry package whose location
    ///     is a URL; it receives the package as it was before mapping, the artifact and its
    ///     URL. Files of other sources (direct URLs, Git, paths) are what the project itself
    ///     names and are left alone, as are `path` locations.
    public func mappingURLs<Failure: Error>(
        index: (String) throws(Failure) -> String,
        file: (LockedPackage, LockArtifact, String) throws(Failure) -> String
    ) throws(Failure) -> Lock {
        var result = self
        result.manifest = try manifest.mappingIndexes(index)
        var packages: [LockedPackage] = []
        packages.reserveCapacity(self.packages.count)
        for package in self.packages {
            var mapped = package
            if case .registry(let url) = package.source {
                mapped.source = .registry(try index(url))
                if let sdist = package.sdist { mapped.sdist = try sdist.mappingURL { artifact, url throws(Failure) in try file(package, artifact, url) } }
                var wheels: [LockArtifact] = []
                for wheel in package.wheels {
                    wheels.append(try wheel.mappingURL { artifact, url throws(Failure) in try file(package, artifact, url) })
                }
                mapped.wheels = wheels
            }
            mapped.dependencies = try package.dependencies.mappingIndexes(index)
            mapped.optionalDependencies = try package.optionalDependencies.mappingIndexes(index)
            mapped.devDependencies = try package.devDependencies.mappingIndexes(index)
            if let metadata = package.metadata {
                var copy = metadata
                copy.requiresDist = try metadata.requiresDist.mappingIndexes(index)
                copy.requiresDev = try metadata.requiresDev.mappingIndexes(index)
                mapped.metadata = copy
            }
            packages.append(mapped)
        }
        result.packages = packages
        return result
    }
}

extension LockArtifact {
    /// The URL of a remote file (`url = "..."`); `nil` for the other locations.
    public var remoteURL: String? {
        if case .url(let url) = location { return url }
        return nil
    }

    fileprivate func mappingURL<Failure: Error>(_ transform: (LockArtifact, String) throws(Failure) -> String) throws(Failure) -> LockArtifact {
        guard case .url(let url) = location else { return self }
        var copy = self
        copy.location = .url(try transform(self, url))
        return copy
    }
}

extension LockManifest {
    fileprivate func mappingIndexes<Failure: Error>(_ index: (String) throws(Failure) -> String) throws(Failure) -> LockManifest {
        var copy = self
        copy.requirements = try requirements.mappingIndexes(index)
        copy.constraints = try constraints.mappingIndexes(index)
        copy.overrides = try overrides.mappingIndexes(index)
        copy.buildConstraints = try buildConstraints.mappingIndexes(index)
        copy.dependencyGroups = try dependencyGroups.mappingIndexes(index)
        return copy
    }
}

extension [LockEdge] {
    fileprivate func mappingIndexes<Failure: Error>(_ index: (String) throws(Failure) -> String) throws(Failure) -> [LockEdge] {
        var result: [LockEdge] = []
        result.reserveCapacity(count)
        for edge in self {
            var copy = edge
            if case .registry(let url)? = edge.source { copy.source = .registry(try index(url)) }
            result.append(copy)
        }
        return result
    }
}

extension [NamedEdges] {
    fileprivate func mappingIndexes<Failure: Error>(_ index: (String) throws(Failure) -> String) throws(Failure) -> [NamedEdges] {
        var result: [NamedEdges] = []
        for named in self { result.append(NamedEdges(named.name, try named.edges.mappingIndexes(index))) }
        return result
    }
}

extension [LockRequirement] {
    fileprivate func mappingIndexes<Failure: Error>(_ index: (String) throws(Failure) -> String) throws(Failure) -> [LockRequirement] {
        var result: [LockRequirement] = []
        result.reserveCapacity(count)
        for requirement in self {
            var copy = requirement
            if case .index(let url, let specifier) = requirement.source { copy.source = .index(try index(url), specifier: specifier) }
            result.append(copy)
        }
        return result
    }
}

extension [NamedRequirements] {
    fileprivate func mappingIndexes<Failure: Error>(_ index: (String) throws(Failure) -> String) throws(Failure) -> [NamedRequirements] {
        var result: [NamedRequirements] = []
        for named in self { result.append(NamedRequirements(named.name, try named.requirements.mappingIndexes(index))) }
        return result
    }
}
