// The per-observation terms of NB2's gradient and observed information (Models/NegativeBinomialObjective.swift
// policy 2), four observations at a time: three n-vectors for the weighted cross products and four data-set sums,
// each compensated (Knuth's two-sum) in every lane; the lanes' sums are then added in the order 0, 1, 2, 3, the
// last n mod 4 observations after them by index, all into one compensated sum per quantity.
#include "CKernels.h"

#if defined(__x86_64__)
#include "Lanes.h"

// A four-lane double-double accumulator.
typedef struct { __m256d high, low; } lanes_sum2;

static inline WIDE void lanes_add(lanes_sum2 *sum, __m256d value) {
    const __m256d s = _mm256_add_pd(sum->high, value);
    const __m256d bp = _mm256_sub_pd(s, sum->high);
    const __m256d error = _mm256_add_pd(_mm256_sub_pd(sum->high, _mm256_sub_pd(s, bp)), _mm256_sub_pd(value, bp));
    sum->high = s;
    sum->low = _mm256_add_pd(sum->low, error);
}

// A scalar double-double accumulator (the same two-sum).
typedef struct { double high, low; } scalar_sum2;

static inline void scalar_add(scalar_sum2 *sum, double value) {
    const double s = sum->high + value;
    const double bp = s - sum->high;
    sum->low += (sum->high - (s - bp)) + (value - bp);
    sum->high = s;
}

static inline WIDE scalar_sum2 lanes_total(lanes_sum2 sum) {
    double high[4], low[4];
    _mm256_storeu_pd(high, sum.high);
    _mm256_storeu_pd(low, sum.low);
    scalar_sum2 total = {0, 0};
    for (int k = 0; k < 4; k++) scalar_add(&total, high[k]);
    total.low += (low[0] + low[1]) + (low[2] + low[3]);
    return total;
}

WIDE void ck_nb2_derivative_terms(ptrdiff_t n, double alpha, const double *mu, const double *log_one_plus,
                                  const double *y, const double *w, double *gradient, double *cross,
                                  double *curvature, double sums[4]) {
    lanes_sum2 acc[4];
    for (int q = 0; q < 4; q++) acc[q] = (lanes_sum2){_mm256_setzero_pd(), _mm256_setzero_pd()};
    const __m256d a = _mm256_set1_pd(alpha), one = _mm256_set1_pd(1.0), two_a = _mm256_set1_pd(2 * alpha);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d weight = w ? _mm256_loadu_pd(w + i) : one;
        const __m256d m = _mm256_loadu_pd(mu + i), counts = _mm256_loadu_pd(y + i);
        const __m256d inverse = _mm256_div_pd(one, _mm256_add_pd(one, _mm256_mul_pd(a, m)));
        const __m256d factor = _mm256_mul_pd(_mm256_mul_pd(weight, _mm256_sub_pd(counts, m)), inverse);
        _mm256_storeu_pd(gradient + i, factor);
        _mm256_storeu_pd(cross + i, _mm256_mul_pd(_mm256_mul_pd(factor, m), inverse));
        const __m256d mean_weight = _mm256_mul_pd(weight, m);
        _mm256_storeu_pd(curvature + i, _mm256_mul_pd(_mm256_mul_pd(_mm256_mul_pd(mean_weight, _mm256_add_pd(one, _mm256_mul_pd(a, counts))),
                                                                    inverse), inverse));
        lanes_add(&acc[0], _mm256_mul_pd(weight, _mm256_loadu_pd(log_one_plus + i)));
        lanes_add(&acc[1], factor);
        lanes_add(&acc[2], _mm256_mul_pd(mean_weight, inverse));
        lanes_add(&acc[3], _mm256_mul_pd(_mm256_mul_pd(factor, _mm256_add_pd(one, _mm256_mul_pd(two_a, m))), inverse));
    }
    scalar_sum2 total[4];
    for (int q = 0; q < 4; q++) total[q] = lanes_total(acc[q]);
    for (; i < n; i++) {
        const double weight = w ? w[i] : 1, m = mu[i];
        const double inverse = 1 / (1 + alpha * m);
        const double factor = weight * (y[i] - m) * inverse;
        gradient[i] = factor;
        cross[i] = factor * m * inverse;
        curvature[i] = weight * m * (1 + alpha * y[i]) * inverse * inverse;
        scalar_add(&total[0], weight * log_one_plus[i]);
        scalar_add(&total[1], factor);
        scalar_add(&total[2], weight * m * inverse);
        scalar_add(&total[3], factor * (1 + 2 * alpha * m) * inverse);
    }
    for (int q = 0; q < 4; q++) sums[q] = total[q].high + total[q].low;
}

#endif
