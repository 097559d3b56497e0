/// One statement of a requirements file, before includes are followed.
enum Statement {
    /// `-r FILE`: the (unquoted, expanded) file name and the statement's scalar index.
    case include(String, start: Int)
    /// `-c FILE`.
    case constraint(String, start: Int)
    /// A requirement line.
    case requirement(RequirementEntry)
    /// `-e …`.
    case editable(RequirementEntry)
    /// `-i URL` / `--index-url URL`.
    case indexURL(String)
    /// `--extra-index-url URL`.
    case extraIndexURL(String)
    /// `-f URL` / `--find-links URL`.
    case findLinks(String)
    /// `--no-index`.
    case noIndex
    /// `--require-hashes`.
    case requireHashes
    /// `--pre`.
    case pre
    /// `--no-binary X`.
    case noBinary(PackageNameSpecifier)
    /// `--only-binary X`.
    case onlyBinary(PackageNameSpecifier)
    /// An option uv ignores with a warning.
    case ignored(IgnoredOption)
}
