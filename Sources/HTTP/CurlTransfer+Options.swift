import CCurl

extension CurlTransfer {
    /// Sets every option of an attempt on a fresh (or reset) easy handle.
    ///
    /// The transfer must outlive the attempt: libcurl calls back with an unretained pointer to
    /// it, and reads its error buffer and header list.
    func applyOptions(to easy: UnsafeMutableRawPointer, configuration: HTTPClientConfiguration) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let parts = URLParts(request.url)

        _ = suv_easy_setopt_string(easy, CURLOPT_URL, request.url)
        _ = suv_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = suv_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        _ = suv_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = suv_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = suv_easy_setopt_long(easy, CURLOPT_BUFFERSIZE, 64 * 1024)
        _ = suv_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        _ = suv_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = suv_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = suv_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        _ = suv_easy_setopt_long(easy, CURLOPT_MAXREDIRS, configuration.maxRedirects)
        if request.method == .head { _ = suv_easy_setopt_long(easy, CURLOPT_NOBODY, 1) }

        // HTTP/2 over TLS, waiting for a multiplexable connection rather than opening another.
        if configuration.enableHTTP2 {
            _ = suv_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
            if parts.scheme == "https" { _ = suv_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1) }
        } else {
            _ = suv_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        }
        // Pages are decoded (gzip, deflate, br, zstd: whatever this libcurl has). Downloads are
        // stored exactly as served, so a `.tar.gz` sent with `Content-Encoding: gzip` stays
        // gzipped; range requests ask for identity too, so byte offsets mean what they say.
        if !isDownload, request.headers["Range"] == nil {
            _ = suv_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        }

        // Timeouts: connect, then "no byte for readTimeout" through the low-speed check.
        let connect = request.connectTimeout ?? configuration.connectTimeout
        _ = suv_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, connect.wholeMilliseconds))
        let read = request.readTimeout ?? configuration.readTimeout
        _ = suv_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = suv_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, (read.wholeMilliseconds + 999) / 1000))

        _ = suv_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
        }
        _ = suv_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = suv_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION) { buffer, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveHeader(UnsafeRawBufferPointer(start: buffer, count: size * count))
        }
        _ = suv_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        if let headerList { _ = suv_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) }

        if let credentials = request.credentials {
            _ = suv_easy_setopt_long(easy, CURLOPT_HTTPAUTH, suv_curlauth_basic())
            _ = suv_easy_setopt_string(easy, CURLOPT_USERNAME, credentials.username)
            if let password = credentials.password { _ = suv_easy_setopt_string(easy, CURLOPT_PASSWORD, password) }
        }

        // Proxies come only from the configuration: "" disables libcurl's own environment lookup.
        if let proxy = configuration.proxy.proxy(forScheme: parts.scheme) {
            _ = suv_easy_setopt_string(easy, CURLOPT_PROXY, proxy)
            // "" means "no exceptions", which also stops libcurl reading `no_proxy` itself.
            _ = suv_easy_setopt_string(easy, CURLOPT_NOPROXY, configuration.proxy.noProxy ?? "")
        } else {
            _ = suv_easy_setopt_string(easy, CURLOPT_PROXY, "")
        }

        let tls = configuration.tls
        if let caFile = tls.caFile { _ = suv_easy_setopt_string(easy, CURLOPT_CAINFO, caFile) }
        if let caDirectory = tls.caDirectory { _ = suv_easy_setopt_string(easy, CURLOPT_CAPATH, caDirectory) }
        if let certificate = tls.clientCertificate {
            _ = suv_easy_setopt_string(easy, CURLOPT_SSLCERT, certificate)
            _ = suv_easy_setopt_string(easy, CURLOPT_SSLKEY, certificate)
        }
        if !tls.insecureHosts.isEmpty, tls.isInsecure(host: parts.host, port: parts.port) {
            _ = suv_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0)
            _ = suv_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0)
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(clamping: seconds) &* 1000 &+ Int(attoseconds / 1_000_000_000_000_000)
    }
}
