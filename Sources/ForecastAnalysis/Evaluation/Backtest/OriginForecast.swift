import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// OriginForecast — one origin's predictive distribution for days origin+1 … origin+H, reduced to what a backtest
// scores: mean, quantiles, predictive samples (for the ensemble CRPS) and the CRPS itself.
//
// Policy:
// 1. Student t (least squares without AR terms): q_τ = mean + t_ν(τ)·s with s = √(σ̂²(1 + x′(X′X)⁻¹x)),
//    ν = n − k, written as mean − t_ν(1 − τ)·s for τ < ½ so that bounds equal statsmodels' `obs_ci` exactly;
//    samples (only when kept, for `--samples`) are N draws mean + s·Z·√(ν/χ²_ν).
// 2. Ensembles (simulated paths, baseline error distributions): quantiles are type-1 sample quantiles (the
//    inverse empirical CDF, as `TimeSeriesFit.forecast` uses), so count forecasts have integer quantiles.
// 3. CRPS: least squares' Student-t forecasts are scored exactly, by the closed form `CRPS.studentT`
//    (scoringRules `crps_t`), so their CRPS has no Monte Carlo error and costs O(1) per day instead of N draws and
//    an O(N log N) ensemble score; ν ≤ 1 (n ≤ k + 1) has no finite CRPS and scores NaN. Ensembles (simulated
//    paths, baselines) keep the ensemble CRPS of their members (properscoring `crps_ensemble`). Both estimate the
//    same quantity, the CRPS of the predictive distribution; the ensemble form carries the sampling error of its
//    members (its bias is +E|X − X′|/(2N)).

/// One origin's forecasts (H days).
struct OriginForecast: Sendable {
    /// Mean (point forecast) per day.
    var mean: [Double]
    /// Quantiles per day, `quantiles[t][j]` at level j.
    var quantiles: [[Double]]
    /// CRPS per day against the actuals.
    var crps: [Double]
    /// Samples per day (H × N) when kept.
    var samples: Matrix?

    /// Student-t predictive distributions (policy 1) with the exact CRPS (policy 3); `paths` draws per day from
    /// `random` only when `keepSamples`.
    static func studentT(mean: [Double], scale: [Double], degreesOfFreedom df: Double, levels: [Double],
                         actual: [Double], paths: Int, random: inout RandomSource, keepSamples: Bool) -> OriginForecast {
        let t = StudentT(degreesOfFreedom: df)
        // t_ν(max(τ, 1 − τ)), computed once per symmetric pair (0.1 and 0.9 share t_ν(0.9)).
        var critical = [Double](repeating: 0, count: levels.count)
        for j in levels.indices where levels[j] != 0.5 {
            let p = levels[j] < 0.5 ? 1 - levels[j] : levels[j]
            if let i = levels[..<j].firstIndex(where: { ($0 < 0.5 ? 1 - $0 : $0) == p }) {
                critical[j] = critical[i]
            } else {
                critical[j] = t.quantile(p)
            }
        }
        let quantiles = mean.indices.map { d in
            levels.indices.map { j in
                levels[j] < 0.5 ? mean[d] - critical[j] * scale[d] : mean[d] + critical[j] * scale[d]
            }
        }
        let constant = CRPS.studentTConstant(degreesOfFreedom: df)
        let crps = mean.indices.map { d in
            CRPS.studentT(actual: actual[d], location: mean[d], scale: scale[d], distribution: t, constant: constant)
        }
        var samples: Matrix? = nil
        if keepSamples {
            var drawn = Matrix(rows: mean.count, columns: paths)
            for d in mean.indices {
                for p in 0..<paths {
                    let z = random.normal()
                    drawn[d, p] = mean[d] + scale[d] * z * (df / random.chiSquared(df)).squareRoot()
                }
            }
            samples = drawn
        }
        return OriginForecast(mean: mean, quantiles: quantiles, crps: crps, samples: samples)
    }

    /// An ensemble per day (policy 2); `mean` is the model's point forecast (nil = the member mean).
    static func ensemble(members: [[Double]], mean: [Double]?, levels: [Double], actual: [Double],
                         keepSamples: Bool) -> OriginForecast {
        var quantiles: [[Double]] = [], crps: [Double] = [], means: [Double] = []
        let width = members.map(\.count).max() ?? 0
        var samples = keepSamples ? Matrix(rows: members.count, columns: width) : nil
        for (d, day) in members.enumerated() {
            let sorted = day.filter { !$0.isNaN }.sorted()
            quantiles.append(levels.map { sorted.isEmpty ? .nan : TimeSeriesFit.quantile(sorted, $0) })
            means.append(mean?[d] ?? (sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)))
            crps.append(CRPS.ensemble(actual: actual[d], sortedMembers: sorted))  // already sorted, NaN dropped
            if samples != nil { for p in 0..<width { samples![d, p] = p < day.count ? day[p] : .nan } }
        }
        return OriginForecast(mean: means, quantiles: quantiles, crps: crps, samples: samples)
    }
}
