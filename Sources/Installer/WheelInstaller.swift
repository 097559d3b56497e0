#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Hashing
import PackagingTypes
import PEP440
import SuvBasics

/// How to install one wheel.
public struct InstallOptions: Sendable, Equatable {
    /// How files get from the cache into the environment.
    public var linkMode: LinkMode
    /// Whether to write `REQUESTED` (uv writes it for every package it installs).
    public var requested: Bool
    /// `direct_url.json` for URL and path installs; `nil` for registry installs.
    public var directURL: DirectURL?
    /// The `INSTALLER` text.
    public var installer: String

    public init(linkMode: LinkMode = .default, requested: Bool = true, directURL: DirectURL? = nil, installer: String = "suv") {
        self.linkMode = linkMode
        self.requested = requested
        self.directURL = directURL
        self.installer = installer
    }

    /// Test hook: stop (without cleaning up) after placing this many files, as a killed
    /// process would.
    var interruptAfterFiles: Int?
    /// Test hook: stop after placing this many files as a SIGINT would (rolling back).
    var signalAfterFiles: Int?

    /// The test hooks, as the installation checks them.
    var testInterruptions: TestInterruptions {
        TestInterruptions(killAfter: interruptAfterFiles, signalAfter: signalAfterFiles)
    }
}

/// What one installation did.
public struct InstallResult: Sendable, Equatable {
    /// The distribution's name and version, as `METADATA` gives them.
    public var name: PackageName
    public var version: String
    /// The absolute path of the installed `.dist-info` folder.
    public var distInfo: String
    /// How many lines the `RECORD` written has.
    public var recordCount: Int
    /// Link-mode fallbacks taken (uv warns once per fallback kind).
    public var fallbacks: [LinkFallback]
}

/// Installs unpacked wheels into an environment: the I/O half of ``InstallPlan``.
///
/// Files are linked (see ``LinkMode``) from the cache; `#!python` data scripts and entry-point
/// launchers are written as new files; `INSTALLER`, `REQUESTED` and `direct_url.json` follow;
/// `RECORD` is written last, so an install that stops half-way leaves a `.dist-info` without
/// `RECORD`, which ``InstalledDistributions`` reports as broken. When an install fails, every
/// file it placed and every folder it created is removed again.
///
/// (Named `WheelInstaller` because a type may not share its module's name.)
public enum WheelInstaller {
    /// Installs `wheel` into `scheme`, on the ``BlockingExecutor``.
    public static func install(
        _ wheel: UnpackedWheel, into scheme: InstallScheme, options: InstallOptions = InstallOptions()
    ) async throws -> InstallResult {
        try await withTaskExecutorPreference(BlockingExecutor.shared) {
            try await installOnExecutor(wheel, into: scheme, options: options)
        }
    }

    /// Installs many wheels concurrently, at most `width` at a time (the processor count by
    /// default). Results come back in the order of `wheels`. The first failure stops starting
    /// more; the installs in flight finish (each failed wheel cleans up after itself) and then
    /// the first failure is thrown. Every finished install, before or after a failure, is passed
    /// to `installed`, so that a caller can undo them.
    public static func install(
        _ wheels: [(wheel: UnpackedWheel, options: InstallOptions)], into scheme: InstallScheme,
        width: Int = BlockingExecutor.activeProcessorCount, installed: (@Sendable (InstallResult) -> Void)? = nil
    ) async throws -> [InstallResult] {
        try await withTaskExecutorPreference(BlockingExecutor.shared) {
            try await withThrowingTaskGroup(of: (Int, InstallResult).self) { group in
                var results = [InstallResult?](repeating: nil, count: wheels.count)
                // Largest first, so that a big wheel (Django: 2,500 folders, 3,700 files) does not
                // start last and finish alone while the other core idles.
                let sizes = wheels.map { estimatedSize($0.wheel) }
                let order = wheels.indices.sorted { sizes[$0] > sizes[$1] }
                var next = 0
                func startNext() {
                    guard next < order.count else { return }
                    let index = order[next]
                    let (wheel, options) = wheels[index]
                    group.addTask { (index, try await installOnExecutor(wheel, into: scheme, options: options)) }
                    next += 1
                }
                for _ in 0..<max(1, width) { startNext() }
                var failure: (any Error)?
                while true {
                    do {
                        guard let (index, result) = try await group.next() else { break }
                        results[index] = result
                        installed?(result)
                        if failure == nil { startNext() }
                    } catch {
                        if failure == nil { failure = error }
                    }
                }
                if let failure { throw failure }
                return results.compactMap { $0 }
            }
        }
    }

