#ifndef SUV_CCRYPTO_SHIM_H
#define SUV_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
