// Householder reflectors applied to columns, four lanes with fused multiply–adds (the wide form of
// HouseholderQR+Kernels.swift). Each dot product ends in a fixed order (lanes (0+1)+(2+3), then the scalar tail
// by index), so results do not depend on alignment or on which columns are updated together.
#include "CKernels.h"

#if defined(__x86_64__)
#include "Lanes.h"

WIDE double ck_dot(const double *x, const double *y, ptrdiff_t n) {
    __m256d a0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd();
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i), _mm256_loadu_pd(y + i), a0);
        a1 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i + 4), _mm256_loadu_pd(y + i + 4), a1);
    }
    double s = lanes_sum(_mm256_add_pd(a0, a1));
    for (; i < n; i++) s += x[i] * y[i];
    return s;
}

WIDE double ck_sum_of_squares(const double *v, ptrdiff_t n) { return ck_dot(v, v, n); }

WIDE void ck_reflector_apply(const double *v, double tau, ptrdiff_t length, double *a, ptrdiff_t lda,
                             ptrdiff_t columns) {
    if (tau == 0) return;
    const ptrdiff_t n = length - 1;
    const double *x = v + 1;
    for (ptrdiff_t c = 0; c < columns; c++) {
        double *column = a + c * lda, *z = column + 1;
        const double w = tau * (column[0] + ck_dot(x, z, n));
        column[0] -= w;
        const __m256d wv = _mm256_set1_pd(w);
        ptrdiff_t i = 0;
        for (; i + 8 <= n; i += 8) {
            _mm256_storeu_pd(z + i, _mm256_fnmadd_pd(wv, _mm256_loadu_pd(x + i), _mm256_loadu_pd(z + i)));
            _mm256_storeu_pd(z + i + 4, _mm256_fnmadd_pd(wv, _mm256_loadu_pd(x + i + 4), _mm256_loadu_pd(z + i + 4)));
        }
        for (; i < n; i++) z[i] -= w * x[i];
    }
}

// H₂ H₁ on one column (rows 2..<length at z: v₁ at x, v₂ at y).
static inline WIDE void pair_one(const double *x, const double *y, double v1, double tau_first, double tau_second,
                                 double overlap, ptrdiff_t n, double *column) {
    double *z = column + 2;
    __m256d a0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd();
    __m256d b0 = _mm256_setzero_pd(), b1 = _mm256_setzero_pd();
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d z0 = _mm256_loadu_pd(z + i), z1 = _mm256_loadu_pd(z + i + 4);
        a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i), z0, a0);
        a1 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i + 4), z1, a1);
        b0 = _mm256_fmadd_pd(_mm256_loadu_pd(y + i), z0, b0);
        b1 = _mm256_fmadd_pd(_mm256_loadu_pd(y + i + 4), z1, b1);
    }
    double d1 = lanes_sum(_mm256_add_pd(a0, a1)), d2 = lanes_sum(_mm256_add_pd(b0, b1));
    for (; i < n; i++) { d1 += x[i] * z[i]; d2 += y[i] * z[i]; }
    const double w1 = tau_first * (column[0] + v1 * column[1] + d1);
    const double w2 = tau_second * ((column[1] + d2) - overlap * w1);
    column[0] -= w1;
    column[1] -= w1 * v1 + w2;
    const __m256d w1v = _mm256_set1_pd(w1), w2v = _mm256_set1_pd(w2);
    i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d t = _mm256_fnmadd_pd(w1v, _mm256_loadu_pd(x + i), _mm256_loadu_pd(z + i));
        _mm256_storeu_pd(z + i, _mm256_fnmadd_pd(w2v, _mm256_loadu_pd(y + i), t));
    }
    for (; i < n; i++) z[i] = z[i] - w1 * x[i] - w2 * y[i];
}

