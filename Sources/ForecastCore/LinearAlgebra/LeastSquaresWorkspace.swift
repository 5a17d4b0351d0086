// Householder QR least squares with R's aliasing rule.
//
// Policy:
// 1. The (row-weighted) columns are factored as given — Householder QR is invariant under column scaling up to
//    rounding — and the aliasing test is made scale-free by comparing |R_jj| with the column's own norm.
// 2. Aliasing (R `lm()`, tighter tolerance): walk the columns in the given order; column j is aliased when its
//    residual after projection on the kept columns to its left is below `tolerance` (default 1e-10) of its own
//    norm, i.e. |R_jj| < tolerance · ‖x_j‖. A zero column is aliased. The first aliased column is dropped and the
//    remaining columns refactored, until none is aliased — exactly "a fit on the kept columns", never a greedy
//    pivot order (`dgeqp3` would name a different column than R).
// 3. The response rides along as an extra last column: the factor of [X | y] holds Qᵀy in its last column
//    (top k entries) and the residual norm in its corner, so no separate application of Q is needed.
// 4. Accuracy: backward-stable Householder QR; coefficients reach LRE ≈ 15 − log10(cond) on NIST StRD.
//    `refine` (augmented-system iterative refinement with compensated residuals) recovers full precision on
//    large-residual problems.
// 5. Tall-skinny shapes (n ≥ 20,000 rows, ≤ 64 columns; `TallSkinnyChoice`) are factored by row blocks in parallel and
//    a reduction of the blocks' triangles (`LeastSquaresWorkspace+TallSkinny.swift`); everything below reads R,
//    Qᵀy, Q and the leverages through the layout, so both routes give the same fit to rounding.
// 6. Memory: the workspace keeps its buffers (n×(p+1) factor, blocks of sandwich scores) between fits of the same
//    or smaller size; no per-element allocation. The caller's X is never modified.
import CBLAS

/// Reusable buffers for QR least-squares fits (n×(p+1) reflectors, τ, LAPACK work space, sandwich scores).
///
/// A workspace is a plain value; give each concurrent task its own. Reusing one across fits of the same
/// shape avoids re-allocating (and page-faulting) the n×p buffers on every fit.
///
/// Tall-skinny problems (≥ 20,000 rows, ≤ 64 columns with the response) are factored by row blocks on
/// `BLASThreads.count` workers (tall-skinny QR); the fit is the same to rounding and does not depend on the
/// worker count. Memory: n×(p+1) doubles for the plain route; the tall-skinny route keeps only the blocks'
/// triangles, plus n×(p+1) doubles when Q is asked for (HC2/HC3 leverages, refinement).
public struct LeastSquaresWorkspace: Sendable {
    @usableFromInline var packed: [Double] = []
    @usableFromInline var tau: [Double] = []
    @usableFromInline var work: [Double] = []
    /// Blocks of per-observation scores and their window sums for sandwich meats (`LaggedCrossProduct`).
    var meatBuffers = LaggedCrossProduct.Buffers()
    /// The stacked block triangles of a tall-skinny factorization, factored in place (R on top; lda = stacked rows).
    @usableFromInline var stacked: [Double] = []
    /// τ of the stacked factorization.
    @usableFromInline var stackedTau: [Double] = []
    /// When the tall-skinny route is taken (automatic by shape; tests force it either way).
    @usableFromInline var tallSkinny: TallSkinnyChoice = .automatic
    /// The inputs of the last tall-skinny factorization, and whether its block reflectors are in `packed`/`tau`.
    @usableFromInline var tallSkinnySource: TallSkinnySource?
    @usableFromInline var blockReflectorsKept = false
    /// The layout of the most recent factorization (nil before the first).
    @usableFromInline package var layout: QRLayout?

    public init() {}
}

/// Which columns a factorization kept (small, per fit).
@usableFromInline
package struct QRLayout: Sendable, Equatable {
    var rows: Int
    /// Indices (into the caller's X) of the kept columns, ascending.
    package var kept: [Int]
    /// Indices of aliased columns, ascending.
    package var aliased: [Int]
    /// Norm of each kept (row-weighted) column.
    var norms: [Double]
    /// Whether the response was factored along as the last column.
    var hasResponse: Bool
    /// A candidate column holding NaN or ±Inf (the fit reports it), if any.
    package var nonFiniteColumn: Int?
    /// The row blocks of a tall-skinny factorization (nil: one Householder QR of all rows in `packed`).
    var blocks: TallSkinnyBlocks? = nil
    package var rank: Int { kept.count }
}

