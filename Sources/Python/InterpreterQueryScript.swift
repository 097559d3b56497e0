extension InterpreterQuery {
    /// The version of the script's JSON layout. Bump it whenever ``script`` or ``InterpreterInfo``
    /// changes shape: cache entries written under another version are ignored.
    public static let schemaVersion = 1

    /// The script run with `python -I -S -B -c`; it prints one JSON object (an ``InterpreterInfo``
    /// plus `"schema"`) on a single line.
    ///
    /// Rules it keeps: Python 3.6 syntax (no f-strings, no walrus, no `text=` for `subprocess`),
    /// standard library only, PyPy-compatible (no CPython-only modules), and nothing from
    /// site-packages. `-I` ignores `PYTHON*` variables and the user site; `-S` skips `site`, so
    /// no `.pth` file runs; `-B` writes no bytecode. Because `site` is what points `sys.prefix` at
    /// a virtual environment, the script repeats that step (`pyvenv.cfg` beside the executable or
    /// one level up) before importing `sysconfig`, which reads `sys.prefix` on import.
    ///
    /// Marker values are computed as `packaging.markers.default_environment()` does, libc as
    /// `packaging._manylinux` (glibc through `os.confstr`) and `packaging._musllinux` (the ELF
    /// `PT_INTERP` loader, run to print its version) do.
    public static let script: String = #"""
import os
import sys


def _venv_prefix():
    # `-S` skips `site`, which is what sets `sys.prefix` inside a virtual environment (PEP 405).
    # Redo its lookup: `pyvenv.cfg` beside the executable or one directory up.
    executable = sys.executable
    if sys.platform == "darwin" and "__PYVENV_LAUNCHER__" in os.environ:
        executable = os.environ["__PYVENV_LAUNCHER__"]
    if not executable:
        return None
    exe_dir = os.path.dirname(os.path.abspath(executable))
    site_prefix = os.path.dirname(exe_dir)
    for candidate in (exe_dir, site_prefix):
        if os.path.isfile(os.path.join(candidate, "pyvenv.cfg")):
            return site_prefix
    return None


_prefix = _venv_prefix()
if _prefix is not None:
    sys.prefix = sys.exec_prefix = _prefix

# `sysconfig` reads `sys.prefix` when imported, so it comes after the fix-up above.
import json
import platform
import struct
import sysconfig


def _full_version(info):
    version = "{0.major}.{0.minor}.{0.micro}".format(info)
    if info.releaselevel != "final":
        version += info.releaselevel[0] + str(info.serial)
    return version


def _flag(name):
    value = sysconfig.get_config_var(name)
    return None if value is None else bool(value)


def _glibc():
    try:
        text = os.confstr("CS_GNU_LIBC_VERSION")
        name, version = text.rsplit()
    except (AttributeError, OSError, ValueError, TypeError):
        return None
    if name != "glibc":
        return None
    parts = version.split(".")
    try:
        return {"family": "glibc", "major": int(parts[0]), "minor": int(parts[1])}
    except (IndexError, ValueError):
        return None


def _elf_interpreter(path):
    try:
        with open(path, "rb") as f:
            ident = f.read(16)
            if len(ident) != 16 or ident[:4] != b"\x7fELF":
                return None
            formats = {
                (1, 1): ("<HHIIIIIHHH", "<IIIIIIII", (0, 1, 4)),
                (1, 2): (">HHIIIIIHHH", ">IIIIIIII", (0, 1, 4)),
                (2, 1): ("<HHIQQQIHHH", "<IIQQQQQQ", (0, 2, 5)),
                (2, 2): (">HHIQQQIHHH", ">IIQQQQQQ", (0, 2, 5)),
            }
            e_fmt, p_fmt, p_idx = formats[(ident[4], ident[5])]
            header = struct.unpack(e_fmt, f.read(struct.calcsize(e_fmt)))
            phoff, phentsize, phnum = header[4], header[8], header[9]
            for index in range(phnum):
                f.seek(phoff + phentsize * index)
                entry = struct.unpack(p_fmt, f.read(struct.calcsize(p_fmt)))
                if entry[p_idx[0]] != 3:  # PT_INTERP
                    continue
                f.seek(entry[p_idx[1]])
                return os.fsdecode(f.read(entry[p_idx[2]])).strip("\0")
    except (OSError, KeyError, struct.error, ValueError):
        return None
    return None


def _musl():
    loader = _elf_interpreter(sys.executable)
    if not loader or "musl" not in loader:
        return None
    try:
        import subprocess

        proc = subprocess.Popen([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, err = proc.communicate()
        lines = [line.strip() for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    except (OSError, ValueError):
        return None
    if len(lines) < 2 or lines[0][:4] != "musl" or not lines[1].startswith("Version "):
        return None
    parts = lines[1][len("Version "):].split(".")
    try:
        return {"family": "musl", "major": int(parts[0]), "minor": int(parts[1])}
    except (IndexError, ValueError):
        return None


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    return _glibc() or _musl()


def _macos_version():
    release = platform.mac_ver()[0]
    return release or None


info = sys.version_info
paths = sysconfig.get_paths()
print(json.dumps({
    "schema": \#(InterpreterQuery.schemaVersion),
    "sys_executable": sys.executable,
    "sys_prefix": sys.prefix,
    "sys_base_prefix": sys.base_prefix,
    "sys_base_exec_prefix": sys.base_exec_prefix,
    "version_info": {
        "major": info.major,
        "minor": info.minor,
        "micro": info.micro,
        "releaselevel": info.releaselevel,
        "serial": info.serial,
    },
    "implementation": platform.python_implementation(),
    "markers": {
        "implementation_name": sys.implementation.name,
        "implementation_version": _full_version(sys.implementation.version),
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_python_implementation": platform.python_implementation(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    },
    "tags": {
        "cache_tag": sys.implementation.cache_tag,
        "soabi": sysconfig.get_config_var("SOABI"),
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "py_gil_disabled": _flag("Py_GIL_DISABLED"),
        "py_debug": _flag("Py_DEBUG"),
        "with_pymalloc": _flag("WITH_PYMALLOC"),
        "platform": sysconfig.get_platform(),
        "machine": platform.machine(),
        "libc": _libc(),
        "macos_version": _macos_version(),
    },
    "paths": {
        "purelib": paths["purelib"],
        "platlib": paths["platlib"],
        "include": paths["include"],
        "scripts": paths["scripts"],
        "data": paths["data"],
    },
    "pointer_size": struct.calcsize("P") * 8,
    "maxsize": sys.maxsize,
    "is_virtualenv": sys.prefix != sys.base_prefix,
}))
"""#
}
