#ifndef SUV_CCURL_SHIM_H
#define SUV_CCURL_SHIM_H
#include <curl/curl.h>

/// libcurl is loaded on first use (`dlopen`), not linked: commands that never touch the network
/// (a no-op `suv lock`, `suv --version`) do not pay for loading libcurl and its ~30 dependent
/// libraries (4 ms of start-up on this machine). Every function below loads it first; when it
/// cannot be loaded they fail as libcurl fails (`NULL`, `CURLE_FAILED_INIT`,
/// `CURLM_INTERNAL_ERROR`) and ``suv_curl_load_error`` says why.

/// Loads libcurl once; non-zero when it is usable.
int suv_curl_load(void);
/// Why libcurl could not be loaded, or `NULL` when it was.
const char *suv_curl_load_error(void);

/// `curl_version_info(CURLVERSION_NOW)`: the macro is not visible to Swift.
curl_version_info_data *suv_curl_version_info(void);
/// `curl_global_init(CURL_GLOBAL_DEFAULT)`; the flag macro is not visible to Swift.
CURLcode suv_curl_global_init(void);
/// `CURLAUTH_BASIC` as a `long`; the macro's cast is not visible to Swift.
static inline long suv_curlauth_basic(void) { return (long)CURLAUTH_BASIC; }

CURL *suv_curl_easy_init(void);
void suv_curl_easy_cleanup(CURL *handle);
void suv_curl_easy_reset(CURL *handle);
const char *suv_curl_easy_strerror(CURLcode code);

// Typed wrappers for libcurl's variadic setters and getters, which Swift cannot call directly.
// Strings are copied by libcurl (since 7.17), so they may be freed after the call.
CURLcode suv_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode suv_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode suv_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode suv_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode suv_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode suv_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value);
CURLcode suv_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode suv_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode suv_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode suv_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLM *suv_curl_multi_init(void);
CURLMcode suv_curl_multi_cleanup(CURLM *multi);
CURLMcode suv_curl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode suv_curl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode suv_curl_multi_perform(CURLM *multi, int *running);
CURLMcode suv_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout, int *numfds);
CURLMsg *suv_curl_multi_info_read(CURLM *multi, int *remaining);
CURLMcode suv_curl_multi_wakeup(CURLM *multi);
CURLMcode suv_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

struct curl_slist *suv_curl_slist_append(struct curl_slist *list, const char *value);
void suv_curl_slist_free_all(struct curl_slist *list);

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
