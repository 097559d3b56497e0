/// The text of generated launcher scripts and the shebang rules, as uv writes them on POSIX.
public enum ScriptText {
    /// The shebang line for `executable` (no trailing newline).
    ///
    /// A plain `#!<path>` when the whole line (`#!`, the path, the newline) fits in 127 bytes and
    /// the path has no space. Otherwise (or for relocatable environments) a `/bin/sh` polyglot
    /// that `exec`s the interpreter: the shell runs the first two lines, Python sees a string
    /// literal. In the relocatable form `executable` is relative to the scripts directory.
    public static func shebang(executable: String, relocatable: Bool = false) -> String {
        let length = 2 + executable.utf8.count + 1
        if length > 127 || executable.contains(" ") || relocatable {
            let prefix = relocatable ? #""$(dirname -- "$(realpath -- "$0")")"/"# : ""
            let quoted = prefix + "'" + executable.replacingAll("'", with: #"'"'"'"#) + "'"
            return "#!/bin/sh\n'''exec' \(quoted) \"$0\" \"$@\"\n' '''"
        }
        return "#!" + executable
    }

    /// The launcher of an entry point: imports the callable, strips the suffixes Windows
    /// launchers add to `sys.argv[0]`, and exits with what the callable returns.
    public static func launcher(for script: EntryPointScript, shebang: String) -> String {
        """
        \(shebang)
        # -*- coding: utf-8 -*-
        import sys
        from \(script.module) import \(script.importName)
        if __name__ == "__main__":
            if sys.argv[0].endswith("-script.pyw"):
                sys.argv[0] = sys.argv[0][:-11]
            elif sys.argv[0].endswith(".exe"):
                sys.argv[0] = sys.argv[0][:-4]
            sys.exit(\(script.function)())

        """
    }

    /// The placeholder a wheel's data script starts with to ask for the target interpreter.
    static let pythonPlaceholder = Array("#!python".utf8)

    /// A `.data/scripts` file rewritten for `shebang`, or `nil` when it does not start with
    /// `#!python` (binaries and other scripts are installed as they are).
    ///
    /// Only the 8 bytes `#!python` (and a following `w`, for GUI scripts) are replaced; the rest
    /// of the first line stays, as uv does.
    public static func rewriteDataScript(_ bytes: [UInt8], shebang: (_ isGUI: Bool) -> String) -> [UInt8]? {
        guard bytes.starts(with: pythonPlaceholder) else { return nil }
        var rest = bytes[pythonPlaceholder.count...]
        let isGUI = rest.first == UInt8(ascii: "w")
        if isGUI { rest = rest.dropFirst() }
        return Array(shebang(isGUI).utf8) + rest
    }
}
