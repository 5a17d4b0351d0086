import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// LocalLevelEnsemble — `--model local`: an ensemble of local-level count forecasters at several memories,
// combined by averaging quantile functions, its memory chosen by rolling validation inside the training data.
//
// Policy:
// 1. Members (LocalLevelMembers.swift): weighted NB2 levels with half-lives c·(7, 14, 28) days and smoothed
//    log(1 + y) levels times empirical ratios with smoothing weights 1 − (1 − λ)^(1/c), λ = 0.3, 0.1, 0.03 (the
//    same memory scale c: an exponential smoother's half-life log ½ / log(1 − λ) is multiplied by c).
// 2. Combination (QuantileAveraging): rank-by-rank average of the members' draws, paths in the rank order of the
//    14-day NB2 member; the mean is the mean of the members' means. Counts are rounded to integers ≥ 0.
// 3. Day of week (optional): factors f_d = (mean on weekday d / mean) over the last 84 days' level observations,
//    shrunk halfway towards 1 and normalised to average 1, multiply every member's day-d draws and means. Weekly
//    effects in these series are weak (±10 %), and free factors on short windows add noise; whether to use them is
//    decided by the inner validation, not fixed.
// 4. Tuning by inner rolling validation (`LocalLevelEnsemble+Validation.swift`): the grid c ∈ {½, 1, 2} ×
//    day of week {off, on}. The grid is not fitted to any test period: c = 1 is the prior design (members from one
//    week to one month of memory), and ½ and 2 halve or double every member's memory, so that together the members
//    span half-lives from 3.5 days (a level that has just shifted) to 56 days (a steady series).
// 5. Data rules: `LevelObservations` (negative days are not levels; zero days under a clearly positive level do
//    not pull it down but stay outcomes).

/// The local-level count ensemble as a ``Forecaster`` (name `local`).
public struct LocalLevelEnsemble: Forecaster {
    /// One setting of the tuning parameters.
    public struct Tuning: Sendable, Equatable, Hashable {
        /// Memory scale c: every member's half-life is multiplied by it (> 0).
        public var memoryScale: Double
        /// Multiply by shrunk day-of-week factors (policy 3).
        public var dayOfWeek: Bool

        public init(memoryScale: Double = 1, dayOfWeek: Bool = false) {
            precondition(memoryScale > 0, "LocalLevelEnsemble.Tuning: memory scale must be > 0")
            self.memoryScale = memoryScale
            self.dayOfWeek = dayOfWeek
        }

        /// `c=1, day of week off` — for reports.
        public var description: String {
            "c = \(TextFormat.number(memoryScale)), day of week \(dayOfWeek ? "on" : "off")"
        }
    }

    /// How the tuning is chosen.
    public enum TuningRule: Sendable, Equatable {
        /// Inner rolling validation over `grid` (policy 4), falling back to `Tuning()` for a short history.
        case innerValidation(grid: [Tuning])
        /// A fixed tuning.
        case fixed(Tuning)

        /// The grid of policy 4.
        public static let standardGrid = [0.5, 1, 2].flatMap { c in
            [false, true].map { Tuning(memoryScale: c, dayOfWeek: $0) }
        }
    }

    /// Base half-lives of the NB2 members, days.
    public var halfLives: [Double] = [7, 14, 28]
    /// Base smoothing weights of the ratio members, in (0, 1].
    public var smoothingWeights: [Double] = [0.3, 0.1, 0.03]
    /// Ratios kept per horizon day (about a quarter of a year).
    public var ratioWindow: Int = 91
    /// The tuning rule (default: inner validation over the standard grid).
    public var tuning: TuningRule
    /// Inner scores already computed for this series (shared by nested validations, e.g. `AutoForecaster`'s); nil
    /// computes every score. A cache never changes a result: an inner score depends only on the days before its
    /// inner origin, its horizon and its tuning.
    var cache: InnerScoreCache? = nil

    public init(tuning: TuningRule = .innerValidation(grid: TuningRule.standardGrid)) {
        self.tuning = tuning
    }

    public var name: String { "local" }

    public func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution {
        fitAndForecast(history, settings: settings).distribution
    }

    /// The forecast with the tuning chosen and the inner scores behind the choice.
    public func fitAndForecast(_ history: DatedSeries, settings: ForecastSettings)
        -> (distribution: PredictiveDistribution, selection: TuningSelection) {
        let data = LevelObservations(history.values)
        let selection: TuningSelection
        switch tuning {
        case let .fixed(fixed):
            selection = TuningSelection(tuning: fixed, scores: [:], innerOrigins: 0,
                                        reason: "fixed tuning (\(fixed.description))")
        case let .innerValidation(grid):
            selection = select(grid: grid, data: data, start: history.start, horizon: settings.horizon, seed: settings.seed)
        }
        let distribution = forecast(data, start: history.start, tuning: selection.tuning, horizon: settings.horizon,
                                    paths: settings.paths, seed: settings.seed)
        return (distribution, selection)
    }

