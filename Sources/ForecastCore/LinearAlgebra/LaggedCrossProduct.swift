// S = Σ_t u_t u_tᵀ + Σ_{j=1..L} w_j Σ_{t>j} (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ), Bartlett w_j = 1 − j/(L+1):
// the "meat" of heteroskedasticity- and autocorrelation-consistent covariances.
//
// Policy:
// 1. The Bartlett kernel factors: 1 − j/(L+1) = (L+1−j)/(L+1) is the share of the length-(L+1) windows that
//    contain two rows j apart. With z_e = Σ_{t=e−L..e} u_t (u_t = 0 outside 0..<n), e = 0 ..< n+L,
//    S = ZᵀZ / (L+1): ONE symmetric rank update (dsyrk, the upper triangle only) of n+L window sums, as cheap as the
//    heteroskedasticity-only meat (L = 0, where Z = U). It is the form that shows why Newey–West is positive
//    semi-definite, and it replaces L lagged products (or one full k×k dgemm of Uᵀ(U + 2V)) by half the flops.
// 2. Lags beyond the data: with L ≥ n the windows are cut at L′ = n − 1 (longer ones hold every row), and
//    S = (ZᵀZ + (L − L′) T Tᵀ)/(L+1) with T = Σ_t u_t (the window ending at n − 1): the same kernel weights.
// 3. Window sums by doubling: sums over 2, 4, 8, … rows, each one vectorised pass z[p] = y[p] + y[p − 2^j]
//    over a block, then combined by the binary digits of L+1 — ⌈log₂(L+1)⌉ + popcount(L+1) − 1 passes, each sum
//    a short tree of additions (rounding ≤ (log₂(L+1) + 1)·ε of Σ|u_t| per window).
// 4. The rank update: OpenBLAS `dsyrk`, or on CPUs with AVX2 and FMA our upper-triangle kernel (`WideKernels.swift`:
//    2×4 register tiles, fused multiply–adds; an OpenBLAS that falls back to its Prescott kernels computes the whole
//    square there).
// 5. Rows are processed in blocks of `blockRows` windows (plus the L rows before them), so a block's scores,
//    window sums and the rank update reading them stay in cache, and no n×k matrix is formed when the scores are
//    computed on the fly (least squares: u_t = x_t f_t; the workspace extension below).
import CBLAS

