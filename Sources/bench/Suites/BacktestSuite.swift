import BenchHarness
import Forecast
import Foundation

/// Rolling-origin backtests (`BacktestSpecification.run`), one origin after another on one core.
///
/// Case `backtest-ols-update` (size days × design columns, 1500x10): a `DailyRegressionProblem` of 1,500 days
/// (design const, trend, 6 weekday dummies, regressors x1 and x2 = 10 columns), 500 expanding-window origins with
/// step 1 and horizon 7, the last origin 7 days before the series' end; OLS with the classical covariance,
/// `baselines: false`, `concurrency: 1` (one worker, OpenBLAS at one thread — like-for-like per core with the
/// serial baseline), `paths: 10` (unused: least squares draws samples only to keep them).
/// - Ours: the whole `run` — the QR factor of [X | y] updated by one row per origin (Givens; a full factorization
///   starts each of the 2 runs of 250 consecutive origins the library splits 500 updated origins into), β̂, the 7 forecast
///   means, Student-t scales and quantiles, the closed-form CRPS, and the scores of all 3,500 rows.
/// - Baseline: a refit loop over the same 500 origins on a design matrix built here from the dates (not by the
///   library): for each origin copy rows 0…o of X and y into reused buffers, `dgeqrf`+`dormqr`+`dtrtrs`
///   (`BareQRSolve`), then the 7 forecast means x′b. Means only: no intervals, no scores.
/// - Checked before timing: the library's design at the first origin has exactly the 10 columns built here; every
///   origin is `.updated` except the first of each run (`.factorized`, at most 16), so the update path is what is
///   timed, with no refit fallback; the forecast means of all origins agree with the baseline's to 1e-8 relative
///   (the harness's check).
/// Smoke: 300 days, 50 origins.
///
/// Case `backtest-ols-engine` (same data, design and origins): only the least-squares work, the same outputs on both
/// sides (β̂, then the 7 means and predictive scales √(σ̂²(1 + x′(XᵀX)⁻¹x)) per origin) — `UpdatableLeastSquares`
/// row updates vs the refit loop plus one `dtrsv` per forecast day (see `prepareEngine`). Agreement on means and
/// scales to 1e-8 relative. The difference between the two OLS cases is the backtest's scoring (exact Student-t
/// quantiles and CRPS, the scores of every row), which the refit loop does not do.
///
/// Case `backtest-nb2-warm` (size days × design columns, 1000x8): NB2 (`TimeSeriesModel(kind: .nb2)`, default
/// design) on a `DailyCountProblem` of 1,000 days, 50 origins every 7 days with horizon 7 (the last one 7 days
/// before the end), `baselines: false`, `paths: 100`, `concurrency: 1`.
/// - Ours: `warmStarts: true` — each run of consecutive origins (4 runs of 13, 13, 13 and 11 origins here) fits its first
///   origin cold and after that starts the joint (β, α) Newton from the previous origin's β̂ and α̂; then forecasts
///   with 100 simulated paths.
/// - Baseline: the identical specification with `warmStarts: false` (cold refits at every origin).
/// - Checked before timing: ours warm-starts (methods include `.warmStarted`), the baseline only refits, and the
///   forecast means of all origins agree to 1e-6 relative (IRLS tolerance).
/// Smoke: 300 days, 10 origins.
enum BacktestSuite: Suite {
    static let name = "backtest"
    static let horizon = 7
    static let olsColumns = ["const", "trend", "dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun", "x1", "x2"]

    static func cases(for profile: Profile) -> [BenchCase] {
        let ols = profile == .smoke ? (days: 300, origins: 50) : (days: 1500, origins: 500)
        let nb2 = profile == .smoke ? (days: 300, origins: 10) : (days: 1000, origins: 50)
        return [
            BenchCase(name: "backtest-ols-update", suite: name, size: CaseSize(rows: ols.days, columns: olsColumns.count),
                      summary: "\(ols.origins)-origin expanding OLS backtest (QR updating) vs dgeqrf+dormqr+dtrtrs refit loop") {
                try prepareLeastSquares(days: ols.days, origins: ols.origins)
            },
            BenchCase(name: "backtest-ols-parallel", suite: name, size: CaseSize(rows: ols.days, columns: olsColumns.count),
                      summary: "\(ols.origins)-origin expanding OLS backtest with baselines: one worker per core vs one worker") {
                try prepareParallel(days: ols.days, origins: ols.origins)
            },
            BenchCase(name: "backtest-ols-engine", suite: name, size: CaseSize(rows: ols.days, columns: olsColumns.count),
                      summary: "\(ols.origins)-origin expanding least squares: UpdatableLeastSquares row updates vs dgeqrf+dormqr+dtrtrs refits (means and predictive scales)") {
                try prepareEngine(days: ols.days, origins: ols.origins)
            },
            BenchCase(name: "backtest-nb2-warm", suite: name, size: CaseSize(rows: nb2.days, columns: 8),
                      summary: "\(nb2.origins)-origin NB2 backtest, warm starts vs cold refits") {
                try prepareCounts(days: nb2.days, origins: nb2.origins)
            },
        ]
    }

