extension InterpreterInfo {
    /// The facts a virtual environment at `root` made from this (base) interpreter will report,
    /// without running it: the same version, markers and tags; `sys.executable` the
    /// environment's `bin/python`, `sys.prefix` the environment, and the install paths moved
    /// from the base prefix to the environment (headers stay with the base installation, as
    /// `sysconfig` reports them inside a venv).
    public func virtualEnvironmentFacts(root: String) -> InterpreterInfo {
        func moved(_ path: String) -> String {
            guard path == basePrefix || path.hasPrefix(basePrefix + "/") else { return path }
            return root + path.dropFirst(basePrefix.count)
        }
        var info = self
        info.executable = root + "/bin/python"
        info.prefix = root
        info.isVirtualenv = true
        info.paths = InstallPaths(
            purelib: moved(paths.purelib), platlib: moved(paths.platlib), include: paths.include,
            scripts: moved(paths.scripts), data: moved(paths.data))
        return info
    }
}
