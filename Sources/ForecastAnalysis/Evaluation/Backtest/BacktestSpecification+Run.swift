import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// Running a backtest.
//
// Policy:
// 1. Nothing leaks: origin o's fit sees the response through o only (the array is cut there); the automatic
//    model choice and automatic changepoints are made per origin; forecasts are for o + 1 … o + H.
// 2. Origins are split into runs of consecutive origins whose boundaries depend only on the number of origins and
//    on whether least squares is updated: 1, 2, 4, 8 or 16 runs of equal length (each a whole number of refit
//    periods for `.everyK`), as many as keep every run at least 8 origins long — 128 for updated least squares,
//    because there the factorization that starts a run costs as much as a hundred updates. Equal runs in a
//    power-of-two number keep the workers evenly loaded: R runs of cost T/R on W workers finish after
//    ⌈R/W⌉·T/R, which is T/W whenever W divides R (W = 2 with 3 runs would take 2T/3, not T/2). A run starts
//    from scratch — least squares factorizes its first window, count models fit cold — and then updates the
//    factor or warm-starts IRLS origin by origin. Runs execute in parallel (`ParallelMap`, one BLAS thread per task, as
//    `CountRegression.fitMany`); results are stored in origin order, so they do not depend on the number
//    of workers or on scheduling.
// 3. Each origin's random stream is `RandomSource(seed: seed, key: days since 1970 of o)`.
// 4. A fit that fails does not stop the run: the origin is forecast with the last successful parameters of its
//    run moved to the origin, else with the seasonal-naive baseline (computed for it even when `baselines` is
//    false), and is listed in `failedOrigins`.
// 5. Count models refit cold at the first origin of each run and, with `warmStarts`, start from the previous
//    refit's β̂ (and NB2's α̂, skipping the Poisson pre-fit) afterwards; without it every origin is a cold fit
//    (the same estimates to the fitting tolerance).
// 6. The baselines' in-sample errors are ranked once per backtest (`BaselineErrors`, without vintages); each run
//    builds its `BaselineWindow` at its first origin and moves it forward from origin to origin (`RunBaselines`),
//    so scoring the baselines costs O(log n) per error entering or leaving a window and per quantile and CRPS,
//    not a sort of all errors per origin and day. With vintages every origin's errors are its own (earlier days
//    are revised) and are sorted from its training values; so is the seasonal-naive fallback of a failed fit
//    when the baselines are not scored (ranking every error for a rare fallback would cost more).
// 7. An event whose window has no day in an origin's training window (it starts after the origin, or ended before
//    a sliding window) is left out of that origin's fit and forecast: at the origin its effect cannot be estimated,
//    and a forecaster then could not have used it. Events whose window has begun are kept. (A warm start whose
//    length no longer matches the design is ignored, so the origin where an event enters fits cold.)

extension BacktestSpecification {
    /// Runs the backtest on a dated series.
    /// - Parameters:
    ///   - series: the daily response (one value per consecutive day from `series.start`, NaN = missing), its
    ///     regressors (known in advance, so read on forecast days) and its name (for messages).
    ///   - vintage: the response as known at each origin, when a data option revises earlier days (a correction
    ///     spread backwards): fits and baselines at origin o then see `vintage(o)`, and forecasts are still scored
    ///     against `series.values`. Least squares is then refitted at every origin instead of updated.
    /// - Throws: `BacktestError` when the first origin is outside the series or a horizon runs past its end.
    ///   Fit failures at single origins are not thrown (policy 4).
    public func run(_ series: DatedSeries, vintage: ResponseVintage? = nil) throws(BacktestError) -> BacktestResult {
        let (windows, data, scales, errors) = try prepare(series, vintage: vintage)
        let count = windows.count
        let runs = Self.runBoundaries(origins: count, refit: refit, minimumLength: updates(data) ? 128 : 8)
        var shared: TimeSeriesFit? = nil
        if refit == .never && !updates(data) {
            shared = try? fit(window: windows[0], data: data, warmStart: nil).fit
        }
        let specification = self
        let initial = shared
        let outcomes = ParallelMap.map(count: runs.count, workers: concurrency) { index in
            specification.run(origins: runs[index], windows: windows, data: data, scales: scales, errors: errors,
                              shared: initial)
        }.flatMap { $0 }
        return BacktestResult(specification: self, windows: windows, outcomes: outcomes)
    }

