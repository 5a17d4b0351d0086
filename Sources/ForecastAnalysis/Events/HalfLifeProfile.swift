import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// The half-life h of a `decay` response by profile likelihood.
///
/// Policy: the model is refitted over a log-spaced grid of h from 1 to 180 days (1, 1.5, 2, 3, 4, 5, 7, 10, 14, 20,
/// 28, 40, 56, 80, 112, 180); the best grid point is refined by golden-section search on log h between its
/// neighbours; the interval is {h : ℓ(h) ≥ ℓ(ĥ) − χ²₁,level / 2}, its ends found by bisection on log h. An optimum
/// at the first or last grid point is reported as at a bound ("lower"/"upper"): the estimate and that side of the
/// interval are then unknown (nil), and the grid bounds are printed by the report.
package struct HalfLifeProfile: Sendable {
    package static let grid: [Double] = [1, 1.5, 2, 3, 4, 5, 7, 10, 14, 20, 28, 40, 56, 80, 112, 180]

    let estimate: Double
    let lower: Double?
    let upper: Double?
    let atBound: String?

    static func estimate(term: EventTerm, index: Int, terms: [EventTerm], data: EffectsData, kind: TimeSeriesModel.Kind,
                         covariance: CovarianceEstimator, level: Double = 95) throws(ModelError) -> HalfLifeProfile {
        var workspace = LeastSquaresWorkspace()
        func llf(_ h: Double) -> Double {
            var candidate = terms
            candidate[index] = EventTerm(validated: term.id, dates: term.dates, first: term.first, last: term.last, shape: .decay(halfLife: h))
            guard let fit = try? EffectsFit.fit(data.design(with: candidate), y: data.y, kind: kind, covariance: .classical,
                                                workspace: &workspace) else { return -.infinity }
            return fit.logLikelihood
        }
        let values = grid.map(llf)
        guard let bestIndex = values.indices.max(by: { values[$0] < values[$1] }), values[bestIndex].isFinite else {
            throw .noConvergence(method: "half-life profile", iterations: grid.count, lastChange: .nan)
        }
        let cutoffDrop = ChiSquared(degreesOfFreedom: 1).quantile(level / 100) / 2
        if bestIndex == 0 || bestIndex == grid.count - 1 {
            let bound = bestIndex == 0 ? "lower" : "upper"
            let cutoff = values[bestIndex] - cutoffDrop
            // The open side is unknown; the other side is found as usual.
            let other = bestIndex == 0
                ? boundary(from: grid[bestIndex], cutoff: cutoff, llf: llf, upward: true)
                : boundary(from: grid[bestIndex], cutoff: cutoff, llf: llf, upward: false)
            return HalfLifeProfile(estimate: grid[bestIndex], lower: bestIndex == 0 ? nil : other,
                                   upper: bestIndex == 0 ? other : nil, atBound: bound)
        }
        // Golden-section on log h in [grid[i−1], grid[i+1]].
        var a = log(grid[bestIndex - 1]), b = log(grid[bestIndex + 1])
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = llf(exp(c)), fd = llf(exp(d))
        for _ in 0..<30 {
            if fc > fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = llf(exp(c)) }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = llf(exp(d)) }
            if b - a < 1e-4 { break }
        }
        let best = exp((a + b) / 2)
        let bestValue = max(llf(best), values[bestIndex])
        let estimate = llf(best) >= values[bestIndex] ? best : grid[bestIndex]
        let cutoff = bestValue - cutoffDrop
        let lower = boundary(from: estimate, cutoff: cutoff, llf: llf, upward: false)
        let upper = boundary(from: estimate, cutoff: cutoff, llf: llf, upward: true)
        return HalfLifeProfile(estimate: estimate, lower: lower, upper: upper, atBound: nil)
    }

    /// The h where ℓ crosses `cutoff` between `from` and the grid end in that direction (nil when it never drops below).
    static func boundary(from: Double, cutoff: Double, llf: (Double) -> Double, upward: Bool) -> Double? {
        let candidates = upward ? grid.filter { $0 > from } : grid.filter { $0 < from }.reversed()
        var inside = from
        for h in candidates {
            if llf(h) < cutoff {
                var lo = log(inside), hi = log(h)
                for _ in 0..<40 {
                    let mid = (lo + hi) / 2
                    if llf(exp(mid)) >= cutoff { lo = mid } else { hi = mid }
                }
                return exp((lo + hi) / 2)
            }
            inside = h
        }
        return nil
    }
}
