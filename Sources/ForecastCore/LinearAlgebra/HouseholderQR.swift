import Foundation

// HouseholderQR — the QR factorization behind every least-squares fit, in LAPACK's `dgeqrf` storage.
//
// Policy:
// 1. Below `blockedFromColumns` columns LAPACK's `dgeqrf` runs its unblocked `dgeqr2` anyway; that path is done
//    here with the same algorithm and output (R on and above the diagonal, v₂…vₘ below it, τ) but two costs
//    removed: the reflector's norm is a vectorised four-accumulator sum of squares instead of OpenBLAS' scaled
//    `dnrm2` (about 4× slower on Zen), and the reflector is applied by one `dgemv` + one `dger` without `dlarf`'s
//    scans for trailing zeros. At and above it, `dgeqrf` (blocked, Level 3) is called.
// 2. Safety: when the sum of squares is not safely inside [1e-280, 1e280] (possible underflow or overflow), or
//    when β would be tiny, the column's reflector is made by LAPACK's `dlarfg` (which rescales), so results match
//    `dgeqrf` in every range.
// 3. Reflectors: β = −sign(α)·√(α² + ‖x‖²), τ = (β − α)/β, v = (1, x/(α − β)); ‖x‖ = 0 gives τ = 0 (H = I), as
//    `dlarfg`. H = I − τ v vᵀ is applied from the left to the trailing columns: w = Cᵀv, C −= τ v wᵀ.
enum HouseholderQR {
    /// Column count from which LAPACK's blocked `dgeqrf` is used (its own crossover to blocked code is 128).
    static let blockedFromColumns = 128

    /// Factors `a` (rows×columns, lda = rows) in place into the reflectors and R; `tau` gets min(rows, columns)
    /// scalars. `work` must hold `LAPACK.geqrfWorkSize(rows:columns:)` doubles (≥ columns).
    static func factor(rows m: Int, columns n: Int, a: UnsafeMutablePointer<Double>, tau: UnsafeMutablePointer<Double>,
                       work: UnsafeMutablePointer<Double>, workCount: Int) {
        if n >= blockedFromColumns {
            LAPACK.geqrf(rows: m, columns: n, a: a, tau: tau, work: work, workCount: workCount)
            return
        }
        precondition(workCount >= n, "HouseholderQR: work space of \(workCount) < \(n) columns")
        for j in 0..<min(m, n) {
            let column = a + j * m + j
            let length = m - j
            tau[j] = reflector(length: length, column: column)
            let trailing = n - j - 1
            if trailing > 0 && tau[j] != 0 {
                let beta = column[0]
                column[0] = 1
                BLAS.gemv(transpose: true, rows: length, columns: trailing, alpha: 1, a: column + m, lda: m,
                          x: column, beta: 0, y: work)
                BLAS.ger(rows: length, columns: trailing, alpha: -tau[j], x: column, y: work, a: column + m, lda: m)
                column[0] = beta
            }
        }
    }

    /// Makes the reflector of `column[0..<length]` in place (policy 2–3) and returns τ.
    @inline(__always)
    static func reflector(length: Int, column: UnsafeMutablePointer<Double>) -> Double {
        if length <= 1 { return 0 }
        let sumOfSquares = sumOfSquares(column + 1, count: length - 1)
        if sumOfSquares == 0 { return 0 }
        let alpha = column[0]
        let total = alpha * alpha + sumOfSquares
        guard sumOfSquares > 1e-280, total < 1e280, total.isFinite else {
            return LAPACK.larfg(count: length, alpha: column, x: column + 1)
        }
        let norm = total.squareRoot()
        let beta = alpha >= 0 ? -norm : norm
        BLAS.scal(count: length - 1, alpha: 1 / (alpha - beta), x: column + 1)
        column[0] = beta
        return (beta - alpha) / beta
    }

    /// Σ v² with four independent accumulators, so the loop vectorises (no overflow protection: callers fall back to
    /// dnrm2 for non-finite or tiny results).
    @inline(__always)
    static func sumOfSquares(_ v: UnsafeMutablePointer<Double>, count n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += v[i] * v[i]; s1 += v[i + 1] * v[i + 1]; s2 += v[i + 2] * v[i + 2]; s3 += v[i + 3] * v[i + 3]
            i += 4
        }
        while i < n { s0 += v[i] * v[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
