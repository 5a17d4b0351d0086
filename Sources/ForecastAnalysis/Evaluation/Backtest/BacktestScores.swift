// BacktestScores — the scores of a set of backtest rows (all rows, or the rows of one horizon day).
//
// Policy:
// 1. Point scores (ME, MAE, RMSE, MAPE with days used, sMAPE) and quantile scores (pinball per level and their
//    plain mean; coverage and interval score of every central interval from symmetric level pairs) are the
//    library's `PointMetrics`, `QuantileScores` and `IntervalScores`, pooled over the rows; NaN rows skipped.
// 2. MASE uses each origin's own training scale: mean over rows of |e| / Q_m(origin's window), m = 1 and the
//    seasonal period; rows whose origin has no usable scale are left out (nil when none is left).
// 3. CRPS is the mean of the rows' ensemble CRPS.

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

    /// Scores of the rows `indices` of aligned arrays.
    init(indices: [Int], actual: [Double], mean: [Double], quantiles: [[Double]], crps: [Double],
         scale1: [Double?], scaleSeasonal: [Double?], levels: [Double]) {
        let y = indices.map { actual[$0] }, f = indices.map { mean[$0] }
        rows = y.filter { !$0.isNaN }.count
        meanError = PointMetrics.meanError(actual: y, forecast: f)
        meanAbsoluteError = PointMetrics.meanAbsoluteError(actual: y, forecast: f)
        rootMeanSquaredError = PointMetrics.rootMeanSquaredError(actual: y, forecast: f)
        percentageError = PointMetrics.meanAbsolutePercentageError(actual: y, forecast: f)
        symmetricPercentageError = PointMetrics.symmetricMeanAbsolutePercentageError(actual: y, forecast: f)
        func mase(_ scales: [Double?]) -> Double? {
            let scaled = indices.map { i in scales[i].map { abs(actual[i] - mean[i]) / $0 } ?? .nan }
            let average = DailyAverage.mean(scaled)
            return average.count > 0 ? average.value : nil
        }
        mase1 = mase(scale1)
        maseSeasonal = mase(scaleSeasonal)
        let columns = levels.indices.map { j in indices.map { quantiles[$0][j] } }
        pinball = levels.indices.map { QuantileScores.meanPinballLoss(actual: y, quantile: columns[$0], level: levels[$0]) }
        pinballMean = QuantileScores.meanPinballLossOverLevels(actual: y, quantiles: columns, levels: levels)
        intervals = IntervalScores.centralIntervals(levels: levels).map { c in
            let (l, u) = (columns[c.lowerIndex], columns[c.upperIndex])
            return Interval(percent: c.nominalPercent, coverage: IntervalScores.coverage(actual: y, lower: l, upper: u),
                            intervalScore: IntervalScores.meanIntervalScore(actual: y, lower: l, upper: u, alpha: c.alpha))
        }
        self.crps = DailyAverage.mean(indices.map { crps[$0] }).value
    }
}
