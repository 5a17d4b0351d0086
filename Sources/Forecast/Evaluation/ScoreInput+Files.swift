// ScoreInput+Files — dates, the training series and the ensemble members of `forecast score`'s input files.

extension ScoreInput {
    /// The dates of `column`, each `YYYY-MM-DD` (``CalendarDate/init(iso:)``: surrounding whitespace allowed, no
    /// time of day). Repeated dates are an error
    /// (`.duplicateDate`, naming the first line); with `strictlyIncreasing`, so is a date not after the previous one.
    static func dates(in table: CSVTable, column: Int, strictlyIncreasing: Bool) throws(DataError) -> [CalendarDate] {
        var dates: [CalendarDate] = []
        dates.reserveCapacity(table.rowCount)
        var firstRow: [CalendarDate: Int] = [:]
        for row in 0..<table.rowCount {
            let text = table.cell(row: row, column: column)
            guard let date = CalendarDate(iso: text) else {
                throw table.cellError(.invalidDate, row: row, column: column, expected: "a date YYYY-MM-DD",
                                      found: text.isEmpty ? "an empty cell" : "'\(text)'")
            }
            if let first = firstRow[date] {
                throw table.cellError(.duplicateDate(firstLine: table.line(ofRow: first)), row: row, column: column,
                                      expected: "one row per day", found: "\(date) again")
            }
            if strictlyIncreasing, let previous = dates.last, date < previous {
                throw table.cellError(.invalid, row: row, column: column,
                                      expected: "dates in increasing order (after \(previous))", found: "\(date)")
            }
            firstRow[date] = row
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

    /// SAMPLES: one row per FORECASTS row with the same date; every column but `date` is a member.
    static func members(_ table: CSVTable, forecasts: CSVTable, dates: [CalendarDate]) throws(DataError) -> [[Double]] {
        let dateColumn = try table.columnIndex(named: "date")
        let memberColumns = table.header.indices.filter { $0 != dateColumn }
        guard !memberColumns.isEmpty else {
            throw DataError(.invalid, file: table.source, line: table.headerLine,
                            expected: "ensemble member columns beside 'date' (s001, s002, …)", found: "only 'date'")
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
}
