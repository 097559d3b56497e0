/// The extra files of a compiled package, as uv 0.13.9 writes them: the build description
/// (`Cargo.toml`, `CMakeLists.txt`), the extension's source and its type stub.
enum NativeSources {
    static func files(backend: BuildBackend, name: String, module: String) -> [ScaffoldFile] {
        let stub = ScaffoldFile("src/\(module)/_core.pyi", "def hello_from_bin() -> str: ...\n")
        switch backend {
        case .maturin:
            return [
                ScaffoldFile("Cargo.toml", """
                    [package]
                    name = "\(module)"
                    version = "0.1.0"
                    edition = "2024"

                    [lib]
                    name = "_core"
                    # "cdylib" is necessary to produce a shared library for Python to import from.
                    crate-type = ["cdylib"]

                    [dependencies]
                    # "extension-module" tells pyo3 we want to build an extension module (skips linking against libpython.so)
                    # "abi3-py39" tells pyo3 (and maturin) to build using the stable ABI with minimum Python version 3.9
                    pyo3 = { version = "0.28.2", features = ["extension-module", "abi3-py39"] }

                    """),
                ScaffoldFile("src/lib.rs", """
                    use pyo3::prelude::*;

                    /// A Python module implemented in Rust. The name of this module must match
                    /// the `lib.name` setting in the `Cargo.toml`, else Python will not be able to
                    /// import the module.
                    #[pymodule]
                    mod _core {
                        use pyo3::prelude::*;

                        #[pyfunction]
                        fn hello_from_bin() -> String {
                            "Hello from \(name)!".to_string()
                        }
                    }

                    """),
                stub,
            ]
        case .scikit:
            return [
                ScaffoldFile("CMakeLists.txt", """
                    cmake_minimum_required(VERSION 3.15...4.0)
                    project(${SKBUILD_PROJECT_NAME} LANGUAGES CXX)

                    find_package(pybind11 CONFIG REQUIRED)

                    pybind11_add_module(_core MODULE src/main.cpp)
                    install(TARGETS _core DESTINATION ${SKBUILD_PROJECT_NAME})

                    """),
                ScaffoldFile("src/main.cpp", """
                    #include <pybind11/pybind11.h>

                    std::string hello_from_bin() { return "Hello from \(name)!"; }

                    namespace py = pybind11;

                    PYBIND11_MODULE(_core, m) {
                      m.doc() = "pybind11 hello module";

                      m.def("hello_from_bin", &hello_from_bin, R"pbdoc(
                          A function that returns a Hello string.
                      )pbdoc");
                    }

                    """),
                stub,
            ]
        default:
            return []
        }
    }
}
