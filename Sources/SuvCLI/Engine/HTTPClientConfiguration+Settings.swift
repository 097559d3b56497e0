import HTTP
import Settings

extension HTTPClientConfiguration {
    /// The HTTP configuration of a command: the environment's (timeouts, retries, proxies,
    /// `SSL_CERT_FILE`, …), then what the command line and the configuration files add on top:
    /// the insecure hosts of `--allow-insecure-host` and `allow-insecure-host`, and
    /// `concurrent-downloads`.
    init(environment: [String: String], settings: ResolvedSettings) throws(HTTPConfigurationError) {
        self = try HTTPClientConfiguration(environment: environment)
        for host in settings.allowInsecureHosts where !tls.insecureHosts.contains(host) {
            tls.insecureHosts.append(host)
        }
        maxConcurrentTransfers = settings.concurrentDownloads
    }
}
