// Householder QR least squares with R's aliasing rule.
//
// Policy:
// 1. Columns are scaled to unit Euclidean norm (after row weighting) before LAPACK `dgeqrf`; scaling is
//    exact up to one rounding per element and makes the aliasing test scale-free.
// 2. Aliasing (R `lm()`, tighter tolerance): walk the columns in the given order; column j is aliased when its
//    residual after projection on the kept columns to its left is below `tolerance` (default 1e-10) of its own
//    norm, i.e. |R_jj| < tolerance on the scaled columns. A zero column is aliased. The first aliased column is
//    dropped and the remaining columns refactored, until none is aliased — exactly "a fit on the kept
//    columns", never a greedy pivot order (`dgeqp3` would name a different column than R).
// 3. Accuracy: backward-stable Householder QR; coefficients reach LRE ≈ 15 − log10(cond) on NIST StRD.
//    `refineSolution` (augmented-system iterative refinement with compensated residuals) recovers
//    full precision on large-residual problems.
// 4. Memory: the workspace keeps its n×p buffer between fits of the same or smaller size; no per-element
//    allocation. The caller's X is never modified.
import CBLAS

/// Reusable buffers for QR least-squares fits (n×p reflectors, τ, LAPACK work space).
///
/// A workspace is a plain value; give each concurrent task its own. Reusing one across fits of the same
/// shape avoids re-allocating (and page-faulting) the n×p buffer on every fit.
public struct LeastSquaresWorkspace: Sendable {
    @usableFromInline var packed: [Double] = []
    @usableFromInline var tau: [Double] = []
    @usableFromInline var work: [Double] = []
    @usableFromInline var vector: [Double] = []
    /// The layout of the most recent factorization (nil before the first).
    @usableFromInline var layout: QRLayout?

    public init() {}
}

/// Which columns a factorization kept and how they were scaled (small, per fit).
@usableFromInline
struct QRLayout: Sendable, Equatable {
    var rows: Int
    /// Indices (into the caller's X) of the kept columns, ascending.
    var kept: [Int]
    /// Indices of aliased columns, ascending.
    var aliased: [Int]
    /// Norm of each kept (row-weighted) column; scaled column = column / scale.
    var scales: [Double]
    var rank: Int { kept.count }
}

extension LeastSquaresWorkspace {
    /// Default aliasing tolerance on unit-norm columns (R's `lm()` uses 1e-7, which would alias NIST Filip's x¹⁰).
    public static let defaultAliasingTolerance = 1e-10

    /// Factorizes diag(`rowScale`) · X (row scale = √weight; nil for unweighted) with the aliasing rule.
    @usableFromInline
    mutating func factor(_ x: Matrix, rowScale: [Double]?, tolerance: Double) -> QRLayout {
        let n = x.rows
        var candidates = Array(0..<x.columns)
        var aliased: [Int] = []
        while true {
            var kept: [Int] = []
            var scales: [Double] = []
            ensureCapacity(rows: n, columns: candidates.count)
            // Copy, weight and scale the candidate columns; zero columns are aliased immediately.
            packed.withUnsafeMutableBufferPointer { a in
                x.storage.withUnsafeBufferPointer { xs in
                    for j in candidates {
                        let destination = a.baseAddress! + kept.count * n
                        let source = xs.baseAddress! + j * n
                        if let rowScale {
                            for i in 0..<n { destination[i] = source[i] * rowScale[i] }
                        } else {
                            destination.update(from: source, count: n)
                        }
                        let norm = BLAS.norm(count: n, x: destination)
                        if norm == 0 || !norm.isFinite {
                            aliased.append(j)
                            continue
                        }
                        let inverse = 1 / norm
                        for i in 0..<n { destination[i] *= inverse }
                        kept.append(j)
                        scales.append(norm)
                    }
                }
            }
            let k = kept.count
            if k > 0 {
                packed.withUnsafeMutableBufferPointer { a in
                    tau.withUnsafeMutableBufferPointer { t in
                        work.withUnsafeMutableBufferPointer { w in
                            LAPACK.geqrf(rows: n, columns: k, a: a.baseAddress!, tau: t.baseAddress!,
                                         work: w.baseAddress!, workCount: w.count)
                        }
                    }
                }
            }
            // The first column whose scaled diagonal falls below the tolerance is aliased; refactor without it.
            var firstAliased: Int? = nil
            for j in 0..<min(k, n) where abs(packed[j + j * n]) < tolerance {
                firstAliased = j
                break
            }
            if k > n { firstAliased = firstAliased ?? n }
            if let position = firstAliased {
                aliased.append(kept[position])
                candidates = kept
                candidates.remove(at: position)
                continue
            }
            let layout = QRLayout(rows: n, kept: kept, aliased: aliased.sorted(), scales: scales)
            self.layout = layout
            return layout
        }
    }

