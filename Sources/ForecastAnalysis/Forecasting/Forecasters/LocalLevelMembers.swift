import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// The two kinds of member of the local-level ensemble, each fitted on a history's level observations
// (`LevelObservations`) and simulated for H days.
//
// Policy:
// 1. Weighted NB2 level (half-life hl days): weights w = 0.5^(age/hl), age 0 on the origin, over the last ⌈7·hl⌉
//    days; μ̂ = Σwy/Σw; α̂ maximises the weighted NB2 log-likelihood Σ w ℓ(y; μ̂, α) by golden-section search on
//    log α ∈ [log 10⁻⁴, log 10] to 0.01 in log α, i.e. α̂ within 1 % (α̂ = 0, Poisson, when the maximum is at the
//    lower end); the parameter uncertainty
//    of μ̂ enters through n_eff = (Σw)²/Σw²: per path μ* = μ̂·exp(s z), s = min(2, √((1/μ̂ + α̂)/n_eff)) (the
//    delta-method sd of log μ̂), then each day is a gamma–Poisson draw with mean μ* and dispersion α̂. Its mean is μ̂.
// 2. Ratio member (smoothing weight λ): L_t = L_{t−1} + λ(log(1 + y_t) − L_{t−1}) over level observations
//    (unchanged on other days), started at the first one. For each h the last `ratioWindow` (91) ratios
//    r = (1 + y_{t+h}) / exp(L_t) with t + h ≤ origin (zeros included: they are outcomes) form day h's
//    distribution: draws exp(L_origin)·r − 1, resampled independently per day and path. This carries the shape of
//    the noise and a spread that grows with h. Days h with no ratio reuse the nearest shorter h's ratios; with no
//    ratio at all the member is the point exp(L_origin) − 1.
// 3. A history without level observations forecasts 0.

/// One fitted member: a level plus how it draws.
struct LocalLevelMember: Sendable {
    enum Kind: Sendable {
        /// Policy 1: μ̂, α̂ and the sd s of log μ̂.
        case negativeBinomial(mu: Double, alpha: Double, logSD: Double)
        /// Policy 2: exp(L_origin) and, per day h (index h − 1), the ratios.
        case ratios(level: Double, byHorizon: [[Double]])
        /// A point mass (no level observations, or no ratios).
        case constant(Double)
    }

    let kind: Kind

    /// The member's mean per day.
    func mean(horizon: Int) -> [Double] {
        switch kind {
        case let .negativeBinomial(mu, _, _): return [Double](repeating: mu, count: horizon)
        case let .constant(value): return [Double](repeating: value, count: horizon)
        case let .ratios(level, byHorizon):
            return (0..<horizon).map { h in
                let r = byHorizon[min(h, byHorizon.count - 1)]
                return r.reduce(0) { $0 + max(0, level * $1 - 1) } / Double(r.count)
            }
        }
    }

    /// Draws, horizon × paths.
    func simulate(horizon: Int, paths: Int, random: inout RandomSource) -> Matrix {
        var out = Matrix(rows: horizon, columns: paths)
        switch kind {
        case let .constant(value):
            for p in 0..<paths { for t in 0..<horizon { out[t, p] = value } }
        case let .negativeBinomial(mu, alpha, logSD):
            for p in 0..<paths {
                let drawn = mu * exp(logSD * random.normal())
                for t in 0..<horizon { out[t, p] = random.negativeBinomial(mean: min(drawn, 1e12), alpha: alpha) }
            }
        case let .ratios(level, byHorizon):
            for p in 0..<paths {
                for t in 0..<horizon {
                    let r = byHorizon[min(t, byHorizon.count - 1)]
                    let index = min(r.count - 1, Int(random.uniform() * Double(r.count)))
                    out[t, p] = max(0, level * r[index] - 1)
                }
            }
        }
        return out
    }

