// Cross products of columns, four lanes with fused multiply–adds: the upper triangle of Aᵀ diag(d) A (a symmetric
// rank-k update computing only the triangle, register-blocked two columns by four) and the dot products of columns
// with one vector. Every entry is one four-lane accumulator over the rows in steps of four, its lanes added as
// (0+1)+(2+3), then the remaining rows by index: the same order for every entry, whatever tile computes it.
#include "CKernels.h"

#if defined(__x86_64__)
#include "Lanes.h"

// out[p][q] = Σ_r (d_r a_p[r]) b_q[r] for two columns a_p and four columns b_q (d NULL: weight 1).
static inline WIDE void tile(const double *const a[2], const double *const b[4], const double *d, ptrdiff_t rows,
                             double out[2][4]) {
    __m256d s00 = _mm256_setzero_pd(), s01 = s00, s02 = s00, s03 = s00;
    __m256d s10 = s00, s11 = s00, s12 = s00, s13 = s00;
    const double *a0 = a[0], *a1 = a[1], *b0 = b[0], *b1 = b[1], *b2 = b[2], *b3 = b[3];
    ptrdiff_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        __m256d x0 = _mm256_loadu_pd(a0 + r), x1 = _mm256_loadu_pd(a1 + r);
        if (d) {
            const __m256d w = _mm256_loadu_pd(d + r);
            x0 = _mm256_mul_pd(w, x0);
            x1 = _mm256_mul_pd(w, x1);
        }
        __m256d y = _mm256_loadu_pd(b0 + r);
        s00 = _mm256_fmadd_pd(x0, y, s00); s10 = _mm256_fmadd_pd(x1, y, s10);
        y = _mm256_loadu_pd(b1 + r);
        s01 = _mm256_fmadd_pd(x0, y, s01); s11 = _mm256_fmadd_pd(x1, y, s11);
        y = _mm256_loadu_pd(b2 + r);
        s02 = _mm256_fmadd_pd(x0, y, s02); s12 = _mm256_fmadd_pd(x1, y, s12);
        y = _mm256_loadu_pd(b3 + r);
        s03 = _mm256_fmadd_pd(x0, y, s03); s13 = _mm256_fmadd_pd(x1, y, s13);
    }
    out[0][0] = lanes_sum(s00); out[0][1] = lanes_sum(s01); out[0][2] = lanes_sum(s02); out[0][3] = lanes_sum(s03);
    out[1][0] = lanes_sum(s10); out[1][1] = lanes_sum(s11); out[1][2] = lanes_sum(s12); out[1][3] = lanes_sum(s13);
    for (; r < rows; r++) {
        const double x0 = d ? d[r] * a0[r] : a0[r], x1 = d ? d[r] * a1[r] : a1[r];
        out[0][0] += x0 * b0[r]; out[0][1] += x0 * b1[r]; out[0][2] += x0 * b2[r]; out[0][3] += x0 * b3[r];
        out[1][0] += x1 * b0[r]; out[1][1] += x1 * b1[r]; out[1][2] += x1 * b2[r]; out[1][3] += x1 * b3[r];
    }
}

WIDE void ck_syrk_upper(ptrdiff_t n, ptrdiff_t rows, double alpha, const double *a, ptrdiff_t lda, const double *d,
                        double *c, ptrdiff_t ldc, int accumulate) {
    // Column tiles past the last column read the last column again; their results are dropped.
    for (ptrdiff_t jb = 0; jb < n; jb += 4) {
        const double *b[4];
        for (int q = 0; q < 4; q++) b[q] = a + (jb + q < n ? jb + q : n - 1) * lda;
        const ptrdiff_t iEnd = jb + 4 < n ? jb + 4 : n;
        for (ptrdiff_t ib = 0; ib < iEnd; ib += 2) {
            const double *left[2] = { a + ib * lda, a + (ib + 1 < n ? ib + 1 : n - 1) * lda };
            double out[2][4];
            tile(left, b, d, rows, out);
            for (int p = 0; p < 2; p++) {
                for (int q = 0; q < 4; q++) {
                    const ptrdiff_t i = ib + p, j = jb + q;
                    if (i > j || j >= n) continue;
                    double *entry = c + i + j * ldc;
                    *entry = accumulate ? *entry + alpha * out[p][q] : alpha * out[p][q];
                }
            }
        }
    }
}

WIDE void ck_column_dots(const double *x, ptrdiff_t lda, ptrdiff_t columns, ptrdiff_t rows, const double *t,
                         double *out) {
    for (ptrdiff_t jb = 0; jb < columns; jb += 4) {
        const double *col[4];
        for (int q = 0; q < 4; q++) col[q] = x + (jb + q < columns ? jb + q : columns - 1) * lda;
        __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
        ptrdiff_t r = 0;
        for (; r + 4 <= rows; r += 4) {
            const __m256d v = _mm256_loadu_pd(t + r);
            s0 = _mm256_fmadd_pd(_mm256_loadu_pd(col[0] + r), v, s0);
            s1 = _mm256_fmadd_pd(_mm256_loadu_pd(col[1] + r), v, s1);
            s2 = _mm256_fmadd_pd(_mm256_loadu_pd(col[2] + r), v, s2);
            s3 = _mm256_fmadd_pd(_mm256_loadu_pd(col[3] + r), v, s3);
        }
        double sums[4] = { lanes_sum(s0), lanes_sum(s1), lanes_sum(s2), lanes_sum(s3) };
        for (; r < rows; r++) {
            for (int q = 0; q < 4; q++) sums[q] += col[q][r] * t[r];
        }
        for (int q = 0; q < 4 && jb + q < columns; q++) out[jb + q] += sums[q];
    }
}

#endif
