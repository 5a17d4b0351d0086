// Least squares that absorbs new rows (and drops old ones) without refactoring the whole design.
//
// Policy:
// 1. State: the upper-triangular factor T ((k+1)×(k+1)) of the augmented design [X | y], TᵀT = [X y]ᵀ[X y].
//    Its leading k×k block is R of X, its last column holds z = Qᵀy (top k) and ρ = ‖residual‖ (corner), so
//    β = R⁻¹z, SSR = ρ², (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
// 2. Adding m rows: one Householder QR (`HouseholderQR`) of the stacked (k+1+m)×(k+1) matrix [T; new rows] — O((k+m)k²)
//    instead of O(nk²) for a refit (Golub & Van Loan, §6.5.1). Adding one row: k+1 Givens rotations of the row
//    into T (LINPACK `dchud`; Golub & Van Loan §6.5.3), O(k²) with no allocation and no LAPACK call — the cheaper
//    way for the few rows a rolling origin brings.
// 3. Removing a row (sliding windows): a Cholesky downdate of T by the row with hyperbolic-free LINPACK-style
//    rotations (dchdd); it fails — and the caller refits — when the downdate would lose positive definiteness.
// 4. Full rank is assumed; `isFullRank` reports a diagonal below 1e-10 of its column scale so callers refit with
//    the aliasing rule instead.
// 5. Reading the factor: β by back substitution with R, x′(XᵀX)⁻¹x = ‖R⁻ᵀx‖² by one forward substitution (a
//    prediction's variance factor without forming (XᵀX)⁻¹), both O(k²) on T in place.

import Foundation

/// An updatable least-squares factorization of [X | y] (k columns plus the response).
public struct UpdatableLeastSquares: Sendable {
    /// Number of design columns k.
    public let columns: Int
    /// Rows absorbed so far.
    public private(set) var rowCount: Int
    /// Upper-triangular (k+1)×(k+1) factor of [X | y].
    private var factor: Matrix

    /// An empty factorization for k design columns.
    public init(columns: Int) {
        precondition(columns >= 1, "need at least one column")
        self.columns = columns
        rowCount = 0
        factor = Matrix(rows: columns + 1, columns: columns + 1)
    }

