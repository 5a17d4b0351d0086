// The factor that turns standard normal draws into draws with a given covariance.
//
// Policy: Σ = UᵀU with U the upper Cholesky factor (dpotrf). A covariance that rounding made slightly indefinite
// (an estimated covariance with a near-zero eigenvalue) is retried once with a ridge of 1e-10 · trace/n on the
// diagonal — far below any standard error this package reports; the zero matrix (an exact fit) is its own factor;
// if that fails too the covariance is not a
// covariance and the error is thrown (never a silent zero factor, which would drop parameter uncertainty).

extension Matrix {
    /// The upper factor U with Σ = UᵀU of a covariance matrix Σ (n × n), for θ̂ + Uᵀz draws.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` when Σ (even with the ridge) is not positive definite.
    public func covarianceFactor() throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns, "covarianceFactor needs a square matrix")
        if let u = try? choleskyUpper() { return u }
        // Σ = 0 (an exact fit: every standard error is 0) has the exact factor U = 0; that is no uncertainty
        // dropped, there is none to draw.
        if storage.allSatisfy({ $0 == 0 }) { return self }
        let n = rows
        let trace = (0..<n).reduce(0.0) { $0 + self[$1, $1] }
        var ridge = self
        for i in 0..<n { ridge[i, i] += 1e-10 * trace / Double(max(n, 1)) }
        return try ridge.choleskyUpper()
    }
}
