extension NormalizedMarker {
    /// The marker as uv writes it on an edge out of a package reached only where `context`
    /// holds: values no environment of the context can have are "don't care", and uv gives
    /// them the value the constraint has at the lowest value the context allows. So a
    /// constraint that holds there extends over everything outside the context, one that does
    /// not is cut to it (`sys_platform == 'linux'` within `linux or win32` is written
    /// `sys_platform != 'win32'`; within `linux` alone it disappears).
    ///
    /// Each string key is treated on its own, against what the context allows for that key
    /// (the union over its clauses), which keeps the result equal to the marker wherever the
    /// context holds. Python versions, extras and other atoms are left as they are.
    public func simplified(within context: NormalizedMarker) -> NormalizedMarker {
        if context.isAlwaysTrue || context.isAlwaysFalse { return self }
        var allowed: [MarkerKey: MarkerDomain] = [:]
        var keys: Set<MarkerKey> = []
        for clause in context.clauses { keys.formUnion(clause.constraints.keys) }
        for key in keys {
            // Python is simplified against the forks' Python range instead
            // (``simplified(requiresPython:)``): uv keeps `!= '3.10.*'` on an edge out of a
            // package reached only below 3.11.
            guard case .string = key else { continue }
            var union: MarkerDomain?
            for clause in context.clauses {
                guard let domain = clause.constraints[key] else {
                    union = nil
                    break
                }
                guard let current = union else {
                    union = domain
                    continue
                }
                guard let merged = current.union(domain) else {
                    union = nil
                    break
                }
                union = merged
            }
            if let union, !union.isFull { allowed[key] = union }
        }
        guard !allowed.isEmpty else { return self }
        var result: [MarkerClause] = []
        clauses: for clause in clauses {
            var constraints = clause.constraints
            for (key, domain) in clause.constraints {
                guard let context = allowed[key] else { continue }
                switch (domain, context) {
                case (.strings(let values), .strings(let allowedValues)):
                    if values.intersection(allowedValues).isEmpty { continue clauses }
                    let holds = allowedValues.lowestValue.map(values.contains) ?? false
                    let simplified = holds ? values.union(allowedValues.complement) : values.intersection(allowedValues)
                    constraints[key] = simplified.isFull ? nil : .strings(simplified)
                default:
                    continue
                }
            }
            result.append(MarkerClause(constraints))
        }
        return NormalizedMarker(clauses: result).simplified()
    }
}

extension StringDomain {
    /// The smallest string the domain admits (by code units), when it can be named: the least
    /// listed value, or the empty string for a domain of everything but some values.
    var lowestValue: String? {
        switch self {
        case .only(let values): values.min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        case .except(let values): values.contains("") ? nil : ""
        }
    }
}
