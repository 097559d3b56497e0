import FuzzSupport
import PackagingTypes

/// One input: JSON simple-API pages either parse or fail with `SimpleAPIError`; a page
/// that parses survives the cache's binary archive unchanged; arbitrary bytes given to the
/// archive reader (a corrupt cache entry) give `nil` or a page, never a trap.
func fuzzSimpleJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let url = "http://127.0.0.1:1/simple/demo/"
    if let page = try? SimpleProjectPage(json: bytes, url: url) {
        precondition(SimplePageArchive.decode(SimplePageArchive.encode(page)) == page, "archive round trip")
    }
    _ = try? SimpleProjectList(json: bytes, url: url)
    _ = SimplePageArchive.decode(bytes)
    return 0
}

runFuzzer { data, size in fuzzSimpleJSON(data, size) }
