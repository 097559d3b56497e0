#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PackagingTypes
import SuvBasics

extension WheelInstaller {
    /// Installs `wheel` through its ``WheelLayout``: the same files and `RECORD` as the plan
    /// gives, with each folder made and each file linked by a system call relative to the
    /// site-packages folder and the unpacked wheel (`mkdirat`, `linkat`), and no per-file
    /// strings unless a file needs more than a hard link.
    static func installBlocking(
        _ wheel: UnpackedWheel, layout: WheelLayout, into scheme: InstallScheme, options: InstallOptions
    ) throws -> InstallResult {
        let info = layout.info
        try checkNameAndVersion(info, filename: wheel.filename)
        let sitePackages = PathArithmetic.normalize(info.rootIsPurelib ? scheme.purelib : scheme.platlib)
        let entryPoints = layout.hasEntryPoints
            ? try readEntryPoints(wheel.path, distInfo: info.distInfo, pythonMinor: scheme.pythonMinor)
            : EntryPoints()
        let scripts: [InstallPlan.ScriptItem]
        do {
            scripts = try InstallPlan.scriptItems(entryPoints, scheme: scheme, sitePackages: sitePackages)
        } catch {
            throw InstallerError(error)
        }
        var transaction = try LayoutTransaction(
            layout: layout, source: wheel.path, sitePackages: sitePackages,
            linker: Linker(mode: options.linkMode), interruptAfter: options.testInterruptions
        )
        defer { transaction.closeFolders() }
        do throws(any Error) {
            let recordCount = try transaction.apply(entryPoints: entryPoints, scripts: scripts, scheme: scheme, options: options)
            _ = utimes(sitePackages, nil)
            return InstallResult(
                name: PackageName(info.name), version: info.version, distInfo: sitePackages + "/" + info.distInfo,
                recordCount: recordCount, fallbacks: transaction.fallbacks
            )
        } catch let error as SimulatedInterruption {
            throw error
        } catch {
            transaction.rollBack()
            throw error
        }
    }
}

/// Applies a ``WheelLayout`` to a site-packages folder and remembers what it did, to undo it
/// on failure.
struct LayoutTransaction {
    let layout: WheelLayout
    let source: String
    let sitePackages: String
    var linker: Linker
    let interruptAfter: TestInterruptions
    /// Open folders: the unpacked wheel and site-packages (read-only).
    private let sourceFolder: Int32
    private let targetFolder: Int32
    /// Folders made above site-packages (it did not exist yet), outermost first.
    private var createdParents: [String] = []
    /// The layout's operations done so far (byte offset of the first not done).
    private var doneUpTo: Int
    /// Offsets of the folders this installation made.
    private var createdFolders: Set<Int> = []
    /// Files placed, by the layout or written (scripts, `.dist-info` files).
    private var placedCount = 0
    private var written: [String] = []
    /// The `.data` files' installation, planned for the scheme.
    private var dataTransaction: InstallTransaction?

    /// Link-mode fallbacks taken.
    var fallbacks: [LinkFallback] { linker.fallbacks + (dataTransaction?.linker.fallbacks ?? []) }