    /// The ensemble forecast with a given tuning from the end of `data` (day 0 = `start`).
    func forecast(_ data: LevelObservations, start: CalendarDate, tuning: Tuning, horizon: Int, paths: Int,
                  seed: UInt64) -> PredictiveDistribution {
        let combined = combinedDraws(data, memoryScale: tuning.memoryScale, horizon: horizon, paths: paths, seed: seed)
        return finish(combined, data: data, start: start, dayOfWeek: tuning.dayOfWeek)
    }

    /// Policy 2 before day-of-week factors and rounding: the quantile-averaged draws and the mean of member means.
    func combinedDraws(_ data: LevelObservations, memoryScale c: Double, horizon: Int, paths: Int,
                       seed: UInt64) -> (draws: Matrix, mean: [Double]) {
        let members = self.members(data, memoryScale: c, horizon: horizon)
        var draws: [Matrix] = []
        for (i, member) in members.enumerated() {
            var random = RandomSource(seed: seed, key: UInt64(i + 1))
            draws.append(member.simulate(horizon: horizon, paths: paths, random: &random))
        }
        let combined = QuantileAveraging.combine(draws, reference: min(1, draws.count - 1), roundToCounts: false)
        var mean = [Double](repeating: 0, count: horizon)
        for member in members {
            for (t, m) in member.mean(horizon: horizon).enumerated() { mean[t] += m / Double(members.count) }
        }
        return (combined, mean)
    }

    /// Policy 3 (optional day-of-week factors) and rounding to counts.
    func finish(_ combined: (draws: Matrix, mean: [Double]), data: LevelObservations, start: CalendarDate,
                dayOfWeek: Bool) -> PredictiveDistribution {
        var (draws, mean) = combined
        let firstDay = start.adding(days: data.count)
        let factors = dayOfWeek ? Self.dayOfWeekFactors(data, start: start) : nil
        for t in 0..<draws.rows {
            let f = factors?[firstDay.adding(days: t).weekday - 1] ?? 1
            mean[t] *= f
            for p in 0..<draws.columns {
                let value = draws[t, p] * f
                draws[t, p] = data.isInteger ? max(0, value.rounded()) : max(0, value)
            }
        }
        return PredictiveDistribution(firstDay: firstDay, paths: draws, mean: mean)
    }

    /// The members of policy 1 at memory scale c.
    func members(_ data: LevelObservations, memoryScale c: Double, horizon: Int) -> [LocalLevelMember] {
        var fits: [Double: LocalLevelMember] = [:]
        return members(data, memoryScale: c, horizon: horizon, negativeBinomialFits: &fits)
    }

    /// The same, reading and storing NB2 fits by half-life in `fits`: the memory scales ½, 1, 2 share half-lives
    /// (7·2 = 14·1 = 28·½), and a fit depends only on the data and its half-life.
    func members(_ data: LevelObservations, memoryScale c: Double, horizon: Int,
                 negativeBinomialFits fits: inout [Double: LocalLevelMember]) -> [LocalLevelMember] {
        let negativeBinomial = halfLives.map { base -> LocalLevelMember in
            let halfLife = base * c
            if let fit = fits[halfLife] { return fit }
            let fit = LocalLevelMember.negativeBinomial(data, halfLife: halfLife)
            fits[halfLife] = fit
            return fit
        }
        return negativeBinomial
            + smoothingWeights.map {
                LocalLevelMember.ratios(data, weight: 1 - pow(1 - $0, 1 / c), horizon: horizon, window: ratioWindow)
            }
    }

    /// Policy 3: ISO weekday 1…7 → factor (index weekday − 1); nil when a weekday has no observation.
    static func dayOfWeekFactors(_ data: LevelObservations, start: CalendarDate, days: Int = 84) -> [Double]? {
        var sums = [Double](repeating: 0, count: 7), counts = [Double](repeating: 0, count: 7)
        for t in max(0, data.count - days)..<data.count where !data.level[t].isNaN {
            let d = start.adding(days: t).weekday - 1
            sums[d] += data.level[t]
            counts[d] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        let total = sums.reduce(0, +) / counts.reduce(0, +)
        guard total > 0 else { return nil }
        let shrunk = (0..<7).map { 1 + 0.5 * (sums[$0] / counts[$0] / total - 1) }
        let average = shrunk.reduce(0, +) / 7
        return shrunk.map { $0 / average }
    }
}
