import SuvBasics
/// The activation scripts of a virtual environment, one per shell, written for suv.
///
/// Each does the same four things, in its shell's idiom: define `deactivate` (which undoes
/// everything below and, unless called as `deactivate nondestructive`, removes itself); call it
/// once to clean up an environment that is already active; set `VIRTUAL_ENV` and
/// `VIRTUAL_ENV_PROMPT` (the prompt, else the folder's name) and put `$VIRTUAL_ENV/bin` first on
/// `PATH`, saving the old value; unset `PYTHONHOME`; prefix the prompt with `(<prompt>) ` unless
/// `VIRTUAL_ENV_DISABLE_PROMPT` is set.
///
/// A relocatable environment's scripts work out `VIRTUAL_ENV` from where the script itself is,
/// instead of recording the path it was created at.
struct ActivationScripts {
    /// The environment's absolute path.
    let root: String
    let prompt: String?
    let relocatable: Bool
    /// `lib/python3.X/site-packages`, relative to the root.
    let sitePackages: String

    // MARK: - bash, zsh, ksh, dash

    var posix: String {
        let location = relocatable
            ? """
            if [ -n "${BASH_SOURCE:-}" ] ; then
                _suv_activate_script="${BASH_SOURCE}"
            elif [ -n "${ZSH_VERSION:-}" ] ; then
                eval '_suv_activate_script="${(%):-%x}"'
            else
                _suv_activate_script="$0"
            fi
            VIRTUAL_ENV="$(cd "$(dirname "$_suv_activate_script")/.." && pwd)"
            unset _suv_activate_script
            """
            : "VIRTUAL_ENV=\(Quoting.posix(root))"
        let promptLine = prompt.map { "VIRTUAL_ENV_PROMPT=\(Quoting.posix($0))" }
            ?? "VIRTUAL_ENV_PROMPT=\"$(basename \"$VIRTUAL_ENV\")\""
        return """
        # Activates this virtual environment in the current shell (bash, zsh, ksh, dash).
        # Use it with `source bin/activate` (or `. bin/activate`); running it has no effect.
        # `deactivate` undoes it.

        deactivate () {
            if [ -n "${_OLD_VIRTUAL_PATH+set}" ] ; then
                PATH="$_OLD_VIRTUAL_PATH"
                export PATH
                unset _OLD_VIRTUAL_PATH
            fi
            if [ -n "${_OLD_VIRTUAL_PYTHONHOME+set}" ] ; then
                PYTHONHOME="$_OLD_VIRTUAL_PYTHONHOME"
                export PYTHONHOME
                unset _OLD_VIRTUAL_PYTHONHOME
            fi
            if [ -n "${_OLD_VIRTUAL_PS1+set}" ] ; then
                PS1="$_OLD_VIRTUAL_PS1"
                export PS1
                unset _OLD_VIRTUAL_PS1
            fi
            unset VIRTUAL_ENV
            unset VIRTUAL_ENV_PROMPT
            # Forget remembered command locations, which may point into the environment.
            hash -r 2>/dev/null || true
            if [ "${1:-}" != "nondestructive" ] ; then
                unset -f deactivate
                unset -f pydoc >/dev/null 2>&1 || true
            fi
        }

        deactivate nondestructive

        \(location)
        export VIRTUAL_ENV
        \(promptLine)
        export VIRTUAL_ENV_PROMPT

        _OLD_VIRTUAL_PATH="$PATH"
        PATH="$VIRTUAL_ENV/bin:$PATH"
        export PATH

        if [ -n "${PYTHONHOME+set}" ] ; then
            _OLD_VIRTUAL_PYTHONHOME="$PYTHONHOME"
            unset PYTHONHOME
        fi

        if [ -z "${VIRTUAL_ENV_DISABLE_PROMPT:-}" ] ; then
            _OLD_VIRTUAL_PS1="${PS1:-}"
            PS1="(${VIRTUAL_ENV_PROMPT}) ${PS1:-}"
            export PS1
        fi

        pydoc () {
            python -m pydoc "$@"
        }

        hash -r 2>/dev/null || true

        """
    }

    // MARK: - fish

