/// The Python program that calls one PEP 517/660 hook, run with the build environment's
/// interpreter in the source tree:
/// `python -c <script> <backend> <hook> <output folder> <result file> <backend-path entries…>`.
///
/// The backend's own output goes to the process's standard output and error untouched; the
/// hook's return value is written as JSON to the result file. Exit status 0: called; 1: the
/// hook raised (traceback on standard error); 3: the backend could not be imported; 4: an
/// optional hook the caller needs (`build_editable`) is missing.
enum BackendShim {
    static let script = #"""
import importlib, json, os, sys, traceback

backend_name, hook, output, result_file = sys.argv[1:5]
# PEP 517: the source tree is not importable unless `backend-path` says so.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]
for entry in reversed(sys.argv[5:]):
    sys.path.insert(0, os.path.abspath(entry))

module_name, _, object_path = backend_name.partition(":")
try:
    backend = importlib.import_module(module_name)
    for part in object_path.split(".") if object_path else []:
        backend = getattr(backend, part)
except Exception:
    traceback.print_exc()
    sys.exit(3)

function = getattr(backend, hook, None)
if hook.startswith("get_requires_for_build_"):
    result = list(function({})) if function is not None else []
elif function is None:
    sys.exit(4)
else:
    result = function(output, {}, None)
with open(result_file, "w") as file:
    json.dump(result, file)
"""#
}
