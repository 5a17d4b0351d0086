// DatedRows — step 1 of ingestion: pick the date and value columns, apply the row filters, parse dates and numbers.
//
// Rules:
//  1. Columns are resolved before any cell is read: the date column (``DateColumnRule``), the named value columns
//     and the filter columns; a misspelt name is `.missingColumn` with the nearest header name.
//  2. Without named value columns, the value columns are every column except the date column whose first non-empty cell
//     (among the rows that pass the filters) is a number, or `NaN`/`inf` text (which then fails in step 4).
//     Text columns are skipped and listed in the quality report.
//  3. Dates: the format is fixed by the date column's first non-empty used cell (`.automatic` → ISO with an
//     optional time, or DD.MM.YYYY); every used cell must then parse in that format. An empty date cell is
//     `.missingValue`; a bad one `.invalidDate` with `line N` and the column.
//  4. Numbers: exact parsing (CSVTable+Columns rules); an empty cell is NaN (missing) and is counted;
//     `NaN`/`inf` text is `.nonFiniteNumber`, other text `.invalidNumber`.
// Cost: O(bytes of the used cells); no String per cell except for filter columns.

/// How the date column was chosen (reported in the quality report, as the issue asks: "say which was used").
import ForecastCore
public enum DateColumnRule: String, Sendable, CaseIterable {
    /// Named by the caller (`IngestOptions.dateColumn`; `--date-column` on the command line).
    case explicit = "named by the caller"
    /// Per-event input with a `time_end` column (the reference rule).
    case perEventDefault = "time_end, the per-event default"
    /// A column named `date` (any case).
    case namedDate = "the column named 'date'"
    /// The first column whose first non-empty cell is a date.
    case firstDateLike = "the first column whose first value is a date"
}

/// The used rows of an input table, in file order.
struct DatedRows {
    var dateColumn: String
    var dateRule: DateColumnRule
    var dateFormat: DateFormat
    var names: [String]
    var skippedColumns: [String]
    var rowsRead: Int
    /// Per used row: day (days since 1970-01-01) and file line.
    var days: [Int] = []
    var lines: [Int] = []
    /// `values[c][r]`: value column c of used row r; NaN = empty cell.
    var values: [[Double]] = []
    /// Per value column: number of empty cells, and the lines of the first ten.
    var emptyCounts: [Int] = []
    var emptyLines: [[Int]] = []

    /// Drops the rows dated after input day `lastDay` (days since 1970-01-01), keeping file order.
    mutating func keep(throughDay lastDay: Int) {
        let kept = days.indices.filter { days[$0] <= lastDay }
        guard kept.count < days.count else { return }
        days = kept.map { days[$0] }
        lines = kept.map { lines[$0] }
        values = values.map { column in kept.map { column[$0] } }
    }

