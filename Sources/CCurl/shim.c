// libcurl, loaded on first use. See include/shim.h.
#include "shim.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    curl_version_info_data *(*version_info)(CURLversion);
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static int loaded;
static char load_error[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {"libcurl.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : "libcurl.so.4 not found");
        return;
    }
#define SUV_RESOLVE(field, symbol)                                                            \
    do {                                                                                      \
        *(void **)(&api.field) = dlsym(library, symbol);                                      \
        if (api.field == NULL) {                                                              \
            snprintf(load_error, sizeof load_error, "libcurl has no `%s`", symbol);           \
            return;                                                                           \
        }                                                                                     \
    } while (0)
    SUV_RESOLVE(version_info, "curl_version_info");
    SUV_RESOLVE(global_init, "curl_global_init");
    SUV_RESOLVE(easy_init, "curl_easy_init");
    SUV_RESOLVE(easy_cleanup, "curl_easy_cleanup");
    SUV_RESOLVE(easy_reset, "curl_easy_reset");
    SUV_RESOLVE(easy_strerror, "curl_easy_strerror");
    SUV_RESOLVE(easy_setopt, "curl_easy_setopt");
    SUV_RESOLVE(easy_getinfo, "curl_easy_getinfo");
    SUV_RESOLVE(multi_init, "curl_multi_init");
    SUV_RESOLVE(multi_cleanup, "curl_multi_cleanup");
    SUV_RESOLVE(multi_add_handle, "curl_multi_add_handle");
    SUV_RESOLVE(multi_remove_handle, "curl_multi_remove_handle");
    SUV_RESOLVE(multi_perform, "curl_multi_perform");
    SUV_RESOLVE(multi_poll, "curl_multi_poll");
    SUV_RESOLVE(multi_info_read, "curl_multi_info_read");
    SUV_RESOLVE(multi_wakeup, "curl_multi_wakeup");
    SUV_RESOLVE(multi_setopt, "curl_multi_setopt");
    SUV_RESOLVE(slist_append, "curl_slist_append");
    SUV_RESOLVE(slist_free_all, "curl_slist_free_all");
#undef SUV_RESOLVE
    loaded = 1;
}

int suv_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *suv_curl_load_error(void) {
    return suv_curl_load() ? NULL : load_error;
}

curl_version_info_data *suv_curl_version_info(void) {
    return suv_curl_load() ? api.version_info(CURLVERSION_NOW) : NULL;
}

CURLcode suv_curl_global_init(void) {
    return suv_curl_load() ? api.global_init(CURL_GLOBAL_DEFAULT) : CURLE_FAILED_INIT;
}

CURL *suv_curl_easy_init(void) { return suv_curl_load() ? api.easy_init() : NULL; }

void suv_curl_easy_cleanup(CURL *handle) {
    if (suv_curl_load()) api.easy_cleanup(handle);
}

void suv_curl_easy_reset(CURL *handle) {
    if (suv_curl_load()) api.easy_reset(handle);
}

const char *suv_curl_easy_strerror(CURLcode code) {
    return suv_curl_load() ? api.easy_strerror(code) : load_error;
}

#define SUV_SETTER(name, type)                                                                \
    CURLcode name(CURL *handle, CURLoption option, type value) {                              \
        return suv_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;  \
    }
SUV_SETTER(suv_easy_setopt_long, long)
SUV_SETTER(suv_easy_setopt_off, curl_off_t)
SUV_SETTER(suv_easy_setopt_string, const char *)
SUV_SETTER(suv_easy_setopt_pointer, void *)
SUV_SETTER(suv_easy_setopt_slist, struct curl_slist *)
SUV_SETTER(suv_easy_setopt_write_callback, curl_write_callback)
#undef SUV_SETTER

#define SUV_GETTER(name, type)                                                                \
    CURLcode name(CURL *handle, CURLINFO info, type *value) {                                 \
        return suv_curl_load() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;   \
    }
SUV_GETTER(suv_easy_getinfo_long, long)
SUV_GETTER(suv_easy_getinfo_off, curl_off_t)
SUV_GETTER(suv_easy_getinfo_string, char *)
SUV_GETTER(suv_easy_getinfo_pointer, void *)
#undef SUV_GETTER

CURLM *suv_curl_multi_init(void) { return suv_curl_load() ? api.multi_init() : NULL; }

CURLMcode suv_curl_multi_cleanup(CURLM *multi) {
    return suv_curl_load() ? api.multi_cleanup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMcode suv_curl_multi_add_handle(CURLM *multi, CURL *handle) {
    return suv_curl_load() ? api.multi_add_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode suv_curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return suv_curl_load() ? api.multi_remove_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode suv_curl_multi_perform(CURLM *multi, int *running) {
    return suv_curl_load() ? api.multi_perform(multi, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode suv_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout, int *numfds) {
    return suv_curl_load() ? api.multi_poll(multi, extra, count, timeout, numfds) : CURLM_INTERNAL_ERROR;
}

CURLMsg *suv_curl_multi_info_read(CURLM *multi, int *remaining) {
    return suv_curl_load() ? api.multi_info_read(multi, remaining) : NULL;
}

CURLMcode suv_curl_multi_wakeup(CURLM *multi) {
    return suv_curl_load() ? api.multi_wakeup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMcode suv_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return suv_curl_load() ? api.multi_setopt(multi, option, value) : CURLM_INTERNAL_ERROR;
}

struct curl_slist *suv_curl_slist_append(struct curl_slist *list, const char *value) {
    return suv_curl_load() ? api.slist_append(list, value) : NULL;
}

void suv_curl_slist_free_all(struct curl_slist *list) {
    if (suv_curl_load()) api.slist_free_all(list);
}
