import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Per-day and cumulative excess μ̂ − μ̂⁰ of a set of zeroed columns over given days, with intervals from parameter
/// draws (simulation) or the delta method (no draws). Point values use `fit.beta` and the design as it is.
struct ExcessComputation {
    let days: [EventEffect.Day]
    let cumulative: Double
    let cumulativeInterval: (lower: Double, upper: Double)
    let observedExcess: Double
    /// Interval of Σ (y − y⁰) over the days, y⁰ drawn from each parameter draw's μ⁰ with Poisson/NB2 observation
    /// noise (count models with draws only; nil otherwise).
    let observedExcessInterval: (lower: Double, upper: Double)?
    let relativeEffect: Double

    /// - Parameter triggers: trigger dates; a day's offset is counted from the latest trigger on or before it.
    init(fit: EffectsFit, data: EffectsData, zeroed: Set<Int>, days requested: [CalendarDate], triggers: [CalendarDate],
         level: Double, draws: [ParameterDraw], noiseSeed: UInt64 = 1) {
        let tail = (1 - level / 100) / 2
        let rows = requested.compactMap { date in data.row(of: date).map { (date, $0) } }
        func offset(_ date: CalendarDate) -> Int {
            triggers.map { date - $0 }.filter { $0 >= 0 }.min() ?? (date - (triggers.first ?? date))
        }
        var perDay: [EventEffect.Day] = []
        var total = 0.0, totalCounterfactual = 0.0, observed = 0.0
        // Draw-based per-day and cumulative distributions.
        var drawnExcess = [[Double]](repeating: [], count: rows.count)
        var drawnCounterfactual = [[Double]](repeating: [], count: rows.count)
        var drawnTotals = [Double](repeating: 0, count: draws.count)
        // Σ (y − y⁰) per draw, y⁰ ~ Poisson/NB2(μ⁰ of that draw): the observed excess with observation noise.
        var drawnObserved = [Double](repeating: 0, count: draws.count)
        // Interval of the running total Σ_{≤ day} (μ − μ⁰) over the draws (not a sum of daily intervals).
        var runningIntervals: [(lower: Double, upper: Double)] = []
        var random = RandomSource(seed: noiseSeed)
        for (position, (_, row)) in rows.enumerated() {
            for (d, draw) in draws.enumerated() {
                let b = draw.coefficients, values = draw.columnValues
                let mu = fit.mean(fit.eta(row: row, b, columnValues: values))
                let mu0 = fit.mean(fit.eta(row: row, b, zeroed: zeroed, columnValues: values))
                drawnExcess[position].append(mu - mu0)
                drawnCounterfactual[position].append(mu0)
                drawnTotals[d] += mu - mu0
                if mu0.isFinite, mu0 > 0, let noise = fit.fitted.observationDistribution(mean: mu0) {
                    drawnObserved[d] += data.y[row] - noise.sample(using: &random)
                }
                else { drawnObserved[d] += data.y[row] - mu0 }
            }
            if !draws.isEmpty { runningIntervals.append(Self.interval(drawnTotals, tail)) }
        }
        let z = Normal().quantile(1 - tail)
        var cumulativeGradient = [Double](repeating: 0, count: fit.kept.count)
        for (position, (date, row)) in rows.enumerated() {
            let eta = fit.eta(row: row, fit.beta), eta0 = fit.eta(row: row, fit.beta, zeroed: zeroed)
            let mu = fit.mean(eta), mu0 = fit.mean(eta0)
            let excess = mu - mu0
            total += excess
            totalCounterfactual += mu0
            observed += data.y[row] - mu0
            var excessInterval: (Double, Double), counterfactualInterval: (Double, Double)
            if draws.isEmpty {
                // Delta method on the kept coefficients: ∂μ/∂β_j = dμ/dη · x_j.
                let slope = fit.fitted.meanSlope(linearPredictor: eta)
                let slope0 = fit.fitted.meanSlope(linearPredictor: eta0)
                var gExcess = [Double](repeating: 0, count: fit.kept.count)
                var gCounterfactual = [Double](repeating: 0, count: fit.kept.count)
                for (k, j) in fit.kept.enumerated() {
                    let x = fit.design.values[row, j]
                    let isZeroed = zeroed.contains(j)
                    gExcess[k] = slope * x - (isZeroed ? 0 : slope0 * x)
                    gCounterfactual[k] = isZeroed ? 0 : slope0 * x
                    cumulativeGradient[k] += gExcess[k]
                }
                let seExcess = Self.quadratic(gExcess, fit.covariance).squareRoot()
                let seCounterfactual = Self.quadratic(gCounterfactual, fit.covariance).squareRoot()
                excessInterval = (excess - z * seExcess, excess + z * seExcess)
                counterfactualInterval = (mu0 - z * seCounterfactual, mu0 + z * seCounterfactual)
            } else {
                excessInterval = Self.interval(drawnExcess[position], tail)
                counterfactualInterval = Self.interval(drawnCounterfactual[position], tail)
            }
            let running: (lower: Double, upper: Double)
            if draws.isEmpty {
                let se = Self.quadratic(cumulativeGradient, fit.covariance).squareRoot()
                running = (total - z * se, total + z * se)
            } else {
                running = runningIntervals[position]
            }
            perDay.append(EventEffect.Day(offset: offset(date), date: date, observed: data.y[row], counterfactual: mu0,
                                          counterfactualLower: counterfactualInterval.0, counterfactualUpper: counterfactualInterval.1,
                                          excess: excess, excessLower: excessInterval.0, excessUpper: excessInterval.1,
                                          observedExcess: data.y[row] - mu0, runningExcessLower: running.lower,
                                          runningExcessUpper: running.upper))
        }
        days = perDay
        cumulative = total
        observedExcess = observed
        relativeEffect = totalCounterfactual > 0 ? 100 * total / totalCounterfactual : .nan
        // Only a count model has an observation distribution to draw the noise from.
        observedExcessInterval = fit.fitted.count != nil && !draws.isEmpty ? Self.interval(drawnObserved, tail) : nil
        if draws.isEmpty {
            let se = Self.quadratic(cumulativeGradient, fit.covariance).squareRoot()
            cumulativeInterval = (total - z * se, total + z * se)
        } else {
            cumulativeInterval = Self.interval(drawnTotals, tail)
        }
    }

    static func quadratic(_ g: [Double], _ v: Matrix) -> Double {
        var sum = 0.0
        for i in g.indices { for j in g.indices { sum += g[i] * v[i, j] * g[j] } }
        return max(sum, 0)
    }

    /// Central interval of draws by linear-interpolation quantiles (type 7).
    static func interval(_ values: [Double], _ tail: Double) -> (lower: Double, upper: Double) {
        let sorted = values.sorted()
        func q(_ p: Double) -> Double {
            guard sorted.count > 1 else { return sorted.first ?? .nan }
            let h = p * Double(sorted.count - 1)
            let i = Int(h.rounded(.down))
            return i + 1 < sorted.count ? sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i]) : sorted[i]
        }
        return (q(tail), q(1 - tail))
    }
}