    /// Reads `table` as `options` say. `isJSON` drops the header line from missing-column errors (a JSON file
    /// has no header line).
    init(table: CSVTable, options: IngestOptions, isJSON: Bool) throws(DataError) {
        func index(_ name: String) throws(DataError) -> Int {
            do { return try table.columnIndex(named: name) } catch {
                var e = error
                if isJSON { e.line = nil }
                throw e
            }
        }
        // 1. Columns.
        let dateIndex: Int
        if let name = options.dateColumn {
            (dateIndex, dateRule) = (try index(name), .explicit)
        } else if options.mode == .perEvent, let k = table.header.firstIndex(where: { $0.lowercased() == "time_end" }) {
            (dateIndex, dateRule) = (k, .perEventDefault)
        } else if let k = table.header.firstIndex(of: "date") ?? table.header.firstIndex(where: { $0.lowercased() == "date" }) {
            (dateIndex, dateRule) = (k, .namedDate)
        } else if let k = DatedRows.firstDateLikeColumn(table, format: options.dateFormat) {
            (dateIndex, dateRule) = (k, .firstDateLike)
        } else {
            throw DataError(.missingColumn(suggestion: nil), file: table.source, line: isJSON ? nil : table.headerLine,
                            column: "date", expected: "a date column: one named 'date', or one whose first value is a "
                                + "date (\(options.dateFormat.pattern)), or {0}",
                            found: "columns " + table.header.map { "'\($0)'" }.joined(separator: ", "), settings: [.dateColumn])
        }
        dateColumn = table.header[dateIndex]
        var valueIndices: [Int] = []
        for name in options.valueColumns {
            let k = try index(name)
            if k == dateIndex {
                throw DataError(.invalid, file: table.source, column: dateColumn,
                                expected: "value columns other than the date column", found: "{0} '\(name)'",
                                settings: [.valueColumns])
            }
            valueIndices.append(k)
        }
        var bound: [BoundRowFilter] = []
        for filter in options.filters { bound.append(BoundRowFilter(filter, column: try index(filter.column))) }
        rowsRead = table.rowCount

        // 2. Filters.
        var used: [Int] = []
        used.reserveCapacity(table.rowCount)
        if bound.isEmpty {
            used = Array(0..<table.rowCount)
        } else {
            rows: for row in 0..<table.rowCount {
                for k in bound.indices where !bound[k].passes(table.cell(row: row, column: bound[k].column)) { continue rows }
                used.append(row)
            }
            if used.isEmpty {
                throw DataError(.noDataRows, file: table.source,
                                expected: "rows that pass " + options.filters.map { "{0} '\($0)'" }.joined(separator: " and "),
                                found: "none of \(table.rowCount) row\(table.rowCount == 1 ? "" : "s")", settings: [.filters])
            }
        }

        // 3. Value columns (automatic choice) and the date format.
        var skipped: [String] = [], empty: [String] = []
        if options.valueColumns.isEmpty {
            for k in table.header.indices where k != dateIndex {
                switch DatedRows.firstNonEmpty(table, column: k, rows: used).map({ table.withCell(row: $0, column: k, NumberText.parse) }) {
                case .value?, .nonFinite?: valueIndices.append(k)
                case nil: skipped.append(table.header[k]); empty.append(table.header[k])
                default: skipped.append(table.header[k])
                }
            }
        }
        if valueIndices.isEmpty {
            let text = skipped.filter { !empty.contains($0) }
            let found = [text.isEmpty ? nil : "text columns " + text.map { "'\($0)'" }.joined(separator: ", "),
                         empty.isEmpty ? nil : "columns with every cell empty " + empty.map { "'\($0)'" }.joined(separator: ", ")]
                .compactMap { $0 }
            throw DataError(.invalid, file: table.source, expected: "a numeric value column (or {0} NAME)",
                            found: found.isEmpty ? "no column besides the date column" : "only " + found.joined(separator: " and "),
                            settings: [.valueColumns])
        }
        names = valueIndices.map { table.header[$0] }
        skippedColumns = skipped
        guard let firstDateRow = DatedRows.firstNonEmpty(table, column: dateIndex, rows: used) else {
            throw DataError(.missingValue, file: table.source, line: table.line(ofRow: used[0]), column: dateColumn,
                            expected: "a date", found: "an empty cell")
        }
        let firstText = table.cell(row: firstDateRow, column: dateIndex)
        guard let format = options.dateFormat.resolved(forFirstCell: firstText) else {
            let hint = options.dateFormat == .automatic && DateText.looksLikeSlashDate(firstText)
                ? "; slash dates are ambiguous: name the order with {0} dd/mm/yyyy, mm/dd/yyyy or yyyy/mm/dd" : ""
            throw DataError(.invalidDate, file: table.source, line: table.line(ofRow: firstDateRow), column: dateColumn,
                            expected: "a date (\(options.dateFormat.pattern))\(hint)", found: DatedRows.quote(firstText),
                            settings: hint.isEmpty ? [] : [.dateFormat])
        }
        dateFormat = format

        // 4. Dates and numbers of the used rows. An automatic ISO column is reported as `.iso` unless a cell
        // carries a time (the check stops at the first time found).
        days.reserveCapacity(used.count)
        lines.reserveCapacity(used.count)
        var timeSeen = !(options.dateFormat == .automatic && format == .isoDateTime)
        for row in used {
            let day = table.withCell(row: row, column: dateIndex) { DateText.parse($0, format: format) }
            if !timeSeen { timeSeen = table.withCell(row: row, column: dateIndex, DateText.hasTime) }
            guard let day else {
                let text = table.cell(row: row, column: dateIndex)
                let empty = text.trimmingASCIIWhitespace().isEmpty
                throw DataError(empty ? .missingValue : .invalidDate, file: table.source, line: table.line(ofRow: row),
                                column: dateColumn, expected: empty ? "a date" : "a date (\(format.pattern))",
                                found: empty ? "an empty cell" : DatedRows.quote(text))
            }
            days.append(day.daysSinceEpoch)
            lines.append(table.line(ofRow: row))
        }
        if !timeSeen { dateFormat = .iso }
        for k in valueIndices {
            var column: [Double] = []
            column.reserveCapacity(used.count)
            var (emptyCount, emptyAt) = (0, [Int]())
            for row in used {
                switch table.withCell(row: row, column: k, NumberText.parse) {
                case .value(let v): column.append(v)
                case .empty:
                    column.append(.nan)
                    emptyCount += 1
                    if emptyAt.count < 10 { emptyAt.append(table.line(ofRow: row)) }
                case .nonFinite:
                    throw table.cellError(.nonFiniteNumber, row: row, column: k, expected: "a finite number",
                                          found: DatedRows.quote(table.cell(row: row, column: k)))
                case .invalid:
                    throw table.cellError(.invalidNumber, row: row, column: k, expected: "a number",
                                          found: DatedRows.quote(table.cell(row: row, column: k)))
                }
            }
            values.append(column)
            emptyCounts.append(emptyCount)
            emptyLines.append(emptyAt)
        }
    }

    /// The first row (in `rows`) whose cell in `column` is not empty or whitespace.
    static func firstNonEmpty(_ table: CSVTable, column: Int, rows: [Int]) -> Int? {
        rows.first { row in table.withCell(row: row, column: column) { $0.contains { !CSVByte.isWhitespace($0) } } }
    }

    /// The first column whose first non-empty cell parses as a date in `format`.
    static func firstDateLikeColumn(_ table: CSVTable, format: DateFormat) -> Int? {
        let all = Array(0..<table.rowCount)
        return table.header.indices.first { k in
            guard let row = firstNonEmpty(table, column: k, rows: all) else { return false }
            return table.withCell(row: row, column: k) { DateText.parse($0, format: format) } != nil
        }
    }

    /// The trimmed text in single quotes, shortened past 40 characters (for `DataError.found`).
    static func quote(_ text: String) -> String {
        let t = text.trimmingASCIIWhitespace()
        return "'" + (t.count > 40 ? t.prefix(37) + "..." : t) + "'"
    }
}

extension CSVTable {
    /// Calls `body` with the raw bytes of the cell at (`row`, `column`).
    @inline(__always)
    func withCell<T>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let range = byteRange(row: row, column: column)
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
