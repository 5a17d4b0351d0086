// Sandwich covariances V = B S B shared by least squares and likelihood models.
//
// Policy:
// 1. Scores U (n×k, row t = u_t, rows in time order) and bread B (k×k, symmetric) are supplied by the model:
//    OLS: u_t = x_t e_t (weighted), B = (XᵀWX)⁻¹; GLM: s_t = x_t (y_t − μ_t) …, B = H⁻¹.
// 2. Meat S = UᵀU (one dsyrk) + for HAC T + Tᵀ with T = Uᵀ V, V_t = Σ_{j=1..L} w_j u_{t−j} (Bartlett),
//    so L lags cost one n·k·L filter pass plus one dgemm, not L dgemms.
// 3. No small-sample factor here; callers apply n/(n−k) where their definition asks for it.

/// Sandwich covariance estimators over per-observation scores.
public enum Sandwich {
    /// The meat S = Σ u_t u_tᵀ + Σ_{j=1..L} (1 − j/(L+1)) Σ_{t>j} (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ) (k×k).
    /// - Parameters:
    ///   - scores: n×k, one row per observation in time order.
    ///   - maxLags: L ≥ 0 (0 = heteroskedasticity-only, HC0 meat).
    public static func meat(scores: Matrix, maxLags: Int) -> Matrix {
        precondition(maxLags >= 0, "maxLags must be non-negative")
        var s = scores.gram()
        let n = scores.rows, k = scores.columns
        let lags = min(maxLags, n - 1)
        guard lags > 0 else { return s }
        // V_t = Σ_j w_j u_{t-j}, column by column (contiguous).
        var v = Matrix(rows: n, columns: k)
        scores.storage.withUnsafeBufferPointer { u in
            v.storage.withUnsafeMutableBufferPointer { vp in
                for c in 0..<k {
                    let uc = u.baseAddress! + c * n
                    let vc = vp.baseAddress! + c * n
                    for j in 1...lags {
                        let w = 1 - Double(j) / Double(maxLags + 1)
                        for t in j..<n { vc[t] += w * uc[t - j] }
                    }
                }
            }
        }
        let t = scores.transposeMultiplied(by: v)
        for j in 0..<k {
            for i in 0..<k { s[i, j] += t[i, j] + t[j, i] }
        }
        return s
    }

    /// B S B (k×k, symmetrized).
    public static func covariance(bread: Matrix, meat: Matrix) -> Matrix {
        var v = bread.multiplied(by: meat).multiplied(by: bread)
        for j in 0..<v.columns {
            for i in 0..<j {
                let mean = 0.5 * (v[i, j] + v[j, i])
                v[i, j] = mean
                v[j, i] = mean
            }
        }
        return v
    }
}
