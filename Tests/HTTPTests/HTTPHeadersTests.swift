import HTTP
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCase() {
        let headers: HTTPHeaders = ["Content-Type": "text/html", "ETag": "\"abc\""]
        #expect(headers["content-type"] == "text/html")
        #expect(headers["ETAG"] == "\"abc\"")
        #expect(headers["Missing"] == nil)
    }

    @Test func settingReplacesEveryFieldOfThatName() {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "a")
        headers.add(name: "X", value: "1")
        headers.add(name: "accept", value: "b")
        #expect(headers.values(for: "ACCEPT") == ["a", "b"])
        headers["Accept"] = "c"
        #expect(headers.values(for: "accept") == ["c"])
        #expect(headers.fields.map(\.name) == ["Accept", "X"])
        headers["accept"] = nil
        #expect(headers.fields.map(\.name) == ["X"])
    }
}
