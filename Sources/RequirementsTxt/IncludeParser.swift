/// Parses files and follows their `-r`/`-c` includes with uv's cycle protection.
struct IncludeParser<Loader: RequirementsLoader> {
    /// Whether a file is read for requirements or, below a `-c`, for constraints only.
    enum Mode {
        case requirements
        case constraints
    }

    let loader: Loader
    let expansion: EnvironmentExpansion
    /// Files already included with `-r` from requirement files.
    private var visitedRequirements: Set<String> = []
    /// Files already included with `-c`, or with anything below a `-c`.
    private var visitedConstraints: Set<String> = []

    init(loader: Loader, expansion: EnvironmentExpansion) {
        self.loader = loader
        self.expansion = expansion
    }

    mutating func parseFile(_ path: String, mode: Mode) throws(RequirementsTxtError) -> RequirementsFile {
        let contents: String
        do {
            contents = try loader.load(path: path)
        } catch {
            throw RequirementsTxtError(file: path, line: nil, reason: .unreadable(error))
        }
        return try parse(contents: contents, file: path, mode: mode)
    }

    mutating func parse(contents: String, file: String, mode: Mode) throws(RequirementsTxtError) -> RequirementsFile {
        var statements = StatementParser(text: contents, file: file, expansion: expansion)
        var result = RequirementsFile()
        while let statement = try statements.next() {
            switch statement {
            case .include(let name, let start):
                let path = IncludePath.resolve(name, includedFrom: file)
                guard markVisited(path, include: true, mode: mode) else { continue }
                let nested = try included(path, mode: mode, start: start, in: statements)
                if let nestedIndex = nested.indexURL, let own = result.indexURL, own != nestedIndex {
                    throw statements.syntaxError(
                        "Nested `requirements` file contains conflicting `--index-url`", at: statements.scanner.cursor)
                }
                result.merge(nested)
            case .constraint(let name, let start):
                let path = IncludePath.resolve(name, includedFrom: file)
                guard markVisited(path, include: false, mode: mode) else { continue }
                let nested = try included(path, mode: .constraints, start: start, in: statements)
                for entry in nested.requirements {
                    guard case .named = entry.requirement else {
                        throw RequirementsTxtError(
                            file: file, line: statements.scanner.lineColumn(of: start).line,
                            reason: .unnamedConstraint(position: statements.scanner.byteOffset(of: start)))
                    }
                    result.constraints.append(entry)
                }
                result.constraints += nested.constraints
            case .requirement(let entry):
                result.requirements.append(entry)
            case .editable(let entry):
                result.editables.append(entry)
            case .indexURL(let url):
                if result.indexURL != nil {
                    throw statements.syntaxError("Multiple `--index-url` values provided", at: statements.scanner.cursor)
                }
                result.indexURL = url
            case .extraIndexURL(let url):
                result.extraIndexURLs.append(url)
            case .findLinks(let location):
                result.findLinks.append(location)
            case .noIndex:
                result.noIndex = true
            case .requireHashes:
                result.requireHashes = true
            case .pre:
                result.pre = true
            case .noBinary(let specifier):
                result.noBinary.append(specifier)
            case .onlyBinary(let specifier):
                result.onlyBinary.append(specifier)
            case .ignored(let option):
                result.ignoredOptions.append(option)
            }
        }
        return result
    }

    /// Records `path` as visited; `false` when it already was. Below a `-c`, everything counts
    /// as a constraint file.
    private mutating func markVisited(_ path: String, include: Bool, mode: Mode) -> Bool {
        let identity = IncludePath.identity(path)
        if include && mode == .requirements {
            return visitedRequirements.insert(identity).inserted
        }
        return visitedConstraints.insert(identity).inserted
    }

    /// Parses an included file, wrapping its errors in the including file's.
    private mutating func included(
        _ path: String, mode: Mode, start: Int, in statements: StatementParser
    ) throws(RequirementsTxtError) -> RequirementsFile {
        do {
            return try parseFile(path, mode: mode)
        } catch {
            throw RequirementsTxtError(
                file: statements.file, line: statements.scanner.lineColumn(of: start).line,
                reason: .includedFile(error, position: statements.scanner.byteOffset(of: start)))
        }
    }
}
