// Private to CKernels: what the kernels share.
#ifndef CKERNELS_LANES_H
#define CKERNELS_LANES_H

#if defined(__x86_64__)
#include <immintrin.h>

#define WIDE __attribute__((target("avx2,fma")))

/// The four lanes of v added as (0 + 1) + (2 + 3): every dot product of the kernels ends in this order.
static inline WIDE double lanes_sum(__m256d v) {
    __m128d low = _mm256_castpd256_pd128(v), high = _mm256_extractf128_pd(v, 1);
    double l[2], h[2];
    _mm_storeu_pd(l, low);
    _mm_storeu_pd(h, high);
    return (l[0] + l[1]) + (h[0] + h[1]);
}

#endif
#endif
