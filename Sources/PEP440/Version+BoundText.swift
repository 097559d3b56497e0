extension Version {
    /// The version as a specifier names it when it bounds a range: a synthetic bound (just
    /// above V's local versions or post-releases) prints as V's public version, and `V.dev0`
    /// (how `<V` and `>=V` exclude or include V's pre-releases) prints as `V`. Other versions
    /// print in full, local label included.
    package var boundText: String {
        if bound == .none, dev == 0, pre == nil, post == nil, !isLocal { return baseVersion.description }
        return bound == .none ? description : publicVersion.description
    }
}