extension LeastSquaresWorkspace {
    /// Default aliasing tolerance on unit-norm columns (R's `lm()` uses 1e-7, which would alias NIST Filip's x¹⁰).
    public static let defaultAliasingTolerance = 1e-10

    /// Factorizes diag(`rowScale`) · [X | y] (row scale = √weight; nil for unweighted; y optional) with the
    /// aliasing rule on X's columns.
    @usableFromInline
    package mutating func factor(_ x: Matrix, rowScale: [Double]?, tolerance: Double, response: [Double]? = nil) -> QRLayout {
        let n = x.rows
        let path = KernelPath.current
        var candidates = Array(0..<x.columns)
        var aliased: [Int] = []
        while true {
            let factoredColumns = candidates.count + (response == nil ? 0 : 1)
            if let blocks = tallSkinny.blocks(rows: n, columns: factoredColumns), !candidates.isEmpty,
               let norms = factorTallSkinny(x, candidates: candidates, rowScale: rowScale, response: response,
                                            blocks: blocks, path: path) {
                let s = blocks.stackedRows
                if let position = candidates.indices.first(where: { abs(stacked[$0 + $0 * s]) < tolerance * norms[$0] }) {
                    aliased.append(candidates[position])
                    candidates.remove(at: position)
                    continue
                }
                let layout = QRLayout(rows: n, kept: candidates, aliased: aliased.sorted(), norms: norms,
                                      hasResponse: response != nil, nonFiniteColumn: nil, blocks: blocks)
                self.layout = layout
                return layout
            }
            var kept: [Int] = []
            var norms: [Double] = []
            var nonFinite: Int? = nil
            ensureCapacity(rows: n, columns: candidates.count + 1)
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
                        let sumOfSquares = HouseholderQR.sumOfSquares(destination, count: n, path: path)
                        var norm = sumOfSquares.squareRoot()
                        if !norm.isFinite || norm < 1e-150 {
                            norm = BLAS.norm(count: n, x: destination)   // overflow/underflow-safe, NaN-propagating
                        }
                        if !norm.isFinite {
                            nonFinite = nonFinite ?? j
                            aliased.append(j)
                            continue
                        }
                        if norm == 0 {
                            aliased.append(j)
                            continue
                        }
                        kept.append(j)
                        norms.append(norm)
                    }
                    if let response {
                        let destination = a.baseAddress! + kept.count * n
                        if let rowScale {
                            for i in 0..<n { destination[i] = response[i] * rowScale[i] }
                        } else {
                            response.withUnsafeBufferPointer { destination.update(from: $0.baseAddress!, count: n) }
                        }
                    }
                }
            }
            let k = kept.count
            let factored = k + (response == nil ? 0 : 1)
            if factored > 0 {
                packed.withUnsafeMutableBufferPointer { a in
                    tau.withUnsafeMutableBufferPointer { t in
                        work.withUnsafeMutableBufferPointer { w in
                            HouseholderQR.factor(rows: n, columns: factored, a: a.baseAddress!, tau: t.baseAddress!,
                                                 work: w.baseAddress!, workCount: w.count, path: path)
                        }
                    }
                }
            }
            // The first column whose diagonal falls below tolerance × its norm is aliased; refactor without it.
            var firstAliased: Int? = nil
            for j in 0..<min(k, n) where abs(packed[j + j * n]) < tolerance * norms[j] {
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
            let layout = QRLayout(rows: n, kept: kept, aliased: aliased.sorted(), norms: norms,
                                  hasResponse: response != nil, nonFiniteColumn: nonFinite)
            self.layout = layout
            return layout
        }
    }


    @usableFromInline
    mutating func ensureCapacity(rows n: Int, columns k: Int) {
        if packed.count < n * k { packed = [Double](repeating: 0, count: n * k) }
        if tau.count < max(k, 1) { tau = [Double](repeating: 0, count: max(k, 1)) }
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
        if let blocks = layout.blocks { return applyTallSkinnyQ(transpose: transpose, to: &v, rank: k, blocks: blocks) }
        Self.applyReflectors(transpose: transpose, rows: n, reflectors: k, a: packed, tau: tau, to: &v, work: &work)
    }

    /// Applies Q or Qᵀ of `reflectors` reflectors (a `rows`-row `dgeqrf` factor stored in `a` from `offset`, lda =
    /// rows, τ in `tau` from `tauOffset`) to `vector[start..<start + rows]` in place.
    static func applyReflectors(transpose: Bool, rows: Int, reflectors: Int, a: [Double], offset: Int = 0,
                                tau: [Double], tauOffset: Int = 0, to vector: inout [Double], start: Int = 0,
                                work: inout [Double]) {
        a.withUnsafeBufferPointer { a in
            tau.withUnsafeBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    vector.withUnsafeMutableBufferPointer { c in
                        LAPACK.ormqr(transpose: transpose, rows: rows, rightHandSides: 1, reflectors: reflectors,
                                     a: a.baseAddress! + offset, tau: t.baseAddress! + tauOffset,
                                     c: c.baseAddress! + start, work: w.baseAddress!, workCount: w.count)
                    }
                }
            }
        }
    }

    /// The buffer holding R on and above its diagonal, and its leading dimension.
    func triangle(_ layout: QRLayout) -> (values: [Double], leadingDimension: Int) {
        if let blocks = layout.blocks { return (stacked, blocks.stackedRows) }
        return (packed, layout.rows)
    }

    /// Solves R z = b (or Rᵀ z = b) in place (first `rank` entries).
    @usableFromInline
    func solveTriangular(transpose: Bool, _ b: inout [Double], layout: QRLayout) throws(LinearAlgebraError) {
        let k = layout.rank
        if k == 0 { return }
        let (values, n) = triangle(layout)
        try values.withUnsafeBufferPointer { (a) throws(LinearAlgebraError) in
            try b.withUnsafeMutableBufferPointer { (bp) throws(LinearAlgebraError) in
                try LAPACK.trtrs(transpose: transpose, order: k, rightHandSides: 1, r: a.baseAddress!, lda: n,
                                 b: bp.baseAddress!, ldb: k)
            }
        }
    }

    /// Least-squares coefficients of the kept columns for the response factored along (`factor(…, response:)`).
    @usableFromInline
    package func solve(layout: QRLayout) throws(LinearAlgebraError) -> [Double] {
        precondition(layout.hasResponse, "solve(layout:) needs the response factored along")
        let k = layout.rank
        let (values, n) = triangle(layout)
        var z = Array(values[(k * n)..<(k * n + k)])
        try solveTriangular(transpose: false, &z, layout: layout)
        return z
    }

    /// Least-squares coefficients for another right-hand side `weightedY` (= √w ∘ y), applying Qᵀ explicitly.
    @usableFromInline
    mutating func solve(_ weightedY: [Double], layout: QRLayout) throws(LinearAlgebraError) -> [Double] {
        let k = layout.rank
        let qty = qTransposeTimes(weightedY, layout: layout)
        var z = Array(qty.prefix(k))
        try solveTriangular(transpose: false, &z, layout: layout)
        return z
    }

    /// (X_keptᵀ W X_kept)⁻¹ (rank×rank, symmetric) from the triangular factor: R⁻¹ R⁻ᵀ.
    @usableFromInline
    package func unscaledCovariance(layout: QRLayout) throws(LinearAlgebraError) -> Matrix {
        try Matrix.inverseGram(ofUpperTriangular: triangularFactor(layout: layout))
    }

    /// The triangular factor R of the row-weighted kept columns (rank×rank).
    @usableFromInline
    package func triangularFactor(layout: QRLayout) -> Matrix {
        let k = layout.rank
        let (values, n) = triangle(layout)
        var r = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0...j { r[i, j] = values[i + j * n] } }
        return r
    }

    /// Leverages h_i = ‖row i of Q₁‖² (diagonal of the hat matrix of the row-weighted kept columns).
    @usableFromInline
    package mutating func leverages(layout: QRLayout) -> [Double] {
        let n = layout.rows, k = layout.rank
        if k == 0 { return [Double](repeating: 0, count: n) }
        if let blocks = layout.blocks { return tallSkinnyLeverages(rank: k, blocks: blocks) }
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
