@testable import HTTP
import Testing

@Suite struct HTTPClientConfigurationTests {
    @Test func defaultsMatchUv() throws {
        let configuration = try HTTPClientConfiguration(environment: [:], userAgent: "suv/0.1.0")
        #expect(configuration.userAgent == "suv/0.1.0")
        #expect(configuration.connectTimeout == .seconds(10))
        #expect(configuration.readTimeout == .seconds(30))
        #expect(configuration.maxRetries == 3)
        #expect(configuration.maxConcurrentTransfers == 50)
        #expect(configuration.maxRedirects == 10)
        #expect(configuration.maxConnectionsPerHost == nil)
        #expect(configuration.enableHTTP2)
        #expect(configuration.proxy == ProxyConfiguration())
        #expect(configuration.tls == TLSConfiguration())
    }

    @Test func environmentOverrides() throws {
        let configuration = try HTTPClientConfiguration(environment: [
            "UV_HTTP_TIMEOUT": "5", "UV_HTTP_CONNECT_TIMEOUT": "+2", "UV_HTTP_RETRIES": "0",
            "UV_CONCURRENT_DOWNLOADS": "4", "SSL_CERT_FILE": "/etc/ca.pem", "SSL_CERT_DIR": "/etc/certs",
            "SSL_CLIENT_CERT": "/etc/client.pem", "UV_INSECURE_HOST": "a.example  b.example:8443",
        ])
        #expect(configuration.readTimeout == .seconds(5))
        #expect(configuration.connectTimeout == .seconds(2))
        #expect(configuration.maxRetries == 0)
        #expect(configuration.maxConcurrentTransfers == 4)
        #expect(configuration.tls == TLSConfiguration(
            caFile: "/etc/ca.pem", caDirectory: "/etc/certs", clientCertificate: "/etc/client.pem",
            insecureHosts: ["a.example", "b.example:8443"]
        ))
    }

    @Test func legacyTimeoutNamesAreFallbacks() throws {
        #expect(try HTTPClientConfiguration(environment: ["HTTP_TIMEOUT": "9"]).readTimeout == .seconds(9))
        #expect(try HTTPClientConfiguration(environment: ["UV_REQUEST_TIMEOUT": "8", "HTTP_TIMEOUT": "9"]).readTimeout == .seconds(8))
        #expect(try HTTPClientConfiguration(environment: ["UV_HTTP_TIMEOUT": "7", "UV_REQUEST_TIMEOUT": "8"]).readTimeout == .seconds(7))
        #expect(try HTTPClientConfiguration(environment: ["UV_HTTP_TIMEOUT": ""]).readTimeout == .seconds(30))
    }

    @Test(arguments: [
        ("UV_HTTP_TIMEOUT", "not_a_number",
         "Failed to parse environment variable `UV_HTTP_TIMEOUT` with invalid value `not_a_number`: invalid digit found in string; value should be an integer number of seconds"),
        ("UV_HTTP_CONNECT_TIMEOUT", "-1",
         "Failed to parse environment variable `UV_HTTP_CONNECT_TIMEOUT` with invalid value `-1`: invalid digit found in string; value should be an integer number of seconds"),
        ("UV_HTTP_RETRIES", "99999999999999999999999",
         "Failed to parse environment variable `UV_HTTP_RETRIES` with invalid value `99999999999999999999999`: number too large to fit in target type"),
        ("UV_CONCURRENT_DOWNLOADS", "0",
         "Failed to parse environment variable `UV_CONCURRENT_DOWNLOADS` with invalid value `0`: number would be zero for non-zero type"),
        ("UV_CONCURRENT_DOWNLOADS", "1.5",
         "Failed to parse environment variable `UV_CONCURRENT_DOWNLOADS` with invalid value `1.5`: invalid digit found in string"),
    ])
    func malformedNumbersFailAsUvDoes(name: String, value: String, message: String) {
        #expect(throws: HTTPConfigurationError.self) { try HTTPClientConfiguration(environment: [name: value]) }
        do {
            _ = try HTTPClientConfiguration(environment: [name: value])
        } catch {
            #expect(error.message == message)
            #expect(error.kind == .error)
        }
    }

    @Test func proxiesPreferUppercaseAndFallBackToAllProxy() throws {
        let configuration = try HTTPClientConfiguration(environment: [
            "HTTP_PROXY": "http://upper:1", "http_proxy": "http://lower:1",
            "all_proxy": "socks5://all:1", "no_proxy": "localhost,.internal",
        ])
        #expect(configuration.proxy.proxy(forScheme: "http") == "http://upper:1")
        #expect(configuration.proxy.proxy(forScheme: "HTTPS") == "socks5://all:1")
        #expect(configuration.proxy.noProxy == "localhost,.internal")
        let lower = try HTTPClientConfiguration(environment: ["https_proxy": "http://p:3128"])
        #expect(lower.proxy.proxy(forScheme: "https") == "http://p:3128")
        #expect(lower.proxy.proxy(forScheme: "http") == nil)
    }

    @Test func insecureHostsMatchHostAndOptionalPort() {
        let tls = TLSConfiguration(insecureHosts: ["a.example", "b.example:8443", "https://c.example/simple"])
        #expect(tls.isInsecure(host: "A.example", port: 443))
        #expect(tls.isInsecure(host: "b.example", port: 8443))
        #expect(!tls.isInsecure(host: "b.example", port: 443))
        #expect(tls.isInsecure(host: "c.example", port: 443))
        #expect(!tls.isInsecure(host: "d.example", port: 443))
    }
}
