import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// What `forecast fit` prints for several response columns (`--value A --value B`, `--value all`): one summary
/// table, a long-format forecast CSV with a `series` column, and a JSON array of the single-series reports.
public struct ManyFitReport: Sendable {
    /// One series: its name and either its report or the reason it failed.
    public let series: [(name: String, outcome: Result<FitReport, ModelError>)]

    public init(series: [(name: String, outcome: Result<FitReport, ModelError>)]) {
        self.series = series
    }

    /// One line per series: model, training days, the horizon total (mean and widest interval), held-out MAE and
    /// coverage of the widest interval when actuals follow the training window, or the error.
    public func table() -> String {
        var rows: [[String]] = [["series", "model", "days", "total mean", "interval", "held-out MAE", "coverage"]]
        for (name, outcome) in series {
            switch outcome {
            case .success(let report):
                let total = report.forecast.total()
                let widest = total?.intervals.max { $0.level < $1.level }
                let accuracy = HeldOutAccuracy(forecast: report.forecast)
                let coverage = accuracy?.coverage.max { $0.level < $1.level }
                rows.append([name, report.fit?.kind.rawValue ?? "—", "\(report.fit?.trainingDates.count ?? 0)",
                             total.map { FitReport.count($0.mean) } ?? "—",
                             widest.map { "\(TextFormat.trimmed($0.level)) %: \(FitReport.count($0.lower))–\(FitReport.count($0.upper))" } ?? "—",
                             accuracy.map { TextFormat.number($0.meanAbsoluteError) } ?? "—",
                             coverage.map { "\(TextFormat.trimmed($0.level)) %: \(TextFormat.number($0.coverage * 100)) %" } ?? "—"])
            case .failure(let error):
                rows.append([name, "failed: \(error)", "", "", "", "", ""])
            }
        }
        let horizon = series.lazy.compactMap { try? $0.outcome.get().forecast.days.count }.first ?? 0
        let out = "Forecasts of \(series.count) series (totals over the next \(horizon) days)\n"
        return out + TextFormat.alignedTable(rows)
    }

    /// `series,date,mean,median,lower_<L>,upper_<L>,…[,y]`: every successful series' forecast rows, in order.
    public func csv() -> String {
        var header: String? = nil
        var lines: [String] = []
        let hasActual = series.contains { (try? $0.outcome.get())?.forecast.days.contains { $0.actual != nil } == true }
        for (name, outcome) in series {
            guard case .success(let report) = outcome else { continue }
            var body = report.csv().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let own = body.removeFirst()
            let ownHasActual = own.hasSuffix(",y")
            if header == nil { header = "series," + (ownHasActual || !hasActual ? own : own + ",y") }
            for line in body where !line.isEmpty {
                lines.append(DailySeries.csvField(name) + "," + line + (hasActual && !ownHasActual ? "," : ""))
            }
        }
        return ([header ?? "series,date"] + lines).joined(separator: "\n") + "\n"
    }

    /// `[{"series": name, …FitReport keys…} or {"series": name, "error": text}]`.
    public func json() -> JSONValue {
        .array(series.map { name, outcome in
            switch outcome {
            case .success(let report):
                guard case .object(let members) = report.json() else { return .null }
                return .object([("series", .string(name))] + members)
            case .failure(let error):
                return .object([("series", .string(name)), ("error", .string("\(error)"))])
            }
        })
    }
}