    var fish: String {
        let location = relocatable
            ? "set -gx VIRTUAL_ENV (builtin cd (dirname (status filename))/..; and pwd)"
            : "set -gx VIRTUAL_ENV \(Quoting.fish(root))"
        let promptLine = prompt.map { "set -gx VIRTUAL_ENV_PROMPT \(Quoting.fish($0))" }
            ?? "set -gx VIRTUAL_ENV_PROMPT (basename \"$VIRTUAL_ENV\")"
        return """
        # Activates this virtual environment in the current fish shell.
        # Use it with `source bin/activate.fish`; `deactivate` undoes it.

        function deactivate --description 'Leave the virtual environment'
            if set -q _OLD_VIRTUAL_PATH
                set -gx PATH $_OLD_VIRTUAL_PATH
                set -e _OLD_VIRTUAL_PATH
            end
            if set -q _OLD_VIRTUAL_PYTHONHOME
                set -gx PYTHONHOME $_OLD_VIRTUAL_PYTHONHOME
                set -e _OLD_VIRTUAL_PYTHONHOME
            end
            if set -q _OLD_FISH_PROMPT_OVERRIDE
                set -e _OLD_FISH_PROMPT_OVERRIDE
                if functions -q _suv_old_fish_prompt
                    functions -e fish_prompt
                    functions -c _suv_old_fish_prompt fish_prompt
                    functions -e _suv_old_fish_prompt
                end
            end
            set -e VIRTUAL_ENV
            set -e VIRTUAL_ENV_PROMPT
            if test "$argv[1]" != nondestructive
                functions -e deactivate
                functions -e pydoc
            end
        end

        deactivate nondestructive

        \(location)
        \(promptLine)

        set -gx _OLD_VIRTUAL_PATH $PATH
        set -gx PATH "$VIRTUAL_ENV/bin" $PATH

        if set -q PYTHONHOME
            set -gx _OLD_VIRTUAL_PYTHONHOME $PYTHONHOME
            set -e PYTHONHOME
        end

        function pydoc
            python -m pydoc $argv
        end

        if test -z "$VIRTUAL_ENV_DISABLE_PROMPT"
            functions -c fish_prompt _suv_old_fish_prompt
            function fish_prompt
                set -l previous_status $status
                printf '(%s) ' $VIRTUAL_ENV_PROMPT
                # Give the original prompt the status it would have seen.
                echo "exit $previous_status" | source
                _suv_old_fish_prompt
            end
            set -gx _OLD_FISH_PROMPT_OVERRIDE "$VIRTUAL_ENV"
        end

        """
    }

    // MARK: - csh, tcsh

    var csh: String {
        let promptValue = prompt.map { Quoting.csh($0) } ?? "\"`basename \"$VIRTUAL_ENV\"`\""
        return """
        # Activates this virtual environment in the current csh or tcsh shell.
        # Use it with `source bin/activate.csh`; `deactivate` undoes it.

        alias deactivate 'test $?_OLD_VIRTUAL_PATH != 0 && setenv PATH "$_OLD_VIRTUAL_PATH:q" && unset _OLD_VIRTUAL_PATH; rehash; test $?_OLD_VIRTUAL_PROMPT != 0 && set prompt="$_OLD_VIRTUAL_PROMPT:q" && unset _OLD_VIRTUAL_PROMPT; unsetenv VIRTUAL_ENV; unsetenv VIRTUAL_ENV_PROMPT; test "\\!:*" != "nondestructive" && unalias deactivate && unalias pydoc'

        deactivate nondestructive

        setenv VIRTUAL_ENV \(Quoting.csh(root))
        setenv VIRTUAL_ENV_PROMPT \(promptValue)

        set _OLD_VIRTUAL_PATH="$PATH:q"
        setenv PATH "$VIRTUAL_ENV:q/bin:$PATH:q"

        if ( $?VIRTUAL_ENV_DISABLE_PROMPT ) then
            if ( $VIRTUAL_ENV_DISABLE_PROMPT == "" ) then
                set do_prompt = "1"
            else
                set do_prompt = "0"
            endif
        else
            set do_prompt = "1"
        endif

        if ( $do_prompt == "1" ) then
            if ( $?prompt ) then
                set _OLD_VIRTUAL_PROMPT="$prompt:q"
                if ( "$prompt:q" =~ *"$newline:q"* ) then
                    :
                else
                    set prompt = "("$VIRTUAL_ENV_PROMPT:q") $prompt:q"
                endif
            endif
        endif

        unset do_prompt

        alias pydoc python -m pydoc

        rehash

        """
    }

    // MARK: - nushell

    var nushell: String {
        let location = relocatable
            ? "$env.CURRENT_FILE | path dirname | path dirname"
            : Quoting.nushell(root)
        let promptValue = prompt.map { Quoting.nushell($0) } ?? "($venv | path basename)"
        return """
        # Activates this virtual environment as a Nushell overlay.
        # Use it with `overlay use bin/activate.nu`; `deactivate` (or `overlay hide activate`)
        # undoes it.

        export-env {
            let venv = (\(location))
            let bin = ($venv | path join 'bin')
            let path_name = if ('Path' in $env) { 'Path' } else { 'PATH' }
            let current_path = ($env | get $path_name)
            let current_path = if ($current_path | describe | str starts-with 'list') {
                $current_path
            } else {
                $current_path | split row (char esep)
            }
            let prompt_name = \(promptValue)
            load-env {
                VIRTUAL_ENV: $venv
                VIRTUAL_ENV_PROMPT: $prompt_name
                $path_name: ($current_path | prepend $bin)
            }
            if not ('VIRTUAL_ENV_DISABLE_PROMPT' in $env) or ($env.VIRTUAL_ENV_DISABLE_PROMPT | is-empty) {
                let previous = if ('PROMPT_COMMAND' in $env) { $env.PROMPT_COMMAND } else { '' }
                let label = $'($prompt_name) '
                $env.PROMPT_COMMAND = if ($previous | describe | str starts-with 'closure') {
                    {|| $label + (do $previous) }
                } else {
                    {|| $label + $previous }
                }
            }
        }

        export alias pydoc = python -m pydoc
        export alias deactivate = overlay hide activate

        """
    }

