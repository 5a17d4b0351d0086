// Sandwich covariances V = B S B shared by least squares and likelihood models.
//
// Policy:
// 1. Scores U (n×k, row t = u_t, rows in time order) and bread B (k×k, symmetric) are supplied by the model:
//    OLS: u_t = x_t e_t (weighted), B = (XᵀWX)⁻¹; GLM: s_t = x_t (y_t − μ_t) …, B = H⁻¹.
// 2. Meat S = UᵀU (one symmetric rank update of the upper triangle: dsyrk, or the AVX2 kernel where the CPU has
//    it); with L lags ZᵀZ/(L+1), z_e the sums of L+1 consecutive scores (the Bartlett kernel as a product of
//    windows): still one rank update, of n+L window sums (`LaggedCrossProduct`).
// 3. No small-sample factor here; callers apply n/(n−k) where their definition asks for it.

/// Sandwich covariance estimators over per-observation scores.
import ForecastCore
import ForecastData
public enum Sandwich {
    /// The meat S = Σ u_t u_tᵀ + Σ_{j=1..L} (1 − j/(L+1)) Σ_{t>j} (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ) (k×k).
    /// - Parameters:
    ///   - scores: n×k, one row per observation in time order.
    ///   - maxLags: L ≥ 0 (0 = heteroskedasticity-only, HC0 meat).
    public static func meat(scores: Matrix, maxLags: Int) -> Matrix {
        precondition(maxLags >= 0, "maxLags must be non-negative")
        return scores.storage.withUnsafeBufferPointer { u in
            LaggedCrossProduct.compute(u: u.baseAddress!, rows: scores.rows, columns: scores.columns, maxLags: maxLags)
        }
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
