// BacktestComparison — several forecasters scored on the same origins (R fable's `accuracy()` over a mable):
// one table, the best per column marked, and a JSON layout scripts can rely on.

/// The backtests of several forecasters on the same origins, in the order given.
import ForecastCore
import ForecastData
import ForecastModels
public struct BacktestComparison: Sendable {
    /// One forecaster's backtest and its wall-clock time.
    public struct Entry: Sendable {
        public let name: String
        public let result: BacktestResult
        /// Seconds the whole backtest of this forecaster took (fits, simulation, scoring).
        public let seconds: Double

        public init(name: String, result: BacktestResult, seconds: Double) {
            self.name = name
            self.result = result
            self.seconds = seconds
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        precondition(!entries.isEmpty, "BacktestComparison: at least one forecaster")
        self.entries = entries
    }

    /// The name with the lowest finite value of `score` (first on ties), or nil.
    public func best(_ score: (BacktestScores) -> Double?) -> String? {
        var best: (String, Double)? = nil
        for e in entries {
            guard let v = score(e.result.model.metrics), v.isFinite else { continue }
            if best == nil || v < best!.1 { best = (e.name, v) }
        }
        return best?.0
    }

    /// `{"models": {"<name>": {"metrics": {…}, "seconds": s}}, "best": {"crps", "pinballMean", "mae"}}` plus the
    /// origins, horizon and step of the first backtest.
    public func json(exceedance thresholds: [Double] = []) -> JSONValue {
        let first = entries[0].result, s = first.specification
        func bestValue(_ f: (BacktestScores) -> Double?) -> JSONValue { best(f).map { .string($0) } ?? .null }
        return .object([
            ("origins", .integer(first.windows.count)),
            ("horizon", .integer(s.horizon)),
            ("firstOrigin", .string("\(first.origins.first!)")),
            ("lastOrigin", .string("\(first.origins.last!)")),
            ("step", .integer(s.step)),
            ("models", .object(entries.map { e in
                (e.name, .object([
                    ("metrics", .object(e.result.model.metrics.jsonFields(levels: s.quantileLevels, period: s.seasonalPeriod))),
                    ("seconds", .finite(e.seconds)),
                    ("failedOrigins", .integer(e.result.failedOrigins.count)),
                ] + (thresholds.isEmpty ? [] : [("exceedance", e.result.exceedanceJSON(thresholds))])))
            })),
            ("best", .object([("crps", bestValue(\.crps)), ("pinballMean", bestValue(\.pinballMean)),
                              ("mae", bestValue(\.meanAbsoluteError))])),
        ])
    }

    /// One row per forecaster: MAE, RMSE, MASE(1), pinball, CRPS, coverage per interval, seconds; `*` marks the
    /// best value of each score column (coverage: closest to nominal).
    public func table() -> String {
        func n(_ v: Double?) -> String { v.map { $0.isFinite ? TextFormat.number($0) : "—" } ?? "—" }
        let first = entries[0].result, s = first.specification
        let percents = first.model.metrics.intervals.map(\.percent)
        var lines = ["Rolling-origin comparison: \(first.windows.count) origins \(first.origins.first!) .. \(first.origins.last!) "
                     + "every \(s.step) days, horizon \(s.horizon), \(BacktestResult.describe(s.window)) window"]
        let header = ["MAE", "RMSE", "MASE(1)", "pinball", "CRPS"] + percents.map { "cov\($0)" } + ["seconds"]
        lines += ["", TextFormat.pad("model", 10) + header.map { TextFormat.leftPad($0, 12) }.joined()]
        let columns: [(BacktestScores) -> Double?] = [
            { $0.meanAbsoluteError }, { $0.rootMeanSquaredError }, { $0.mase1 }, { $0.pinballMean }, { $0.crps },
        ]
        let bests = columns.map { best($0) }
        let coverageBest: [String?] = percents.indices.map { i in
            entries.min { a, b in
                abs(a.result.model.metrics.intervals[i].coverage - Double(percents[i]) / 100)
                    < abs(b.result.model.metrics.intervals[i].coverage - Double(percents[i]) / 100)
            }?.name
        }
        for e in entries {
            let m = e.result.model.metrics
            var cells = columns.enumerated().map { n($0.element(m)) + (bests[$0.offset] == e.name ? "*" : " ") }
            cells += m.intervals.indices.map { n(m.intervals[$0].coverage) + (coverageBest[$0] == e.name ? "*" : " ") }
            cells.append(TextFormat.number(e.seconds) + " ")
            lines.append(TextFormat.pad(e.name, 10) + cells.map { TextFormat.leftPad($0, 12) }.joined())
        }
        lines += ["", "* best in the column (coverage: closest to nominal)."]
        for e in entries where !e.result.failedOrigins.isEmpty {
            lines.append("\(e.name): \(e.result.failedOrigins.count) origin(s) failed and were forecast by the seasonal-naive fallback.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
