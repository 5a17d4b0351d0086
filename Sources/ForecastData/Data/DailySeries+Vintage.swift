// DailySeries+Vintage — a column as it was known on an earlier day (a data vintage), for backtests whose data
// options revise earlier days.
//
// Policy:
//  1. Only a spread correction revises earlier days (it moves a later correction backwards); every other option
//     gives each day the same value whenever it is read, so no vintage is needed (nil) and a backtest simply cuts
//     the final column at each origin.
//  2. With a spread correction the table is re-ingested with `asOf = origin` and the column is realigned to the
//     full series' first day (NaN where the vintage has no value); a vintage that cannot be ingested is nil, which
//     the backtest reports as a failed origin.

import ForecastCore
extension DailySeries {
    /// The column `name` from `start` through a day, as ingested on that day: nil when `options` revise no earlier
    /// day (policy 1). The closure returns `origin − start + 1` values (index 0 = `start`), or nil when the data as
    /// known on the origin cannot be read.
    public static func vintage(of name: String, table: CSVTable, options: IngestOptions,
                               format: DataQualityReport.InputFormat, start: CalendarDate)
        -> (@Sendable (CalendarDate) -> [Double]?)? {
        guard case .spread = options.corrections else { return nil }
        return { origin in
            var known = options
            known.asOf = origin
            guard let asOf = try? DailySeries.ingest(table: table, options: known, format: format),
                  let column = try? asOf.column(named: name) else { return nil }
            let offset = asOf.start - start
            return (0...(origin - start)).map { i in
                let j = i - offset
                return j >= 0 && j < column.count ? column[j] : .nan
            }
        }
    }
}
