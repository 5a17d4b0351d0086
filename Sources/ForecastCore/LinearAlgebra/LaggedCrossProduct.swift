// S = Σ_t u_t u_tᵀ + Σ_{j=1..L} w_j Σ_{t>j} (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ), Bartlett w_j = 1 − j/(L+1):
// the "meat" of heteroskedasticity- and autocorrelation-consistent covariances.
//
// Policy: L = 0 is one dsyrk. For L > 0, with V_t = Σ_j w_j u_{t−j}, S is the symmetric part of Uᵀ(U + 2V):
// W = U + 2V is built column by column with one daxpy per lag (contiguous, vectorised), then one dgemm UᵀW —
// O(n·k·L) + 2n·k² flops instead of L separate dgemms. Least squares (whose scores are rows of X times a row
// factor) does the same in blocks of rows without ever forming U (the extension below); count models pass U.
import CBLAS

package enum LaggedCrossProduct {
    /// S (k×k) for `u` (n×k column-major) using `scratch` (n×k) when `maxLags` > 0.
    package static func compute(u: UnsafePointer<Double>, rows n: Int, columns k: Int, maxLags: Int,
                        scratch: UnsafeMutablePointer<Double>) -> Matrix {
        var s = Matrix(rows: k, columns: k)
        let lags = min(maxLags, n - 1)
        if lags <= 0 {
            s.storage.withUnsafeMutableBufferPointer { c in
                BLAS.syrkTransposed(n: k, k: n, a: u, lda: n, c: c.baseAddress!)
            }
            s.symmetrizeFromUpper()
            return s
        }
        scratch.update(from: u, count: n * k)
        for c in 0..<k {
            let uc = u + c * n, wc = scratch + c * n
            for j in 1...lags {
                let weight = 2 * (1 - Double(j) / Double(maxLags + 1))
                BLAS.axpy(count: n - j, alpha: weight, x: uc, y: wc + j)
            }
        }
        var m = Matrix(rows: k, columns: k)
        m.storage.withUnsafeMutableBufferPointer { c in
            BLAS.gemm(transposeA: true, transposeB: false, m: k, n: k, k: n, alpha: 1, a: u, lda: n,
                      b: scratch, ldb: n, beta: 0, c: c.baseAddress!, ldc: k)
        }
        for j in 0..<k {
            for i in 0..<k { s[i, j] = 0.5 * (m[i, j] + m[j, i]) }
        }
        return s
    }
}

extension LeastSquaresWorkspace {
    /// Rows per block of the least-squares meats below: a block of scores (rows × k) stays in L2 between being
    /// written and being read by dsyrk/dgemm (1024 × 20 columns = 160 KiB). Measured (`bench run --threads 1
    /// --filter 'ols/ols-h.*/(1000x10|10000x20)'`, two alternating repeats on the shared machine, ratio to bare
    /// LAPACK): `ols-hc1` 10000x20 0.61 / 0.61 with 256 rows, 0.76 / 0.74 with 1024, 0.87 / 0.72 with 4096;
    /// `ols-hac7` 0.57–0.60 with 256 and 1024, 0.42–0.44 with 4096; 1000x10 within noise.
    static let scoreBlockRows = 1024

    /// Writes u_ij = x[i, kept[j]] · f_i for rows `from` ..< `from + count` into `block` (count × k, leading
    /// dimension `count`); `x` is column-major with `rows` rows.
    @inline(__always)
    static func fillScores(_ block: UnsafeMutablePointer<Double>, x: UnsafePointer<Double>, rows n: Int, kept: [Int],
                           factor: UnsafePointer<Double>, from first: Int, count: Int) {
        for (position, j) in kept.enumerated() {
            let destination = block + position * count
            let source = x + j * n + first
            let f = factor + first
            for i in 0..<count { destination[i] = source[i] * f[i] }
        }
    }

