import ArgumentParser
import Forecast

/// `--by week|month` of `ingest` and `describe`.
extension AggregationPeriod: ExpressibleByArgument {}

/// Runs `body` (an ingestion); when `--by` was given and the input has no usable dates, the data error is
/// reported as one of `--by` (it needs dates to group days into periods), exit status 1.
func ingestingForPeriods<T>(_ by: AggregationPeriod?, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as DataError {
        let aboutDates: Bool
        switch error.reason {
        case .invalidDate: aboutDates = true
        case .missingColumn: aboutDates = error.expected?.contains("date column") == true
        default: aboutDates = false
        }
        guard let by, aboutDates else { throw error }
        printError("error: --by \(by) groups days into periods and needs a date column: \(error.commandLineMessage)")
        throw ExitCode(1)
    }
}
