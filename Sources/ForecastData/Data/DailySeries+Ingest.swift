// DailySeries+Ingest — a file (CSV/TSV or JSON records) → a DailySeries and its DataQualityReport.
//
// Steps (each in its own file):
//  1. Read: `.json` files with `JSONRecords`, everything else with `CSVReader` (delimiter detected).
//  2. `DatedRows`: date column, value columns, `--where` filters, dates and numbers of the used rows.
//  3. By mode: levels → one row per day (duplicates an error, or summed); cumulative → `CumulativeToDaily` per
//     column on the FULL series; per event → `PerEventAggregation` (the reference rule).
//  4. Days without rows: `GapPolicy` (per event: 0 by default; otherwise empty); `--gaps error` fails on the
//     first gap inside the output window.
//  5. `--report-lag N` moves every date back N days; `--from/--to` then select the output days.
//  6. The quality report lists what was found inside the output window (dates are output dates).

import ForecastCore
extension DailySeries {
    /// Reads the file at `path` into a daily series as `options` say (the entry point of `forecast ingest`,
    /// `describe`, `fit`, `effects` and `backtest`). Files ending in `.json` (any case) are JSON arrays of records; anything else
    /// is delimited text (`,` `;` or tab, detected). Throws `DataError` located by file, line and column; an
    /// inconsistent `options` value is `DataError(.invalid)` (call ``IngestOptions/check()`` first to tell them apart).
    public static func ingest(path: String, options: IngestOptions = IngestOptions()) throws(DataError) -> DailySeries {
        try checked(options, source: path)
        let (table, format) = try readTable(path: path)
        return try ingest(table: table, options: options, format: format)
    }

    /// Parses a file as `ingest(path:options:)` does (JSON records for `*.json`, delimited text otherwise), for
    /// callers that ingest the same rows several times (e.g. as of several days).
    public static func readTable(path: String) throws(DataError) -> (table: CSVTable, format: DataQualityReport.InputFormat) {
        if path.lowercased().hasSuffix(".json") { return (try JSONRecords.read(contentsOf: path), .json) }
        return (try CSVReader.read(contentsOf: path), .csv)
    }

    /// Reads an already parsed table (from ``CSVReader`` or ``JSONRecords``) as `options` say.
    public static func ingest(table: CSVTable, options: IngestOptions = IngestOptions(),
                              format: DataQualityReport.InputFormat = .csv) throws(DataError) -> DailySeries {
        try checked(options, source: table.source)
        var rows = try DatedRows(table: table, options: options, isJSON: format == .json)
        if let asOf = options.asOf {
            rows.keep(throughDay: asOf.daysSinceEpoch + options.reportLag)
            guard !rows.days.isEmpty else {
                throw DataError(.noDataRows, file: table.source, column: rows.dateColumn,
                                expected: "rows dated on or before \(asOf)", found: "none")
            }
        }
        let builder = try DailyAssembly(rows: rows, options: options, source: table.source)
        return try builder.series(format: format)
    }

    private static func checked(_ options: IngestOptions, source: String?) throws(DataError) {
        do { try options.check() } catch {
            throw DataError(.invalid, file: source, expected: "consistent options", found: error.description)
        }
    }
}

/// Steps 3–6 of ingestion on the used rows (rules at the top of DailySeries+Ingest.swift).
struct DailyAssembly {
    let rows: DatedRows
    let options: IngestOptions
    let source: String?
    /// Input day number of index 0, and the number of days.
    var firstDay = 0, dayCount = 0
    var values: [[Double]] = []
    var sourceLines: [Int] = []
    /// Per day: whether any input row has that date.
    var hasRow: [Bool] = []
    var duplicates: [(day: Int, lines: [Int])] = []
    var corrections: [(column: Int, found: CumulativeToDaily.Correction)] = []
    var multiDay: [(column: Int, found: CumulativeToDaily.MultiDayTotal)] = []
    var firstAppearances: [(column: Int, day: Int, total: Double)] = []
    var orderInversions = 0, orderAscents = 0