    /// Each day's distribution as `count` ascending values: for the NB2 member `count` sorted draws (the same every
    /// day: its days share one marginal), for the ratio member the type-1 quantiles of day h's ratios at the levels
    /// (i − ½)/count. What the inner validation scores (`LocalLevelEnsemble.innerScores`): the same marginals as
    /// `simulate`, without drawing horizon × paths values.
    func sortedMarginals(horizon: Int, count: Int, random: inout RandomSource) -> [[Double]] {
        switch kind {
        case let .constant(value):
            return [[Double]](repeating: [Double](repeating: value, count: count), count: horizon)
        case let .negativeBinomial(mu, alpha, logSD):
            let draws = (0..<count).map { _ in
                random.negativeBinomial(mean: min(mu * exp(logSD * random.normal()), 1e12), alpha: alpha)
            }.sorted()
            return [[Double]](repeating: draws, count: horizon)
        case let .ratios(level, byHorizon):
            var sortedByHorizon: [[Double]] = []
            return (0..<horizon).map { t in
                let h = min(t, byHorizon.count - 1)
                if h >= sortedByHorizon.count { sortedByHorizon.append(Self.ascending(byHorizon[h])) }
                let r = sortedByHorizon[h]
                return (0..<count).map { i in
                    max(0, level * PredictiveDistribution.quantile(sorted: r, (Double(i) + 0.5) / Double(count)) - 1)
                }
            }
        }
    }

    /// `values` in ascending order by binary insertion: for the ≤ 91 ratios of a day (sorted 28 times per member
    /// and inner origin) a third of the instructions of `sorted()` (callgrind). The values are finite, so the
    /// result equals `sorted()` element by element.
    static func ascending(_ values: [Double]) -> [Double] {
        var result = values
        result.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 1..<max(1, buffer.count) {
                let value = base[i]
                var low = 0, high = i
                while low < high {
                    let middle = (low + high) / 2
                    if base[middle] <= value { low = middle + 1 } else { high = middle }
                }
                if low < i { memmove(base + low + 1, base + low, (i - low) * MemoryLayout<Double>.stride) }
                base[low] = value
            }
        }
        return result
    }

    /// Policy 1 on the history's last ⌈7·halfLife⌉ days.
    static func negativeBinomial(_ data: LevelObservations, halfLife: Double) -> LocalLevelMember {
        let n = data.count
        let window = Int((7 * halfLife).rounded(.up))
        var ys: [Double] = [], ws: [Double] = []
        for t in max(0, n - window)..<n where !data.level[t].isNaN {
            ys.append(data.level[t])
            ws.append(pow(0.5, Double(n - 1 - t) / halfLife))
        }
        // Nothing in the window: the most recent level observation, if any, stands for the level.
        if ys.isEmpty, let last = data.level.last(where: { !$0.isNaN }) {
            ys = [last]; ws = [1]
        }
        guard !ys.isEmpty else { return LocalLevelMember(kind: .constant(0)) }
        let sw = ws.reduce(0, +), sw2 = ws.reduce(0) { $0 + $1 * $1 }
        let mu = zip(ws, ys).reduce(0) { $0 + $1.0 * $1.1 } / sw
        guard mu > 0 else { return LocalLevelMember(kind: .constant(0)) }
        let alpha = weightedAlpha(ys, weights: ws, mean: mu)
        let effective = sw * sw / sw2
        let logSD = min(2, ((1 / mu + alpha) / effective).squareRoot())
        return LocalLevelMember(kind: .negativeBinomial(mu: mu, alpha: alpha, logSD: logSD))
    }

    /// α̂ of policy 1: golden-section search of Σ w ℓ(y; μ, α) on log α ∈ [log 1e-4, log 10]. Each evaluation
    /// computes lnΓ(y + θ) once per distinct y (`LogGammaByValue`) and sums the days in their order, so the
    /// result is bit-identical to one lnΓ per day (callgrind: the per-day lnΓ was the ensemble's largest cost).
    static func weightedAlpha(_ y: [Double], weights w: [Double], mean mu: Double) -> Double {
        var table = LogGammaByValue(y)
        func logLikelihood(_ logAlpha: Double) -> Double {
            let alpha = exp(logAlpha), theta = 1 / alpha
            let logP = log(theta / (theta + mu)), logQ = log(mu / (theta + mu)), base = SpecialFunctions.logGamma(theta)
            table.evaluate(shift: theta)
            var sum = 0.0
            for i in y.indices {
                sum += w[i] * (table.value(at: i) - base + theta * logP + y[i] * logQ)
            }
            return sum
        }
        var a = log(1e-4), b = log(10.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = logLikelihood(c), fd = logLikelihood(d)
        while b - a > 1e-2 {
            if fc > fd {
                b = d; d = c; fd = fc
                c = b - ratio * (b - a); fc = logLikelihood(c)
            } else {
                a = c; c = d; fc = fd
                d = a + ratio * (b - a); fd = logLikelihood(d)
            }
        }
        let best = (a + b) / 2
        // The maximum at the lower end: no overdispersion to speak of (Poisson).
        return best <= log(1e-4) + 1e-2 ? 0 : exp(best)
    }

    /// Policy 2 with smoothing weight λ ∈ (0, 1].
    static func ratios(_ data: LevelObservations, weight lambda: Double, horizon: Int, window: Int) -> LocalLevelMember {
        let n = data.count
        var smoothed = [Double](repeating: .nan, count: n)
        var level = Double.nan
        for t in 0..<n {
            let y = data.logLevel[t]
            if !y.isNaN { level = level.isNaN ? y : level + lambda * (y - level) }
            smoothed[t] = level
        }
        guard !level.isNaN else { return LocalLevelMember(kind: .constant(0)) }
        // exp(L_t) on first use: only the last days' levels enter the ratios (0 = not yet computed; exp > 0).
        var levels = [Double](repeating: 0, count: n)
        var byHorizon: [[Double]] = []
        var scratch = [Double](repeating: 0, count: window)
        smoothed.withUnsafeBufferPointer { smoothed in
            data.values.withUnsafeBufferPointer { values in
                levels.withUnsafeMutableBufferPointer { levels in
                    for h in 1...horizon {
                        var count = 0
                        var t = n - 1 - h
                        while t >= 0 && count < window {
                            let outcome = values[t + h]
                            if !smoothed[t].isNaN && outcome.isFinite && outcome >= 0 {
                                if levels[t] == 0 { levels[t] = exp(smoothed[t]) }
                                scratch[count] = (1 + outcome) / levels[t]
                                count += 1
                            }
                            t -= 1
                        }
                        if count == 0 { break }
                        byHorizon.append(Array(scratch[0..<count]))
                    }
                }
            }
        }
        guard !byHorizon.isEmpty else { return LocalLevelMember(kind: .constant(max(0, exp(level) - 1))) }
        return LocalLevelMember(kind: .ratios(level: exp(level), byHorizon: byHorizon))
    }
}

