/* Runtime ISA dispatch shared by every kernel family of libsxnkernels.
 *
 * Each kernel has a baseline (SSE2) body and, where it pays, AVX2+FMA and AVX-512F bodies compiled
 * with __attribute__((target)). sxn_isa() reads CPUID once; callers switch on it. Results of the
 * different bodies may differ in the last bits (summation order), never in the set of memory
 * locations touched: every body reads and writes exactly [0, n). */
#ifndef SXN_DISPATCH_H
#define SXN_DISPATCH_H

#include <stdint.h>

#define SXN_EXPORT __attribute__((visibility("default")))

typedef enum { SXN_ISA_BASE = 0, SXN_ISA_AVX2 = 1, SXN_ISA_AVX512 = 2 } sxn_isa_t;

/* The best ISA level this CPU supports; SXN_ISA environment variable ("base", "avx2", "avx512")
 * can lower it (used by the tests to exercise every body on one machine). */
sxn_isa_t sxn_isa(void);

/* f_avx512(...), f_avx2(...) or f_base(...), as isa says (evaluated once): the three-way dispatch
 * of a kernel with a body per ISA, written once. An expression of the bodies' type, void included
 * (a GNU statement expression; the library is built as gnu11). */
#define SXN_ISA_CALL(isa, f, ...)                                                         \
    ({                                                                                    \
        const sxn_isa_t sxn_isa_call_ = (isa);                                            \
        sxn_isa_call_ == SXN_ISA_AVX512 ? f##_avx512(__VA_ARGS__)                         \
            : sxn_isa_call_ == SXN_ISA_AVX2 ? f##_avx2(__VA_ARGS__) : f##_base(__VA_ARGS__); \
    })

/* Exported so the Java side can report which body runs: 0 base, 1 avx2, 2 avx512. */
SXN_EXPORT int32_t sxn_isa_level(void);

/* Version of the native ABI; the Java loader refuses a library whose version differs. */
#define SXN_ABI_VERSION 1
SXN_EXPORT int32_t sxn_abi_version(void);

#endif
