import FuzzSupport
import PackagingTypes
import SuvBasics

/// One input: HTML simple-API pages (project pages, the project list, find-links pages)
/// either parse or fail with `SimpleAPIError`; nothing traps.
func fuzzSimpleHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let url = "http://127.0.0.1:1/simple/demo/"
    _ = try? SimpleProjectPage(html: bytes, url: url, name: PackageName("demo"))
    _ = try? SimpleProjectList(html: bytes, url: url)
    _ = FlatIndex.files(html: bytes, url: url)
    return 0
}

runFuzzer { data, size in fuzzSimpleHTML(data, size) }