package enum LaggedCrossProduct {
    /// Windows per block: a block of scores (rows × k) stays in L2 between being written and being read by dsyrk
    /// (1024 × 20 columns = 160 KiB). Measured (`bench run --threads 1 --filter 'ols/ols-h.*/(1000x10|10000x20)'`,
    /// two alternating repeats on the shared machine, ratio to bare LAPACK): `ols-hc1` 10000x20 0.61 / 0.61 with
    /// 256 rows, 0.76 / 0.74 with 1024, 0.87 / 0.72 with 4096; 1000x10 within noise. Blocks grow to L rows when
    /// L is larger, so the halo never outweighs the block.
    static let blockRows = 1024

    /// Reusable buffers of the blocked computation (a block of scores and two of window sums).
    package struct Buffers: Sendable {
        var scores: [Double] = []
        var first: [Double] = []
        var second: [Double] = []
        package init() {}
    }

    /// S (k×k, symmetric) for `u` (n×k column-major).
    package static func compute(u: UnsafePointer<Double>, rows n: Int, columns k: Int, maxLags: Int) -> Matrix {
        var buffers = Buffers()
        return compute(rows: n, columns: k, maxLags: maxLags, buffers: &buffers) { block, first, count, lda in
            for j in 0..<k { (block + j * lda).update(from: u + j * n + first, count: count) }
        }
    }

    /// S (k×k, symmetric) for the n×k scores that `fill(block, first, count, lda)` writes: rows
    /// first ..< first + count, column j at `block + j · lda`.
    @inline(__always)
    package static func compute(rows n: Int, columns k: Int, maxLags: Int, buffers: inout Buffers,
                                fill: (UnsafeMutablePointer<Double>, Int, Int, Int) -> Void) -> Matrix {
        precondition(maxLags >= 0, "maxLags must be non-negative")
        var s = Matrix(rows: k, columns: k)
        guard n > 0, k > 0 else { return s }
        let lags = min(maxLags, n - 1)                 // L′ (policy 2)
        let window = lags + 1
        let windows = n + lags
        let blockRows = max(Self.blockRows, lags)
        let capacity = (blockRows + lags) * k
        if buffers.scores.count < capacity { buffers.scores = [Double](repeating: 0, count: capacity) }
        if window > 1 {
            if buffers.first.count < capacity { buffers.first = [Double](repeating: 0, count: capacity) }
            if buffers.second.count < capacity { buffers.second = [Double](repeating: 0, count: capacity) }
        }
        let alpha = 1 / Double(maxLags + 1)
        let path = KernelPath.current
        var total = [Double](repeating: 0, count: maxLags > lags ? k : 0)   // T (policy 2)
        buffers.scores.withUnsafeMutableBufferPointer { scores in
            buffers.first.withUnsafeMutableBufferPointer { first in
                buffers.second.withUnsafeMutableBufferPointer { second in
                    s.storage.withUnsafeMutableBufferPointer { c in
                        var start = 0                       // first window (its last row) of the block
                        while start < windows {
                            let m = min(blockRows, windows - start)
                            let positions = lags + m        // buffer position q holds row start − lags + q
                            let origin = start - lags
                            let low = max(0, origin), high = min(n, start + m)
                            for j in 0..<k {
                                let column = scores.baseAddress! + j * positions
                                if low > origin { column.update(repeating: 0, count: low - origin) }
                                if high - origin < positions {
                                    (column + (high - origin)).update(repeating: 0, count: positions - (high - origin))
                                }
                            }
                            fill(scores.baseAddress! + (low - origin), low, high - low, positions)
                            let sums = windowSums(scores.baseAddress!, first.baseAddress, second.baseAddress,
                                                  positions: positions, columns: k, window: window)
                            if path == .wide {
                                WideKernels.upperCrossProduct(n: k, rows: m, alpha: alpha, a: sums + lags,
                                                              lda: positions, weights: nil, c: c.baseAddress!, ldc: k,
                                                              accumulate: start > 0)
                            } else {
                                BLAS.syrkTransposed(n: k, k: m, alpha: alpha, a: sums + lags, lda: positions,
                                                    c: c.baseAddress!, accumulate: start > 0)
                            }
                            if !total.isEmpty, (start..<(start + m)).contains(n - 1) {
                                for j in 0..<k { total[j] = sums[j * positions + lags + (n - 1 - start)] }
                            }
                            start += m
                        }
                    }
                }
            }
        }
        if !total.isEmpty {
            let weight = Double(maxLags - lags) * alpha
            for j in 0..<k { for i in 0...j { s[i, j] += weight * total[i] * total[j] } }
        }
        s.symmetrizeFromUpper()
        return s
    }

    /// Sums of `window` consecutive rows ending at each position (rows before position 0 count as zero) of the
    /// `columns` columns in `scores` (lda `positions`), by doubling (policy 3). Returns the buffer holding them:
    /// `scores` itself when `window` is 1, else `first` or `second`. `scores` is overwritten.
    static func windowSums(_ scores: UnsafeMutablePointer<Double>, _ first: UnsafeMutablePointer<Double>?,
                           _ second: UnsafeMutablePointer<Double>?, positions: Int, columns k: Int,
                           window: Int) -> UnsafeMutablePointer<Double> {
        if window == 1 { return scores }
        guard let first, let second else { preconditionFailure("windowSums: buffers missing for window \(window)") }
        // `power` holds sums of `width` rows (doubling writes into `spare`, which then takes the old `power`);
        // `sum`, once a binary digit of `window` starts it (in `second`), holds sums of `covered` rows.
        var power = scores, spare = first
        var sum: UnsafeMutablePointer<Double>? = nil
        var width = 1, covered = 0
        while true {
            if window & width != 0 {
                if let sum {
                    // sum[q] += power[q − covered]: the `width` rows just before the `covered` ones.
                    if covered < positions {
                        for j in 0..<k { add(power + j * positions, to: sum + j * positions + covered, count: positions - covered) }
                    }
                } else if width * 2 > window {
                    return power                     // `window` is a power of two
                } else {
                    second.update(from: power, count: k * positions)
                    sum = second
                }
                covered += width
            }
            if width * 2 > window { return sum! }
            // Sums of 2·width rows: spare[q] = power[q] + power[q − width].
            for j in 0..<k {
                let target = spare + j * positions, source = power + j * positions
                target.update(from: source, count: min(width, positions))
                if width < positions { add(source, source + width, into: target + width, count: positions - width) }
            }
            (power, spare) = (spare, power)
            width *= 2
        }
    }

    /// y[i] += x[i] (distinct buffers; a plain loop the compiler vectorises).
    @inline(__always)
    static func add(_ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { y[i] += x[i] }
    }

    /// z[i] = a[i] + b[i] (z distinct from a and b).
    @inline(__always)
    static func add(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into z: UnsafeMutablePointer<Double>,
                    count: Int) {
        for i in 0..<count { z[i] = a[i] + b[i] }
    }
}

extension LeastSquaresWorkspace {
    /// The sandwich meat S (k×k; `LaggedCrossProduct`, `maxLags` 0 = heteroskedasticity only) of the scores
    /// u_ij = x[i, kept[j]] · f_i, without forming the n×k score matrix: rows are filled block by block into
    /// reused buffers (policy 5). The value of `Sandwich.meat(scores: U, maxLags:)`.
    @usableFromInline
    package mutating func scoreCrossProduct(_ x: Matrix, kept: [Int], rowFactor: [Double], maxLags: Int) -> Matrix {
        let n = x.rows
        return x.storage.withUnsafeBufferPointer { xs in
            rowFactor.withUnsafeBufferPointer { f in
                LaggedCrossProduct.compute(rows: n, columns: kept.count, maxLags: maxLags, buffers: &meatBuffers) {
                    block, first, count, lda in
                    for (position, j) in kept.enumerated() {
                        let destination = block + position * lda
                        let source = xs.baseAddress! + j * n + first
                        let factor = f.baseAddress! + first
                        for i in 0..<count { destination[i] = source[i] * factor[i] }
                    }
                }
            }
        }
    }
}