    init(layout: WheelLayout, source: String, sitePackages: String, linker: Linker, interruptAfter: TestInterruptions) throws(InstallerError) {
        self.layout = layout
        self.source = source
        self.sitePackages = sitePackages
        self.linker = linker
        self.interruptAfter = interruptAfter
        doneUpTo = layout.operations.lowerBound
        var made: [String] = []
        try FileSystem.createDirectories(sitePackages) { made.append($0) }
        createdParents = made
        sourceFolder = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard sourceFolder >= 0 else { throw FileSystem.failure("open", source) }
        targetFolder = open(sitePackages, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard targetFolder >= 0 else {
            let failure = FileSystem.failure("open", sitePackages)
            close(sourceFolder)
            throw failure
        }
    }

    func closeFolders() {
        close(sourceFolder)
        close(targetFolder)
    }

    /// Makes the folders, links the files, writes the generated files and `RECORD` (last).
    /// Returns the number of `RECORD` lines.
    mutating func apply(
        entryPoints: EntryPoints, scripts: [InstallPlan.ScriptItem], scheme: InstallScheme, options: InstallOptions
    ) throws -> Int {
        var failure: (any Error)?
        layout.forEachOperation { operation, path, offset in
            do {
                switch operation {
                case .makeDirectory:
                    if mkdirat(targetFolder, path, 0o777) == 0 {
                        createdFolders.insert(offset)
                    } else if errno != EEXIST {
                        throw FileSystem.failure("create directory", sitePackages + "/" + String(cString: path))
                    }
                case .linkFile:
                    // (After a fallback to copies, the linker's mode is no longer hard links.)
                    if !(linker.mode == .hardlink && linkat(sourceFolder, path, targetFolder, path, 0) == 0) {
                        let relative = String(cString: path)
                        try linker.place(source + "/" + relative, at: sitePackages + "/" + relative)
                    } else {
                        linker.noteLinked()
                    }
                    placedCount += 1
                }
                // Done (and undone by a roll-back) before anything else can stop the install.
                doneUpTo = offset + 1
                if operation == .linkFile {
                    try InstallTransaction.checkInterruption(placed: placedCount, interruptAfter: self.interruptAfter)
                }
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        doneUpTo = layout.operations.upperBound

        let info = layout.info
        var extra = try applyData(entryPoints: entryPoints, scheme: scheme)
        var madeFolders: [String] = []
        var newlyWritten: [String] = []
        defer {
            createdParents += madeFolders
            written += newlyWritten
        }
        let placedBefore = placedCount, limit = interruptAfter
        extra += try InstallTransaction.writeGeneratedFiles(
            scripts: scripts, distInfoPath: sitePackages + "/" + info.distInfo, distInfo: info.distInfo,
            scheme: scheme, options: options,
            makeParent: { (path: String) throws(InstallerError) in
                try FileSystem.createDirectories(PathArithmetic.parent(path)) { madeFolders.append($0) }
            },
            placed: { (path: String, isScript: Bool) throws in
                newlyWritten.append(path)
                if isScript {
                    try InstallTransaction.checkInterruption(placed: placedBefore + newlyWritten.count, interruptAfter: limit)
                }
            }
        )
        extra.append(RecordEntry(path: info.distInfo + "/RECORD"))
        try FileSystem.writeReplacing(sitePackages + "/" + info.distInfo + "/RECORD", layout.recordText(adding: extra))
        return layout.recordCount + extra.count
    }

    /// Places the `.data` files where the scheme puts them, as the plan does; returns their
    /// `RECORD` entries.
    private mutating func applyData(entryPoints: EntryPoints, scheme: InstallScheme) throws -> [RecordEntry] {
        guard layout.dataCount > 0 else { return [] }
        let info = layout.info
        let entries: [RecordEntry]
        let plan: InstallPlan
        do {
            entries = try layout.dataEntries()
            plan = try InstallPlan.make(
                files: entries.map(\.path), distInfo: info.distInfo, name: PackageName(info.name).normalized,
                rootIsPurelib: info.rootIsPurelib, entryPoints: entryPoints, scheme: scheme)
        } catch {
            throw InstallerError.invalidWheel(reason: "\(error)")
        }
        var wheelRecord: [String: RecordEntry] = [:]
        for entry in entries where entry.hash != nil { wheelRecord[entry.path] = entry }
        // The test hooks count on from the files placed so far.
        let hooks = TestInterruptions(
            killAfter: interruptAfter.killAfter.map { $0 - placedCount },
            signalAfter: interruptAfter.signalAfter.map { $0 - placedCount })
        var transaction = InstallTransaction(linker: linker, interruptAfter: hooks)
        defer { dataTransaction = transaction }
        return try transaction.applyItems(plan.items, from: source, wheelRecord: wheelRecord, scheme: scheme)
    }

    /// Removes every file placed and every folder made (when empty), newest first.
    func rollBack() {
        for path in written.reversed() { _ = try? FileSystem.removeFile(path) }
        dataTransaction?.rollBack()
        var done: [(WheelLayout.Operation, String, Int)] = []
        layout.forEachOperation { operation, path, offset in
            guard offset < doneUpTo else { return false }
            if operation == .linkFile || createdFolders.contains(offset) {
                done.append((operation, String(cString: path), offset))
            }
            return true
        }
        for (operation, path, _) in done.reversed() {
            _ = unlinkat(targetFolder, path, operation == .makeDirectory ? AT_REMOVEDIR : 0)
        }
        for directory in createdParents.reversed() { _ = FileSystem.removeIfEmptyDirectory(directory) }
    }
}
