// exp, log and log1p of arrays, four lanes with fused multiply–adds (the per-observation terms of the count-model
// fits). Each block of four whose lanes are all inside the fast range runs the vector code; any other block (a lane
// out of range, ±∞, NaN, a subnormal result) runs the C library's function lane by lane, as does the tail of fewer
// than four. The vector code is accurate to about one unit in the last place (tests: within 2 of the C library's
// result over wide grids), not bit-identical to it.
//
// exp(x), fast range −708 ≤ x ≤ 709 (normal results): x = k ln 2 + r with k = round(x / ln 2), |r| ≤ ln 2 / 2,
// r = (x − k·ln2) − k·ln2_tail by two fused multiply–adds (ln2 the double nearest ln 2, ln2_tail = ln 2 − ln2);
// eʳ = Σ_{j ≤ 13} rʲ/j! by Horner (the first omitted term is below 6e-18 relative); 2ᵏ built in the exponent
// field.
//
// log(u), fast range u positive, normal and finite: u = 2ᵏ m with √½ ≤ m < √2 (integer operations on the bits),
// f = m − 1 (exact), s = f / (2 + f), log m = 2 atanh s = f − s·(f − 2 s² P(s²)) with P(z) = Σ_{j=0..10} zʲ/(2j+3)
// (the identity f − 2s = s·f; |s| < 0.172, so the first omitted term is below 1e-18 relative), then
// k·ln2 + (log m + k·ln2_tail).
//
// log1p(a), fast range −1 < a finite: u = 1 + a (≥ 2⁻⁵³, normal) and its rounding error c (an exact two-sum), then
// log(u) + c/u (c/u is at most 2⁻⁵³, so the omitted −(c/u)²/2 is below the last place).
#include "CKernels.h"

#if defined(__x86_64__)
#include "Lanes.h"
#include <float.h>
#include <math.h>
#include <stdint.h>

static const double ln2 = 0x1.62e42fefa39efp-1;        // the double nearest ln 2
static const double ln2_tail = 0x1.abc9e3b39803fp-56;  // ln 2 − ln2
static const double round_shift = 0x1.8p52;            // 1.5·2⁵²: adding it leaves an integer in the low bits

static inline WIDE __m256d exp_lanes(__m256d x) {
    const __m256d k = _mm256_round_pd(_mm256_mul_pd(x, _mm256_set1_pd(0x1.71547652b82fep0)),
                                      _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2), x);
    r = _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2_tail), r);
    // Σ rʲ/j!, j = 0…13, Horner from the top; the coefficients 1/j! rounded to doubles.
    static const double inverse_factorials[14] = {
        1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0,
    };
    __m256d p = _mm256_set1_pd(inverse_factorials[13]);
    for (int j = 12; j >= 0; j--) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(inverse_factorials[j]));
    // 2ᵏ: k + 1023 in the exponent field (k + 1.5·2⁵² holds k in its low bits).
    const __m256i biased = _mm256_add_epi64(_mm256_castpd_si256(_mm256_add_pd(k, _mm256_set1_pd(round_shift))),
                                            _mm256_set1_epi64x(1023));
    return _mm256_mul_pd(p, _mm256_castsi256_pd(_mm256_slli_epi64(biased, 52)));
}

