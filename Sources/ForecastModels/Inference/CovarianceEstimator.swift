/// How the covariance of estimated coefficients is computed.
///
/// Definitions follow `Tests/Fixtures/reference/README.md` (n rows, k = rank, e residuals, B = (XᵀX)⁻¹, h_i
/// leverages). They match statsmodels `fit(cov_type=...)` and R `sandwich` — identical formulas:
/// - `classical`: σ̂² B (OLS); the inverse Fisher / observed information for likelihood models.
/// - `hc0`: B Xᵀ diag(e²) X B. `hc1`: HC0 · n/(n−k) (R `sandwich::vcovHC(type = "HC1")`; for GLMs also
///   n/(n−k), which statsmodels 0.15 GLM silently omits).
/// - `hc2`: e²/(1−h); `hc3`: e²/(1−h)² (OLS only).
/// - `neweyWest(maxLags: L, smallSampleCorrection:)`: B S B with S = Σ u_t u_tᵀ + Σ_{j=1..L} w_j
///   Σ_t (u_t u_{t−j}ᵀ + u_{t−j} u_tᵀ), Bartlett weights w_j = 1 − j/(L+1), rows in the given (time) order.
///   No small-sample factor unless `smallSampleCorrection` (then × n/(n−k)). Matches statsmodels
///   `cov_type='HAC'` and R `sandwich::NeweyWest(prewhite = FALSE, adjust = FALSE)` (adjust = TRUE with the
///   correction). `maxLags: nil` uses `defaultMaxLags(observations:)`.
import ForecastCore
import ForecastData
public enum CovarianceEstimator: Sendable, Equatable, Hashable {
    case classical
    case hc0
    case hc1
    case hc2
    case hc3
    case neweyWest(maxLags: Int?, smallSampleCorrection: Bool)

    /// Newey & West (1994) rule of thumb: ⌊4 (n/100)^(2/9)⌋ (e.g. 4 at n = 100, 5 at n = 365, 7 at n = 1500).
    public static func defaultMaxLags(observations n: Int) -> Int {
        Int((4 * pow(Double(n) / 100, 2.0 / 9.0)).rounded(.down))
    }

    /// The lag truncation actually used for `n` observations (nil for non-HAC estimators).
    public func resolvedMaxLags(observations n: Int) -> Int? {
        guard case let .neweyWest(maxLags, _) = self else { return nil }
        return maxLags ?? Self.defaultMaxLags(observations: n)
    }

    /// `resolvedMaxLags(observations:)`, refused when the truncation is not below `n`: no residual pair is that many
    /// rows apart, and the near-uniform Bartlett weights over every pair collapse the long-run variance (standard
    /// errors near 0).
    public func checkedMaxLags(observations n: Int) throws(ModelError) -> Int? {
        let maxLags = resolvedMaxLags(observations: n)
        if let maxLags, maxLags >= n {
            throw .invalidSpecification("the HAC lag truncation \(maxLags) is not below the \(n) observations (at most \(n - 1)): "
                + "no residual pair is that far apart, and weighting every pair alike collapses the standard errors")
        }
        return maxLags
    }

    /// Whether the estimator multiplies by n/(n−k) (HC1, or Newey–West with the correction).
    public var hasSmallSampleCorrection: Bool {
        switch self {
        case .hc1: return true
        case let .neweyWest(_, correction): return correction
        default: return false
        }
    }

    /// Short lower-case name as used by the CLI and JSON (`classical`, `hc0` … `hac`).
    public var kindName: String {
        switch self {
        case .classical: return "classical"
        case .hc0: return "hc0"
        case .hc1: return "hc1"
        case .hc2: return "hc2"
        case .hc3: return "hc3"
        case .neweyWest: return "hac"
        }
    }
}

import Foundation
