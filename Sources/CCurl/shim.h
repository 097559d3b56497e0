#ifndef SUV_CCURL_SHIM_H
#define SUV_CCURL_SHIM_H
#include <curl/curl.h>

/// `curl_version_info(CURLVERSION_NOW)`: the macro is not visible to Swift.
static inline curl_version_info_data *suv_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

/// `curl_global_init(CURL_GLOBAL_DEFAULT)`; the flag macro is not visible to Swift.
static inline CURLcode suv_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/// `CURLAUTH_BASIC` as a `long`; the macro's cast is not visible to Swift.
static inline long suv_curlauth_basic(void) { return (long)CURLAUTH_BASIC; }

// Typed wrappers for libcurl's variadic setters and getters, which Swift cannot call directly.

static inline CURLcode suv_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode suv_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Strings are copied by libcurl (since 7.17), so the argument may be freed after the call.
static inline CURLcode suv_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode suv_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode suv_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode suv_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode suv_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode suv_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode suv_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode suv_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode suv_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The fields of a `CURLMsg`: Swift cannot read the anonymous union.
static inline CURL *suv_msg_easy_handle(const CURLMsg *message) { return message->easy_handle; }
static inline int suv_msg_is_done(const CURLMsg *message) { return message->msg == CURLMSG_DONE; }
static inline CURLcode suv_msg_result(const CURLMsg *message) { return message->data.result; }


#include <fcntl.h>
/// Linux's `O_TMPFILE` (an unnamed file in a directory, linked into place when complete); 0
/// where the platform has none. Not visible to Swift as a macro.
static inline int suv_o_tmpfile(void) {
#ifdef O_TMPFILE
    return O_TMPFILE;
#else
    return 0;
#endif
}
#endif