    @usableFromInline
    mutating func ensureCapacity(rows n: Int, columns k: Int) {
        if packed.count < n * k { packed = [Double](repeating: 0, count: n * k) }
        if tau.count < max(k, 1) { tau = [Double](repeating: 0, count: max(k, 1)) }
        if vector.count < n { vector = [Double](repeating: 0, count: n) }
        let needed = max(LAPACK.geqrfWorkSize(rows: n, columns: k),
                         LAPACK.ormqrWorkSize(rows: n, rightHandSides: 1, reflectors: min(n, k)))
        if work.count < needed { work = [Double](repeating: 0, count: needed) }
    }

    /// Qᵀ · v (length n) with Q of the current factorization; returns new storage.
    @usableFromInline
    mutating func qTransposeTimes(_ v: [Double], layout: QRLayout) -> [Double] {
        var result = v
        applyQ(transpose: true, to: &result, layout: layout)
        return result
    }

    /// v := Q v or Qᵀ v in place (length n).
    @usableFromInline
    mutating func applyQ(transpose: Bool, to v: inout [Double], layout: QRLayout) {
        let n = layout.rows, k = layout.rank
        precondition(v.count == n, "applyQ: vector of length \(v.count), expected \(n)")
        if k == 0 { return }
        packed.withUnsafeBufferPointer { a in
            tau.withUnsafeBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    v.withUnsafeMutableBufferPointer { c in
                        LAPACK.ormqr(transpose: transpose, rows: n, rightHandSides: 1, reflectors: k,
                                     a: a.baseAddress!, tau: t.baseAddress!, c: c.baseAddress!,
                                     work: w.baseAddress!, workCount: w.count)
                    }
                }
            }
        }
    }

    /// Solves R_s z = b (or R_sᵀ z = b) in place for the scaled triangular factor (first `rank` entries).
    @usableFromInline
    func solveTriangular(transpose: Bool, _ b: inout [Double], layout: QRLayout) throws(LinearAlgebraError) {
        let n = layout.rows, k = layout.rank
        if k == 0 { return }
        try packed.withUnsafeBufferPointer { (a) throws(LinearAlgebraError) in
            try b.withUnsafeMutableBufferPointer { (bp) throws(LinearAlgebraError) in
                try LAPACK.trtrs(transpose: transpose, order: k, rightHandSides: 1, r: a.baseAddress!, lda: n,
                                 b: bp.baseAddress!, ldb: k)
            }
        }
    }

    /// Least-squares coefficients of the kept columns on their original scale for the weighted response
    /// `weightedY` (= √w ∘ y), plus Qᵀ·weightedY (its last n − rank entries are the residual's coordinates).
    @usableFromInline
    mutating func solve(_ weightedY: [Double], layout: QRLayout) throws(LinearAlgebraError) -> [Double] {
        let k = layout.rank
        let qty = qTransposeTimes(weightedY, layout: layout)
        var z = Array(qty.prefix(k))
        try solveTriangular(transpose: false, &z, layout: layout)
        for j in 0..<k { z[j] /= layout.scales[j] }
        return z
    }

    /// (X_keptᵀ W X_kept)⁻¹ (rank×rank, symmetric) from the triangular factor: D⁻¹ R_s⁻¹ R_s⁻ᵀ D⁻¹.
    @usableFromInline
    func unscaledCovariance(layout: QRLayout) throws(LinearAlgebraError) -> Matrix {
        let n = layout.rows, k = layout.rank
        var r = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0...j { r[i, j] = packed[i + j * n] } }
        try r.storage.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in
            try LAPACK.inverseGramOfUpperTriangular(order: k, r: p.baseAddress!)
        }
        for j in 0..<k {
            for i in 0...j {
                let value = r[i, j] / (layout.scales[i] * layout.scales[j])
                r[i, j] = value
                r[j, i] = value
            }
        }
        return r
    }

    /// The triangular factor of the row-weighted kept columns on their original scale (R = R_s · D), rank×rank.
    @usableFromInline
    func triangularFactor(layout: QRLayout) -> Matrix {
        let n = layout.rows, k = layout.rank
        var r = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0...j { r[i, j] = packed[i + j * n] * layout.scales[j] } }
        return r
    }

    /// Leverages h_i = ‖row i of Q₁‖² (diagonal of the hat matrix of the row-weighted kept columns).
    @usableFromInline
    func leverages(layout: QRLayout) -> [Double] {
        let n = layout.rows, k = layout.rank
        if k == 0 { return [Double](repeating: 0, count: n) }
        var q = Array(packed.prefix(n * k))
        q.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeBufferPointer { t in
                LAPACK.orgqr(rows: n, columns: k, reflectors: k, a: a.baseAddress!, tau: t.baseAddress!)
            }
        }
        var h = [Double](repeating: 0, count: n)
        for j in 0..<k {
            let base = j * n
            for i in 0..<n { h[i] += q[base + i] * q[base + i] }
        }
        return h
    }
}
