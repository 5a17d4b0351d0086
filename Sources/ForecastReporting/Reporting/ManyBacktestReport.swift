import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// What `forecast backtest` prints for several response columns: one summary line per series, the details and
/// samples CSVs in long format (a `series` column first), and a JSON array of the single-series documents.
public struct ManyBacktestReport: Sendable {
    public let series: [(name: String, result: BacktestResult)]

    public init(series: [(name: String, result: BacktestResult)]) {
        self.series = series
    }

    /// Per series: origins, MAE, mean pinball loss, CRPS, coverage of the widest interval and the CRPS skill
    /// against the seasonal-naive baseline.
    public func table() -> String {
        func n(_ v: Double?) -> String { v.map { $0.isFinite ? TextFormat.number($0) : "—" } ?? "—" }
        var rows: [[String]] = [["series", "origins", "MAE", "pinball", "CRPS", "coverage", "skill CRPS"]]
        for (name, result) in series {
            let m = result.model.metrics
            let widest = m.intervals.max { $0.percent < $1.percent }
            rows.append([name, "\(result.windows.count)", n(m.meanAbsoluteError), n(m.pinballMean), n(m.crps),
                         widest.map { "\($0.percent) %: \(n($0.coverage * 100)) %" } ?? "—",
                         n(result.skillVersusSeasonalNaive?.crps ?? nil)])
        }
        return "Rolling-origin backtests of \(series.count) series\n" + TextFormat.alignedTable(rows)
    }

    /// Every series' `detailsCSV()` rows with `series` first (Guides/ForecastFiles.md).
    public func detailsCSV() -> String { Self.long(series.map { ($0.name, $0.result.detailsCSV()) }) }

    /// Every series' `samplesCSV()` rows with `series` first (series without kept samples are left out).
    public func samplesCSV() -> String { Self.long(series.compactMap { s in s.result.samplesCSV().map { (s.name, $0) } }) }

    /// `[{"series": name, …backtest keys…}]`.
    public func json() -> JSONValue {
        .array(series.map { name, result in
            guard case .object(let members) = result.json() else { return .null }
            return .object([("series", .string(name))] + members)
        })
    }

    /// CSV texts with one header each, joined under the first header with a `series` column in front.
    private static func long(_ parts: [(String, String)]) -> String {
        var header: String? = nil
        var lines: [String] = []
        for (name, text) in parts {
            var rows = text.split(separator: "\n").map(String.init)
            guard !rows.isEmpty else { continue }
            let own = rows.removeFirst()
            if header == nil { header = "series," + own }
            lines += rows.map { DailySeries.csvField(name) + "," + $0 }
        }
        return ([header ?? "series"] + lines).joined(separator: "\n") + "\n"
    }
}
