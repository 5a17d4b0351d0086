import CBLAS

/// The bare LAPACK least-squares path the library is measured against:
/// copy X and y into reused buffers, `dgeqrf` (X = QR), `dormqr` (Qᵀy), `dtrtrs` (R b = (Qᵀy)₁..p).
///
/// No column scaling, no rank check, no inference: the least a caller holding X and y must do to get
/// coefficients by Householder QR. The copies are part of the timed work (LAPACK overwrites its inputs, and
/// the library also leaves the caller's X intact); the buffers are allocated and touched once, in `init`,
/// and the LAPACK work size is queried once.
struct BareQRSolve {
    /// Number of observations n.
    let rows: Int
    /// Number of columns p.
    let columns: Int
    private var a: [Double]
    private var b: [Double]
    private var tau: [Double]
    private var work: [Double]

    init(rows: Int, columns: Int) {
        precondition(rows >= columns && columns > 0, "BareQRSolve needs n ≥ p > 0")
        self.rows = rows
        self.columns = columns
        a = [Double](repeating: 0, count: rows * columns)
        b = [Double](repeating: 0, count: rows)
        tau = [Double](repeating: 0, count: columns)
        var m = lapackInt(rows), n = lapackInt(columns), lda = lapackInt(rows), nrhs: Int32 = 1
        var lwork: Int32 = -1, info: Int32 = 0
        var geqrfQuery = 0.0, ormqrQuery = 0.0, dummy = 0.0, dummyTau = 0.0, dummyC = 0.0
        dgeqrf_(&m, &n, &dummy, &lda, &dummyTau, &geqrfQuery, &lwork, &info)
        precondition(info == 0, "dgeqrf workspace query failed: \(info)")
        var side = lapackFlag("L"), trans = lapackFlag("T"), ldc = lapackInt(rows)
        dormqr_(&side, &trans, &m, &nrhs, &n, &dummy, &lda, &dummyTau, &dummyC, &ldc, &ormqrQuery, &lwork, &info, 1, 1)
        precondition(info == 0, "dormqr workspace query failed: \(info)")
        work = [Double](repeating: 0, count: max(1, Int(geqrfQuery), Int(ormqrQuery)))
    }

    /// Solves min ‖y − X b‖ for column-major X (n×p) and y (n); the solution is `solution`.
    mutating func solve(x: [Double], y: [Double]) throws(LAPACKFailure) {
        precondition(x.count == rows * columns && y.count == rows, "BareQRSolve: input shape mismatch")
        var m = lapackInt(rows), n = lapackInt(columns), lda = lapackInt(rows), ldb = lapackInt(rows)
        var nrhs: Int32 = 1, lwork = lapackInt(work.count), info: Int32 = 0
        var side = lapackFlag("L"), trans = lapackFlag("T"), noTrans = lapackFlag("N")
        var upper = lapackFlag("U"), nonUnit = lapackFlag("N")
        a.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: x, count: x.count) }
        b.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: y, count: y.count) }
        dgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        try LAPACKFailure.check(info, "dgeqrf")
        dormqr_(&side, &trans, &m, &nrhs, &n, a, &lda, tau, &b, &ldb, &work, &lwork, &info, 1, 1)
        try LAPACKFailure.check(info, "dormqr")
        dtrtrs_(&upper, &noTrans, &nonUnit, &n, &nrhs, a, &lda, &b, &ldb, &info, 1, 1, 1)
        try LAPACKFailure.check(info, "dtrtrs")
    }

    /// Coefficients from the last `solve`.
    var solution: [Double] { Array(b.prefix(columns)) }
}
