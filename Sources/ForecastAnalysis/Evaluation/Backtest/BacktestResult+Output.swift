// BacktestResult+Output — the JSON document, the text table and the CSV files of `forecast backtest`.

import ForecastCore
import ForecastData
import ForecastModels
extension BacktestScores {
    /// `{"rows", "me", "mae", "rmse", "mape", "mapeUsed", "smape", "mase1", "mase<m>", "pinball": {"<level>"},
    /// "pinballMean", "intervals": {"<percent>": {"coverage", "intervalScore"}}, "crps"}` (non-finite → null).
    func jsonFields(levels: [Double], period: Int) -> [(String, JSONValue)] {
        [("rows", .integer(rows)), ("me", .finite(meanError)), ("mae", .finite(meanAbsoluteError)),
         ("rmse", .finite(rootMeanSquaredError)), ("mape", .finite(percentageError.value)),
         ("mapeUsed", .integer(percentageError.daysUsed)), ("smape", .finite(symmetricPercentageError)),
         ("mase1", .finite(mase1)), ("mase\(period)", .finite(maseSeasonal)),
         ("pinball", .object(levels.indices.map { (BacktestResult.levelKey(levels[$0]), .finite(pinball[$0])) })),
         ("pinballMean", .finite(pinballMean)),
         ("intervals", .object(intervals.map {
             ("\($0.percent)", .object([("coverage", .finite($0.coverage)), ("intervalScore", .finite($0.intervalScore))]))
         })),
         ("crps", .finite(crps))]
    }
}

extension BacktestResult {
    /// A level as written in column names and JSON keys: 0.025 → "0.025".
    static func levelKey(_ level: Double) -> String { "\(level)" }

    /// The JSON document: `{"origins", "horizon", "firstOrigin", "lastOrigin", "step", "window", "refit",
    /// "methods": {"updated": n, …}, "metrics": {scores}, "byHorizon": [{"h", scores…}],
    /// "baselines": {"naive": {scores…, "byHorizon"}, "seasonalNaive": {…}},
    /// "skill": {"naive": {"mae", "pinball", "crps"}, "seasonalNaive": {…}},
    /// "failedOrigins": [{"origin", "reason", "fallback"}]}` (scores: the fields of ``BacktestScores``).
    /// Without baselines (``BacktestSpecification/baselines`` false) `baselines` and `skill` are null.
    public func json() -> JSONValue {
        let levels = specification.quantileLevels, period = specification.seasonalPeriod
        func scores(_ s: BacktestScores) -> JSONValue { .object(s.jsonFields(levels: levels, period: period)) }
        func byHorizon(_ e: Evaluation) -> JSONValue {
            .array(e.byHorizon.enumerated().map { .object([("h", .integer($0.offset + 1))] + $0.element.jsonFields(levels: levels, period: period)) })
        }
        func skill(_ s: Skill) -> JSONValue {
            .object([("mae", .finite(s.mae)), ("pinball", .finite(s.pinball)), ("crps", .finite(s.crps))])
        }
        func baseline(_ e: Evaluation) -> JSONValue {
            .object(e.metrics.jsonFields(levels: levels, period: period) + [("byHorizon", byHorizon(e))])
        }
        var baselines = JSONValue.null, skills = JSONValue.null
        if let naive, let seasonalNaive, let skillVersusNaive, let skillVersusSeasonalNaive {
            baselines = .object([("naive", baseline(naive)), ("seasonalNaive", baseline(seasonalNaive))])
            skills = .object([("naive", skill(skillVersusNaive)), ("seasonalNaive", skill(skillVersusSeasonalNaive))])
        }
        var counts: [(String, JSONValue)] = []
        for method in [OriginMethod.updated, .factorized, .refit, .warmStarted, .kept, .fallback] {
            let n = methods.filter { $0 == method }.count
            if n > 0 { counts.append((method.rawValue, .integer(n))) }
        }
        return .object([
            ("origins", .integer(windows.count)),
            ("horizon", .integer(specification.horizon)),
            ("firstOrigin", .string("\(origins.first!)")),
            ("lastOrigin", .string("\(origins.last!)")),
            ("step", .integer(specification.step)),
            ("window", .string(Self.describe(specification.window))),
            ("refit", .string(Self.describe(specification.refit))),
            ("methods", .object(counts)),
            ("metrics", scores(model.metrics)),
            ("byHorizon", byHorizon(model)),
            ("baselines", baselines),
            ("skill", skills),
            ("failedOrigins", .array(failedOrigins.map {
                .object([("origin", .string("\($0.origin)")), ("reason", .string($0.reason)),
                         ("fallback", .string($0.fallback.rawValue))])
            })),
        ])
    }

