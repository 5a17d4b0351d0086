// Tests/Fixtures/reference/metrics-basic (numpy/scipy/properscoring definitions, MASE cross-checked with R
// forecast::accuracy, NB quantities with R pnbinom/dnbinom): every quantity in its expected.json, with the case's
// own tolerances, through the library functions and through ScoreReport (what `forecast score` prints).
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Reference: metrics-basic (R forecast::accuracy, properscoring, scipy)")
struct MetricsBasicTests {
    let reference: ReferenceCase
    let data: CSVTable
    let y: [Double]
    let training: [Double]
    let members: [[Double]]
    let names = ["naive", "snaive7"]

    init() throws {
        reference = try ReferenceCase("metrics-basic")
        let data = try CSVReader.read(contentsOf: reference.path("data.csv"))
        self.data = data
        y = try data.numbers(inColumn: data.columnIndex(named: "y"), missing: .error)
        let train = try CSVReader.read(contentsOf: reference.path("train.csv"))
        training = try train.numbers(inColumn: train.columnIndex(named: "y"), missing: .error)
        let ensemble = try CSVReader.read(contentsOf: reference.path("ensemble.csv"))
        let memberColumns = try (1..<ensemble.columnCount).map { try ensemble.numbers(inColumn: $0, missing: .error) }
        members = (0..<ensemble.rowCount).map { t in memberColumns.map { $0[t] } }
    }

    func column(_ name: String) throws -> [Double] {
        try data.numbers(inColumn: data.columnIndex(named: name), missing: .error)
    }

    /// A {name: value} expected quantity in `names` order.
    func byName(_ quantity: String) -> [Double?] {
        let map = reference.expected[quantity] as! [String: Any]
        return names.map { ReferenceCase.number(map[$0]) }
    }

    var levels: [String] { (reference.options["quantile_levels"] as! [NSNumber]).map { "\($0.doubleValue)" } }

    @Test("ME, MAE, RMSE, MAPE (+ days used), sMAPE for the naive and seasonal-naive forecasts")
    func pointMetrics() throws {
        let forecasts = try names.map { try column("f_\($0)") }
        let r = reference
        r.check(forecasts.map { PointMetrics.meanError(actual: y, forecast: $0) }, byName("ME"), "ME", labels: names)
        r.check(forecasts.map { PointMetrics.meanAbsoluteError(actual: y, forecast: $0) }, byName("MAE"), "MAE", labels: names)
        r.check(forecasts.map { PointMetrics.rootMeanSquaredError(actual: y, forecast: $0) }, byName("RMSE"), "RMSE",
                labels: names)
        let mape = forecasts.map { PointMetrics.meanAbsolutePercentageError(actual: y, forecast: $0) }
        r.check(mape.map(\.value), byName("MAPE"), "MAPE", labels: names)
        r.check(mape.map { Double($0.daysUsed) }, byName("MAPE_n_used"), "MAPE_n_used", labels: names)
        r.check(forecasts.map { PointMetrics.symmetricMeanAbsolutePercentageError(actual: y, forecast: $0) },
                byName("sMAPE"), "sMAPE", labels: names)
    }

