// S = Σ_t u_t u_tᵀ + Σ_{j=1..L} w_j Σ_{t>j} (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ), Bartlett w_j = 1 − j/(L+1):
// the "meat" of heteroskedasticity- and autocorrelation-consistent covariances.
//
// Policy: L = 0 is one dsyrk. For L > 0, with V_t = Σ_j w_j u_{t−j}, S is the symmetric part of Uᵀ(U + 2V):
// W = U + 2V is built column by column with one daxpy per lag (contiguous, vectorised), then one dgemm UᵀW —
// O(n·k·L) + 2n·k² flops instead of L separate dgemms.
import CBLAS

enum LaggedCrossProduct {
    /// S (k×k) for `u` (n×k column-major) using `scratch` (n×k) when `maxLags` > 0.
    static func compute(u: UnsafePointer<Double>, rows n: Int, columns k: Int, maxLags: Int,
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
    /// Fills the n×k score buffer with u_ij = x[i, kept[j]] · factor[i] (one pass, reused storage).
    @usableFromInline
    mutating func fillScores(_ x: Matrix, kept: [Int], rowFactor: [Double]) {
        let n = x.rows, k = kept.count
        if scores.count < n * k { scores = [Double](repeating: 0, count: n * k) }
        scores.withUnsafeMutableBufferPointer { u in
            x.storage.withUnsafeBufferPointer { xs in
                rowFactor.withUnsafeBufferPointer { f in
                    for (position, j) in kept.enumerated() {
                        let destination = u.baseAddress! + position * n
                        let source = xs.baseAddress! + j * n
                        for i in 0..<n { destination[i] = source[i] * f[i] }
                    }
                }
            }
        }
    }

    /// Rows per block of `heteroskedasticCrossProduct`: a block of scores (rows × k) stays in L1/L2 between being
    /// written and being read by dsyrk.
    static let scoreBlockRows = 256

    /// S = Σ_i f_i² x_i x_iᵀ over the kept columns (k×k), i.e. UᵀU with u_ij = x[i, kept[j]] · f_i, without forming U:
    /// rows are processed in blocks of `scoreBlockRows`, each block's scores written to a small reused buffer and
    /// accumulated by one dsyrk (the HC0–HC3 meat; the same value as `fillScores` + `scoresCrossProduct(maxLags: 0)`).
    @usableFromInline
    mutating func heteroskedasticCrossProduct(_ x: Matrix, kept: [Int], rowFactor: [Double]) -> Matrix {
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
                            for (position, j) in kept.enumerated() {
                                let destination = u.baseAddress! + position * m
                                let source = xs.baseAddress! + j * n + first
                                let factor = f.baseAddress! + first
                                for i in 0..<m { destination[i] = source[i] * factor[i] }
                            }
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

    /// The Bartlett lagged cross-product of the current scores (k×k), reusing the scratch buffer.
    @usableFromInline
    mutating func scoresCrossProduct(rows n: Int, columns k: Int, maxLags: Int) -> Matrix {
        let needed = maxLags > 0 ? max(n * k, 1) : 1
        if scratch.count < needed { scratch = [Double](repeating: 0, count: needed) }
        var result = Matrix(rows: 0, columns: 0)
        scores.withUnsafeBufferPointer { u in
            scratch.withUnsafeMutableBufferPointer { w in
                result = LaggedCrossProduct.compute(u: u.baseAddress!, rows: n, columns: k, maxLags: maxLags,
                                                    scratch: w.baseAddress!)
            }
        }
        return result
    }
}
