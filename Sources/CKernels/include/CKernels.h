// Wide-vector (AVX2 + FMA, four lanes) versions of ForecastCore's hot column kernels, for x86-64 only. Callers
// check `ck_wide_available()` once and keep the portable Swift kernels otherwise; only ForecastCore's
// LinearAlgebra/WideKernels.swift calls these. All matrices are column-major doubles; sizes and leading
// dimensions are element counts.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>

#if defined(__x86_64__)

/// 1 when this CPU runs AVX2 and FMA (checked once), else 0.
int ck_wide_available(void);

/// Σ x_i y_i.
double ck_dot(const double *x, const double *y, ptrdiff_t n);

/// Σ v_i².
double ck_sum_of_squares(const double *v, ptrdiff_t n);

/// For each of `columns` columns c (column j at a + j·lda, `length` rows): c := (I − τ v vᵀ) c,
/// v = (1, v[1..<length]).
void ck_reflector_apply(const double *v, double tau, ptrdiff_t length, double *a, ptrdiff_t lda,
                        ptrdiff_t columns);

/// For each of `columns` columns c (column j at a + j·lda, `length` ≥ 3 rows): c := H₂ H₁ c for the reflector pair
/// of HouseholderQR+Kernels.swift (`first`, `second`, their τ and v₂ᵀv₁ = `overlap`).
void ck_reflector_pair_apply(const double *first, const double *second, double tau_first, double tau_second,
                             double overlap, ptrdiff_t length, double *a, ptrdiff_t lda, ptrdiff_t columns);

/// The upper triangle of C (n×n, ldc) := alpha · Aᵀ diag(d) A (+ C when `accumulate`), A rows×n (lda);
/// d = NULL for Aᵀ A. Entries below the diagonal are not touched.
void ck_syrk_upper(ptrdiff_t n, ptrdiff_t rows, double alpha, const double *a, ptrdiff_t lda, const double *d,
                   double *c, ptrdiff_t ldc, int accumulate);

/// out[j] += x_jᵀ t for the `columns` columns of x (rows×columns, lda).
void ck_column_dots(const double *x, ptrdiff_t lda, ptrdiff_t columns, ptrdiff_t rows, const double *t,
                    double *out);

/// out[i] = eˣⁱ for i < n (Exponentials.c: about one unit in the last place; out may be x).
void ck_exp(const double *x, double *out, ptrdiff_t n);

/// out[i] = ln xᵢ for i < n (out may be x).
void ck_log(const double *x, double *out, ptrdiff_t n);

/// out[i] = ln(1 + xᵢ) for i < n (out may be x).
void ck_log1p(const double *x, double *out, ptrdiff_t n);

/// NB2's per-observation derivative terms (CountTerms.c) at means mu, L = ln(1 + α·mu), counts y and prior weights w
/// (NULL: 1), each n long: gradient[i] = wᵢ(yᵢ − μᵢ)/(1 + αμᵢ), cross[i] = gradient[i]·μᵢ/(1 + αμᵢ),
/// curvature[i] = wᵢμᵢ(1 + αyᵢ)/(1 + αμᵢ)²; sums = (Σ wL, Σ gradient, Σ wμ/(1 + αμ), Σ gradient·(1 + 2αμ)/(1 + αμ)),
/// each compensated.
void ck_nb2_derivative_terms(ptrdiff_t n, double alpha, const double *mu, const double *log_one_plus,
                             const double *y, const double *w, double *gradient, double *cross,
                             double *curvature, double sums[4]);

#endif
#endif
