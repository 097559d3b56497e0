import FuzzSupport
import Lockfile

/// One input: `uv.lock` text either reads into a lock or fails with `LockfileError`;
/// nothing traps.
func fuzzLock(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    if let lock = try? LockReader.read(bytes: bytes) {
        _ = lock.packages.count
    }
    return 0
}

runFuzzer { data, size in fuzzLock(data, size) }