    @Test("MASE (m = 1, 7), RMSSE (m = 1) and their training scales")
    func scaledErrors() throws {
        let forecasts = try names.map { try column("f_\($0)") }
        let q1 = ScaledErrors.absoluteScale(training: training, period: 1)
        let q7 = ScaledErrors.absoluteScale(training: training, period: 7)
        let s1 = ScaledErrors.squaredScale(training: training, period: 1)
        let r = reference
        r.check(try #require(q1.value), r.scalar("MASE_scale_m1"), "MASE_scale_m1")
        r.check(try #require(q7.value), r.scalar("MASE_scale_m7"), "MASE_scale_m7")
        r.check(try #require(s1.value), r.scalar("RMSSE_scale_m1"), "RMSSE_scale_m1")
        r.check(try forecasts.map { try #require(ScaledErrors.meanAbsoluteScaledError(actual: y, forecast: $0, scale: q1)) },
                byName("MASE_m1"), "MASE_m1", labels: names)
        r.check(try forecasts.map { try #require(ScaledErrors.meanAbsoluteScaledError(actual: y, forecast: $0, scale: q7)) },
                byName("MASE_m7"), "MASE_m7", labels: names)
        r.check(try forecasts.map { try #require(ScaledErrors.rootMeanSquaredScaledError(actual: y, forecast: $0, scale: s1)) },
                byName("RMSSE_m1"), "RMSSE_m1", labels: names)
    }

    @Test("The naive and seasonal-naive columns are NaiveForecasts of train.csv")
    func baselines() throws {
        #expect(NaiveForecasts.naive(training: training, horizon: y.count) == (try column("f_naive")))
        #expect(NaiveForecasts.seasonalNaive(training: training, period: 7, horizon: y.count) == (try column("f_snaive7")))
    }

    @Test("Pinball loss per level and over levels; 80 % and 90 % coverage and interval scores")
    func quantilesAndIntervals() throws {
        let r = reference
        let levelValues = levels.map { Double($0)! }
        let quantiles = try levels.map { try column("q_\($0)") }
        let losses = zip(quantiles, levelValues).map { QuantileScores.meanPinballLoss(actual: y, quantile: $0, level: $1) }
        let expected = r.expected["pinball"] as! [String: Any]
        r.check(losses, levels.map { ReferenceCase.number(expected[$0]) }, "pinball", labels: levels)
        r.check(QuantileScores.meanPinballLossOverLevels(actual: y, quantiles: quantiles, levels: levelValues),
                r.scalar("pinball_mean_over_levels"), "pinball_mean_over_levels")
        #expect(QuantileScores.firstCrossing(quantiles: quantiles) == nil)

        // Every symmetric pair forms an interval (0.25/0.75 → 50 %); the reference lists 80 % and 90 %.
        let intervals = IntervalScores.centralIntervals(levels: levelValues)
        #expect(intervals.map(\.nominalPercent) == [50, 80, 90])
        let referenced = (r.options["intervals"] as! [[String: Any]]).map { Int((ReferenceCase.number($0["coverage"])! * 100).rounded()) }
        #expect(referenced == [80, 90])
        for interval in intervals where referenced.contains(interval.nominalPercent) {
            let (lower, upper) = (quantiles[interval.lowerIndex], quantiles[interval.upperIndex])
            let key = "\(interval.nominalPercent)"
            r.check(IntervalScores.coverage(actual: y, lower: lower, upper: upper), r.scalar("coverage_\(key)"),
                    "coverage_\(key)")
            r.check(IntervalScores.meanIntervalScore(actual: y, lower: lower, upper: upper, alpha: interval.alpha),
                    r.scalar("interval_score_\(key)"), "interval_score_\(key)")
            r.check(IntervalScores.intervalScorePerDay(actual: y, lower: lower, upper: upper, alpha: interval.alpha),
                    r.list("interval_score_\(key)_per_day"), "interval_score_\(key)_per_day")
        }
    }

    @Test("Gaussian CRPS and log score, ensemble CRPS (200 members), per day and mean")
    func gaussianAndEnsemble() throws {
        let r = reference
        let (mean, sd) = (try column("norm_mean"), try column("norm_sd"))
        let crps = CRPS.gaussian(actual: y, mean: mean, standardDeviation: sd)
        r.check(crps, r.list("crps_gaussian_per_day"), "crps_gaussian_per_day")
        r.check(DailyAverage.mean(crps).value, r.scalar("crps_gaussian_mean"), "crps_gaussian_mean")
        let log = LogScore.gaussian(actual: y, mean: mean, standardDeviation: sd)
        r.check(log, r.list("logscore_gaussian_per_day"), "logscore_gaussian_per_day")
        r.check(DailyAverage.mean(log).value, r.scalar("logscore_gaussian_mean"), "logscore_gaussian_mean")
        #expect(members.allSatisfy { $0.count == 200 })
        let ensemble = CRPS.ensemble(actual: y, members: members)
        r.check(ensemble, r.list("crps_ensemble_per_day"), "crps_ensemble_per_day")
        r.check(DailyAverage.mean(ensemble).value, r.scalar("crps_ensemble_mean"), "crps_ensemble_mean")
    }

    @Test("NB2 exact CRPS, log score and mid-PIT; the q_ columns are the NB quantiles")
    func negativeBinomial() throws {
        let r = reference
        let (mu, alpha) = (try column("nb_mu"), try column("nb_alpha"))
        let crps = CRPS.negativeBinomial(actual: y, mean: mu, alpha: alpha)
        r.check(crps, r.list("crps_nb_per_day"), "crps_nb_per_day")
        r.check(DailyAverage.mean(crps).value, r.scalar("crps_nb_mean"), "crps_nb_mean")
        let log = LogScore.negativeBinomial(actual: y, mean: mu, alpha: alpha)
        r.check(log, r.list("logscore_nb_per_day"), "logscore_nb_per_day")
        r.check(DailyAverage.mean(log).value, r.scalar("logscore_nb_mean"), "logscore_nb_mean")
        let distributions = y.indices.map { CountDistribution.negativeBinomial(mean: mu[$0], alpha: alpha[$0]) }
        r.check(PIT.mid(actual: y, distributions: distributions), r.list("pit_mid_nb"), "pit_mid_nb")

        // q_<τ> = smallest k with F(k) ≥ τ (scipy nbinom.ppf = R qnbinom): checks the CDF itself, day by day.
        for level in levels {
            let q = try column("q_\(level)")
            let tau = Double(level)!
            for t in y.indices {
                let d = distributions[t]
                #expect(d.cdf(q[t]) >= tau && d.cdf(q[t] - 1) < tau, "day \(t) level \(level): q = \(q[t])")
            }
        }
    }

    @Test("ScoreReport (what `forecast score` prints) reproduces the same numbers")
    func report() throws {
        let input = try ScoreInput(forecasts: data, training: CSVReader.read(contentsOf: reference.path("train.csv")),
                                   samples: CSVReader.read(contentsOf: reference.path("ensemble.csv")))
        let report = ScoreReport(input)
        let r = reference
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.points.map(\.name) == names)
        r.check(report.points.map(\.meanAbsoluteError), byName("MAE"), "MAE", labels: names)
        r.check(report.points.map { $0.mase7 ?? .nan }, byName("MASE_m7"), "MASE_m7", labels: names)
        r.check(report.points.map { $0.rmsse1 ?? .nan }, byName("RMSSE_m1"), "RMSSE_m1", labels: names)
        r.check(try #require(report.pinballMean), r.scalar("pinball_mean_over_levels"), "pinball_mean_over_levels")
        #expect(report.intervals.map(\.percent) == [50, 80, 90])
        r.check(report.intervals[2].perDay, r.list("interval_score_90_per_day"), "interval_score_90_per_day")
        r.check(try #require(report.gaussian).crps, r.scalar("crps_gaussian_mean"), "crps_gaussian_mean")
        r.check(try #require(report.ensemble).crps, r.scalar("crps_ensemble_mean"), "crps_ensemble_mean")
        let nb = try #require(report.negativeBinomial)
        r.check(nb.crpsPerDay, r.list("crps_nb_per_day"), "crps_nb_per_day")
        r.check(try #require(nb.logScore), r.scalar("logscore_nb_mean"), "logscore_nb_mean")
        r.check(try #require(nb.pitMid), r.list("pit_mid_nb"), "pit_mid_nb")
        #expect(report.points[0].skill == 0)
    }
}