    static func agreementTolerance(forCase name: String) -> Double {
        switch name {
        case "backtest-nb2-warm": return 1e-6
        case "backtest-ols-parallel": return 0
        default: return Agreement.defaultTolerance
        }
    }

    /// The first origin's day index when `origins` origins `step` days apart end `horizon` days before day n − 1.
    static func firstOrigin(days n: Int, origins: Int, step: Int) -> Int { n - 1 - horizon - (origins - 1) * step }

    // MARK: Least squares

    static func prepareLeastSquares(days n: Int, origins: Int) throws -> PreparedCase {
        let problem = DailyRegressionProblem(days: n)
        let start = CalendarDate(daysSinceEpoch: problem.startDay)
        let regressors = ["x1": problem.x1, "x2": problem.x2]
        let first = firstOrigin(days: n, origins: origins, step: 1)
        let model = TimeSeriesModel(design: DesignSpecification(regressors: ["x1", "x2"]), kind: .ols)
        let specification = BacktestSpecification(model: model, horizon: horizon, firstOrigin: start.adding(days: first),
                                                  step: 1, origins: origins, window: .expanding, paths: 10,
                                                  concurrency: 1, baselines: false)
        // The library's design has the columns built below.
        var firstWindow = model
        firstWindow.to = start.adding(days: first)
        let names = try firstWindow.fit(DatedSeries(start: start, values: problem.y, regressors: regressors)).regression.names
        try SelfCheckFailure.require(names == olsColumns, "design columns", expected: "\(olsColumns)", found: "\(names)")

        var result = try specification.run(DatedSeries(start: start, values: problem.y, regressors: regressors))
        let factorized = result.methods.filter { $0 == .factorized }.count
        try SelfCheckFailure.require(result.methods.allSatisfy { $0 == .updated || $0 == .factorized } && factorized <= 16,
                                     "origin methods", expected: "updated, factorized at the start of each run (≤ 16 runs)",
                                     found: "\(result.methods)")
        let ours = Subject(name: "Forecast BacktestSpecification.run (OLS, QR updating, 1 worker)",
                           run: { result = try specification.run(DatedSeries(start: start, values: problem.y, regressors: regressors)) },
                           output: { result.model.rows.map(\.mean) })

        let p = olsColumns.count
        let x = leastSquaresDesign(problem)
        var solver = BareQRSolve(x: x, y: problem.y, rows: n, columns: p)
        var means = [Double](repeating: 0, count: origins * horizon)
        let baseline = Subject(
            name: "refit loop: dgeqrf+dormqr+dtrtrs per origin",
            run: {
                for i in 0..<origins {
                    let origin = first + i
                    try solver.solve(rows: origin + 1)
                    for h in 1...horizon {
                        var mean = 0.0
                        for j in 0..<p { mean += x[j * n + origin + h] * solver.coefficient(j) }
                        means[i * horizon + h - 1] = mean
                    }
                }
            },
            output: { means })
        // For compare_statsmodels.py (a statsmodels refit-and-score loop over the same design and origins).
        let inputs = problem.exportedArrays
            + [ExportedArray(name: "x", rows: n, columns: p, values: x, identity: "daily_reg_design_\(n)")]
        return PreparedCase(ours: ours, baseline: baseline, inputs: inputs, results: {
            [("forecastMean", result.model.rows.map(\.mean)), ("crps", result.model.crps),
             ("quantileLevels", specification.quantileLevels), ("quantiles", result.model.rows.flatMap(\.quantiles)),
             ("firstOrigin", [Double(first)]), ("horizon", [Double(horizon)])]
        })
    }

