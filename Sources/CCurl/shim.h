#ifndef SUV_CCURL_SHIM_H
#define SUV_CCURL_SHIM_H
#include <curl/curl.h>

/// `curl_version_info(CURLVERSION_NOW)`: the macro is not visible to Swift.
static inline curl_version_info_data *suv_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}
#endif
