extension ActivationScripts {
    // MARK: - cmd.exe (written with CRLF line ends, as cmd expects)

    /// `bin/activate.bat`: the same steps for `cmd.exe`, switching the console to UTF-8 while it
    /// runs (this file is UTF-8).
    var cmdActivate: String {
        let location = relocatable ? "@for %%i in (\"%~dp0..\") do @set \"VIRTUAL_ENV=%%~fi\"" : "@set \"VIRTUAL_ENV=\(root)\""
        let promptLine = prompt.map { "@set \"VIRTUAL_ENV_PROMPT=\($0)\"" }
            ?? "@for %%d in (\"%VIRTUAL_ENV%\") do @set \"VIRTUAL_ENV_PROMPT=%%~nxd\""
        return Self.crlf("""
        @REM Activates this virtual environment in cmd.exe; `deactivate.bat` undoes it.
        @for /f "tokens=2 delims=:." %%a in ('"%SystemRoot%\\System32\\chcp.com"') do @set _OLD_CODEPAGE=%%a
        @if defined _OLD_CODEPAGE "%SystemRoot%\\System32\\chcp.com" 65001 > nul
        \(location)
        \(promptLine)
        @if not defined _OLD_VIRTUAL_PROMPT @set "_OLD_VIRTUAL_PROMPT=%PROMPT%"
        @if not defined VIRTUAL_ENV_DISABLE_PROMPT @set "PROMPT=(%VIRTUAL_ENV_PROMPT%) %_OLD_VIRTUAL_PROMPT%"
        @if not defined _OLD_VIRTUAL_PYTHONHOME @set "_OLD_VIRTUAL_PYTHONHOME=%PYTHONHOME%"
        @set PYTHONHOME=
        @if not defined _OLD_VIRTUAL_PATH @set "_OLD_VIRTUAL_PATH=%PATH%"
        @set "PATH=%VIRTUAL_ENV%\\bin;%_OLD_VIRTUAL_PATH%"
        @if defined _OLD_CODEPAGE "%SystemRoot%\\System32\\chcp.com" %_OLD_CODEPAGE% > nul
        @set _OLD_CODEPAGE=

        """)
    }

    /// `bin/deactivate.bat`: restores what `activate.bat` changed.
    var cmdDeactivate: String {
        Self.crlf("""
        @REM Undoes `activate.bat`.
        @set VIRTUAL_ENV=
        @set VIRTUAL_ENV_PROMPT=
        @if defined _OLD_VIRTUAL_PROMPT @set "PROMPT=%_OLD_VIRTUAL_PROMPT%"
        @set _OLD_VIRTUAL_PROMPT=
        @if defined _OLD_VIRTUAL_PYTHONHOME @set "PYTHONHOME=%_OLD_VIRTUAL_PYTHONHOME%"
        @set _OLD_VIRTUAL_PYTHONHOME=
        @if defined _OLD_VIRTUAL_PATH @set "PATH=%_OLD_VIRTUAL_PATH%"
        @set _OLD_VIRTUAL_PATH=

        """)
    }

    /// `bin/pydoc.bat`: `python -m pydoc` with the environment's interpreter.
    var cmdPydoc: String {
        Self.crlf("""
        @REM Runs pydoc with this environment's Python.
        "python.exe" -m pydoc %*

        """)
    }

    // MARK: - xonsh

    /// `bin/activate.xsh`: for `source bin/activate.xsh` in xonsh.
    var xonsh: String {
        let location = relocatable
            ? "__import__(\"os\").path.dirname(__import__(\"os\").path.dirname(__import__(\"os\").path.realpath(__file__)))"
            : Quoting.python(root)
        let promptValue = prompt.map(Quoting.python) ?? "__import__(\"os\").path.basename(_suv_env)"
        return """
        # Activates this virtual environment in xonsh: `source bin/activate.xsh`; `deactivate`
        # undoes it.
        _suv_env = \(location)


        def deactivate(args=None):
            for name in ("PATH", "PYTHONHOME"):
                saved = "_OLD_VIRTUAL_" + name
                if saved in ${...}:
                    if ${saved} == "__suv_unset__":
                        ${...}.pop(name, None)
                    else:
                        ${name} = ${saved}
                    del ${saved}
            ${...}.pop("VIRTUAL_ENV", None)
            ${...}.pop("VIRTUAL_ENV_PROMPT", None)
            aliases.pop("deactivate", None)
            aliases.pop("pydoc", None)


        if "VIRTUAL_ENV" in ${...}:
            deactivate()
        $_OLD_VIRTUAL_PATH = ${...}.get("PATH", "__suv_unset__")
        $_OLD_VIRTUAL_PYTHONHOME = ${...}.get("PYTHONHOME", "__suv_unset__")
        $VIRTUAL_ENV = _suv_env
        $VIRTUAL_ENV_PROMPT = \(promptValue)
        $PATH.insert(0, _suv_env + "/bin")
        ${...}.pop("PYTHONHOME", None)
        aliases["deactivate"] = deactivate
        aliases["pydoc"] = ["python", "-m", "pydoc"]
        del _suv_env

        """
    }

    /// `text` with CRLF line ends.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