    /// `backtest-ols-parallel`: the `backtest-ols-update` specification with the baselines scored, run with one
    /// worker per core (ours) and with one worker (baseline); results must not depend on the number of workers, so
    /// agreement is exact (tolerance 0) on every row's mean, quantiles and CRPS, the model's and the baselines'.
    static func prepareParallel(days n: Int, origins: Int) throws -> PreparedCase {
        let problem = DailyRegressionProblem(days: n)
        let start = CalendarDate(daysSinceEpoch: problem.startDay)
        let series = DatedSeries(start: start, values: problem.y, regressors: ["x1": problem.x1, "x2": problem.x2])
        let model = TimeSeriesModel(design: DesignSpecification(regressors: ["x1", "x2"]), kind: .ols)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parallel = BacktestSpecification(model: model, horizon: horizon,
                                             firstOrigin: start.adding(days: firstOrigin(days: n, origins: origins, step: 1)),
                                             step: 1, origins: origins, window: .expanding, paths: 10, concurrency: cores)
        var serial = parallel
        serial.concurrency = 1
        func flattened(_ result: BacktestResult) -> [Double] {
            [result.model, result.naive!, result.seasonalNaive!].flatMap { e in
                e.rows.flatMap { [$0.mean] + $0.quantiles } + e.crps
            }
        }
        var ours = try parallel.run(series), theirs = try serial.run(series)
        return PreparedCase(
            ours: Subject(name: "Forecast BacktestSpecification.run (OLS, baselines, \(cores) workers)",
                          run: { ours = try parallel.run(series) }, output: { flattened(ours) }),
            baseline: Subject(name: "the same with 1 worker", run: { theirs = try serial.run(series) },
                              output: { flattened(theirs) }),
            inputs: problem.exportedArrays, results: { [] })
    }

    /// The independent n×p design of the least-squares cases (column-major): const, years since the first day,
    /// weekday dummies (Monday the reference), x1, x2.
    static func leastSquaresDesign(_ problem: DailyRegressionProblem) -> [Double] {
        let n = problem.y.count, p = olsColumns.count
        var x = [Double](repeating: 0, count: n * p)
        for t in 0..<n {
            x[t] = 1
            x[n + t] = Double(t) / 365.25
            let weekday = DailyCountProblem.isoWeekday(daysSinceEpoch: problem.startDay + t)
            if weekday > 1 { x[weekday * n + t] = 1 }   // dow_tue (2) is column 2 … dow_sun (7) column 7
            x[8 * n + t] = problem.x1[t]
            x[9 * n + t] = problem.x2[t]
        }
        return x
    }