    /// Absorbs rows of X (m×k) and their responses (m).
    public mutating func add(rows x: Matrix, responses y: [Double]) {
        precondition(x.columns == columns && y.count == x.rows, "add(rows:responses:) shape mismatch")
        let m = x.rows, p = columns + 1
        if m == 0 { return }
        let stackedRows = p + m
        var stacked = [Double](repeating: 0, count: stackedRows * p)
        for j in 0..<p {
            let base = j * stackedRows
            for i in 0...min(j, p - 1) { stacked[base + i] = factor[i, j] }
            for r in 0..<m { stacked[base + p + r] = j < columns ? x[r, j] : y[r] }
        }
        var tau = [Double](repeating: 0, count: p)
        var work = [Double](repeating: 0, count: LAPACK.geqrfWorkSize(rows: stackedRows, columns: p))
        stacked.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    HouseholderQR.factor(rows: stackedRows, columns: p, a: a.baseAddress!, tau: t.baseAddress!,
                                         work: w.baseAddress!, workCount: w.count, path: KernelPath.current)
                }
            }
        }
        for j in 0..<p {
            for i in 0...j { factor[i, j] = stacked[j * stackedRows + i] }
        }
        rowCount += m
    }

    /// Absorbs one row x (k values) with response y by Givens rotations (policy 2): O(k²), no allocation.
    public mutating func add(row x: [Double], response y: Double) {
        precondition(x.count == columns, "add(row:response:) shape mismatch")
        let p = columns + 1, k = columns
        withUnsafeTemporaryAllocation(of: Double.self, capacity: p) { v in
            for j in 0..<k { v[j] = x[j] }
            v[k] = y
            factor.storage.withUnsafeMutableBufferPointer { t in
                // Element (i, j) of T is t[j·p + i]. Rotation i zeroes v[i] against T[i, i].
                for i in 0..<p {
                    let vi = v[i]
                    if vi == 0 { continue }
                    let tii = t[i * p + i]
                    let r = hypot(tii, vi)
                    let c = tii / r, s = vi / r
                    t[i * p + i] = r
                    var j = i + 1
                    while j < p {
                        let tij = t[j * p + i], vj = v[j]
                        t[j * p + i] = c * tij + s * vj
                        v[j] = c * vj - s * tij
                        j += 1
                    }
                }
            }
        }
        rowCount += 1
    }

    /// Removes one previously added row (x, y). Returns false (leaving the state unusable) when the downdate fails;
    /// the caller must then refit from scratch.
    public mutating func remove(row x: [Double], response y: Double) -> Bool {
        precondition(x.count == columns, "remove(row:response:) shape mismatch")
        let p = columns + 1
        var v = x + [y]
        // Solve Tᵀ a = v, then rotate (LINPACK dchdd).
        var a = v
        for i in 0..<p {
            var sum = a[i]
            for k in 0..<i { sum -= factor[k, i] * a[k] }
            guard factor[i, i] != 0 else { return false }
            a[i] = sum / factor[i, i]
        }
        let norm2 = a.reduce(0) { $0 + $1 * $1 }
        guard norm2 < 1 else { return false }
        var alpha = (1 - norm2).squareRoot()
        var c = [Double](repeating: 0, count: p), s = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            let scale = alpha + abs(a[i])
            let aa = alpha / scale, bb = a[i] / scale
            let r = (aa * aa + bb * bb).squareRoot()
            c[i] = aa / r
            s[i] = bb / r
            alpha = scale * r
        }
        for j in 0..<p {
            var xx = 0.0
            for i in stride(from: j, through: 0, by: -1) {
                let t = c[i] * xx + s[i] * factor[i, j]
                factor[i, j] = c[i] * factor[i, j] - s[i] * xx
                xx = t
            }
        }
        // Keep a non-negative diagonal (sign convention of the factor does not matter for the solution).
        v = []
        rowCount -= 1
        return true
    }

    /// Whether every diagonal entry of R is clearly non-zero relative to its column.
    public var isFullRank: Bool {
        (0..<columns).allSatisfy { j in
            let norm = (0...j).reduce(0.0) { $0 + factor[$1, j] * factor[$1, j] }.squareRoot()
            return norm > 0 && abs(factor[j, j]) > 1e-10 * norm
        }
    }

    /// Coefficients β = R⁻¹z (k) by back substitution (policy 5). Throws `.singular` for an exactly zero diagonal.
    public func coefficients() throws(LinearAlgebraError) -> [Double] {
        let k = columns, p = columns + 1
        var beta = [Double](repeating: 0, count: k)
        try factor.storage.withUnsafeBufferPointer { (t) throws(LinearAlgebraError) in
            for i in stride(from: k - 1, through: 0, by: -1) {
                var sum = t[k * p + i]  // z_i
                var j = i + 1
                while j < k {
                    sum -= t[j * p + i] * beta[j]
                    j += 1
                }
                let d = t[i * p + i]
                guard d != 0 else { throw .singular(routine: "UpdatableLeastSquares.coefficients", index: i) }
                beta[i] = sum / d
            }
        }
        return beta
    }

    /// x′(XᵀX)⁻¹x = ‖R⁻ᵀx‖² for a row x of k values (policy 5): one forward substitution, O(k²), without forming
    /// (XᵀX)⁻¹. Times σ̂² it is the variance of the fitted mean at x. Throws `.singular` for a zero diagonal.
    public func inverseGramQuadraticForm(_ x: [Double]) throws(LinearAlgebraError) -> Double {
        precondition(x.count == columns, "inverseGramQuadraticForm: \(x.count) values for \(columns) columns")
        let k = columns, p = columns + 1
        return try withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { (w) throws(LinearAlgebraError) -> Double in
            try factor.storage.withUnsafeBufferPointer { (t) throws(LinearAlgebraError) -> Double in
                var norm = 0.0
                for i in 0..<k {
                    var sum = x[i]
                    for j in 0..<i { sum -= t[i * p + j] * w[j] }  // Rᵀ[i, j] = R[j, i]
                    let d = t[i * p + i]
                    guard d != 0 else { throw .singular(routine: "UpdatableLeastSquares.inverseGramQuadraticForm", index: i) }
                    w[i] = sum / d
                    norm += w[i] * w[i]
                }
                return norm
            }
        }
    }

    /// Residual sum of squares ρ².
    public var residualSumOfSquares: Double { factor[columns, columns] * factor[columns, columns] }

    /// (XᵀX)⁻¹ = R⁻¹R⁻ᵀ (k×k).
    public func unscaledCovariance() throws(LinearAlgebraError) -> Matrix {
        var r = Matrix(rows: columns, columns: columns)
        for j in 0..<columns { for i in 0...j { r[i, j] = factor[i, j] } }
        return try Matrix.inverseGram(ofUpperTriangular: r)
    }
}
