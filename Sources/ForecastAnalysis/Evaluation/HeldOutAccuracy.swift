/// The accuracy of a forecast on the forecast days whose actual value is known — `forecast fit --to DATE` with
/// data after DATE (the held-out days). The same numbers `forecast score` gives on `fit --output` (same
/// definitions and the same functions), plus the CRPS of the simulated paths, which that file does not carry.
///
/// - `meanAbsoluteError`: of the forecast mean.
/// - `pinball`: mean pinball loss over the interval quantiles (100 ∓ L)/200 of every level L (80 → 0.1, 0.9).
/// - `crps`: mean ensemble CRPS of the simulated paths (properscoring's form); nil for analytic (Student-t)
///   forecasts, which keep no paths.
/// - `coverage`: per level, the fraction of days with lower ≤ y ≤ upper.
import ForecastCore
import ForecastData
import ForecastModels
public struct HeldOutAccuracy: Sendable, Equatable {
    /// The coverage of one central interval level.
    public struct Coverage: Sendable, Equatable {
        /// Nominal level in percent.
        public let level: Double
        /// Fraction of the scored days inside the interval (bounds inclusive).
        public let coverage: Double
    }

    /// Days scored (forecast days with an actual).
    public let days: Int
    public let meanAbsoluteError: Double
    public let pinball: Double
    public let crps: Double?
    /// One entry per interval level, in the forecast's order.
    public let coverage: [Coverage]

    /// The accuracy on the days of `forecast` that have an actual; nil when none has.
    public init?(forecast: ForecastTable) {
        let known = forecast.days.indices.filter { forecast.days[$0].actual != nil }
        guard !known.isEmpty else { return nil }
        let actual = known.map { forecast.days[$0].actual ?? .nan }
        days = known.count
        meanAbsoluteError = PointMetrics.meanAbsoluteError(actual: actual, forecast: known.map { forecast.days[$0].mean })
        var quantiles: [[Double]] = [], levels: [Double] = []
        var coverage: [Coverage] = []
        for (i, level) in forecast.levels.enumerated() {
            let lower = known.map { forecast.days[$0].intervals[i].lower }
            let upper = known.map { forecast.days[$0].intervals[i].upper }
            quantiles += [lower, upper]
            levels += [(100 - level) / 200, (100 + level) / 200]
            coverage.append(Coverage(level: level, coverage: IntervalScores.coverage(actual: actual, lower: lower, upper: upper)))
        }
        pinball = QuantileScores.meanPinballLossOverLevels(actual: actual, quantiles: quantiles, levels: levels)
        self.coverage = coverage
        if let paths = forecast.paths {
            let members = known.map { t in (0..<paths.columns).map { paths[t, $0] } }
            let perDay = CRPS.ensemble(actual: actual, members: members)
            crps = perDay.reduce(0, +) / Double(perDay.count)
        } else {
            crps = nil
        }
    }
}
