/// `_virtualenv.py`, imported through `_virtualenv.pth` in environments for Python below 3.10.
///
/// Older `distutils` read `prefix` and `install_*` settings from configuration files
/// (`setup.cfg`, `~/.pydistutils.cfg`), which could send an install outside the environment.
/// This module wraps `Distribution.parse_config_files` of `distutils` (and of setuptools'
/// vendored copy) as each is imported, so that such settings point back into the environment.
enum DistutilsPatch {
    static let source = #"""
"""Keep distutils installs inside this virtual environment (written by suv)."""

import os
import sys

_MODULES = ("distutils.dist", "setuptools.dist", "setuptools._distutils.dist")


def _patch(module):
    original = module.Distribution.parse_config_files
    if getattr(original, "_suv_patched", False):
        return

    def parse_config_files(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        install = self.get_option_dict("install")
        if "prefix" in install:
            install["prefix"] = (__file__, os.path.abspath(sys.prefix))
        for scheme in ("purelib", "platlib", "headers", "scripts", "data"):
            install.pop("install_" + scheme, None)
        return result

    parse_config_files._suv_patched = True
    module.Distribution.parse_config_files = parse_config_files


class _Finder(object):
    """Patches the modules above right after they are first executed."""

    _busy = set()

    def find_spec(self, fullname, path, target=None):
        if fullname not in _MODULES or fullname in self._busy:
            return None
        import importlib.util

        self._busy.add(fullname)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._busy.discard(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = getattr(loader, "exec_module", None)
        if exec_module is None:
            return spec

        def patched_exec_module(module, _exec=exec_module):
            _exec(module)
            if hasattr(module, "Distribution"):
                _patch(module)

        try:
            loader.exec_module = patched_exec_module
        except Exception:  # a loader that does not allow it: leave the module alone
            return None
        return spec


sys.meta_path.insert(0, _Finder())
"""#
}
