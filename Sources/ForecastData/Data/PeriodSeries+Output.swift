// PeriodSeries+Output — the weekly/monthly table as CSV (`ingest --by`), JSON and text (`describe --by`).
//
// CSV: `date,calendar_days,complete,<col>,<col>_days,<col>_mean,…`: `date` is the period's first day, `complete`
// 1 or 0, `<col>` the sum over the days with a value, `<col>_days` their number, `<col>_mean` the mean per day
// with a value (empty when none). Numbers as in the daily CSV (integers without a decimal point).

import ForecastCore
extension PeriodSeries {
    /// The table as CSV text (format at the top of PeriodSeries+Output.swift).
    public func csv() -> String {
        var header = ["date", "calendar_days", "complete"]
        for name in names {
            let field = DailySeries.csvField(name)
            header += [field, DailySeries.csvField(name + "_days"), DailySeries.csvField(name + "_mean")]
        }
        var lines = [header.joined(separator: ",")]
        for p in periods {
            var cells = ["\(p.start)", "\(p.calendarDays)", p.isComplete ? "1" : "0"]
            for c in p.cells {
                cells += [c.daysPresent == 0 ? "" : DailySeries.format(c.sum), "\(c.daysPresent)", DailySeries.format(c.mean)]
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"period": "week"|"month", "periods": [{"start", "calendarDays", "complete", "columns": {name: {"sum",
    /// "daysPresent", "mean"}}}]}` (null for a sum or mean without days).
    public func json() -> JSONValue {
        .object([
            ("period", .string(period.rawValue)),
            ("periods", .array(periods.map { p in
                .object([
                    ("start", .string("\(p.start)")), ("calendarDays", .integer(p.calendarDays)),
                    ("complete", .bool(p.isComplete)),
                    ("columns", .object(zip(names, p.cells).map { name, c in
                        (name, .object([("sum", c.daysPresent == 0 ? .null : DailySeries.jsonNumber(c.sum)),
                                        ("daysPresent", .integer(c.daysPresent)),
                                        ("mean", DailySeries.jsonNumber(c.mean))]))
                    })),
                ])
            })),
        ])
    }

    /// A text table: one row per period with each column's sum, mean per day and days present, and a note on
    /// periods with missing days.
    public func table() -> String {
        var rows: [[String]] = [[period == .week ? "week of" : "month", "days"]
            + names.flatMap { ["\($0) sum", "mean/day", "days"] } + [""]]
        for p in periods {
            let label = period == .week ? "\(p.start)" : String("\(p.start)".prefix(7))
            var row = [label, "\(p.calendarDays)"]
            for c in p.cells {
                row += [c.daysPresent == 0 ? "–" : DailySeries.number(c.sum), DailySeries.number(c.mean), "\(c.daysPresent)"]
            }
            let missing = p.calendarDays - (p.cells.map(\.daysPresent).min() ?? 0)
            row.append(p.isComplete ? "" : "incomplete: \(missing) day\(missing == 1 ? "" : "s") without a value")
            rows.append(row)
        }
        let incomplete = periods.filter { !$0.isComplete }.count
        return "By \(period): \(periods.count) periods, \(incomplete) incomplete (sums over fewer days: compare the means)\n"
            + TextFormat.alignedTable(rows, left: [0, rows[0].count - 1])
    }
}