    /// A cheap measure of the work of linking a wheel: the size of its RECORD (one line per
    /// file), or 0 when it is not where the file name says.
    static func estimatedSize(_ wheel: UnpackedWheel) -> Int {
        let stem = wheel.filename.filename.split(separator: "-", maxSplits: 2).prefix(2).joined(separator: "-")
        var info = stat()
        return stat(wheel.path + "/" + stem + ".dist-info/RECORD", &info) == 0 ? Int(info.st_size) : 0
    }

    @concurrent
    static func installOnExecutor(_ wheel: UnpackedWheel, into scheme: InstallScheme, options: InstallOptions) async throws -> InstallResult {
        try installBlocking(wheel, into: scheme, options: options)
    }

    /// The synchronous installation (blocking file I/O).
    static func installBlocking(_ wheel: UnpackedWheel, into scheme: InstallScheme, options: InstallOptions) throws -> InstallResult {
        let filename = wheel.filename
        var described = "\(filename.filename)"
        if let layoutPath = wheel.layoutPath, let layout = WheelLayout.read(layoutPath) {
            do throws(any Error) {
                return try installBlocking(wheel, layout: layout, into: scheme, options: options)
            } catch let error as SimulatedInterruption {
                throw error
            } catch let error as InstallInterrupted {
                throw error
            } catch {
                let info = layout.info
                throw error.context("Failed to install: \(filename.filename) (\(PackageName(info.name).normalized)==\(info.version))")
            }
        }
        do throws(any Error) {
            let files = try FileSystem.walkFiles(wheel.path)
            let distInfo = try findDistInfo(in: wheel.path, files: files, package: filename.name)
            let info = try readInfo(wheel.path, distInfo: distInfo)
            described = "\(filename.filename) (\(PackageName(info.name).normalized)==\(info.version))"
            try checkNameAndVersion(info, filename: filename)
            let wheelRecord = try readWheelRecord(wheel.path, distInfo: distInfo)
            let entryPoints = try readEntryPoints(wheel.path, distInfo: distInfo, pythonMinor: scheme.pythonMinor)
            let plan: InstallPlan
            do {
                plan = try InstallPlan.make(
                    files: files, distInfo: distInfo, name: PackageName(info.name).normalized,
                    rootIsPurelib: info.rootIsPurelib, entryPoints: entryPoints, scheme: scheme
                )
            } catch {
                throw InstallerError(error)
            }
            var transaction = InstallTransaction(linker: Linker(mode: options.linkMode), interruptAfter: options.testInterruptions)
            do throws(any Error) {
                let record = try transaction.apply(plan, from: wheel.path, wheelRecord: wheelRecord, info: info, scheme: scheme, options: options)
                _ = utimes(plan.sitePackages, nil)
                if let layoutPath = wheel.layoutPath {
                    let hasEntryPoints = FileSystem.exists(wheel.path + "/" + distInfo + "/entry_points.txt")
                    try? WheelLayout.make(root: wheel.path, files: files, info: info, wheelRecord: wheelRecord, hasEntryPoints: hasEntryPoints)?
                        .store(at: layoutPath)
                }
                return InstallResult(
                    name: PackageName(info.name), version: info.version, distInfo: plan.sitePackages + "/" + distInfo,
                    recordCount: record.count, fallbacks: transaction.linker.fallbacks
                )
            } catch let error as SimulatedInterruption {
                throw error
            } catch {
                transaction.rollBack()
                throw error
            }
        } catch let error as SimulatedInterruption {
            throw error
        } catch let error as InstallInterrupted {
            throw error
        } catch {
            throw error.context("Failed to install: \(described)")
        }
    }

    /// The one top-level `.dist-info` folder holding `METADATA` (the one named for `package`
    /// when there are several).
    static func findDistInfo(in root: String, files: [String], package: PackageName) throws(InstallerError) -> String {
        var candidates: [String] = []
        for file in files where file.hasSuffix(".dist-info/METADATA") {
            let parts = file.split(separator: "/")
            if parts.count == 2 { candidates.append(String(parts[0])) }
        }
        if candidates.count == 1 { return candidates[0] }
        guard !candidates.isEmpty else { throw .invalidWheel(reason: "Missing .dist-info directory") }
        let matching = candidates.filter { PackageName(String($0.dropLast(".dist-info".count)).split(separator: "-").first.map(String.init) ?? "") == package }
        guard matching.count == 1 else {
            throw .invalidWheel(reason: "Multiple .dist-info directories found: \(candidates.joined(separator: ", "))")
        }
        return matching[0]
    }

    static func readInfo(_ root: String, distInfo: String) throws(InstallerError) -> WheelInfo {
        let metadata = String(decoding: try FileSystem.read(root + "/" + distInfo + "/METADATA"), as: UTF8.self)
        guard let wheel = try FileSystem.readIfPresent(root + "/" + distInfo + "/WHEEL") else {
            throw .invalidWheel(reason: "Missing \(distInfo)/WHEEL")
        }
        do {
            return try WheelInfo(distInfo: distInfo, metadata: metadata, wheel: String(decoding: wheel, as: UTF8.self))
        } catch {
            throw .invalidWheel(reason: error.description)
        }
    }