    init(rows: DatedRows, options: IngestOptions, source: String?) throws(DataError) {
        self.rows = rows
        self.options = options
        self.source = source
        var (lo, hi, loRow, hiRow) = (rows.days[0], rows.days[0], 0, 0)
        for (r, d) in rows.days.enumerated() {
            if r > 0 && d < rows.days[r - 1] { orderInversions += 1 }
            if r > 0 && d > rows.days[r - 1] { orderAscents += 1 }
            if d < lo { (lo, loRow) = (d, r) }
            if d > hi { (hi, hiRow) = (d, r) }
        }
        if hi - lo > 36_525 {
            throw DataError(.outOfDomain, file: source, line: rows.lines[hiRow], column: rows.dateColumn,
                            expected: "dates spanning at most 100 years",
                            found: "\(CalendarDate(daysSinceEpoch: lo)) (line \(rows.lines[loRow])) to "
                                + "\(CalendarDate(daysSinceEpoch: hi)) (line \(rows.lines[hiRow]))")
        }
        (firstDay, dayCount) = (lo, hi - lo + 1)
        switch options.mode {
        case .levels, .cumulative: try placeRowsOnDays()
        case .perEvent: aggregateEvents()
        }
        if options.mode == .cumulative { differenceColumns() }
        if options.effectiveGaps == .zero && options.mode == .levels {
            for c in values.indices { for t in 0..<dayCount where !hasRow[t] { values[c][t] = 0 } }
        }
        if options.effectiveGaps == .empty && options.mode == .perEvent {
            for c in values.indices { for t in 0..<dayCount where !hasRow[t] { values[c][t] = .nan } }
        }
    }

    /// Levels and cumulative input: one row per day (duplicates an error unless summed).
    private mutating func placeRowsOnDays() throws(DataError) {
        values = Array(repeating: Array(repeating: .nan, count: dayCount), count: rows.values.count)
        sourceLines = Array(repeating: 0, count: dayCount)
        hasRow = Array(repeating: false, count: dayCount)
        var duplicateAt: [Int: Int] = [:]  // day → index in `duplicates`
        for (r, d) in rows.days.enumerated() {
            let t = d - firstDay
            if !hasRow[t] {
                hasRow[t] = true
                sourceLines[t] = rows.lines[r]
                for c in values.indices { values[c][t] = rows.values[c][r] }
                continue
            }
            guard options.sumDuplicates else {
                throw DataError(.duplicateDate(firstLine: sourceLines[t]), file: source, line: rows.lines[r],
                                column: rows.dateColumn, expected: "one row per date",
                                found: "\(CalendarDate(daysSinceEpoch: d)) again")
            }
            for c in values.indices where !rows.values[c][r].isNaN {
                values[c][t] = values[c][t].isNaN ? rows.values[c][r] : values[c][t] + rows.values[c][r]
            }
            if let k = duplicateAt[t] { duplicates[k].lines.append(rows.lines[r]) } else {
                duplicateAt[t] = duplicates.count
                duplicates.append((t, [sourceLines[t], rows.lines[r]]))
            }
        }
    }

    private mutating func aggregateEvents() {
        let sums = PerEventAggregation(days: rows.days, values: rows.values, lines: rows.lines)
        values = sums.sums
        sourceLines = sums.firstLine
        hasRow = sums.rows.map { $0 > 0 }
    }

    private mutating func differenceColumns() {
        let converter = CumulativeToDaily(baseline: options.baseline, corrections: options.corrections)
        for c in values.indices {
            let result = converter.daily(from: values[c])
            values[c] = result.daily
            corrections += result.corrections.map { (c, $0) }
            multiDay += result.multiDayTotals.map { (c, $0) }
            if let first = result.firstAppearance { firstAppearances.append((c, first.day, first.total)) }
        }
    }