    /// What both run forms start from: the preconditions checked, the origin windows, the backtest's data, the
    /// MASE scales of the final series and the baselines' ranked errors (policy 6).
    func prepare(_ series: DatedSeries, vintage: ResponseVintage?) throws(BacktestError)
        -> (windows: [DateSpan], data: BacktestData, scales: TrainingScales, errors: BaselineErrors?) {
        checkPreconditions()
        let windows = try originWindows(start: series.start, count: series.dayCount)
        let data = BacktestData(start: series.start, response: series.values, regressors: series.regressors,
                                responseName: series.name, vintage: vintage)
        let lags = BaselineForecasts.Method.seasonalNaive(period: seasonalPeriod).lags(horizon: horizon)
            .union(BaselineForecasts.Method.naive.lags(horizon: horizon))
        let errors = baselines && vintage == nil ? BaselineErrors(values: series.values, lags: lags, workers: concurrency) : nil
        return (windows, data, TrainingScales(response: series.values, periods: [1, seasonalPeriod]), errors)
    }

    /// The response from the series' start through an origin as known on that day (index 0 = `start`), or nil
    /// when it cannot be read.
    public typealias ResponseVintage = @Sendable (CalendarDate) -> [Double]?

    /// Whether least squares is updated on this data (not with vintages: earlier rows may be revised).
    func updates(_ data: BacktestData) -> Bool { updatesLeastSquares && data.vintage == nil }

    /// Least squares updated in place of refits (policy of `LeastSquaresUpdater`).
    var updatesLeastSquares: Bool {
        model.kind == .ols && model.design.autoregressiveLags.isEmpty && !model.automaticChangepoints
            && model.covariance == .classical
    }

    /// Consecutive runs of origin indices (policy 2): R = the largest power of two ≤ 16 with ⌊n/R⌋ ≥ the minimum
    /// length (1 when n is shorter than two runs), runs of ⌈n/R⌉ origins (rounded up to whole refit periods).
    static func runBoundaries(origins n: Int, refit: RefitCadence, minimumLength: Int = 8) -> [Range<Int>] {
        var count = 16
        while count > 1 && n / count < minimumLength { count /= 2 }
        var length = max(1, (n + count - 1) / count)
        if case let .everyK(k) = refit { length = ((length + k - 1) / k) * k }
        return stride(from: 0, to: n, by: length).map { $0..<min($0 + length, n) }
    }

    /// A full fit (or a warm-started count fit) on one window. `known` is the response through the window's last
    /// day as known then, when the caller has already read it.
    func fit(window: DateSpan, data: BacktestData, warmStart: [Double]?, warmStartAlpha: Double? = nil,
             known: [Double]? = nil) throws(ModelError) -> (fit: TimeSeriesFit, method: BacktestResult.OriginMethod) {
        var windowModel = model
        windowModel.from = window.first
        windowModel.to = window.last
        // Policy 7: an event none of whose window days is in this training window is left out of this origin's fit.
        windowModel.design = model.design.droppingEvents(outside: window, among: Set(model.design.events.map(\.id))).0
        let response: [Double]
        if let known { response = known } else { response = try data.responseThrough(window.last) }
        // Warm starts only for an explicit count model with fixed terms: the design is the same at every origin.
        let warm = warmStart.flatMap { beta in
            model.kind != nil && model.kind != .ols && !model.automaticChangepoints ? (beta: beta, alpha: warmStartAlpha) : nil
        }
        let fit = try TimeSeriesFit(model: windowModel, start: data.start, response: response, regressors: data.regressors,
                                    responseName: data.responseName, warmStart: warm)
        return (fit, warm == nil ? .refit : .warmStarted)
    }