    // MARK: - PowerShell

    var powershell: String {
        let location = relocatable
            ? "(Split-Path -Parent $PSScriptRoot)"
            : Quoting.powershell(root)
        let promptValue = prompt.map { Quoting.powershell($0) } ?? "(Split-Path -Leaf $env:VIRTUAL_ENV)"
        return """
        # Activates this virtual environment in the current PowerShell session.
        # Use it with `. bin/activate.ps1`; `deactivate` undoes it.

        function global:deactivate([switch] $NonDestructive) {
            if (Test-Path variable:_OLD_VIRTUAL_PATH) {
                $env:PATH = $variable:_OLD_VIRTUAL_PATH
                Remove-Variable "_OLD_VIRTUAL_PATH" -Scope global
            }
            if (Test-Path variable:_OLD_VIRTUAL_PYTHONHOME) {
                $env:PYTHONHOME = $variable:_OLD_VIRTUAL_PYTHONHOME
                Remove-Variable "_OLD_VIRTUAL_PYTHONHOME" -Scope global
            }
            if (Test-Path function:_suv_old_prompt) {
                $function:prompt = $function:_suv_old_prompt
                Remove-Item function:\\_suv_old_prompt
            }
            if (Test-Path env:VIRTUAL_ENV) { Remove-Item env:VIRTUAL_ENV }
            if (Test-Path env:VIRTUAL_ENV_PROMPT) { Remove-Item env:VIRTUAL_ENV_PROMPT }
            if (!$NonDestructive) {
                Remove-Item function:deactivate
                if (Test-Path function:pydoc) { Remove-Item function:pydoc }
            }
        }

        deactivate -NonDestructive

        $env:VIRTUAL_ENV = \(location)
        $env:VIRTUAL_ENV_PROMPT = \(promptValue)

        New-Variable -Scope global -Name _OLD_VIRTUAL_PATH -Value $env:PATH
        $env:PATH = (Join-Path $env:VIRTUAL_ENV 'bin') + [System.IO.Path]::PathSeparator + $env:PATH

        if (Test-Path env:PYTHONHOME) {
            New-Variable -Scope global -Name _OLD_VIRTUAL_PYTHONHOME -Value $env:PYTHONHOME
            Remove-Item env:PYTHONHOME
        }

        function global:pydoc { python -m pydoc $args }

        if (!$env:VIRTUAL_ENV_DISABLE_PROMPT) {
            function global:_suv_old_prompt { "" }
            $function:_suv_old_prompt = $function:prompt
            function global:prompt {
                Write-Host -NoNewline -ForegroundColor Green "($env:VIRTUAL_ENV_PROMPT) "
                _suv_old_prompt
            }
        }

        """
    }

    // MARK: - Python

    var activateThis: String {
        let promptLiteral = prompt.map { Quoting.python($0) } ?? "\"\""
        return """
        \"\"\"Activate this virtual environment inside an already running Python process.

        Run it with:

            exec(open(path).read(), {"__file__": path})

        It puts the environment's `bin` first on `PATH`, sets `VIRTUAL_ENV`, and makes the
        environment's site-packages importable ahead of everything else.
        \"\"\"

        import os
        import site
        import sys

        try:
            _script = os.path.abspath(__file__)
        except NameError as error:
            raise AssertionError("run this file with exec(open(path).read(), {'__file__': path})") from error

        _bin = os.path.dirname(_script)
        _root = os.path.dirname(_bin)

        os.environ["PATH"] = os.pathsep.join([_bin] + os.environ.get("PATH", "").split(os.pathsep))
        os.environ["VIRTUAL_ENV"] = _root
        os.environ["VIRTUAL_ENV_PROMPT"] = \(promptLiteral) or os.path.basename(_root)

        _before = list(sys.path)
        site.addsitedir(os.path.realpath(os.path.join(_root, \(Quoting.python(sitePackages)))))
        _added = [entry for entry in sys.path if entry not in _before]
        sys.path[:] = _added + _before

        sys.real_prefix = sys.prefix
        sys.prefix = _root

        """
    }
}

/// Quoting a value for each script language.
enum Quoting {
    /// A single-quoted POSIX shell word (`'it'"'"'s'`).
    static func posix(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\"'\"'") + "'"
    }

    /// A fish single-quoted string (backslash escapes `\` and `'`).
    static func fish(_ text: String) -> String {
        "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }

    /// A csh double-quoted word.
    static func csh(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\"'\"'") + "'"
    }

    /// A Nushell single-quoted string (no escapes inside: a `'` needs a raw string).
    static func nushell(_ text: String) -> String {
        text.contains("'") ? "r#'" + text + "'#" : "'" + text + "'"
    }

    /// A PowerShell single-quoted string (`'` doubled).
    static func powershell(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// A Python string literal.
    static func python(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}
