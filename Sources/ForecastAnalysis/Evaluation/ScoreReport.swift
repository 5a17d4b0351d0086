// ScoreReport — every score `forecast score` computes from a ScoreInput: whatever the files provide is scored.
//
// Policy:
//  1. Point forecasts: ME, MAE, RMSE, MAPE (+ days used), sMAPE, MASE (m = 1, 7 and --season M), RMSSE (m = 1),
//     and skill = 1 − MAE/MAE(naive) when an `f_naive` column is present (the naive forecast's own skill is 0).
//  2. Quantiles: mean pinball loss per level and over levels; a central interval for every symmetric level pair.
//  3. Distributions: Gaussian (CRPS, log score), ensemble (CRPS), NB2 (CRPS, log score, mid-PIT and the
//     non-randomised PIT histogram with 10 bins).
//  4. Anything not computable is nil (JSON null) with a warning when the user supplied what it needs (a training
//     series too short or constant for a scale, a naive forecast with MAE 0); never ±∞.

/// The scores of one set of forecasts (see ScoreReport+Output.swift for the JSON keys and the text table).
import ForecastCore
import ForecastData
import ForecastModels
public struct ScoreReport: Sendable {
    /// Accuracy of one point forecast (`f_<name>`).
    public struct PointScores: Sendable, Equatable {
        /// The forecast's name (the column name without `f_`).
        public let name: String
        /// ME, MAE and RMSE (``PointMetrics``).
        public let meanError: Double, meanAbsoluteError: Double, rootMeanSquaredError: Double
        /// MAPE with the days used (zero actuals excluded).
        public let percentageError: PercentageError
        /// sMAPE in percent, 0…200.
        public let symmetricPercentageError: Double
        /// MASE with m = 1 and m = 7, RMSSE with m = 1 (nil without a usable training scale).
        public let mase1: Double?, mase7: Double?, rmsse1: Double?
        /// MASE with the `--season` period, when it is neither 1 nor 7.
        public let maseSeason: Double?
        /// 1 − MAE/MAE(naive), nil without an `f_naive` column or when MAE(naive) = 0.
        public let skill: Double?
    }

    /// The mean pinball loss of one quantile level.
    public struct QuantileResult: Sendable, Equatable {
        /// The level as written in the column name ("0.05").
        public let key: String
        /// The level τ.
        public let level: Double
        /// mean_t ρ_τ(y_t − q_t).
        public let meanLoss: Double
    }

    /// Coverage and interval score of one central interval.
    public struct IntervalResult: Sendable, Equatable {
        /// Nominal coverage in percent (the JSON key).
        public let percent: Int
        /// The columns of the lower and upper bounds.
        public let lowerHeader: String, upperHeader: String
        /// Fraction of days with l ≤ y ≤ u.
        public let coverage: Double
        /// Mean interval (Winkler) score and its daily values.
        public let score: Double, perDay: [Double]
    }

    /// The scores of one predictive distribution.
    public struct DistributionResult: Sendable, Equatable {
        /// Mean CRPS and its daily values.
        public let crps: Double, crpsPerDay: [Double]
        /// Mean log score and its daily values (nil for an ensemble).
        public let logScore: Double?, logScorePerDay: [Double]?
        /// Mid-PIT per day and the non-randomised PIT histogram (count distributions only).
        public let pitMid: [Double]?, pitHistogram: [Double]?
    }

    /// Number of scored days, and the first and last date.
    public let days: Int, firstDate: CalendarDate, lastDate: CalendarDate
    /// The forecasts file, as named.
    public let source: String?
    /// The `--season` period, when it adds a MASE (neither 1 nor 7).
    public let season: Int?
    /// Point-forecast scores, in column order.
    public let points: [PointScores]
    /// Training scales Q_1, Q_7, S_1 and Q_season (nil without a training series; Q_season nil without `season`).
    public let scale1: TrainingScale?, scale7: TrainingScale?, squaredScale1: TrainingScale?, seasonScale: TrainingScale?
    /// Pinball losses by increasing level, and their plain mean (nil without quantiles).
    public let pinball: [QuantileResult], pinballMean: Double?
    /// Central intervals by increasing coverage.
    public let intervals: [IntervalResult]
    /// Gaussian, ensemble and NB2 scores, where the inputs provide them.
    public let gaussian: DistributionResult?, ensemble: DistributionResult?, negativeBinomial: DistributionResult?
    /// Members per day of the ensemble (its column count).
    public let ensembleSize: Int?
    /// Input warnings and scores that are null for a reason the user should know.
    public let warnings: [String]

