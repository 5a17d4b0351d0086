// ScoreInput+Files — dates, the training series and the ensemble members of `forecast score`'s input files.

import ForecastCore
import ForecastData
import ForecastModels
extension ScoreInput {
    /// The dates of `column`, each `YYYY-MM-DD` (``CalendarDate/init(iso:)``: surrounding whitespace allowed, no
    /// time of day). Repeated dates are an error (`.duplicateDate`, naming the first line) — with `keys` (the
    /// `origin` cells of a rolling-origin file), a repeat within the same key; with `strictlyIncreasing`, so is a
    /// date not after the previous one.
    static func dates(in table: CSVTable, column: Int, strictlyIncreasing: Bool,
                      keys: [String]? = nil) throws(DataError) -> [CalendarDate] {
        var dates: [CalendarDate] = []
        dates.reserveCapacity(table.rowCount)
        var firstRow: [String: Int] = [:]
        for row in 0..<table.rowCount {
            let text = table.cell(row: row, column: column)
            guard let date = CalendarDate(iso: text) else {
                throw table.cellError(.invalidDate, row: row, column: column, expected: "a date YYYY-MM-DD",
                                      found: text.isEmpty ? "an empty cell" : "'\(text)'")
            }
            let key = (keys?[row]).map { "\($0) \(date)" } ?? "\(date)"
            if let first = firstRow[key] {
                throw table.cellError(.duplicateDate(firstLine: table.line(ofRow: first)), row: row, column: column,
                                      expected: keys == nil ? "one row per day" : "one row per day and origin",
                                      found: "\(date) again")
            }
            if strictlyIncreasing, let previous = dates.last, date < previous {
                throw table.cellError(.invalid, row: row, column: column,
                                      expected: "dates in increasing order (after \(previous))", found: "\(date)")
            }
            firstRow[key] = row
            dates.append(date)
        }
        return dates
    }

    /// TRAIN's `y` column; its optional `date` column must increase; gaps and overlap become warnings.
    static func trainingSeries(_ table: CSVTable, forecastDates: [CalendarDate],
                               warnings: inout [String]) throws(DataError) -> [Double] {
        let values = try table.numbers(inColumn: table.columnIndex(named: "y"), missing: .error)
        let name = table.source ?? "training data"
        if let dateColumn = table.header.firstIndex(where: { $0.lowercased() == "date" }) {
            let dates = try Self.dates(in: table, column: dateColumn, strictlyIncreasing: true)
            let gaps = zip(dates, dates.dropFirst()).filter { $1 - $0 > 1 }.count
            if gaps > 0 {
                warnings.append("\(name): \(gaps) gap\(gaps == 1 ? "" : "s") in the dates; the naive scales difference "
                                + "consecutive rows, not calendar days")
            }
            if let last = dates.last, let first = forecastDates.min(), last >= first {
                warnings.append("\(name): the training data run to \(last), not before the first forecast date \(first)")
            }
        }
        return values
    }

    /// SAMPLES: one row per FORECASTS row with the same date (and origin, when FORECASTS has `origin`); every
    /// column but `date`, `origin` and `h` is a member.
    static func members(_ table: CSVTable, forecasts: CSVTable, dates: [CalendarDate],
                        origins: [String]?) throws(DataError) -> [[Double]] {
        let dateColumn = try table.columnIndex(named: "date")
        let originColumn = origins == nil ? nil : try table.columnIndex(named: "origin")
        let keyColumns = [dateColumn, originColumn, table.header.firstIndex(of: "h")].compactMap { $0 }
        let memberColumns = table.header.indices.filter { !keyColumns.contains($0) }
        guard !memberColumns.isEmpty else {
            throw DataError(.invalid, file: table.source, line: table.headerLine,
                            expected: "ensemble member columns beside 'date' (s001, s002, …)", found: "only key columns")
        }
        // A forecasts file given as samples would score its actuals and summaries as ensemble members.
        if let column = memberColumns.first(where: { Self.isForecastColumn(table.header[$0]) }) {
            throw DataError(.invalid, file: table.source, line: table.headerLine, column: table.header[column],
                            expected: "ensemble member columns beside 'date' (s001, s002, …)",
                            found: "'\(table.header[column])', a column of a forecasts file (actuals, points, quantiles or distributions)")
        }
        let forecastsName = forecasts.source ?? "the forecasts"
        for row in 0..<min(table.rowCount, dates.count) {
            let text = table.cell(row: row, column: dateColumn)
            let date = CalendarDate(iso: text)
            if date != dates[row] {
                throw table.cellError(date == nil ? .invalidDate : .invalid, row: row, column: dateColumn,
                                      expected: "\(dates[row]) (the date on line \(forecasts.line(ofRow: row)) of "
                                          + "\(forecastsName))",
                                      found: "'\(text)'")
            }
            if let originColumn, let origins, table.cell(row: row, column: originColumn) != origins[row] {
                throw table.cellError(.invalid, row: row, column: originColumn,
                                      expected: "\(origins[row]) (the origin on line \(forecasts.line(ofRow: row)) of \(forecastsName))",
                                      found: "'\(table.cell(row: row, column: originColumn))'")
            }
        }
        if table.rowCount != dates.count {
            let line = table.rowCount > dates.count ? table.line(ofRow: dates.count) : table.line(ofRow: table.rowCount - 1)
            throw DataError(.invalid, file: table.source, line: line,
                            expected: "\(dates.count) rows, one per row of \(forecastsName)",
                            found: "\(table.rowCount) rows")
        }
        var columns: [[Double]] = []
        for column in memberColumns { columns.append(try table.numbers(inColumn: column, missing: .asNaN)) }
        return dates.indices.map { t in columns.map { $0[t] } }
    }

    /// Whether `header` belongs to the forecasts-file vocabulary (Guides/ForecastFiles.md) rather than to samples.
    static func isForecastColumn(_ header: String) -> Bool {
        ["y", "mean", "median", "series"].contains(header)
            || ["f_", "q_", "lower_", "upper_", "nb_", "norm_"].contains { header.hasPrefix($0) }
    }

    /// The name a point-forecast column is scored under: `mean`, `median`, or `<name>` of `f_<name>`; nil otherwise.
    static func pointName(_ header: String) -> String? {
        if header == "mean" || header == "median" { return header }
        return header.hasPrefix("f_") && header.count > 2 ? String(header.dropFirst(2)) : nil
    }

    /// The quantile a column holds: `q_<τ>` → (written τ, τ); `lower_<L>` / `upper_<L>` (a central L % interval,
    /// L in percent as ``IntervalLevel``) → τ = (100 ∓ L)/200; nil for other columns. A bad level is located.
    static func quantileLevel(_ header: String, in table: CSVTable) throws(DataError) -> (key: String, level: Double)? {
        if header.hasPrefix("q_") {
            let key = String(header.dropFirst(2))
            guard let level = Double(key), level > 0, level < 1 else {
                throw DataError(.invalid, file: table.source, line: table.headerLine, column: header,
                                expected: "a quantile level in (0, 1) after 'q_'", found: "'\(key)'")
            }
            return (key, level)
        }
        for (prefix, sign) in [("lower_", -1.0), ("upper_", 1.0)] where header.hasPrefix(prefix) {
            let text = String(header.dropFirst(prefix.count))
            guard let interval = try? IntervalLevel(parsing: text) else {
                throw DataError(.invalid, file: table.source, line: table.headerLine, column: header,
                                expected: "an interval level in percent, in (1, 100), after '\(prefix)'", found: "'\(text)'")
            }
            let level = (100 + sign * interval.percent) / 200
            return ("\(level)", level)
        }
        return nil
    }
}