    /// S = Σ_i f_i² x_i x_iᵀ over the kept columns (k×k), i.e. UᵀU with u_ij = x[i, kept[j]] · f_i, without forming U:
    /// rows are processed in blocks of `scoreBlockRows`, each block's scores written to a small reused buffer and
    /// accumulated by one dsyrk (the HC0–HC3 meat; the value of `Sandwich.meat(scores: U, maxLags: 0)`).
    @usableFromInline
    package mutating func heteroskedasticCrossProduct(_ x: Matrix, kept: [Int], rowFactor: [Double]) -> Matrix {
        let n = x.rows, k = kept.count, block = Self.scoreBlockRows
        var s = Matrix(rows: k, columns: k)
        guard n > 0, k > 0 else { return s }
        if scores.count < block * k { scores = [Double](repeating: 0, count: block * k) }
        scores.withUnsafeMutableBufferPointer { u in
            x.storage.withUnsafeBufferPointer { xs in
                rowFactor.withUnsafeBufferPointer { f in
                    s.storage.withUnsafeMutableBufferPointer { c in
                        var first = 0
                        while first < n {
                            let m = min(block, n - first)
                            Self.fillScores(u.baseAddress!, x: xs.baseAddress!, rows: n, kept: kept, factor: f.baseAddress!,
                                            from: first, count: m)
                            BLAS.syrkTransposed(n: k, k: m, a: u.baseAddress!, lda: m, c: c.baseAddress!,
                                                accumulate: first > 0)
                            first += m
                        }
                    }
                }
            }
        }
        s.symmetrizeFromUpper()
        return s
    }

    /// The Bartlett lagged cross-product S (k×k) of u_ij = x[i, kept[j]] · f_i (the HAC meat; the value of
    /// `Sandwich.meat(scores: U, maxLags:)`) without forming the n×k scores: rows are processed in blocks of
    /// `scoreBlockRows` with a halo of the L rows before the block, so the block's scores, its filtered
    /// W = U + 2V (one `daxpy` per lag and column, in cache) and the `dgemm` accumulating UᵀW all work on
    /// L1/L2-sized buffers; S is the symmetric part of the accumulated UᵀW.
    @usableFromInline
    package mutating func autocorrelationConsistentCrossProduct(_ x: Matrix, kept: [Int], rowFactor: [Double],
                                                        maxLags: Int) -> Matrix {
        let n = x.rows, k = kept.count, block = Self.scoreBlockRows
        let lags = min(maxLags, n - 1)
        var product = Matrix(rows: k, columns: k)
        guard n > 0, k > 0 else { return product }
        if lags <= 0 { return heteroskedasticCrossProduct(x, kept: kept, rowFactor: rowFactor) }
        let haloed = (block + lags) * k
        if scores.count < haloed { scores = [Double](repeating: 0, count: haloed) }
        if scratch.count < block * k { scratch = [Double](repeating: 0, count: block * k) }
        scores.withUnsafeMutableBufferPointer { u in
            scratch.withUnsafeMutableBufferPointer { w in
                x.storage.withUnsafeBufferPointer { xs in
                    rowFactor.withUnsafeBufferPointer { f in
                        product.storage.withUnsafeMutableBufferPointer { c in
                            var first = 0
                            while first < n {
                                let m = min(block, n - first), halo = min(lags, first), rows = halo + m
                                Self.fillScores(u.baseAddress!, x: xs.baseAddress!, rows: n, kept: kept,
                                                factor: f.baseAddress!, from: first - halo, count: rows)
                                for position in kept.indices {
                                    let scoresColumn = u.baseAddress! + position * rows
                                    let filtered = w.baseAddress! + position * m
                                    filtered.update(from: scoresColumn + halo, count: m)
                                    for lag in 1...lags {
                                        let start = max(0, lag - halo)   // local rows whose lag-th predecessor exists
                                        guard start < m else { continue }
                                        let weight = 2 * (1 - Double(lag) / Double(maxLags + 1))
                                        BLAS.axpy(count: m - start, alpha: weight, x: scoresColumn + halo + start - lag,
                                                  y: filtered + start)
                                    }
                                }
                                BLAS.gemm(transposeA: true, transposeB: false, m: k, n: k, k: m, alpha: 1,
                                          a: u.baseAddress! + halo, lda: rows, b: w.baseAddress!, ldb: m,
                                          beta: first == 0 ? 0 : 1, c: c.baseAddress!, ldc: k)
                                first += m
                            }
                        }
                    }
                }
            }
        }
        var s = Matrix(rows: k, columns: k)
        for j in 0..<k {
            for i in 0..<k { s[i, j] = 0.5 * (product[i, j] + product[j, i]) }
        }
        return s
    }
}
