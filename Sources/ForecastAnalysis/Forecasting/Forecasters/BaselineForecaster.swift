// BaselineForecaster — the simple forecasters every other one must beat: naive, seasonal naive and the mean of
// the last 28 days, each with an empirical predictive distribution.
//
// Policy:
// 1. `naive`: point y_n (the last non-missing value); day h's distribution is y_n + e over the in-sample h-step
//    errors e_t = y_t − y_{t−h} of the history (NaN pairs skipped) — the rule of the backtest's naive baseline
//    (`BaselineForecasts`).
// 2. `snaive` (period m = 7): point y_{n + h − m⌈h/m⌉} (the last week repeated); errors e_t = y_t − y_{t − m⌈h/m⌉}.
// 3. `mean28`: point = the mean of the last 28 non-missing values; every day's distribution is the empirical
//    distribution of those 28 values (empirical quantiles, no parametric shape).
// 4. Paths: each path draws, per day independently, one member of that day's distribution (seeded); counts
//    (an integer history) are clamped at 0. Means are the points of 1–3 (the clamped path mean for naive and
//    seasonal naive is not used, so the point forecast is the classical one).

/// A baseline forecaster (policy above).
import ForecastCore
import ForecastData
import ForecastModels
public struct BaselineForecaster: Forecaster {
    /// Which baseline.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case naive, snaive, mean28
    }

    public let kind: Kind
    /// Period of `snaive` (days, default 7).
    public let period: Int
    /// Days averaged by `mean28` (default 28).
    public let window: Int

    public init(_ kind: Kind, period: Int = 7, window: Int = 28) {
        precondition(period >= 1 && window >= 1, "BaselineForecaster: period and window must be ≥ 1")
        self.kind = kind
        self.period = period
        self.window = window
    }

    public var name: String { kind.rawValue }

    public func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution {
        let y = history.values
        let h = settings.horizon
        let (point, members) = try distributions(y, horizon: h, lastDay: history.end)
        let counts = y.allSatisfy { !$0.isFinite || ($0 >= 0 && $0 == $0.rounded()) }
        var random = RandomSource(seed: settings.seed, key: UInt64(Kind.allCases.firstIndex(of: kind) ?? 0) + 101)
        var paths = Matrix(rows: h, columns: settings.paths)
        for p in 0..<settings.paths {
            for t in 0..<h {
                let m = members[t]
                let value = m[min(m.count - 1, Int(random.uniform() * Double(m.count)))]
                paths[t, p] = counts ? max(0, value) : value
            }
        }
        return PredictiveDistribution(firstDay: history.end.adding(days: 1), paths: paths, mean: point)
    }

    /// Point forecasts and each day's members (policy 1–3); `lastDay` is the day of `y.last` (for messages).
    func distributions(_ y: [Double], horizon: Int, lastDay: CalendarDate) throws(ModelError) -> (point: [Double], members: [[Double]]) {
        switch kind {
        case .mean28:
            let recent = Array(y.filter { !$0.isNaN }.suffix(window))
            guard !recent.isEmpty else { throw .noTrainingData("the history has no value for the \(window)-day mean") }
            let mean = recent.reduce(0, +) / Double(recent.count)
            return ([Double](repeating: mean, count: horizon), [[Double]](repeating: recent, count: horizon))
        case .naive, .snaive:
            let point: [Double]?
            let lag: (Int) -> Int
            if kind == .naive {
                point = NaiveForecasts.naive(training: y, horizon: horizon)
                lag = { $0 }
            } else {
                point = NaiveForecasts.seasonalNaive(training: y, period: period, horizon: horizon)
                let m = period
                lag = { m * (($0 + m - 1) / m) }
            }
            guard let point else {
                throw .noTrainingData("the history (\(y.count) days) is too short for the \(kind.rawValue) forecast, which needs \(kind == .naive ? "1 day" : "\(period) days")")
            }
            // The days the point repeats (the last one, or the last period) must have values: name those missing.
            let needed = kind == .naive ? 1 : period
            let missing = (0..<needed).filter { y[y.count - 1 - $0].isNaN }.map { lastDay.adding(days: -$0) }.sorted()
            guard missing.isEmpty else {
                let days = missing.count == 1 ? "\(missing[0])" : "\(missing.count) of them (\(missing.map(String.init(describing:)).joined(separator: ", ")))"
                throw .noTrainingData("the \(kind.rawValue) forecast repeats \(kind == .naive ? "the last day" : "the last \(period) days") of the history, and \(kind == .naive ? "its value" : "the value") is missing on \(days)")
            }
            let members = (1...horizon).map { h in
                let l = lag(h)
                var errors: [Double] = []
                if y.count > l {
                    for t in l..<y.count where !y[t].isNaN && !y[t - l].isNaN { errors.append(y[t] - y[t - l]) }
                }
                return errors.isEmpty ? [point[h - 1]] : errors.map { point[h - 1] + $0 }
            }
            return (point, members)
        }
    }
}