// log u for positive, normal, finite u.
static inline WIDE __m256d log_lanes(__m256d u) {
    const __m256i sqrt_half = _mm256_set1_epi64x(0x3fe6a09e667f3bcdLL);       // the bits of √½
    const __m256i offset = _mm256_sub_epi64(_mm256_castpd_si256(u), sqrt_half);
    // k = floor(offset / 2⁵²) through a logical shift of offset + 2⁶² (offset > −2⁶² for every normal u).
    const __m256i shifted = _mm256_srli_epi64(_mm256_add_epi64(offset, _mm256_set1_epi64x(1LL << 62)), 52);
    const __m256i k_bits = _mm256_add_epi64(_mm256_sub_epi64(shifted, _mm256_set1_epi64x(1024)),
                                            _mm256_castpd_si256(_mm256_set1_pd(round_shift)));
    const __m256d k = _mm256_sub_pd(_mm256_castsi256_pd(k_bits), _mm256_set1_pd(round_shift));
    const __m256d m = _mm256_castsi256_pd(_mm256_add_epi64(
        _mm256_and_si256(offset, _mm256_set1_epi64x(0x000fffffffffffffLL)), sqrt_half));
    const __m256d f = _mm256_sub_pd(m, _mm256_set1_pd(1.0));
    const __m256d s = _mm256_div_pd(f, _mm256_add_pd(f, _mm256_set1_pd(2.0)));
    const __m256d z = _mm256_mul_pd(s, s);
    // P(z) = Σ zʲ/(2j+3), j = 0…10, Horner from the top; the coefficients 1/(2j+3) rounded to doubles.
    static const double inverse_odds[11] = {
        1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23,
    };
    __m256d p = _mm256_set1_pd(inverse_odds[10]);
    for (int j = 9; j >= 0; j--) p = _mm256_fmadd_pd(p, z, _mm256_set1_pd(inverse_odds[j]));
    const __m256d two_z_p = _mm256_mul_pd(_mm256_add_pd(z, z), p);
    const __m256d log_m = _mm256_fnmadd_pd(s, _mm256_sub_pd(f, two_z_p), f);
    return _mm256_fmadd_pd(k, _mm256_set1_pd(ln2), _mm256_fmadd_pd(k, _mm256_set1_pd(ln2_tail), log_m));
}

// Whether every lane of x lies in [low, high] (false for NaN).
static inline WIDE int all_within(__m256d x, double low, double high) {
    const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(x, _mm256_set1_pd(low), _CMP_GE_OQ),
                                         _mm256_cmp_pd(x, _mm256_set1_pd(high), _CMP_LE_OQ));
    return _mm256_movemask_pd(inside) == 0xF;
}

// ln(1 + a) for −1 < a finite: u + c = 1 + a exactly (two-sum), then ln u + c/u.
static inline WIDE __m256d log1p_lanes(__m256d a) {
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d u = _mm256_add_pd(one, a);
    const __m256d a_part = _mm256_sub_pd(u, one);
    const __m256d one_part = _mm256_sub_pd(u, a_part);
    const __m256d c = _mm256_add_pd(_mm256_sub_pd(one, one_part), _mm256_sub_pd(a, a_part));
    return _mm256_add_pd(log_lanes(u), _mm256_div_pd(c, u));
}

// out[i] = f(x[i]): `lanes` on each block of four inside [low, high], the C library's `scalar` elsewhere.
static inline __attribute__((always_inline)) WIDE void map_lanes(const double *x, double *out, ptrdiff_t n,
                                                                 double low, double high, __m256d (*lanes)(__m256d),
                                                                 double (*scalar)(double)) {
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d v = _mm256_loadu_pd(x + i);
        if (all_within(v, low, high)) {
            _mm256_storeu_pd(out + i, lanes(v));
        } else {
            for (ptrdiff_t j = i; j < i + 4; j++) out[j] = scalar(x[j]);
        }
    }
    for (; i < n; i++) out[i] = scalar(x[i]);
}

WIDE void ck_exp(const double *x, double *out, ptrdiff_t n) { map_lanes(x, out, n, -708.0, 709.0, exp_lanes, exp); }

WIDE void ck_log(const double *x, double *out, ptrdiff_t n) { map_lanes(x, out, n, 0x1p-1022, DBL_MAX, log_lanes, log); }

WIDE void ck_log1p(const double *x, double *out, ptrdiff_t n) {
    map_lanes(x, out, n, -1.0 + 0x1p-53, DBL_MAX, log1p_lanes, log1p);
}

#endif
