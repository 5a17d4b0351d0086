import CBLAS

/// LAPACK's least-squares driver `dgels` (QR inside) on reused buffers: copy X and y, one call.
///
/// A second reference for the qr-solve suite: what a caller gets from the one-call driver. At 10k×20 it
/// was measured about 2× slower than the explicit `dgeqrf`+`dormqr`+`dtrtrs` path (see the project's notes).
struct DGELSSolve {
    /// Number of observations n.
    let rows: Int
    /// Number of columns p.
    let columns: Int
    private var a: [Double]
    private var b: [Double]
    private var work: [Double]

    init(rows: Int, columns: Int) {
        precondition(rows >= columns && columns > 0, "DGELSSolve needs n ≥ p > 0")
        self.rows = rows
        self.columns = columns
        a = [Double](repeating: 0, count: rows * columns)
        b = [Double](repeating: 0, count: rows)
        var trans = lapackFlag("N"), m = lapackInt(rows), n = lapackInt(columns), nrhs: Int32 = 1
        var lda = lapackInt(rows), ldb = lapackInt(rows), lwork: Int32 = -1, info: Int32 = 0
        var query = 0.0, dummyA = 0.0, dummyB = 0.0
        dgels_(&trans, &m, &n, &nrhs, &dummyA, &lda, &dummyB, &ldb, &query, &lwork, &info, 1)
        precondition(info == 0, "dgels workspace query failed: \(info)")
        work = [Double](repeating: 0, count: max(1, Int(query)))
    }

    /// Solves min ‖y − X b‖ for column-major X (n×p) and y (n); the solution is `solution`.
    mutating func solve(x: [Double], y: [Double]) throws(LAPACKFailure) {
        precondition(x.count == rows * columns && y.count == rows, "DGELSSolve: input shape mismatch")
        var trans = lapackFlag("N"), m = lapackInt(rows), n = lapackInt(columns), nrhs: Int32 = 1
        var lda = lapackInt(rows), ldb = lapackInt(rows), lwork = lapackInt(work.count), info: Int32 = 0
        a.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: x, count: x.count) }
        b.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: y, count: y.count) }
        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &work, &lwork, &info, 1)
        try LAPACKFailure.check(info, "dgels")
    }

    /// Coefficients from the last `solve`.
    var solution: [Double] { Array(b.prefix(columns)) }
}
