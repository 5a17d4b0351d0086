import ArgumentParser
import Forecast

/// `backtest` with several response columns (`--value A --value B …` or `--value all`): one backtest per series
/// (each runs its origins in parallel, one BLAS thread per worker), one summary table, `--details`/`--samples`
/// in long format with a `series` column, JSON as an array of the single-series documents.
extension BacktestCommand {
    /// Whether more than one response was asked for.
    var manySeries: Bool { input.values.count > 1 || input.values == ["all"] }

    /// `output` has `--details` and `--samples` claimed already.
    func runMany(output: inout CommandOutput) throws {
        let names: [String]
        if input.values == ["all"] {
            var all = input
            all.values = []
            let series = try reportingFailures(file: input.file) { () throws -> DailySeries in
                do { return try all.ingest() } catch let error as DataError {
                    guard error.expected?.contains("numeric value column") == true else { throw error }
                    printError("error: --value all: the file has no numeric column to backtest: \(error.commandLineMessage)")
                    throw ExitCode(1)
                }
            }
            names = series.names.filter { !terms.regressor.contains($0) }
        } else {
            names = input.values
        }
        var results: [(name: String, result: BacktestResult)] = []
        for name in names {
            var one = self
            one.input.values = [name]
            let entries = try reportingFailures(file: input.file) { try one.makeResults(one.forecasterKinds, keptSeries: names.count) }
            results.append((name, entries[0].result))
        }
        let report = ManyBacktestReport(series: results)
        try output.run { output in
            try output.stage(report.detailsCSV(), for: "--details")
            try output.stage(report.samplesCSV(), for: "--samples")
            switch format {
            case .json: output.print(report.json().serialized())
            case .table: output.print(report.table(), terminator: "")
            }
        }
    }
}
