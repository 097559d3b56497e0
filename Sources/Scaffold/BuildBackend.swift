/// The build backends `suv init --build-backend` knows, as uv 0.13.9 configures them.
public enum BuildBackend: String, CaseIterable, Sendable {
    case uv
    case hatch
    case flit
    case pdm
    case poetry
    case setuptools
    case maturin
    case scikit

    /// The uv release whose `uv_build` a new project requires: suv writes the bounds uv 0.13.9
    /// writes (`uv_build>=0.13.9,<0.14.0`).
    public static let compatibleUvVersion = "0.13.9"

    /// Whether the package is compiled (Rust through maturin, C++ through scikit-build-core).
    public var isNative: Bool { self == .maturin || self == .scikit }

    /// The tables after `[project]` (and `[project.scripts]`): the backend's `[tool.*]`
    /// configuration, then `[build-system]`.
    public func configuration(moduleName: String) -> String {
        switch self {
        case .uv:
            buildSystem(requires: "\"uv_build>=\(Self.compatibleUvVersion),<\(Self.nextMinor(of: Self.compatibleUvVersion))\"", backend: "uv_build")
        case .hatch:
            buildSystem(requires: "\"hatchling\"", backend: "hatchling.build")
        case .flit:
            buildSystem(requires: "\"flit_core>=3.2,<4\"", backend: "flit_core.buildapi")
        case .pdm:
            buildSystem(requires: "\"pdm-backend\"", backend: "pdm.backend")
        case .poetry:
            buildSystem(requires: "\"poetry-core>=2,<3\"", backend: "poetry.core.masonry.api")
        case .setuptools:
            buildSystem(requires: "\"setuptools>=61\"", backend: "setuptools.build_meta")
        case .maturin:
            """
            [tool.maturin]
            module-name = "\(moduleName)._core"
            python-packages = ["\(moduleName)"]
            python-source = "src"

            [tool.uv]
            cache-keys = [{ file = "pyproject.toml" }, { file = "src/**/*.rs" }, { file = "Cargo.toml" }, { file = "Cargo.lock" }]


            """ + buildSystem(requires: "\"maturin>=1.0,<2.0\"", backend: "maturin")
        case .scikit:
            """
            [tool.scikit-build]
            minimum-version = "build-system.requires"
            build-dir = "build/{wheel_tag}"

            [tool.uv]
            cache-keys = [{ file = "pyproject.toml" }, { file = "src/**/*.{h,c,hpp,cpp}" }, { file = "CMakeLists.txt" }]


            """ + buildSystem(requires: "\"scikit-build-core>=0.12\", \"pybind11>=3\"", backend: "scikit_build_core.build")
        }
    }

    private func buildSystem(requires: String, backend: String) -> String {
        """
        [build-system]
        requires = [\(requires)]
        build-backend = "\(backend)"

        """
    }

    /// The exclusive upper bound uv puts on `uv_build`: the next minor release, with as many
    /// components as the version has (`0.13.9` → `0.14.0`).
    static func nextMinor(of version: String) -> String {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return version }
        return ([parts[0], parts[1] + 1] + Array(repeating: 0, count: parts.count - 2)).map(String.init).joined(separator: ".")
    }
}