    /// Steps 4–6: gaps policy inside the window, lag, window, report.
    func series(format: DataQualityReport.InputFormat) throws(DataError) -> DailySeries {
        let outStart = firstDay - options.reportLag
        let lo = max(0, options.from.map { $0.daysSinceEpoch - outStart } ?? 0)
        let hi = min(dayCount - 1, options.to.map { $0.daysSinceEpoch - outStart } ?? dayCount - 1)
        let date = { (t: Int) in CalendarDate(daysSinceEpoch: outStart + t) }
        guard lo <= hi else {
            throw DataError(.outOfDomain, file: source, column: rows.dateColumn,
                            expected: "{0}/{1} overlapping the data (\(date(0)) .. \(date(dayCount - 1)))",
                            found: "\(options.from.map { "{0} \($0)" } ?? "")\(options.from != nil && options.to != nil ? " " : "")"
                                + "\(options.to.map { "{1} \($0)" } ?? "")", settings: [.from, .to])
        }
        var gaps: [DateSpan] = []
        var t = lo
        while t <= hi {
            guard !hasRow[t] else { t += 1; continue }
            var u = t
            while u + 1 < dayCount && !hasRow[u + 1] { u += 1 }
            if options.effectiveGaps == .error {
                throw DataError(.missingValue, file: source, line: sourceLines[u + 1], column: rows.dateColumn,
                                expected: "a row for every day ({0} error)",
                                found: "no row for \(DateSpan(first: date(t), last: date(u))) (\(u - t + 1) day\(u == t ? "" : "s"))",
                                settings: [.gaps])
            }
            gaps.append(DateSpan(first: date(max(t, lo)), last: date(min(u, hi))))
            t = u + 1
        }
        let inWindow = { (t: Int) in t >= lo && t <= hi }
        let window = values.map { Array($0[lo...hi]) }
        let start = date(lo)
        var findings: [DataQualityReport.ColumnFindings] = []
        for c in rows.names.indices {
            var (count, lines) = (0, [Int]())
            for r in rows.days.indices where rows.values[c][r].isNaN && inWindow(rows.days[r] - firstDay) {
                count += 1
                if lines.count < 10 { lines.append(rows.lines[r]) }
            }
            findings.append(.init(name: rows.names[c], values: window[c], start: start, emptyInputCells: count,
                                  emptyInputLines: lines))
        }
        let lines = sourceLines
        let line = { (t: Int) -> Int? in lines[t] == 0 ? nil : lines[t] }
        let report = DataQualityReport(
            source: source, format: format, mode: options.mode, dateColumn: rows.dateColumn, dateRule: rows.dateRule,
            dateFormat: rows.dateFormat, valueColumns: rows.names, skippedColumns: rows.skippedColumns,
            filters: options.filters.map(\.description), rowsRead: rows.rowsRead, rowsUsed: rows.days.count,
            inputSpan: DateSpan(first: CalendarDate(daysSinceEpoch: firstDay),
                                last: CalendarDate(daysSinceEpoch: firstDay + dayCount - 1)),
            orderInversions: orderInversions, orderAscents: orderAscents, reportLag: options.reportLag,
            outputSpan: DateSpan(first: start, last: date(hi)), gapPolicy: options.effectiveGaps, gaps: gaps,
            duplicates: duplicates.filter { inWindow($0.day) }.map { .init(date: date($0.day), lines: $0.lines) },
            correctionPolicy: options.mode == .cumulative ? options.corrections : nil,
            corrections: corrections.filter { inWindow($0.found.day) }.map { c, found in
                let action: DataQualityReport.Correction.Action
                switch options.corrections {
                case .keep: action = .kept
                case .missing: action = .madeMissing
                case .spread: action = found.spreadOver.isEmpty ? .notSpread : .spread(over: found.spreadOver.map(date))
                }
                return .init(column: rows.names[c], date: date(found.day), size: found.size, line: line(found.day),
                             action: action)
            },
            multiDayTotals: multiDay.filter { inWindow($0.found.lastDay) }.map { c, m in
                .init(column: rows.names[c], span: DateSpan(first: date(m.firstDay), last: date(m.lastDay)),
                      total: m.total, line: line(m.lastDay))
            },
            firstAppearances: firstAppearances.filter { inWindow($0.day) }.map {
                .init(column: rows.names[$0.column], date: date($0.day), value: $0.total, line: line($0.day))
            },
            columns: findings, events: nil)
        // Every cell read is finite, so an infinite daily value is an overflow of a sum (duplicates, per-event rows)
        // or a difference (running totals): an error at its line, never `inf` in the output.
        for (c, column) in window.enumerated() {
            guard let t = column.firstIndex(where: { $0.isInfinite }) else { continue }
            let kind = options.mode == .cumulative ? "the difference of running totals" : "the sum of the rows"
            throw DataError(.nonFiniteNumber, file: source, line: sourceLines[lo + t] == 0 ? nil : sourceLines[lo + t],
                            column: rows.names[c], expected: "a daily value within the range of a double",
                            found: "\(kind) on \(date(lo + t)) overflows to \(column[t] > 0 ? "+" : "-")∞")
        }
        return DailySeries(start: start, names: rows.names, values: window, quality: report,
                           sourceLines: Array(sourceLines[lo...hi]))
    }
}
