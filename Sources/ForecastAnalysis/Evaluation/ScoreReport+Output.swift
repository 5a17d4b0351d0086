// ScoreReport+Output — the JSON document and the text table of `forecast score`.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

extension ScoreReport {
    /// The JSON document. Keys are fixed (issue 9); a key whose value cannot be computed is null, never absent:
    ///
    /// `points` {`<name>`: {`me`, `mae`, `rmse`, `mape`, `mapeUsed`, `smape`, `mase1`, `mase7`, `rmsse1`, `skill`
    /// (+ `mase<M>` with a season M ∉ {1, 7})}}, `scales` {`mase1`, `mase7`, `rmsse1` (+ `mase<M>`)} (Q_1, Q_7, S_1),
    /// `pinball` {`<level as written>`: mean loss}, `pinballMean`, `intervals` {`<percent>`: {`coverage` (a fraction),
    /// `intervalScore`, `intervalScorePerDay`}}, `gaussian` {`crps`, `crpsPerDay`, `logScore`, `logScorePerDay`},
    /// `ensemble` {`crps`, `crpsPerDay`}, `negativeBinomial` {`crps`, `crpsPerDay`, `logScore`, `logScorePerDay`,
    /// `pitMid`, `pitHistogram` (10 bins, fractions of days)}; then `days`, `firstDate`, `lastDate`, `warnings`.
    /// Non-finite numbers are null.
    public func json() -> JSONValue {
        let seasonKey = season.map { "mase\($0)" }
        let pointsJSON: [(String, JSONValue)] = points.map { p in
            var fields: [(String, JSONValue)] = [
                ("me", .finite(p.meanError)), ("mae", .finite(p.meanAbsoluteError)),
                ("rmse", .finite(p.rootMeanSquaredError)), ("mape", .finite(p.percentageError.value)),
                ("mapeUsed", .integer(p.percentageError.daysUsed)), ("smape", .finite(p.symmetricPercentageError)),
                ("mase1", .finite(p.mase1)), ("mase7", .finite(p.mase7)), ("rmsse1", .finite(p.rmsse1)),
                ("skill", .finite(p.skill)),
            ]
            if let seasonKey { fields.append((seasonKey, .finite(p.maseSeason))) }
            return (p.name, .object(fields))
        }
        var scales: [(String, JSONValue)] = [("mase1", .finite(scale1?.value)), ("mase7", .finite(scale7?.value)),
                                             ("rmsse1", .finite(squaredScale1?.value))]
        if let seasonKey { scales.append((seasonKey, .finite(seasonScale?.value))) }
        func list(_ values: [Double]?) -> JSONValue { values.map { .numbers($0) } ?? .null }
        return .object([
            ("points", .object(pointsJSON)),
            ("scales", .object(scales)),
            ("pinball", .object(pinball.map { ($0.key, .finite($0.meanLoss)) })),
            ("pinballMean", .finite(pinballMean)),
            ("intervals", .object(intervals.map { i in
                ("\(i.percent)", .object([("coverage", .finite(i.coverage)), ("intervalScore", .finite(i.score)),
                                          ("intervalScorePerDay", .numbers(i.perDay))]))
            })),
            ("gaussian", .object([("crps", .finite(gaussian?.crps)), ("crpsPerDay", list(gaussian?.crpsPerDay)),
                                  ("logScore", .finite(gaussian?.logScore)),
                                  ("logScorePerDay", list(gaussian?.logScorePerDay))])),
            ("ensemble", .object([("crps", .finite(ensemble?.crps)), ("crpsPerDay", list(ensemble?.crpsPerDay))])),
            ("negativeBinomial", .object([
                ("crps", .finite(negativeBinomial?.crps)), ("crpsPerDay", list(negativeBinomial?.crpsPerDay)),
                ("logScore", .finite(negativeBinomial?.logScore)),
                ("logScorePerDay", list(negativeBinomial?.logScorePerDay)),
                ("pitMid", list(negativeBinomial?.pitMid)), ("pitHistogram", list(negativeBinomial?.pitHistogram)),
            ])),
            ("days", .integer(days)),
            ("firstDate", .string("\(firstDate)")),
            ("lastDate", .string("\(lastDate)")),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    /// A readable summary: point accuracy, scales, pinball losses, intervals, distribution scores, the PIT
    /// histogram and (unless `includingWarnings` is false, e.g. when they go to stderr) the warnings. "—" = null.
    public func table(includingWarnings: Bool = true) -> String {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "—" }  // null in JSON
            return TextFormat.number(value)
        }
        func row(_ label: String, _ cells: [String], width: Int, cell: Int = 11) -> String {
            TextFormat.pad(label, width) + cells.map { TextFormat.leftPad($0, cell) }.joined()
        }
        var lines = ["Forecast scores: \(days) day\(days == 1 ? "" : "s"), \(firstDate) .. \(lastDate)"
                     + (source.map { " (\($0))" } ?? "")]
        if !points.isEmpty {
            let width = max(14, (points.map(\.name.count).max() ?? 0) + 2)
            var header = ["ME", "MAE", "RMSE", "MAPE", "n(MAPE)", "sMAPE", "MASE(1)", "MASE(7)", "RMSSE(1)"]
            if let season { header.append("MASE(\(season))") }
            header.append("skill")
            lines += ["", row("Point forecast", header, width: width)]
            for p in points {
                var cells = [p.meanError, p.meanAbsoluteError, p.rootMeanSquaredError, p.percentageError.value]
                    .map { number($0) } + ["\(p.percentageError.daysUsed)", number(p.symmetricPercentageError),
                                            number(p.mase1), number(p.mase7), number(p.rmsse1)]
                if season != nil { cells.append(number(p.maseSeason)) }
                cells.append(number(p.skill))
                lines.append(row(p.name, cells, width: width))
            }
            let zeros = points.map(\.percentageError.zeroActuals).max() ?? 0
            if zeros > 0 { lines.append("MAPE excludes the \(zeros) day\(zeros == 1 ? "" : "s") with y = 0.") }
            if scale1 != nil {
                var text = "Training scales: Q1 \(number(scale1?.value))   Q7 \(number(scale7?.value))   "
                    + "S1 \(number(squaredScale1?.value))"
                if let season { text += "   Q\(season) \(number(seasonScale?.value))" }
                lines.append(text)
            } else {
                lines.append("MASE/RMSSE need the training series that scales them (not given).")
            }
        }
        if !pinball.isEmpty {
            lines += ["", row("Quantile level", pinball.map(\.key), width: 16, cell: 10),
                      row("pinball loss", pinball.map { number($0.meanLoss) }, width: 16, cell: 10),
                      "mean over levels: \(number(pinballMean))"]
        }
        if !intervals.isEmpty {
            lines += ["", row("Central interval", ["bounds", "coverage", "score"], width: 18, cell: 16)]
            for i in intervals {
                lines.append(row("\(i.percent) %", ["\(i.lowerHeader)/\(i.upperHeader)", number(i.coverage),
                                                    number(i.score)], width: 18, cell: 16))
            }
        }
        let distributions: [(String, DistributionResult?)] = [
            ("Gaussian", gaussian), ("Ensemble (\(ensembleSize ?? 0) members)", ensemble),
            ("Negative binomial", negativeBinomial),
        ]
        if distributions.contains(where: { $0.1 != nil }) {
            lines += ["", row("Predictive distribution", ["CRPS", "log score"], width: 28, cell: 12)]
            for case let (label, result?) in distributions {
                lines.append(row(label, [number(result.crps), number(result.logScore)], width: 28, cell: 12))
            }
        }
        if let histogram = negativeBinomial?.pitHistogram {
            lines += ["", "PIT histogram (negative binomial, non-randomised, 10 bins; 0.100 each if calibrated):",
                      "  " + histogram.map { $0.isFinite ? String(format: "%.3f", $0) : "—" }.joined(separator: " ")]
        }
        if includingWarnings && !warnings.isEmpty { lines += [""] + warnings.map { "warning: \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }
}
