/* CBLAS + the Fortran LAPACK routines Forecast calls, from OpenBLAS.
 * Debian's OpenBLAS ships no LAPACKE, so the Fortran entry points are declared here.
 * Fortran conventions: every argument by pointer; integers are blasint (32-bit in Debian's build);
 * each CHARACTER argument adds a trailing hidden length (size_t, pass 1). */
#ifndef FORECAST_CBLAS_SHIM_H
#define FORECAST_CBLAS_SHIM_H
#include <stddef.h>
#include <cblas.h>

/* QR factorisation and its use */
void dgeqrf_(const blasint *m, const blasint *n, double *a, const blasint *lda, double *tau,
             double *work, const blasint *lwork, blasint *info);
void dormqr_(const char *side, const char *trans, const blasint *m, const blasint *n, const blasint *k,
             const double *a, const blasint *lda, const double *tau, double *c, const blasint *ldc,
             double *work, const blasint *lwork, blasint *info, size_t side_len, size_t trans_len);
void dlarfg_(const blasint *n, double *alpha, double *x, const blasint *incx, double *tau);
void dorgqr_(const blasint *m, const blasint *n, const blasint *k, double *a, const blasint *lda,
             const double *tau, double *work, const blasint *lwork, blasint *info);

/* Triangular systems and inverses */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const blasint *n, const blasint *nrhs,
             const double *a, const blasint *lda, double *b, const blasint *ldb, blasint *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
void dtrtri_(const char *uplo, const char *diag, const blasint *n, double *a, const blasint *lda,
             blasint *info, size_t uplo_len, size_t diag_len);
void dlauum_(const char *uplo, const blasint *n, double *a, const blasint *lda, blasint *info,
             size_t uplo_len);

/* Cholesky */
void dpotrf_(const char *uplo, const blasint *n, double *a, const blasint *lda, blasint *info, size_t uplo_len);
void dpotrs_(const char *uplo, const blasint *n, const blasint *nrhs, const double *a, const blasint *lda,
             double *b, const blasint *ldb, blasint *info, size_t uplo_len);
void dpotri_(const char *uplo, const blasint *n, double *a, const blasint *lda, blasint *info, size_t uplo_len);

/* Singular values (condition numbers) and symmetric eigenvalues */
void dgesvd_(const char *jobu, const char *jobvt, const blasint *m, const blasint *n, double *a,
             const blasint *lda, double *s, double *u, const blasint *ldu, double *vt, const blasint *ldvt,
             double *work, const blasint *lwork, blasint *info, size_t jobu_len, size_t jobvt_len);
void dsyev_(const char *jobz, const char *uplo, const blasint *n, double *a, const blasint *lda, double *w,
            double *work, const blasint *lwork, blasint *info, size_t jobz_len, size_t uplo_len);

/* Least squares driver (used as a benchmark baseline) */
void dgels_(const char *trans, const blasint *m, const blasint *n, const blasint *nrhs, double *a,
            const blasint *lda, double *b, const blasint *ldb, double *work, const blasint *lwork,
            blasint *info, size_t trans_len);

#endif
