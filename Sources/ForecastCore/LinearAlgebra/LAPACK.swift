// Thin, internal wrappers over the Fortran LAPACK routines declared in Sources/CBLAS/shim.h.
//
// Policy:
// 1. C types (`blasint` = Int32, `CChar` flags, hidden string lengths) stop here; callers pass `Int`.
// 2. `info` is turned into an error in exactly one place (`check`): info < 0 traps (our bug, with the
//    routine and argument), info > 0 becomes a `LinearAlgebraError` chosen by the caller's meaning.
// 3. Matrices are column-major with an explicit leading dimension; sizes must stay below 2^31.
// 4. Workspace queries (`lwork = -1`) are done by the caller once and the buffers reused.
import CBLAS

@usableFromInline
package enum LAPACK {
    @usableFromInline
    static func int32(_ value: Int, _ what: StaticString) -> Int32 {
        precondition(value >= 0 && value <= Int(Int32.max), "\(what) = \(value) does not fit a 32-bit LAPACK integer")
        return Int32(value)
    }

    static func flag(_ c: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: UInt8(ascii: c)) }

    /// Maps `info`. Negative: precondition failure naming the routine and argument. Positive: `positive(info)`.
    static func check(_ info: Int32, _ routine: String,
                      positive: (Int) -> LinearAlgebraError) throws(LinearAlgebraError) {
        precondition(info >= 0, "LAPACK \(routine): illegal value in argument \(-info) (a bug in Forecast)")
        if info > 0 { throw positive(Int(info)) }
    }

    /// Optimal `lwork` for `dgeqrf` on an m×n matrix.
    static func geqrfWorkSize(rows: Int, columns: Int) -> Int {
        var m = int32(rows, "rows"), n = int32(columns, "columns"), lda = int32(max(rows, 1), "lda")
        var lwork: Int32 = -1, info: Int32 = 0
        var query = 0.0, dummyA = 0.0, dummyTau = 0.0
        dgeqrf_(&m, &n, &dummyA, &lda, &dummyTau, &query, &lwork, &info)
        precondition(info == 0, "dgeqrf workspace query failed: \(info)")
        return max(1, Int(query))
    }

    /// Householder QR in place: `a` (rows×columns, lda = rows) is overwritten by R and the reflectors.
    static func geqrf(rows: Int, columns: Int, a: UnsafeMutablePointer<Double>, tau: UnsafeMutablePointer<Double>,
                      work: UnsafeMutablePointer<Double>, workCount: Int) {
        var m = int32(rows, "rows"), n = int32(columns, "columns"), lda = int32(max(rows, 1), "lda")
        var lwork = int32(workCount, "lwork"), info: Int32 = 0
        dgeqrf_(&m, &n, a, &lda, tau, work, &lwork, &info)
        precondition(info == 0, "LAPACK dgeqrf: illegal value in argument \(-info) (a bug in Forecast)")
    }

    /// `dlarfg`: the elementary reflector H with H (alpha; x) = (beta; 0); alpha becomes beta, x becomes v₂…vₙ.
    /// Returns τ. `count` = n (the length of (alpha; x)).
    static func larfg(count: Int, alpha: UnsafeMutablePointer<Double>, x: UnsafeMutablePointer<Double>) -> Double {
        var n = int32(count, "n"), increment: Int32 = 1, tau = 0.0
        dlarfg_(&n, alpha, x, &increment, &tau)
        return tau
    }

    /// Optimal `lwork` for `dormqr` applying k reflectors from the left to an m×nrhs matrix.
    static func ormqrWorkSize(rows: Int, rightHandSides: Int, reflectors: Int) -> Int {
        var side = flag("L"), trans = flag("T")
        var m = int32(rows, "rows"), n = int32(rightHandSides, "nrhs"), k = int32(reflectors, "k")
        var lda = int32(max(rows, 1), "lda"), ldc = int32(max(rows, 1), "ldc")
        var lwork: Int32 = -1, info: Int32 = 0
        var query = 0.0, dummyA = 0.0, dummyTau = 0.0, dummyC = 0.0
        dormqr_(&side, &trans, &m, &n, &k, &dummyA, &lda, &dummyTau, &dummyC, &ldc, &query, &lwork, &info, 1, 1)
        precondition(info == 0, "dormqr workspace query failed: \(info)")
        return max(1, Int(query))
    }

    /// C := Qᵀ C (`transpose`) or Q C, Q from `geqrf` (k reflectors in `a`, lda = rows); C is rows×nrhs.
    static func ormqr(transpose: Bool, rows: Int, rightHandSides: Int, reflectors: Int,
                      a: UnsafePointer<Double>, tau: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>,
                      work: UnsafeMutablePointer<Double>, workCount: Int) {
        var side = flag("L"), trans = flag(transpose ? "T" : "N")
        var m = int32(rows, "rows"), n = int32(rightHandSides, "nrhs"), k = int32(reflectors, "k")
        var lda = int32(max(rows, 1), "lda"), ldc = int32(max(rows, 1), "ldc")
        var lwork = int32(workCount, "lwork"), info: Int32 = 0
        dormqr_(&side, &trans, &m, &n, &k, a, &lda, tau, c, &ldc, work, &lwork, &info, 1, 1)
        precondition(info == 0, "LAPACK dormqr: illegal value in argument \(-info) (a bug in Forecast)")
    }

    /// Forms the first `columns` columns of Q explicitly from `geqrf` output (in place).
    static func orgqr(rows: Int, columns: Int, reflectors: Int, a: UnsafeMutablePointer<Double>,
                      tau: UnsafePointer<Double>) {
        var m = int32(rows, "rows"), n = int32(columns, "columns"), k = int32(reflectors, "k")
        var lda = int32(max(rows, 1), "lda"), lwork: Int32 = -1, info: Int32 = 0
        var query = 0.0
        dorgqr_(&m, &n, &k, a, &lda, tau, &query, &lwork, &info)
        var work = [Double](repeating: 0, count: max(1, Int(query)))
        lwork = int32(work.count, "lwork")
        dorgqr_(&m, &n, &k, a, &lda, tau, &work, &lwork, &info)
        precondition(info == 0, "LAPACK dorgqr: illegal value in argument \(-info) (a bug in Forecast)")
    }

    /// Solves R x = b or Rᵀ x = b for upper-triangular R (n×n, leading dimension lda); b is n×nrhs (ldb).
    static func trtrs(transpose: Bool, order: Int, rightHandSides: Int, r: UnsafePointer<Double>, lda: Int,
                      b: UnsafeMutablePointer<Double>, ldb: Int) throws(LinearAlgebraError) {
        var uplo = flag("U"), trans = flag(transpose ? "T" : "N"), diag = flag("N")
        var n = int32(order, "n"), nrhs = int32(rightHandSides, "nrhs")
        var ldaC = int32(max(lda, 1), "lda"), ldbC = int32(max(ldb, 1), "ldb"), info: Int32 = 0
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, r, &ldaC, b, &ldbC, &info, 1, 1, 1)
        try check(info, "dtrtrs") { .singular(routine: "dtrtrs", index: $0 - 1) }
    }

    /// Overwrites upper-triangular R (n×n, lda = n) with R⁻¹ (dtrtri; the strict lower triangle is not touched).
    static func invertUpperTriangular(order: Int, r: UnsafeMutablePointer<Double>) throws(LinearAlgebraError) {
        var uplo = flag("U"), diag = flag("N")
        var n = int32(order, "n"), lda = int32(max(order, 1), "lda"), info: Int32 = 0
        dtrtri_(&uplo, &diag, &n, r, &lda, &info, 1, 1)
        try check(info, "dtrtri") { .singular(routine: "dtrtri", index: $0 - 1) }
    }

    /// Singular values (descending) of a general m×n matrix (copied; the input is not changed).
    package static func singularValues(of matrix: Matrix) throws(LinearAlgebraError) -> [Double] {
        var a = matrix.storage
        let count = min(matrix.rows, matrix.columns)
        if count == 0 { return [] }
        var jobu = flag("N"), jobvt = flag("N")
        var m = int32(matrix.rows, "rows"), n = int32(matrix.columns, "columns")
        var lda = int32(max(matrix.rows, 1), "lda"), ldu: Int32 = 1, ldvt: Int32 = 1
        var s = [Double](repeating: 0, count: count)
        var u = 0.0, vt = 0.0, query = 0.0, lwork: Int32 = -1, info: Int32 = 0
        dgesvd_(&jobu, &jobvt, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &info, 1, 1)
        var work = [Double](repeating: 0, count: max(1, Int(query)))
        lwork = int32(work.count, "lwork")
        dgesvd_(&jobu, &jobvt, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &info, 1, 1)
        try check(info, "dgesvd") { .noConvergence(routine: "dgesvd", info: $0) }
        return s
    }

    /// Cholesky factor (upper) of a symmetric positive-definite n×n matrix, in place.
    static func choleskyFactor(order: Int, a: UnsafeMutablePointer<Double>) throws(LinearAlgebraError) {
        var uplo = flag("U"), n = int32(order, "n"), lda = int32(max(order, 1), "lda"), info: Int32 = 0
        dpotrf_(&uplo, &n, a, &lda, &info, 1)
        try check(info, "dpotrf") { .notPositiveDefinite(routine: "dpotrf", order: $0) }
    }
}