    static func checkNameAndVersion(_ info: WheelInfo, filename: WheelFilename) throws(InstallerError) {
        guard PackageName(info.name) == filename.name else {
            throw .mismatchedName(metadata: PackageName(info.name).normalized, filename: filename.name.normalized)
        }
        guard let version = Version(info.version) else { throw .invalidWheel(reason: "Invalid package version `\(info.version)`") }
        if version != filename.version && version != filename.version.publicVersion {
            throw .mismatchedVersion(metadata: version.description, filename: filename.version.description)
        }
    }

    static func readWheelRecord(_ root: String, distInfo: String) throws(InstallerError) -> [String: RecordEntry] {
        let path = root + "/" + distInfo + "/RECORD"
        guard let bytes = try FileSystem.readIfPresent(path) else { return [:] }
        var result: [String: RecordEntry] = [:]
        do {
            for entry in try RecordFile.parse(String(decoding: bytes, as: UTF8.self)) {
                result[PathArithmetic.normalize(entry.path)] = entry
            }
        } catch {
            throw .invalidWheel(reason: "RECORD file is invalid: \(error)")
        }
        return result
    }

    static func readEntryPoints(_ root: String, distInfo: String, pythonMinor: Int) throws(InstallerError) -> EntryPoints {
        guard let bytes = try FileSystem.readIfPresent(root + "/" + distInfo + "/entry_points.txt") else { return EntryPoints() }
        do {
            return try EntryPoints(parsing: String(decoding: bytes, as: UTF8.self), pythonMinor: pythonMinor)
        } catch {
            throw .invalidWheel(reason: error.description)
        }
    }
}

/// Thrown by the ``InstallOptions/interruptAfterFiles`` test hook.
struct SimulatedInterruption: Error {}

/// The installation's test hooks: stop as a killed process would (no roll-back), or as a
/// signal would (roll-back), after so many files.
struct TestInterruptions: Sendable {
    var killAfter: Int?
    var signalAfter: Int?
}

/// Applies an ``InstallPlan`` and remembers what it placed, to undo it on failure.
struct InstallTransaction {
    var linker: Linker
    let interruptAfter: TestInterruptions
    private(set) var placed: [String] = []
    private(set) var createdDirectories: [String] = []
    /// Folders known to exist: each is checked (and made) once per install, not once per file.
    private var knownDirectories: Set<String> = []

    init(linker: Linker, interruptAfter: TestInterruptions) {
        self.linker = linker
        self.interruptAfter = interruptAfter
    }

    mutating func apply(
        _ plan: InstallPlan, from root: String, wheelRecord: [String: RecordEntry], info: WheelInfo,
        scheme: InstallScheme, options: InstallOptions
    ) throws -> [RecordEntry] {
        var record = try applyItems(plan.items, from: root, wheelRecord: wheelRecord, scheme: scheme)
        var written: [String] = [], madeFolders: [String] = []
        defer {
            placed += written
            createdDirectories += madeFolders
        }
        let interruptAfter = interruptAfter, placedBefore = placed.count
        record += try Self.writeGeneratedFiles(
            scripts: plan.scripts, distInfoPath: plan.sitePackages + "/" + info.distInfo, distInfo: info.distInfo,
            scheme: scheme, options: options,
            makeParent: { (path: String) throws(InstallerError) in
                try FileSystem.createDirectories(PathArithmetic.parent(path)) { madeFolders.append($0) }
            },
            placed: { (path: String, isScript: Bool) throws in
                written.append(path)
                if isScript { try Self.checkInterruption(placed: placedBefore + written.count, interruptAfter: interruptAfter) }
            }
        )
        record.append(RecordEntry(path: info.distInfo + "/RECORD"))
        record.sort()
        try FileSystem.writeReplacing(plan.sitePackages + "/" + info.distInfo + "/RECORD", Array(RecordFile.serialize(record).utf8))
        return record
    }

