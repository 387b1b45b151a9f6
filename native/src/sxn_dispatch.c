#include "sxn_dispatch.h"

#include <stdlib.h>
#include <string.h>

static sxn_isa_t detect(void) {
    __builtin_cpu_init();
    sxn_isa_t best = SXN_ISA_BASE;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) best = SXN_ISA_AVX2;
    if (__builtin_cpu_supports("avx512f")) best = SXN_ISA_AVX512;
    const char *cap = getenv("SXN_ISA");
    if (cap != NULL) {
        sxn_isa_t want = strcmp(cap, "base") == 0 ? SXN_ISA_BASE
                       : strcmp(cap, "avx2") == 0 ? SXN_ISA_AVX2 : SXN_ISA_AVX512;
        if (want < best) best = want;
    }
    return best;
}

sxn_isa_t sxn_isa(void) {
    /* A benign race: every thread computes the same value. */
    static volatile int cached = -1;
    int v = cached;
    if (v < 0) { v = (int) detect(); cached = v; }
    return (sxn_isa_t) v;
}

int32_t sxn_isa_level(void) { return (int32_t) sxn_isa(); }

int32_t sxn_abi_version(void) { return SXN_ABI_VERSION; }
