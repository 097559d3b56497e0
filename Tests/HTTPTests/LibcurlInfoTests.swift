import Testing
import HTTP

@Suite struct LibcurlInfoTests {
    @Test func linkedLibcurlSpeaksHTTP2WithTLSAndCompression() {
        let info = LibcurlInfo.linked
        #expect(info.version.split(separator: ".").count >= 2)
        #expect(info.supportsHTTP2, "suv's HTTP client multiplexes over HTTP/2")
        #expect(info.supportsCompression)
        #expect(info.tlsBackend != nil)
        #expect(info.summary.hasPrefix("libcurl \(info.version)"))
    }
}