    /// Writes what the installer makes itself: the entry-point launchers, then `REQUESTED`,
    /// `direct_url.json` and `INSTALLER` in the `.dist-info` folder at `distInfoPath`. Calls
    /// `placed` after each file; returns their `RECORD` entries (`RECORD`'s own is the caller's).
    static func writeGeneratedFiles(
        scripts: [InstallPlan.ScriptItem], distInfoPath: String, distInfo: String, scheme: InstallScheme,
        options: InstallOptions, makeParent: (String) throws(InstallerError) -> Void,
        placed: (_ path: String, _ isScript: Bool) throws -> Void
    ) throws -> [RecordEntry] {
        var record: [RecordEntry] = []
        for item in scripts {
            try makeParent(item.destination)
            let text = Array(ScriptText.launcher(for: item.script, shebang: scheme.shebang(isGUI: item.isGUI)).utf8)
            try FileSystem.writeReplacing(item.destination, text, mode: 0o755)
            try placed(item.destination, true)
            record.append(recordEntry(item.recordPath, text))
        }
        var metadata: [(String, [UInt8])] = []
        if options.requested { metadata.append(("REQUESTED", [])) }
        if let directURL = options.directURL { metadata.append(("direct_url.json", Array(directURL.json.utf8))) }
        metadata.append(("INSTALLER", Array(options.installer.utf8)))
        for (name, bytes) in metadata {
            try makeParent(distInfoPath + "/" + name)
            try FileSystem.writeNew(distInfoPath + "/" + name, bytes)
            try placed(distInfoPath + "/" + name, false)
            record.append(recordEntry(distInfo + "/" + name, bytes))
        }
        return record
    }

    /// Places the plan's files (linked, or rewritten for a `.data/scripts` file); returns
    /// their `RECORD` entries (from the wheel's `RECORD`, or hashed from the file).
    mutating func applyItems(
        _ items: [InstallPlan.Item], from root: String, wheelRecord: [String: RecordEntry], scheme: InstallScheme
    ) throws -> [RecordEntry] {
        var record: [RecordEntry] = []
        for item in items {
            try makeParent(of: item.destination)
            let source = root + "/" + item.source
            var entry = wheelRecord[item.source]
            switch item.action {
            case .link:
                try linker.place(source, at: item.destination)
            case .dataScript:
                let info = try FileSystem.lstatIfPresent(source)
                let bytes = try FileSystem.read(source)
                if let rewritten = ScriptText.rewriteDataScript(bytes, shebang: scheme.shebang(isGUI:)) {
                    try FileSystem.writeReplacing(item.destination, rewritten, mode: 0o755)
                    entry = Self.recordEntry(item.recordPath, rewritten)
                } else if let info, info.st_mode & 0o111 == 0o111 {
                    try linker.place(source, at: item.destination)
                } else {
                    // A copy: changing the mode of a hard link would change the cache's file.
                    try Linker.copy(source, to: item.destination, mode: (info?.st_mode ?? 0o644) | 0o111)
                }
            }
            placed.append(item.destination)
            if entry == nil {
                entry = try Self.recordEntry(item.recordPath, forFile: source)
            }
            entry?.path = item.recordPath
            if let entry { record.append(entry) }
            try checkInterruption()
        }
        return record
    }

    private mutating func makeParent(of path: String) throws(InstallerError) {
        let parent = PathArithmetic.parent(path)
        guard !knownDirectories.contains(parent) else { return }
        // Below a folder already known to be a real folder, one `mkdir` does (files come in
        // path order, so this is the common case); otherwise walk up with `lstat`.
        if knownDirectories.contains(PathArithmetic.parent(parent)) {
            if mkdir(parent, 0o777) == 0 {
                createdDirectories.append(parent)
                knownDirectories.insert(parent)
                return
            }
            guard errno == EEXIST else { throw FileSystem.failure("create directory", parent) }
        }
        try FileSystem.createDirectories(parent) { createdDirectories.append($0) }
        knownDirectories.insert(parent)
    }

    private func checkInterruption() throws {
        try Self.checkInterruption(placed: placed.count, interruptAfter: interruptAfter)
    }

    /// Stops an installation that a signal asked to stop (or a test hook, after so many files).
    static func checkInterruption(placed: Int, interruptAfter hooks: TestInterruptions) throws {
        if let signal = InstallInterruption.signal { throw InstallInterrupted(signal: signal) }
        if let after = hooks.killAfter, placed >= after { throw SimulatedInterruption() }
        if let after = hooks.signalAfter, placed >= after { throw InstallInterrupted(signal: SIGINT) }
    }

    /// Removes every placed file and every created folder left empty, newest first.
    func rollBack() {
        for path in placed.reversed() { _ = try? FileSystem.removeFile(path) }
        for directory in createdDirectories.reversed() { _ = FileSystem.removeIfEmptyDirectory(directory) }
    }

    static func recordEntry(_ path: String, _ bytes: [UInt8]) -> RecordEntry {
        RecordEntry(path: path, hash: "sha256=" + SHA256.hash(bytes).base64URLEncodedNoPadding, size: UInt64(bytes.count))
    }

    static func recordEntry(_ path: String, forFile file: String) throws(InstallerError) -> RecordEntry? {
        guard let info = try FileSystem.lstatIfPresent(file) else { return nil }
        if FileSystem.isSymlink(info) {
            return recordEntry(path, Array(try FileSystem.readLink(file).utf8))
        }
        return recordEntry(path, try FileSystem.read(file))
    }
}
