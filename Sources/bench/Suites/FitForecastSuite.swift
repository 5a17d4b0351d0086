import BenchHarness
import Forecast
import Foundation

/// A daily NB2 model fitted and forecast, as `forecast fit --model nb2 --horizon 28` does it.
///
/// Case `fit-forecast`: `TimeSeriesModel(kind: .nb2).fit(_:)` of a `DatedSeries` (default design: const, trend,
/// day of week = 8 columns) then `.forecast(horizon: 28, levels: [80, 95], paths: 1000, seed: 1)`, both in the
/// timed call, on a `DailyCountProblem` series. No baseline (ratio null). Checked before timing: the design
/// columns are the expected ones, every forecast mean equals exp(x′β̂) with x rebuilt here from the date
/// (1, years since the first day, weekday dummies with Monday the reference), and the intervals nest:
/// 95 % lower ≤ 80 % lower ≤ median ≤ 80 % upper ≤ 95 % upper.
/// Size: days × design columns: 1500x8 (quick, full); smoke 200x8.
enum FitForecastSuite: Suite {
    static let name = "forecast"
    static let horizon = 28
    static let paths = 1000
    static let levels: [Double] = [80, 95]
    static let columnNames = ["const", "trend", "dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"]

    static func days(for profile: Profile) -> Int { profile == .smoke ? 200 : 1500 }

    static func cases(for profile: Profile) -> [BenchCase] {
        let n = days(for: profile)
        return [BenchCase(name: "fit-forecast", suite: name, size: CaseSize(rows: n, columns: columnNames.count),
                          summary: "TimeSeriesModel(kind: .nb2).fit + forecast(horizon: 28, paths: 1000) (no baseline)") {
            try prepare(days: n)
        }, localEnsembleCase(days: n)]
    }

    static func prepare(days n: Int) throws -> PreparedCase {
        let problem = DailyCountProblem(days: n)
        guard let start = CalendarDate(year: 2022, month: 2, day: 24),
              start.daysSinceEpoch == problem.startDay else {
            throw SelfCheckFailure(quantity: "start day", expected: "2022-02-24 = day \(problem.startDay)",
                                   found: "a different day")
        }
        let y = problem.y
        let model = TimeSeriesModel(kind: .nb2)
        func run() throws -> (TimeSeriesFit, ForecastTable) {
            let fit = try model.fit(DatedSeries(start: start, values: y))
            return (fit, try fit.forecast(horizon: horizon, levels: levels, paths: paths, seed: 1))
        }
        var (fit, table) = try run()
        try check(fit: fit, table: table, problem: problem)
        let ours = Subject(name: "Forecast TimeSeriesModel(kind: .nb2).fit + forecast",
                           run: { (fit, table) = try run() },
                           output: { table.days.flatMap { [$0.mean, $0.median] + $0.intervals.flatMap { [$0.lower, $0.upper] } } })
        return PreparedCase(ours: ours, baseline: nil, inputs: problem.exportedArrays, results: {
            [("estimates", fit.count?.estimates ?? []), ("alpha", [fit.count?.alpha ?? .nan]),
             ("forecastMean", table.days.map(\.mean))]
        })
    }

    static func check(fit: TimeSeriesFit, table: ForecastTable, problem: DailyCountProblem) throws(SelfCheckFailure) {
        guard let count = fit.count else {
            throw SelfCheckFailure(quantity: "model", expected: "an NB2 count fit", found: "\(fit.kind)")
        }
        try SelfCheckFailure.require(count.names == columnNames, "design columns",
                                     expected: "\(columnNames)", found: "\(count.names)")
        let beta = count.estimates
        let n = problem.y.count
        try SelfCheckFailure.require(table.days.count == horizon, "forecast days", expected: "\(horizon)",
                                     found: "\(table.days.count)")
        for (h, day) in table.days.enumerated() {
            let t = n + h   // days since the first (training) day
            try SelfCheckFailure.require(day.date.daysSinceEpoch == problem.startDay + t, "date of forecast day \(h + 1)",
                                         expected: "day \(problem.startDay + t)", found: "\(day.date)")
            let weekday = DailyCountProblem.isoWeekday(daysSinceEpoch: problem.startDay + t)
            var eta = beta[0] + beta[1] * Double(t) / 365.25
            if weekday > 1 { eta += beta[weekday] }   // dow_tue (weekday 2) is column 2 … dow_sun (7) column 7
            let expected = exp(eta)
            try SelfCheckFailure.require(abs(day.mean - expected) <= 1e-12 * expected, "mean of forecast day \(h + 1)",
                                         expected: "exp(x′β̂) = \(expected)", found: "\(day.mean)")
            try SelfCheckFailure.require(day.intervals.map(\.level) == levels, "interval levels of day \(h + 1)",
                                         expected: "\(levels)", found: "\(day.intervals.map(\.level))")
            let (i80, i95) = (day.intervals[0], day.intervals[1])
            let chain = [i95.lower, i80.lower, day.median, i80.upper, i95.upper]
            try SelfCheckFailure.require(zip(chain, chain.dropFirst()).allSatisfy { $0 <= $1 },
                                         "nesting of the intervals of day \(h + 1)",
                                         expected: "95% lower ≤ 80% lower ≤ median ≤ 80% upper ≤ 95% upper",
                                         found: "\(chain)")
        }
    }
}