    static func describe(_ window: BacktestSpecification.TrainingWindow) -> String {
        switch window {
        case .expanding: return "expanding"
        case let .sliding(days): return "sliding:\(days)"
        }
    }

    static func describe(_ refit: BacktestSpecification.RefitCadence) -> String {
        switch refit {
        case .every: return "every"
        case let .everyK(k): return "\(k)"
        case .never: return "never"
        }
    }

    private static func cell(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }

    /// `origin,date,h,mean,q_<level>,…,y`: one row per (origin, h), origin-major (empty cells for missing values),
    /// `y` = the actual. The column vocabulary of Guides/ForecastFiles.md: `forecast score` reads the file as it is.
    public func detailsCSV() -> String {
        var lines = [(["origin", "date", "h", "mean"] + specification.quantileLevels.map { "q_" + Self.levelKey($0) } + ["y"])
            .joined(separator: ",")]
        for row in model.rows {
            lines.append((["\(row.origin)", "\(row.date)", "\(row.h)", Self.cell(row.mean)] + row.quantiles.map(Self.cell)
                          + [Self.cell(row.actual)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `origin,date,h,s0001,…,sN` in the rows and order of ``detailsCSV()``; nil without kept samples.
    public func samplesCSV() -> String? {
        guard let samples else { return nil }
        let width = max(4, String(samples.columns).count)
        func name(_ p: Int) -> String {
            let digits = String(p)
            return "s" + String(repeating: "0", count: width - digits.count) + digits
        }
        var lines = [(["origin", "date", "h"] + (1...samples.columns).map(name)).joined(separator: ",")]
        for (i, row) in model.rows.enumerated() {
            var cells = ["\(row.origin)", "\(row.date)", "\(row.h)"]
            for p in 0..<samples.columns { cells.append(Self.cell(samples[i, p])) }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A readable comparison of the model with the baselines, then the scores by horizon day.
    public func table() -> String {
        func n(_ v: Double?) -> String { v.map { $0.isFinite ? TextFormat.number($0) : "—" } ?? "—" }
        let s = specification
        var lines = ["Rolling-origin backtest: \(windows.count) origins \(origins.first!) .. \(origins.last!) every \(s.step) days, "
                     + "horizon \(s.horizon), \(Self.describe(s.window)) window, refit \(Self.describe(s.refit))"]
        let intervalKeys = model.metrics.intervals.map(\.percent)
        let header = ["MAE", "RMSE", "MASE(1)", "pinball", "CRPS"] + intervalKeys.map { "cov\($0)" } + ["skill CRPS"]
        lines += ["", TextFormat.pad("", 16) + header.map { TextFormat.leftPad($0, 11) }.joined()]
        var evaluations: [(String, Evaluation)] = [("model", model)]
        if let naive, let seasonalNaive { evaluations += [("naive", naive), ("seasonal naive", seasonalNaive)] }
        for (label, e) in evaluations {
            let m = e.metrics
            let cells = [n(m.meanAbsoluteError), n(m.rootMeanSquaredError), n(m.mase1), n(m.pinballMean), n(m.crps)]
                + m.intervals.map { n($0.coverage) } + [label == "model" ? n(skillVersusSeasonalNaive?.crps ?? nil) : ""]
            lines.append(TextFormat.pad(label, 16) + cells.map { TextFormat.leftPad($0, 11) }.joined())
        }
        if let toNaive = skillVersusNaive, let toSeasonal = skillVersusSeasonalNaive {
            lines += ["", "Skill (1 − S/S_baseline): vs naive MAE \(n(toNaive.mae)), pinball \(n(toNaive.pinball)), "
                      + "CRPS \(n(toNaive.crps)); vs seasonal naive MAE \(n(toSeasonal.mae)), "
                      + "pinball \(n(toSeasonal.pinball)), CRPS \(n(toSeasonal.crps))"]
        } else {
            lines += ["", "Baselines not scored."]
        }
        lines += ["", TextFormat.pad("h", 6) + ["MAE", "CRPS", "pinball"].map { TextFormat.leftPad($0, 11) }.joined()
                  + intervalKeys.map { TextFormat.leftPad("cov\($0)", 11) }.joined()]
        for (d, m) in model.byHorizon.enumerated() {
            lines.append(TextFormat.pad("\(d + 1)", 6) + [n(m.meanAbsoluteError), n(m.crps), n(m.pinballMean)]
                .map { TextFormat.leftPad($0, 11) }.joined() + m.intervals.map { TextFormat.leftPad(n($0.coverage), 11) }.joined())
        }
        if !failedOrigins.isEmpty {
            lines += ["", "Failed origins:"] + failedOrigins.map { "  \($0.origin): \($0.reason) → \($0.fallback.rawValue)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
