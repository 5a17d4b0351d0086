import Foundation

// HouseholderQR — the QR factorization behind every least-squares fit, in LAPACK's `dgeqrf` storage.
//
// Policy:
// 1. Below `blockedFromColumns` columns LAPACK's `dgeqrf` runs its unblocked `dgeqr2` anyway; that path is done
//    here with the same reflectors and output (R on and above the diagonal, v₂…vₘ below it, τ), but the reflectors
//    are applied two at a time, column by column (`HouseholderQR+Kernels.swift`): for each trailing column c,
//    H₂H₁c = c − v₁w₁ − v₂w₂ with w₁ = τ₁v₁ᵀc, w₂ = τ₂(v₂ᵀc − (v₂ᵀv₁)w₁) (the compact-WY form of a pair, as in
//    `dlarft`/`dlarfb`). Both dot products are taken in one pass and the update follows while the column is still
//    in L1, so each trailing column is read from L2 once per pair instead of three times per reflector (`dgemv`
//    then `dger`). The reflector's norm is a vectorised four-accumulator sum of squares instead of OpenBLAS'
//    scaled `dnrm2`. At and above `blockedFromColumns`, `dgeqrf` (blocked, Level 3) is called. On CPUs with AVX2 and
//    FMA the column kernels run in C with four lanes and fused multiply–adds (`WideKernels.swift`; the same
//    formulas, rounded differently).
// 2. Safety: when the sum of squares is not safely inside [1e-280, 1e280] (possible underflow or overflow), or
//    when β would be tiny, the column's reflector is made by LAPACK's `dlarfg` (which rescales), so results match
//    `dgeqrf` in every range.
// 3. Reflectors: β = −sign(α)·√(α² + ‖x‖²), τ = (β − α)/β, v = (1, x/(α − β)); ‖x‖ = 0 gives τ = 0 (H = I), as
//    `dlarfg`. H = I − τ v vᵀ; the pair formula of policy 1 equals H₂(H₁c) in exact arithmetic and differs from
//    it only by rounding (backward stable, as `dlarfb`).
// 4. Measured on an in-cache 2048×21 block (this machine's OpenBLAS 0.3.21 runs its Prescott SSE kernels here,
//    thread CPU time, best of 50): 176 µs in pairs against 211 µs for `dgemv` + `dger` per reflector and 232 µs for a
//    fused single reflector; a group of four (4×4 T) compiled by Swift for baseline x86-64 ran at 403 µs.
enum HouseholderQR {
    /// Column count from which LAPACK's blocked `dgeqrf` is used (its own crossover to blocked code is 128).
    static let blockedFromColumns = 128

    /// Factors `a` (rows×columns, lda = rows) in place into the reflectors and R; `tau` gets min(rows, columns)
    /// scalars. `work` must hold `LAPACK.geqrfWorkSize(rows:columns:)` doubles (used by the blocked path).
    static func factor(rows m: Int, columns n: Int, a: UnsafeMutablePointer<Double>, tau: UnsafeMutablePointer<Double>,
                       work: UnsafeMutablePointer<Double>, workCount: Int, path: KernelPath) {
        if n >= blockedFromColumns {
            LAPACK.geqrf(rows: m, columns: n, a: a, tau: tau, work: work, workCount: workCount)
            return
        }
        let reflectors = min(m, n)
        var j = 0
        while j < reflectors {
            let length = m - j
            let first = a + j * m + j
            tau[j] = reflector(length: length, column: first, path: path)
            guard j + 1 < reflectors, length >= 3 else {
                // The last reflector (or a two-row remainder): applied alone.
                applyReflector(first, tau: tau[j], to: a + (j + 1) * m + j, lda: m, count: n - j - 1, length: length,
                               path: path)
                j += 1
                continue
            }
            // The pair's second column gets H₁ first, then makes the second reflector from row j + 1.
            let next = a + (j + 1) * m + j
            applyReflector(first, tau: tau[j], to: next, lda: m, count: 1, length: length, path: path)
            let second = next + 1
            tau[j + 1] = reflector(length: length - 1, column: second, path: path)
            if j + 2 < n {
                let pair = ReflectorPair(first: first, second: second, tauFirst: tau[j], tauSecond: tau[j + 1],
                                         length: length, path: path)
                pair.apply(to: a + (j + 2) * m + j, lda: m, count: n - j - 2, path: path)
            }
            j += 2
        }
    }

    /// Makes the reflector of `column[0..<length]` in place (policy 2–3) and returns τ.
    @inline(__always)
    static func reflector(length: Int, column: UnsafeMutablePointer<Double>, path: KernelPath) -> Double {
        if length <= 1 { return 0 }
        let sumOfSquares = sumOfSquares(column + 1, count: length - 1, path: path)
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
    static func sumOfSquares(_ v: UnsafeMutablePointer<Double>, count n: Int, path: KernelPath) -> Double {
        if path == .wide { return WideKernels.sumOfSquares(v, count: n) }
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
