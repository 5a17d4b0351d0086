// OriginRows — one origin's rows of one method (the model or a baseline) and every row's score terms, made in the
// origin's parallel task, so that assembling a `BacktestResult` only concatenates rows and sums terms.
//
// Policy:
// 1. A row's terms are the per-day terms of the library's metrics (`PointMetrics`, `QuantileScores`,
//    `IntervalScores`, MASE with the origin's own scales, the row's CRPS), computed by the same functions, so a
//    mean of the terms in row order is the metric of the rows, bit for bit.
// 2. Layout: `ScoreTerm` numbers the terms of one row; `terms[d · width + k]` is term k of row d (h = d + 1).

import ForecastCore
import ForecastData
import ForecastModels

/// The terms of one row (policy 2): NaN where the row does not enter that mean.
enum ScoreTerm {
    static let error = 0, absoluteError = 1, squaredError = 2, percentageError = 3, excludedZero = 4,
        symmetricPercentageError = 5, scaledError1 = 6, scaledErrorSeasonal = 7, crps = 8, hasActual = 9
    /// The pinball loss of level j is term `pinball + j`.
    static let pinball = 10
    /// Coverage of central interval i: `coverage(levels:) + i`; its interval score `intervalScore(…) + i`.
    static func coverage(levels: Int) -> Int { pinball + levels }
    static func intervalScore(levels: Int, intervals: Int) -> Int { coverage(levels: levels) + intervals }
    /// Terms per row.
    static func width(levels: Int, intervals: Int) -> Int { intervalScore(levels: levels, intervals: intervals) + intervals }
}

/// One origin's rows of one method and their score terms (policy 1–2).
struct OriginRows: Sendable {
    /// Rows h = 1…H.
    let rows: [BacktestResult.Row]
    /// CRPS of each row.
    let crps: [Double]
    /// The rows' terms, `terms[d · width + k]`.
    let terms: [Double]

    /// The rows of `forecast` from `origin` against `actual`, with the origin's MASE scales (nil: unavailable).
    init(forecast f: OriginForecast, origin: CalendarDate, actual: [Double], scale1: Double?, scaleSeasonal: Double?,
         levels: [Double], intervals: [CentralInterval]) {
        let width = ScoreTerm.width(levels: levels.count, intervals: intervals.count)
        let coverage = ScoreTerm.coverage(levels: levels.count)
        let intervalScore = ScoreTerm.intervalScore(levels: levels.count, intervals: intervals.count)
        var rows: [BacktestResult.Row] = []
        var terms = [Double](repeating: .nan, count: actual.count * width)
        rows.reserveCapacity(actual.count)
        for d in actual.indices {
            let (y, mean, q) = (actual[d], f.mean[d], f.quantiles[d])
            rows.append(BacktestResult.Row(origin: origin, date: origin.adding(days: d + 1), h: d + 1, mean: mean,
                                           quantiles: q, actual: y))
            let base = d * width
            terms[base + ScoreTerm.error] = y - mean
            terms[base + ScoreTerm.absoluteError] = abs(y - mean)
            terms[base + ScoreTerm.squaredError] = (y - mean) * (y - mean)
            terms[base + ScoreTerm.percentageError] = PointMetrics.absolutePercentageError(actual: y, forecast: mean)
            terms[base + ScoreTerm.excludedZero] = PointMetrics.isExcludedZero(actual: y, forecast: mean) ? 1 : 0
            terms[base + ScoreTerm.symmetricPercentageError] = PointMetrics.symmetricAbsolutePercentageError(actual: y, forecast: mean)
            terms[base + ScoreTerm.scaledError1] = scale1.map { abs(y - mean) / $0 } ?? .nan
            terms[base + ScoreTerm.scaledErrorSeasonal] = scaleSeasonal.map { abs(y - mean) / $0 } ?? .nan
            terms[base + ScoreTerm.crps] = f.crps[d]
            terms[base + ScoreTerm.hasActual] = y.isNaN ? 0 : 1
            for j in levels.indices { terms[base + ScoreTerm.pinball + j] = QuantileScores.pinball(y - q[j], level: levels[j]) }
            for (i, c) in intervals.enumerated() {
                let (l, u) = (q[c.lowerIndex], q[c.upperIndex])
                terms[base + coverage + i] = IntervalScores.covers(actual: y, lower: l, upper: u)
                terms[base + intervalScore + i] = IntervalScores.intervalScore(actual: y, lower: l, upper: u, alpha: c.alpha)
            }
        }
        self.rows = rows
        crps = f.crps
        self.terms = terms
    }
}
