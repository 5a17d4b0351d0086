import CBLAS

/// The bare LAPACK least-squares path the library is measured against, on the first m rows of a fixed n×p design
/// (m = n for a plain solve; a refit-per-origin backtest loop solves the expanding window 0…o of origin o).
///
/// Each `solve(rows:)` copies the first m rows of X (column-major, leading dimension n) and y into reused buffers
/// packed with leading dimension m (the tightest layout for LAPACK), then `dgeqrf` (X = QR), `dormqr` (Qᵀy) and
/// `dtrtrs` (R b = (Qᵀy)₁..p). No column scaling, rank check or inference: the least a caller holding X and y
/// must do to get coefficients by Householder QR. The copies are part of the timed work (LAPACK overwrites its
/// inputs, and the library also leaves the caller's X intact). The buffers are allocated for n rows and the LAPACK
/// workspace queried once, in `init` (the optimal work size of both routines depends on p and the block size,
/// not on m, so the n-row query covers every m ≤ n).
struct BareQRSolve {
    /// Rows of the full design n (the largest m).
    let rows: Int
    /// Columns p.
    let columns: Int
    private let x: [Double]
    private let y: [Double]
    private var a: [Double]
    private var b: [Double]
    private var tau: [Double]
    private var work: [Double]
    private var scratch: [Double]
    private var lastRows = 0

    /// A solver over `x` (n×p, column-major) and `y` (n).
    init(x: [Double], y: [Double], rows: Int, columns: Int) {
        precondition(rows >= columns && columns > 0, "BareQRSolve needs n ≥ p > 0")
        precondition(x.count == rows * columns && y.count == rows, "BareQRSolve: input shape mismatch")
        self.rows = rows
        self.columns = columns
        self.x = x
        self.y = y
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
        scratch = [Double](repeating: 0, count: columns)
    }

    /// Solves min ‖y[0..<m] − X[0..<m, :] b‖; the solution is `solution`. Precondition: p ≤ m ≤ n.
    mutating func solve(rows count: Int) throws(LAPACKFailure) {
        precondition(count >= columns && count <= rows, "BareQRSolve: \(count) rows outside \(columns)…\(rows)")
        var m = lapackInt(count), n = lapackInt(columns), lda = lapackInt(count), ldb = lapackInt(count)
        var nrhs: Int32 = 1, lwork = lapackInt(work.count), info: Int32 = 0
        var side = lapackFlag("L"), trans = lapackFlag("T"), noTrans = lapackFlag("N")
        var upper = lapackFlag("U"), nonUnit = lapackFlag("N")
        let (fullRows, p) = (rows, columns)
        x.withUnsafeBufferPointer { source in
            a.withUnsafeMutableBufferPointer { target in
                for j in 0..<p {
                    (target.baseAddress! + j * count).update(from: source.baseAddress! + j * fullRows, count: count)
                }
            }
        }
        y.withUnsafeBufferPointer { source in
            b.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source.baseAddress!, count: count) }
        }
        dgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        try LAPACKFailure.check(info, "dgeqrf")
        dormqr_(&side, &trans, &m, &nrhs, &n, a, &lda, tau, &b, &ldb, &work, &lwork, &info, 1, 1)
        try LAPACKFailure.check(info, "dormqr")
        dtrtrs_(&upper, &noTrans, &nonUnit, &n, &nrhs, a, &lda, &b, &ldb, &info, 1, 1, 1)
        try LAPACKFailure.check(info, "dtrtrs")
        lastRows = count
    }

    /// ‖(Qᵀy)_{p+1…m}‖², the residual sum of squares of the last `solve`.
    var residualSumOfSquares: Double {
        var sum = 0.0
        for i in columns..<lastRows { sum += b[i] * b[i] }
        return sum
    }

    /// x′(XᵀX)⁻¹x = ‖R⁻ᵀx‖² for the last `solve`: one `dtrsv` with R (read from `x` at row `row` of the full design).
    mutating func quadraticForm(row: Int) -> Double {
        for j in 0..<columns { scratch[j] = x[j * rows + row] }
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, lapackInt(columns), a, lapackInt(lastRows),
                    &scratch, 1)
        var sum = 0.0
        for j in 0..<columns { sum += scratch[j] * scratch[j] }
        return sum
    }

    /// Coefficient b_j (0 ≤ j < p) of the last `solve` (read in place: the loop calling it allocates nothing).
    func coefficient(_ j: Int) -> Double { b[j] }

    /// The coefficients of the last `solve`.
    var solution: [Double] { Array(b.prefix(columns)) }
}