    /// `backtest-ols-engine`: only the least-squares work of the backtest, with the same outputs on both sides — at
    /// every origin the coefficients, then for origin+1…origin+7 the mean x′β̂ and the predictive scale
    /// √(σ̂²(1 + x′(XᵀX)⁻¹x)). Ours: `UpdatableLeastSquares` (public), the first window added as one block, then one
    /// row per origin (Givens), back-substitution for β̂ and one triangular solve per forecast day. Baseline: a
    /// refit per origin (`BareQRSolve`: dgeqrf+dormqr+dtrtrs on the origin's rows) and one `dtrsv` per forecast
    /// day. No scoring, quantiles or samples on either side (that is `backtest-ols-update`). Agreement: means and
    /// scales, 1e-8 relative.
    static func prepareEngine(days n: Int, origins: Int) throws -> PreparedCase {
        let problem = DailyRegressionProblem(days: n)
        let p = olsColumns.count
        let x = leastSquaresDesign(problem)
        let y = problem.y
        let first = firstOrigin(days: n, origins: origins, step: 1)
        let rows = Matrix(rows: n, columns: p, columnMajor: x)
        var oursOutput = [Double](repeating: 0, count: 2 * origins * horizon)
        var row = [Double](repeating: 0, count: p)
        let ours = Subject(
            name: "UpdatableLeastSquares: block + one Givens row update per origin",
            run: {
                var solver = UpdatableLeastSquares(columns: p)
                solver.add(rows: rows.selectingRows(Array(0...first)), responses: Array(y[0...first]))
                for i in 0..<origins {
                    let origin = first + i
                    if i > 0 {
                        for j in 0..<p { row[j] = x[j * n + origin] }
                        solver.add(row: row, response: y[origin])
                    }
                    let beta = try solver.coefficients()
                    let sigma2 = solver.residualSumOfSquares / Double(solver.rowCount - p)
                    for h in 1...horizon {
                        var mean = 0.0
                        for j in 0..<p { row[j] = x[j * n + origin + h]; mean += row[j] * beta[j] }
                        let q = try solver.inverseGramQuadraticForm(row)
                        oursOutput[2 * (i * horizon + h - 1)] = mean
                        oursOutput[2 * (i * horizon + h - 1) + 1] = (sigma2 * (1 + q)).squareRoot()
                    }
                }
            },
            output: { oursOutput })
        var solver = BareQRSolve(x: x, y: y, rows: n, columns: p)
        var baselineOutput = [Double](repeating: 0, count: 2 * origins * horizon)
        let baseline = Subject(
            name: "refit loop: dgeqrf+dormqr+dtrtrs per origin, dtrsv per day",
            run: {
                for i in 0..<origins {
                    let origin = first + i
                    try solver.solve(rows: origin + 1)
                    let sigma2 = solver.residualSumOfSquares / Double(origin + 1 - p)
                    for h in 1...horizon {
                        var mean = 0.0
                        for j in 0..<p { mean += x[j * n + origin + h] * solver.coefficient(j) }
                        let q = solver.quadraticForm(row: origin + h)
                        baselineOutput[2 * (i * horizon + h - 1)] = mean
                        baselineOutput[2 * (i * horizon + h - 1) + 1] = (sigma2 * (1 + q)).squareRoot()
                    }
                }
            },
            output: { baselineOutput })
        // For compare_statsmodels.py (RollingOLS over the same design): the design, the first origin and ours' means.
        let inputs = problem.exportedArrays
            + [ExportedArray(name: "x", rows: n, columns: p, values: x, identity: "daily_reg_design_\(n)")]
        return PreparedCase(ours: ours, baseline: baseline, inputs: inputs, results: {
            [("firstOrigin", [Double(first)]), ("horizon", [Double(horizon)]),
             ("forecastMean", stride(from: 0, to: oursOutput.count, by: 2).map { oursOutput[$0] })]
        })
    }

    // MARK: NB2

    static func prepareCounts(days n: Int, origins: Int) throws -> PreparedCase {
        let problem = DailyCountProblem(days: n)
        let start = CalendarDate(daysSinceEpoch: problem.startDay)
        let step = 7
        var warm = BacktestSpecification(model: TimeSeriesModel(kind: .nb2), horizon: horizon,
                                         firstOrigin: start.adding(days: firstOrigin(days: n, origins: origins, step: step)),
                                         step: step, origins: origins, paths: 100, concurrency: 1, baselines: false)
        warm.warmStarts = true
        var cold = warm
        cold.warmStarts = false
        var warmResult = try warm.run(DatedSeries(start: start, values: problem.y))
        var coldResult = try cold.run(DatedSeries(start: start, values: problem.y))
        try SelfCheckFailure.require(warmResult.methods.contains(.warmStarted) && warmResult.failedOrigins.isEmpty,
                                     "warm-started origins", expected: "some .warmStarted, no failures",
                                     found: "\(warmResult.methods), \(warmResult.failedOrigins.count) failed")
        try SelfCheckFailure.require(coldResult.methods.allSatisfy { $0 == .refit } && coldResult.failedOrigins.isEmpty,
                                     "cold refits", expected: "every origin .refit, no failures",
                                     found: "\(coldResult.methods), \(coldResult.failedOrigins.count) failed")
        let ours = Subject(name: "Forecast BacktestSpecification.run (NB2, warm starts, 1 worker)",
                           run: { warmResult = try warm.run(DatedSeries(start: start, values: problem.y)) },
                           output: { warmResult.model.rows.map(\.mean) })
        let baseline = Subject(name: "the same with warmStarts: false (cold refits)",
                               run: { coldResult = try cold.run(DatedSeries(start: start, values: problem.y)) },
                               output: { coldResult.model.rows.map(\.mean) })
        return PreparedCase(ours: ours, baseline: baseline, inputs: problem.exportedArrays, results: {
            [("forecastMean", warmResult.model.rows.map(\.mean)), ("crps", warmResult.model.crps)]
        })
    }
}
