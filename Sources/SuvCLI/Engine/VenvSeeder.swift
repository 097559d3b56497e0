import Cache
import Distribution
import Hashing
import Installer
import PEP440
import PEP508
import Python
import Resolution
import Settings
import SuvBasics

/// `suv venv --seed`: pip (and, below Python 3.12, setuptools and wheel, as uv seeds them)
/// resolved for the new environment from the configured index, then installed into it like any
/// wheel; prints ` + name==version` as uv does.
struct VenvSeeder {
    let session: IndexSession
    let context: CommandContext

    func seed(environmentRoot root: String, base: InterpreterInfo) async throws {
        let info = base.virtualEnvironmentFacts(root: root)
        let names = (info.versionInfo.major, info.versionInfo.minor) >= (3, 12) ? ["pip"] : ["pip", "setuptools", "wheel"]
        let python = PEP440.Version(release: [UInt64(info.versionInfo.major), UInt64(info.versionInfo.minor), UInt64(info.versionInfo.micro)])
        let options = ResolutionOptions(markers: info.markers, pythonVersion: python, tags: info.tagEnvironment.supportedTags())
        let source = RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes)
        let graph = try await PackageResolution(source: source, options: options)
            .resolve(try names.map { try Requirement(parsing: $0) })
        let cache = WheelCache(store: session.cache)
        let indexes = session.settings.indexes.searchOrder + session.settings.indexes.findLinks
        let wheels = try await withThrowingTaskGroup(of: UnpackedWheel.self) { group in
            for package in graph.packages {
                guard let chosen = package.file, let index = indexes.first(where: { $0.url.string == chosen.indexURL }) ?? indexes.first else {
                    throw SeedError.noWheel(package.name.description)
                }
                group.addTask {
                    let path = try await session.registry.download(chosen.file, package: package.name, index: index)
                    let digest = chosen.file.hashes.first { $0.algorithm == .sha256 }.flatMap { SHA256Digest(hex: $0.value) }
                    return try await cache.unpack(wheelPath: path, hash: digest, filename: chosen.file.filename)
                }
            }
            var wheels: [UnpackedWheel] = []
            for try await wheel in group { wheels.append(wheel) }
            return wheels
        }
        let scheme = InstallScheme(interpreter: info)
        _ = try await WheelInstaller.install(wheels.map { ($0, InstallOptions()) }, into: scheme)
        for package in graph.packages.sorted(by: { $0.name < $1.name }) {
            context.printer.info(" + \(package.name)==\(package.version)")
        }
    }
}

/// A seed package without a usable wheel.
enum SeedError: SuvError, Equatable {
    case noWheel(String)

    var message: String {
        switch self {
        case .noWheel(let name): "No wheel of `\(name)` fits the new environment"
        }
    }

    var kind: ErrorKind { .failure }
}
