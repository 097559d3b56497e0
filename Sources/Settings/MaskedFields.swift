import TOML

/// The `[tool.uv]` keys uv names when a `uv.toml` beside the `pyproject.toml` masks them, and
/// the `uv.toml` keys that only make sense in a `pyproject.toml`.
enum MaskedFields {
    /// Settings keys in uv's order (`crates/uv-settings/src/lib.rs`, `warn_uv_toml_masked_fields`),
    /// each with the label uv prints (uv prints `cache_keys` with an underscore).
    static let settingsKeys: [(key: String, label: String)] = [
        "required-version", "system-certs", "native-tls", "offline", "no-cache", "cache-dir", "preview",
        "preview-features", "python-preference", "python-downloads", "concurrent-downloads", "concurrent-builds",
        "concurrent-installs", "allow-insecure-host", "http-proxy", "https-proxy", "no-proxy", "index", "index-url",
        "extra-index-url", "no-index", "find-links", "index-strategy", "keyring-provider", "resolution", "prerelease",
        "prerelease-package", "fork-strategy", "dependency-metadata", "config-settings", "config-settings-package",
        "no-build-isolation", "no-build-isolation-package", "extra-build-dependencies", "extra-build-variables",
        "exclude-newer", "exclude-newer-package", "link-mode", "compile-bytecode", "no-sources", "upgrade",
        "upgrade-package", "reinstall", "reinstall-package", "no-build", "no-build-package", "no-binary",
        "no-binary-package", "torch-backend", "python-install-mirror", "pypy-install-mirror",
        "python-downloads-json-url", "publish-url", "trusted-publishing", "check-url", "add-bounds", "pip",
    ].map { (key: $0, label: $0) } + [(key: "cache-keys", label: "cache_keys")] + [
        "override-dependencies", "exclude-dependencies", "constraint-dependencies", "build-constraint-dependencies",
    ].map { (key: $0, label: $0) }

    /// Keys a `uv.toml` may not have, in the order uv checks them.
    static let projectOnlyKeys = [
        "conflicts", "workspace", "sources", "dev-dependencies", "default-groups", "dependency-groups", "managed",
        "package", "build-backend", "environments", "required-environments",
    ]

    /// The labels of the settings keys present in a `[tool.uv]` table, in uv's order.
    static func masked(in toolUv: TOMLTableView) -> [String] {
        settingsKeys.filter { toolUv[$0.key] != nil }.map(\.label)
    }

    /// uv's warning for a `uv.toml` beside a `pyproject.toml` whose `[tool.uv]` sets `fields`.
    static func warning(for fields: [String]) -> String {
        "Found both a `uv.toml` file and a `[tool.uv]` section in an adjacent `pyproject.toml`. The following fields from `[tool.uv]` will be ignored in favor of the `uv.toml` file:\n- "
            + fields.joined(separator: "\n- ")
    }
}
