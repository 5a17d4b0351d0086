import BenchHarness
import Forecast
import Foundation

/// Case `local-ensemble`: `LocalLevelEnsemble().fitAndForecast` — the member fits, the inner rolling validation
/// of its tuning (26 inner origins × 3 memory scales, both day-of-week settings) and a 28-day, 1,000-path forecast,
/// all in the timed call, on the same `DailyCountProblem` series as `fit-forecast` (compare the two rows; target
/// < 20 ms median, issue 13). No baseline (ratio null). Checked before timing: 26 inner origins were scored, the
/// paths are integers ≥ 0, and every day's median lies within the range of the last 28 days' values.
extension FitForecastSuite {
    static func localEnsembleCase(days n: Int) -> BenchCase {
        BenchCase(name: "local-ensemble", suite: name, size: CaseSize(rows: n, columns: 6),
                  summary: "LocalLevelEnsemble fit incl. inner validation + forecast(horizon: 28, paths: 1000) (no baseline)") {
            try prepareLocal(days: n)
        }
    }

    static func prepareLocal(days n: Int) throws -> PreparedCase {
        let problem = DailyCountProblem(days: n)
        guard let start = CalendarDate(year: 2022, month: 2, day: 24) else {
            throw SelfCheckFailure(quantity: "start day", expected: "2022-02-24", found: "none")
        }
        let history = DatedSeries(start: start, values: problem.y)
        let settings = ForecastSettings(horizon: horizon, paths: paths, seed: 1)
        let ensemble = LocalLevelEnsemble()
        var (distribution, selection) = ensemble.fitAndForecast(history, settings: settings)
        let expectedOrigins = n >= 56 + horizon + 7 * 25 ? 26 : selection.innerOrigins
        try SelfCheckFailure.require(selection.innerOrigins == expectedOrigins, "inner origins",
                                     expected: "\(expectedOrigins)", found: "\(selection.innerOrigins)")
        try SelfCheckFailure.require(distribution.paths.storage.allSatisfy { $0 >= 0 && $0 == $0.rounded() },
                                     "paths", expected: "integers ≥ 0", found: "another value")
        let recent = problem.y.suffix(28)
        let (low, high) = (recent.min() ?? 0, recent.max() ?? 0)
        let medians = distribution.quantiles([0.5]).map { $0[0] }
        try SelfCheckFailure.require(medians.allSatisfy { $0 >= low && $0 <= high }, "daily medians",
                                     expected: "within [\(low), \(high)]", found: "\(medians)")
        let ours = Subject(name: "Forecast LocalLevelEnsemble fit + forecast",
                           run: { (distribution, selection) = ensemble.fitAndForecast(history, settings: settings) },
                           output: { distribution.mean })
        return PreparedCase(ours: ours, baseline: nil, inputs: problem.exportedArrays, results: {
            [("forecastMean", distribution.mean)]
        })
    }
}
