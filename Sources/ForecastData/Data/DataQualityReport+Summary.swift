// DataQualityReport+Summary — the human-readable form, printed on stderr by `forecast ingest` and as the first
// block of `forecast describe`. Lists show their first five items and how many more there are.

import ForecastCore
extension DataQualityReport {
    /// A few lines of text, each `label: content`, ending with a line break.
    public func summary() -> String {
        var lines: [String] = []
        let formatName = format == .memory ? "in memory" : format.rawValue.uppercased()
        lines.append("input: \(source ?? "(in memory)") (\(formatName), \(count(rowsRead, format == .json ? "record" : "row"))"
                     + (rowsUsed == rowsRead ? ")" : ", \(rowsUsed) used)"))
        if format != .memory {
            lines.append("date column: '\(dateColumn)' (\(dateRule.rawValue)), format \(dateFormat.rawValue)"
                     + (sortedAscending ? "" : sortedDescending ? "; rows newest first (sorted)"
                        : "; \(count(orderInversions, "row")) dated before the row above (sorted)"))
        }
        let modeText: String
        switch mode {
        case .levels: modeText = "levels (one row per day)" + (duplicates.isEmpty ? "" : ", duplicates summed")
        case .cumulative: modeText = "cumulative totals → daily differences (corrections: \(correctionPolicy?.description ?? "keep"))"
        case .perEvent: modeText = "per-event records → daily sums (empty fields count as 0)"
        }
        lines.append("mode: \(modeText)")
        lines.append("values: " + valueColumns.joined(separator: ", ")
                     + (skippedColumns.isEmpty ? "" : "; skipped text columns: " + Self.list(skippedColumns, limit: 8)))
        if !filters.isEmpty { lines.append("filters: " + filters.joined(separator: " and ")) }
        lines.append("dates: input \(inputSpan) (\(count(inputSpan.dayCount, "day"))); output \(outputSpan) "
                     + "(\(count(outputSpan.dayCount, "day")))" + (reportLag == 0 ? "" : ", shifted back \(count(reportLag, "day")) (report lag)"))
        let gapDays = gaps.reduce(0) { $0 + $1.dayCount }
        let gapAction = gapPolicy == .zero ? "filled with 0" : "left empty"
        lines.append("gaps: " + (gaps.isEmpty ? "none" : "\(count(gapDays, "day")) without rows in \(count(gaps.count, "run")), "
                     + "\(gapAction): " + Self.list(gaps.map(\.description), limit: 5)))
        if !duplicates.isEmpty {
            lines.append("duplicates (summed): " + Self.list(duplicates.map { "\($0.date) (lines \($0.lines.map(String.init).joined(separator: ", ")))" }, limit: 5))
        } else if mode == .levels {
            lines.append("duplicates: none")
        }
        if mode == .cumulative {
            lines.append("corrections (negative differences): " + (corrections.isEmpty ? "none" : Self.list(corrections.map {
                "\($0.column) \($0.date) \(DailySeries.format($0.size))" + ($0.line.map { " (line \($0))" } ?? "")
            }, limit: 5)))
            if !multiDayTotals.isEmpty {
                lines.append("multi-day totals (across missing days, not assigned to a day): " + Self.list(multiDayTotals.map {
                    "\($0.column) \($0.span) \(DailySeries.format($0.total))"
                }, limit: 5))
            }
            lines.append("first appearances (no daily value on that day): " + (firstAppearances.isEmpty ? "none" : Self.list(firstAppearances.map {
                "\($0.column) \($0.date) (to-date \(DailySeries.format($0.value)))"
            }, limit: 5)))
        }
        for column in columns {
            var parts = ["\(column.daysWithValue) days with a value", "\(column.missingDays) missing"]
            if column.emptyInputCells > 0 {
                parts.append("\(count(column.emptyInputCells, "empty input cell")) (line"
                             + (column.emptyInputLines.count == 1 ? " " : "s ")
                             + Self.list(column.emptyInputLines.map(String.init), limit: 5, total: column.emptyInputCells)
                             + (mode == .perEvent ? ") counted as 0" : ")"))
            }
            parts.append(column.negativeCount == 0 ? "no negative values"
                         : "\(column.negativeCount) negative (" + Self.list(column.negatives.map { "\($0.date) \(DailySeries.format($0.value))" }, limit: 3, total: column.negativeCount) + ")")
            if column.nonIntegerCount > 0 {
                parts.append("\(column.nonIntegerCount) non-integer (" + Self.list(column.nonIntegers.map { "\($0.date) \(DailySeries.format($0.value))" }, limit: 3, total: column.nonIntegerCount) + ")")
            }
            lines.append("column '\(column.name)': " + parts.joined(separator: ", "))
        }
        if let events {
            lines.append("events: \(events.total) in the calendar, " + (events.outside.isEmpty ? "all inside the series"
                : "\(events.outside.count) outside \(outputSpan): " + Self.list(events.outside.map { "\($0.id) \($0.date)" }, limit: 5)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The first `limit` items joined by ", ", then "… (N more)" when `total` (default items.count) is larger.
    static func list(_ items: [String], limit: Int, total: Int? = nil) -> String {
        let all = total ?? items.count
        let shown = items.prefix(limit).joined(separator: ", ")
        return all > min(limit, items.count) ? shown + ", … (\(all - min(limit, items.count)) more)" : shown
    }
}
