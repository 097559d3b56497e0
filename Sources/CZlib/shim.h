#ifndef SUV_CZLIB_SHIM_H
#define SUV_CZLIB_SHIM_H
#include <zlib.h>
#endif