    /// Scores everything `input` provides; `season` (≥ 1) adds MASE with that period.
    public init(_ input: ScoreInput, season: Int? = nil) {
        precondition(season.map { $0 >= 1 } ?? true, "ScoreReport: the season must be ≥ 1")
        var warnings = input.warnings
        let y = input.actual
        days = y.count
        firstDate = input.dates.min() ?? CalendarDate(daysSinceEpoch: 0)
        lastDate = input.dates.max() ?? CalendarDate(daysSinceEpoch: 0)
        source = input.source
        self.season = season.flatMap { $0 == 1 || $0 == 7 ? nil : $0 }

        let training = input.training
        scale1 = training.map { ScaledErrors.absoluteScale(training: $0, period: 1) }
        scale7 = training.map { ScaledErrors.absoluteScale(training: $0, period: 7) }
        squaredScale1 = training.map { ScaledErrors.squaredScale(training: $0, period: 1) }
        seasonScale = self.season.flatMap { m in training.map { ScaledErrors.absoluteScale(training: $0, period: m) } }
        for (scale, label) in [(scale1, "MASE(1) and RMSSE(1) are"), (scale7, "MASE(7) is"),
                               (seasonScale, "MASE(\(self.season ?? 0)) is")] {
            if let reason = scale?.unavailable { warnings.append("\(label) null: \(reason)") }
        }

        let naiveMAE = input.points.first { $0.name == "naive" }
            .map { PointMetrics.meanAbsoluteError(actual: y, forecast: $0.values) }
        if let naiveMAE, naiveMAE == 0 { warnings.append("skill is null: the naive forecast's MAE is 0") }
        points = input.points.map { [scale1, scale7, squaredScale1, seasonScale] column in
            let f = column.values
            let mae = PointMetrics.meanAbsoluteError(actual: y, forecast: f)
            return PointScores(
                name: column.name, meanError: PointMetrics.meanError(actual: y, forecast: f), meanAbsoluteError: mae,
                rootMeanSquaredError: PointMetrics.rootMeanSquaredError(actual: y, forecast: f),
                percentageError: PointMetrics.meanAbsolutePercentageError(actual: y, forecast: f),
                symmetricPercentageError: PointMetrics.symmetricMeanAbsolutePercentageError(actual: y, forecast: f),
                mase1: scale1.flatMap { ScaledErrors.meanAbsoluteScaledError(actual: y, forecast: f, scale: $0) },
                mase7: scale7.flatMap { ScaledErrors.meanAbsoluteScaledError(actual: y, forecast: f, scale: $0) },
                rmsse1: squaredScale1.flatMap { ScaledErrors.rootMeanSquaredScaledError(actual: y, forecast: f, scale: $0) },
                maseSeason: seasonScale.flatMap { ScaledErrors.meanAbsoluteScaledError(actual: y, forecast: f, scale: $0) },
                skill: naiveMAE.flatMap { SkillScores.skill(score: mae, baseline: $0) })
        }

        let quantiles = input.quantiles
        pinball = quantiles.map {
            QuantileResult(key: $0.key, level: $0.level,
                           meanLoss: QuantileScores.meanPinballLoss(actual: y, quantile: $0.values, level: $0.level))
        }
        pinballMean = quantiles.isEmpty ? nil : QuantileScores.meanPinballLossOverLevels(
            actual: y, quantiles: quantiles.map(\.values), levels: quantiles.map(\.level))
        intervals = IntervalScores.centralIntervals(levels: quantiles.map(\.level)).map { interval in
            let (lower, upper) = (quantiles[interval.lowerIndex], quantiles[interval.upperIndex])
            let perDay = IntervalScores.intervalScorePerDay(actual: y, lower: lower.values, upper: upper.values,
                                                            alpha: interval.alpha)
            return IntervalResult(percent: interval.nominalPercent, lowerHeader: lower.header, upperHeader: upper.header,
                                  coverage: IntervalScores.coverage(actual: y, lower: lower.values, upper: upper.values),
                                  score: DailyAverage.mean(perDay).value, perDay: perDay)
        }

        gaussian = input.gaussian.map { g in
            let crps = CRPS.gaussian(actual: y, mean: g.location, standardDeviation: g.spread)
            let log = LogScore.gaussian(actual: y, mean: g.location, standardDeviation: g.spread)
            return DistributionResult(crps: DailyAverage.mean(crps).value, crpsPerDay: crps,
                                      logScore: DailyAverage.mean(log).value, logScorePerDay: log,
                                      pitMid: nil, pitHistogram: nil)
        }
        ensemble = input.ensemble.map { members in
            let crps = CRPS.ensemble(actual: y, members: members)
            return DistributionResult(crps: DailyAverage.mean(crps).value, crpsPerDay: crps, logScore: nil,
                                      logScorePerDay: nil, pitMid: nil, pitHistogram: nil)
        }
        ensembleSize = input.ensemble.map { $0.first?.count ?? 0 }
        negativeBinomial = input.negativeBinomial.map { nb in
            let distributions = y.indices.map { CountDistribution.negativeBinomial(mean: nb.location[$0], alpha: nb.spread[$0]) }
            let crps = y.indices.map { CRPS.count(actual: y[$0], distribution: distributions[$0]) }
            let log = y.indices.map { LogScore.count(actual: y[$0], distribution: distributions[$0]) }
            let intervals = y.indices.map { PIT.interval(actual: y[$0], distribution: distributions[$0]) }
            return DistributionResult(crps: DailyAverage.mean(crps).value, crpsPerDay: crps,
                                      logScore: DailyAverage.mean(log).value, logScorePerDay: log,
                                      pitMid: intervals.map { ($0.lower + $0.upper) / 2 },
                                      pitHistogram: PIT.nonrandomizedHistogram(intervals: intervals, bins: 10))
        }
        if let nb = input.negativeBinomial, let perDay = negativeBinomial?.logScorePerDay,
           let day = perDay.indices.first(where: { perDay[$0].isInfinite }) {
            let impossible = perDay.filter(\.isInfinite).count
            warnings.append("negative binomial log score null: y = \(TextFormat.trimmed(y[day])) on \(input.dates[day]) has "
                            + "probability 0 under nb_mu = \(TextFormat.trimmed(nb.location[day])) (log score +∞)"
                            + (impossible > 1 ? "; \(impossible) such days" : ""))
        }
        self.warnings = warnings
    }
}
