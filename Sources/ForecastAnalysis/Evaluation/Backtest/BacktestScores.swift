// BacktestScores — the scores of a set of backtest rows (all rows, or the rows of one horizon day).
//
// Policy:
// 1. Point scores (ME, MAE, RMSE, MAPE with days used, sMAPE) and quantile scores (pinball per level and their
//    plain mean; coverage and interval score of every central interval from symmetric level pairs) are the
//    library's `PointMetrics`, `QuantileScores` and `IntervalScores`, pooled over the rows; NaN rows skipped.
// 2. MASE uses each origin's own training scale: mean over rows of |e| / Q_m(origin's window), m = 1 and the
//    seasonal period; rows whose origin has no usable scale are left out (nil when none is left).
// 3. CRPS is the mean of the rows' ensemble CRPS.
// 4. Each mean is taken over the rows' terms (`OriginRows`, computed in the origins' parallel tasks) in row
//    order, with `DailyAverage`'s rule, so the scores equal the library's metrics of the rows bit for bit.

/// Scores of backtest rows.
import ForecastCore
import ForecastData
import ForecastModels
public struct BacktestScores: Sendable, Equatable {
    /// One central interval.
    public struct Interval: Sendable, Equatable {
        /// Nominal coverage in percent (80 for 0.1/0.9).
        public let percent: Int
        /// Fraction of rows with lower ≤ y ≤ upper.
        public let coverage: Double
        /// Mean interval (Winkler) score.
        public let intervalScore: Double
    }

    /// Rows scored (with an actual).
    public let rows: Int
    public let meanError: Double, meanAbsoluteError: Double, rootMeanSquaredError: Double
    public let percentageError: PercentageError
    public let symmetricPercentageError: Double
    /// MASE with m = 1 and m = the seasonal period, each origin scaled by its own training window (policy 2).
    public let mase1: Double?, maseSeasonal: Double?
    /// Mean pinball loss per level (the specification's order) and over levels.
    public let pinball: [Double], pinballMean: Double
    /// Central intervals by increasing coverage.
    public let intervals: [Interval]
    /// Mean CRPS.
    public let crps: Double

    /// Scores of the rows of `origins` (each with `horizon` rows): all rows in order when `day` is nil, else row
    /// `day` (h = day + 1) of every origin. The means of the rows' terms (`OriginRows`) in row order.
    init(origins: [OriginRows], day: Int?, horizon: Int, levels: [Double], intervals: [CentralInterval]) {
        let width = ScoreTerm.width(levels: levels.count, intervals: intervals.count)
        // One pass over the rows fills every term's running mean, row by row in order.
        var running = [DailyAverage.Running](repeating: DailyAverage.Running(), count: width)
        let days = day.map { $0...$0 } ?? 0...(horizon - 1)
        running.withUnsafeMutableBufferPointer { running in
            for origin in origins {
                origin.terms.withUnsafeBufferPointer { terms in
                    for d in days {
                        for k in 0..<width { running[k].add(terms[d * width + k]) }
                    }
                }
            }
        }
        func mean(_ k: Int) -> (value: Double, count: Int) { running[k].mean }
        /// The number of rows whose 0/1 term k is 1: the mean of the 0s and 1s times their number, rounded (exact).
        func total(_ k: Int) -> Int { mean(k).count == 0 ? 0 : Int((mean(k).value * Double(mean(k).count)).rounded()) }
        rows = total(ScoreTerm.hasActual)
        meanError = mean(ScoreTerm.error).value
        meanAbsoluteError = mean(ScoreTerm.absoluteError).value
        rootMeanSquaredError = mean(ScoreTerm.squaredError).value.squareRoot()
        let percentage = mean(ScoreTerm.percentageError)
        percentageError = PercentageError(value: 100 * percentage.value, daysUsed: percentage.count,
                                          zeroActuals: total(ScoreTerm.excludedZero))
        symmetricPercentageError = mean(ScoreTerm.symmetricPercentageError).value
        func mase(_ k: Int) -> Double? {
            let average = mean(k)
            return average.count > 0 ? average.value : nil
        }
        mase1 = mase(ScoreTerm.scaledError1)
        maseSeasonal = mase(ScoreTerm.scaledErrorSeasonal)
        pinball = levels.indices.map { mean(ScoreTerm.pinball + $0).value }
        pinballMean = QuantileScores.meanOverLevels(pinball)
        let coverage = ScoreTerm.coverage(levels: levels.count)
        let intervalScore = ScoreTerm.intervalScore(levels: levels.count, intervals: intervals.count)
        self.intervals = intervals.indices.map { i in
            Interval(percent: intervals[i].nominalPercent, coverage: mean(coverage + i).value,
                     intervalScore: mean(intervalScore + i).value)
        }
        crps = mean(ScoreTerm.crps).value
    }
}