/// lnΓ(yᵢ + θ) for every day i of a window at one θ at a time, computed once per distinct value of y: the
/// windows hold hundreds of days but far fewer distinct counts. `value(at:)` returns exactly
/// `SpecialFunctions.logGamma(y[i] + θ)`.
struct LogGammaByValue {
    /// The distinct values of y, in order of first appearance.
    private var distinct: [Double] = []
    /// Day i → index of y[i] in `distinct`.
    private var slot: [Int]
    /// lnΓ(distinct[k] + θ) at the θ of the last `evaluate`.
    private var logGammas: [Double] = []

    init(_ y: [Double]) {
        slot = [Int](repeating: 0, count: y.count)
        var index: [Double: Int] = [:]
        for (i, value) in y.enumerated() {
            if let k = index[value] {
                slot[i] = k
            } else {
                index[value] = distinct.count
                slot[i] = distinct.count
                distinct.append(value)
            }
        }
        logGammas = [Double](repeating: 0, count: distinct.count)
    }

    /// Fills the table for θ.
    mutating func evaluate(shift theta: Double) {
        for k in distinct.indices { logGammas[k] = SpecialFunctions.logGamma(distinct[k] + theta) }
    }

    @inline(__always)
    package func value(at i: Int) -> Double { logGammas[slot[i]] }
}
