#ifndef SUV_CCURL_SHIM_H
#define SUV_CCURL_SHIM_H
#include <curl/curl.h>
#endif
