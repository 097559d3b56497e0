import Foundation
import PEP508
import Testing
@testable import Python

/// The cache's hand-written reader gives back exactly what `JSONEncoder` wrote.
@Suite struct InterpreterCacheEntryReaderTests {
    static func entry(libc: Libc?, macOS: String?, flags: Bool?) throws -> InterpreterInfoCache.Entry {
        let markers = try MarkerEnvironment(values: [
            "implementation_name": "cpython", "implementation_version": "3.13.0", "os_name": "posix",
            "platform_machine": "aarch64", "platform_python_implementation": "CPython", "platform_release": "6.1",
            "platform_system": "Linux", "platform_version": "#1 SMP", "python_full_version": "3.13.0rc2",
            "python_version": "3.13", "sys_platform": "linux",
        ])
        let info = InterpreterInfo(
            executable: "/opt/py/bin/python3.13", prefix: "/opt/py", basePrefix: "/opt/py", baseExecPrefix: "/opt/py",
            versionInfo: PythonVersionInfo(major: 3, minor: 13, micro: 0, releaseLevel: "candidate", serial: 2),
            implementation: "CPython", markers: markers,
            tags: TagInputs(cacheTag: flags == nil ? nil : "cpython-313", soabi: "cpython-313t-aarch64-linux-musl",
                            extSuffix: ".so", gilDisabled: flags, debug: flags.map(!), withPymalloc: flags,
                            platform: "linux-aarch64", machine: "aarch64", libc: libc, macOSVersion: macOS),
            paths: InstallPaths(purelib: "/p/pure", platlib: "/p/plat", include: "/p/inc", scripts: "/p/bin", data: "/p"),
            pointerSize: 64, maxSize: Int64.max, isVirtualenv: flags ?? false)
        return InterpreterInfoCache.Entry(
            schema: InterpreterQuery.schemaVersion, executable: "/opt/py/bin/python3.13",
            stamp: ExecutableStamp(resolvedPath: "/opt/py/bin/python3.13", modifiedSeconds: 1_778_312_176,
                                   modifiedNanoseconds: 123_456_789, size: 17_600),
            info: info)
    }

    static func encoded(_ entry: InterpreterInfoCache.Entry) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(entry))
    }

    @Test(arguments: [
        (Libc(family: .musl, major: 1, minor: 2), "14.5", true),
        (Libc(family: .glibc, major: 2, minor: 36), nil, false),
        (nil, nil, nil),
    ] as [(Libc?, String?, Bool?)])
    func readsWhatTheEncoderWrote(libc: Libc?, macOS: String?, flags: Bool?) throws {
        let entry = try Self.entry(libc: libc, macOS: macOS, flags: flags)
        let read = try #require(InterpreterCacheEntryReader.entry(try Self.encoded(entry)))
        #expect(read.info == entry.info)
        #expect(read.stamp == entry.stamp)
        #expect(read.schema == entry.schema && read.executable == entry.executable)
    }

    @Test func anythingElseIsNoEntry() throws {
        let text = String(decoding: try Self.encoded(try Self.entry(libc: nil, macOS: nil, flags: nil)), as: UTF8.self)
        for broken in [
            "", "{}", "[1]", String(text.dropLast()),
            text.replacingOccurrences(of: "\"pointer_size\":64", with: "\"pointer_size\":\"64\""),
            text.replacingOccurrences(of: "\"sys_prefix\"", with: "\"sys_prefix_\""),
            text.replacingOccurrences(of: "\"machine\":\"aarch64\",", with: "\"libc\":{\"family\":\"bionic\",\"major\":1,\"minor\":0},\"machine\":\"aarch64\","),
            text.replacingOccurrences(of: "\"python_version\":\"3.13\",", with: ""),
        ] {
            #expect(InterpreterCacheEntryReader.entry(Array(broken.utf8)) == nil, "\(broken.prefix(60))")
        }
    }
}