    /// The forecast of a fitted model from its last training day.
    func forecast(_ fit: TimeSeriesFit, actual: [Double], random: inout RandomSource) throws(ModelError) -> OriginForecast {
        let origin = fit.trainingWindow.last
        if let linear = fit.linear, fit.schema.specification.autoregressiveLags.isEmpty {
            var rows: [[Double]] = []
            for h in 1...horizon {
                let date = origin.adding(days: h)
                var values: [Double] = []
                for name in fit.schema.specification.regressors {
                    guard let v = fit.regressorValue(name, at: date) else { throw .regressorUnavailable(name: name, date: "\(date)") }
                    values.append(v)
                }
                rows.append(fit.schema.row(for: date, lags: [], regressors: values))
            }
            let predictions = try linear.predict(Matrix(rows: rows), level: 0.95)
            return .studentT(mean: predictions.map(\.mean),
                             scale: predictions.map { ($0.meanStandardError * $0.meanStandardError + linear.scale).squareRoot() },
                             degreesOfFreedom: Double(linear.dfResidual), levels: quantileLevels, actual: actual,
                             paths: paths, random: &random, keepSamples: keepSamples)
        }
        let table = try fit.forecast(horizon: horizon, levels: [80], paths: paths, seed: random.next())
        let simulated = table.paths!
        let members = (0..<horizon).map { d in (0..<paths).map { simulated[d, $0] } }
        return .ensemble(members: members, mean: table.days.map(\.mean), levels: quantileLevels, actual: actual,
                         keepSamples: keepSamples)
    }

    /// One run of consecutive origins (policy 2), serially.
    func run(origins range: Range<Int>, windows: [DateSpan], data: BacktestData, scales: TrainingScales,
             errors: BaselineErrors?, shared: TimeSeriesFit?) -> [OriginOutcome] {
        var updater: LeastSquaresUpdater? = nil
        var runBaselines = RunBaselines(errors: errors)
        var lastRefit: TimeSeriesFit? = shared
        var lastGood: TimeSeriesFit? = shared
        var outcomes: [OriginOutcome] = []
        for i in range {
            let window = windows[i], origin = window.last
            let actual = (1...horizon).map { data.response(at: origin.adding(days: $0)) }
            var random = RandomSource(seed: seed, key: UInt64(bitPattern: Int64(origin.daysSinceEpoch)))
            // The response as known at the origin, read at most once (with vintages a read is an ingest).
            var knownRead: Result<[Double], ModelError>? = nil
            func known() throws(ModelError) -> [Double] {
                if knownRead == nil { knownRead = Result { () throws(ModelError) in try data.responseThrough(origin) } }
                return try knownRead!.get()
            }
            func trainingValues() -> [Double] {
                (try? known()).map { Array($0[(window.first - data.start)...]) } ?? []
            }
            // The training window's values feed only the baselines (and a fallback, below) and, with vintages, the
            // MASE scales.
            func baseline(_ method: BaselineForecasts.Method) -> OriginForecast {
                runBaselines.forecast(method, first: window.first - data.start, last: origin - data.start,
                                      training: trainingValues, horizon: horizon, levels: quantileLevels, actual: actual)
            }
            let seasonal = baselines ? baseline(.seasonalNaive(period: seasonalPeriod)) : nil
            let naive = baselines ? baseline(.naive) : nil
            var method = BacktestResult.OriginMethod.refit
            var failure: BacktestResult.FailedOrigin? = nil
            var forecast: OriginForecast
            do throws(ModelError) {
                if updates(data) {
                    if updater == nil {
                        updater = LeastSquaresUpdater(schema: DesignSchema(specification: model.design, trendOrigin: window.first,
                                                                           lagTransform: .identity), data: data)
                    }
                    let incremental = updater!.move(to: window)
                    if let f = try updater!.forecast(horizon: horizon) {
                        forecast = .studentT(mean: f.mean, scale: f.scale, degreesOfFreedom: f.df, levels: quantileLevels,
                                             actual: actual, paths: paths, random: &random, keepSamples: keepSamples)
                        method = incremental ? .updated : .factorized
                    } else {
                        let fitted = try fit(window: window, data: data, warmStart: nil, known: try known()).fit
                        lastGood = fitted
                        forecast = try self.forecast(fitted, actual: actual, random: &random)
                    }
                } else {
                    let fitted: TimeSeriesFit
                    if let kept = lastRefit, !refit.refits(at: i) {
                        fitted = TimeSeriesFit(keeping: kept, origin: origin, start: data.start, response: try known())
                        method = .kept
                    } else {
                        let result = try fit(window: window, data: data,
                                             warmStart: warmStarts ? lastRefit?.regression.estimates : nil,
                                             warmStartAlpha: warmStarts ? lastRefit?.count?.alpha : nil,
                                             known: try known())
                        fitted = result.fit
                        method = result.method
                        lastRefit = fitted
                    }
                    lastGood = fitted
                    forecast = try self.forecast(fitted, actual: actual, random: &random)
                }
            } catch {
                method = .fallback
                var replacement: OriginForecast? = nil
                if let lastGood, let response = try? known() {
                    let moved = TimeSeriesFit(keeping: lastGood, origin: origin, start: data.start, response: response)
                    replacement = try? self.forecast(moved, actual: actual, random: &random)
                }
                failure = BacktestResult.FailedOrigin(origin: origin, reason: "\(error)",
                                                      fallback: replacement == nil ? .seasonalNaive : .lastParameters)
                forecast = replacement ?? seasonal ?? baseline(.seasonalNaive(period: seasonalPeriod))
            }
            outcomes.append(OriginOutcome(
                window: window, method: method, failure: failure, model: forecast, naive: naive, seasonalNaive: seasonal,
                actual: actual,
                scale1: scale(period: 1, window: window, data: data, scales: scales, training: trainingValues),
                scaleSeasonal: scale(period: seasonalPeriod, window: window, data: data, scales: scales,
                                     training: trainingValues),
                levels: quantileLevels))
        }
        return outcomes
    }
}