// H₂ H₁ on two columns at once: each reflector entry is loaded once for both, so a pass reads four streams instead
// of six. Every operation on a column is the one `pair_one` makes, in the same order (the same bits).
static inline WIDE void pair_two(const double *x, const double *y, double v1, double tau_first, double tau_second,
                                 double overlap, ptrdiff_t n, double *column, double *other) {
    double *z = column + 2, *u = other + 2;
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, e0 = a0, e1 = a0;
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d x0 = _mm256_loadu_pd(x + i), x1 = _mm256_loadu_pd(x + i + 4);
        const __m256d y0 = _mm256_loadu_pd(y + i), y1 = _mm256_loadu_pd(y + i + 4);
        const __m256d z0 = _mm256_loadu_pd(z + i), z1 = _mm256_loadu_pd(z + i + 4);
        a0 = _mm256_fmadd_pd(x0, z0, a0);
        a1 = _mm256_fmadd_pd(x1, z1, a1);
        b0 = _mm256_fmadd_pd(y0, z0, b0);
        b1 = _mm256_fmadd_pd(y1, z1, b1);
        const __m256d u0 = _mm256_loadu_pd(u + i), u1 = _mm256_loadu_pd(u + i + 4);
        c0 = _mm256_fmadd_pd(x0, u0, c0);
        c1 = _mm256_fmadd_pd(x1, u1, c1);
        e0 = _mm256_fmadd_pd(y0, u0, e0);
        e1 = _mm256_fmadd_pd(y1, u1, e1);
    }
    double d1 = lanes_sum(_mm256_add_pd(a0, a1)), d2 = lanes_sum(_mm256_add_pd(b0, b1));
    double f1 = lanes_sum(_mm256_add_pd(c0, c1)), f2 = lanes_sum(_mm256_add_pd(e0, e1));
    for (ptrdiff_t r = i; r < n; r++) { d1 += x[r] * z[r]; d2 += y[r] * z[r]; }
    for (ptrdiff_t r = i; r < n; r++) { f1 += x[r] * u[r]; f2 += y[r] * u[r]; }
    const double w1 = tau_first * (column[0] + v1 * column[1] + d1);
    const double w2 = tau_second * ((column[1] + d2) - overlap * w1);
    const double g1 = tau_first * (other[0] + v1 * other[1] + f1);
    const double g2 = tau_second * ((other[1] + f2) - overlap * g1);
    column[0] -= w1;
    column[1] -= w1 * v1 + w2;
    other[0] -= g1;
    other[1] -= g1 * v1 + g2;
    const __m256d w1v = _mm256_set1_pd(w1), w2v = _mm256_set1_pd(w2);
    const __m256d g1v = _mm256_set1_pd(g1), g2v = _mm256_set1_pd(g2);
    i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d xv = _mm256_loadu_pd(x + i), yv = _mm256_loadu_pd(y + i);
        _mm256_storeu_pd(z + i, _mm256_fnmadd_pd(w2v, yv, _mm256_fnmadd_pd(w1v, xv, _mm256_loadu_pd(z + i))));
        _mm256_storeu_pd(u + i, _mm256_fnmadd_pd(g2v, yv, _mm256_fnmadd_pd(g1v, xv, _mm256_loadu_pd(u + i))));
    }
    for (; i < n; i++) {
        z[i] = z[i] - w1 * x[i] - w2 * y[i];
        u[i] = u[i] - g1 * x[i] - g2 * y[i];
    }
}

WIDE void ck_reflector_pair_apply(const double *first, const double *second, double tau_first, double tau_second,
                                  double overlap, ptrdiff_t length, double *a, ptrdiff_t lda, ptrdiff_t columns) {
    // Rows 2..<length: v₁ at first + 2, v₂ at second + 1, the column at column + 2.
    const ptrdiff_t n = length - 2;
    const double *x = first + 2, *y = second + 1;
    ptrdiff_t c = 0;
    for (; c + 2 <= columns; c += 2) {
        pair_two(x, y, first[1], tau_first, tau_second, overlap, n, a + c * lda, a + (c + 1) * lda);
    }
    if (c < columns) pair_one(x, y, first[1], tau_first, tau_second, overlap, n, a + c * lda);
}

#endif
