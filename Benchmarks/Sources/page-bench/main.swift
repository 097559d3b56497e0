// Parses simple-API pages (files given on the command line: PEP 691 JSON, or PEP 503 HTML when
// the name ends in `.html`) and reports the median time of the parse, and of the cache's binary
// form written and read back.
// Run: swift run -c release --package-path Benchmarks page-bench page.json page.html…
import Foundation
import PackagingTypes
import SuvBasics

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let bytes = [UInt8](data)
    var page: SimpleProjectPage?
    var parse: [Double] = [], encode: [Double] = [], decode: [Double] = []
    var archive: [UInt8] = []
    for _ in 0..<9 {
        let url = "https://index.example/simple/x/"
        parse.append(try milliseconds {
            page = path.hasSuffix(".html")
                ? try SimpleProjectPage(html: bytes, url: url, name: PackageName("x"))
                : try SimpleProjectPage(json: bytes, url: url)
        })
        guard let parsed = page else { break }
        encode.append(milliseconds { archive = SimplePageArchive.encode(parsed) })
        decode.append(milliseconds { _ = SimplePageArchive.decode(archive) })
    }
    print(String(format: "%@: %d bytes, %d files; parse %.1f ms (%.0f MB/s), archive %d bytes: write %.1f ms, read %.1f ms",
                 (path as NSString).lastPathComponent, bytes.count, page?.files.count ?? 0, parse.sorted()[4],
                 Double(bytes.count) / 1e3 / parse.sorted()[4], archive.count, encode.sorted()[4], decode.sorted()[4]))
}