extension BacktestSpecification {
    /// The MASE scale Q_m of an origin's training window: from the prefix sums of the final series, or, with
    /// vintages, from `training`, the window as known at the origin.
    func scale(period: Int, window: DateSpan, data: BacktestData, scales: TrainingScales,
               training: () -> [Double]) -> Double? {
        guard data.vintage != nil else {
            return scales.absoluteScale(period: period, first: window.first - data.start, last: window.last - data.start)
        }
        return ScaledErrors.absoluteScale(training: training(), period: period).value
    }
}

/// Everything one origin contributes to the result: its rows and score terms per method, made in its task.
struct OriginOutcome: Sendable {
    let window: DateSpan
    let method: BacktestResult.OriginMethod
    let failure: BacktestResult.FailedOrigin?
    let model: OriginRows
    /// The baselines (nil when the specification skips them).
    let naive: OriginRows?, seasonalNaive: OriginRows?
    /// The model's samples (H × paths) when kept.
    let samples: Matrix?

    /// The outcome of the forecasts from `window.last` against `actual`, with the origin's MASE scales Q_1 and Q_m
    /// (nil when unavailable).
    init(window: DateSpan, method: BacktestResult.OriginMethod, failure: BacktestResult.FailedOrigin?,
         model: OriginForecast, naive: OriginForecast?, seasonalNaive: OriginForecast?, actual: [Double],
         scale1: Double?, scaleSeasonal: Double?, levels: [Double]) {
        let intervals = IntervalScores.centralIntervals(levels: levels)
        func rows(_ forecast: OriginForecast) -> OriginRows {
            OriginRows(forecast: forecast, origin: window.last, actual: actual, scale1: scale1,
                       scaleSeasonal: scaleSeasonal, levels: levels, intervals: intervals)
        }
        self.window = window
        self.method = method
        self.failure = failure
        self.model = rows(model)
        self.naive = naive.map(rows)
        self.seasonalNaive = seasonalNaive.map(rows)
        samples = model.samples
    }
}

extension OriginForecast {
    /// A forecast of NaNs (a baseline with too short a training series).
    static func missing(horizon: Int, levels: Int) -> OriginForecast {
        OriginForecast(mean: [Double](repeating: .nan, count: horizon),
                       quantiles: [[Double]](repeating: [Double](repeating: .nan, count: levels), count: horizon),
                       crps: [Double](repeating: .nan, count: horizon), samples: nil)
    }
}
