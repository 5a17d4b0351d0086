// DailySeries — named columns with one value per calendar day, and the quality report of the input they came from.

/// Columns of daily values over consecutive calendar days, `start ... end`, with missing days as NaN.
///
/// **Shape.** `values[c][t]` is column `names[c]` on day `start + t`, for `t` in `0..<dayCount`; every column has
/// `dayCount` elements; there are no dates without a row and no duplicates. Missing values (a day without data,
/// the first day of a differenced series, an empty cell) are `Double.nan` and are excluded from fits.
/// Units are the input's (persons, pieces of equipment, missiles or drones per day).
///
/// **Provenance.** `quality` says how the series was made (file, date column, mode, filters) and what was found
/// (gaps, duplicates, corrections, first appearances, negative and non-integer values); `fit` carries it in
/// its output (JSON `dataQuality`). Built by ``ingest(path:options:)`` from a file, or by ``init(start:names:values:)`` in memory.
///
/// A value type, `Sendable`; O(days × columns) storage, column-major.
import ForecastCore
public struct DailySeries: Sendable {
    /// The first day.
    public let start: CalendarDate
    /// Column names, in output order (the input's names).
    public let names: [String]
    /// `values[c][t]`: column c on day `start + t`; NaN = missing.
    public let values: [[Double]]
    /// What ingestion found (see ``DataQualityReport``).
    public internal(set) var quality: DataQualityReport
    /// `sourceLines[t]`: the first input line that contributed to day t (0 = none: a gap or in-memory data).
    let sourceLines: [Int]

    /// A series from in-memory columns (a quality report is computed for them, with `format` `.memory`).
    /// Preconditions: at least one day; every column has the same length; names are unique.
    public init(start: CalendarDate, names: [String], values: [[Double]]) {
        precondition(names.count == values.count, "DailySeries: \(names.count) names for \(values.count) columns")
        precondition(Set(names).count == names.count, "DailySeries: column names must be unique")
        self.init(start: start, names: names, values: values,
                  quality: DataQualityReport(inMemory: names, values: values, start: start), sourceLines: nil)
    }

    init(start: CalendarDate, names: [String], values: [[Double]], quality: DataQualityReport, sourceLines: [Int]?) {
        let n = values.first?.count ?? quality.outputSpan.dayCount
        precondition(n >= 1, "DailySeries: at least one day is needed")
        precondition(values.allSatisfy { $0.count == n }, "DailySeries: every column must have \(n) days")
        precondition(sourceLines == nil || sourceLines!.count == n, "DailySeries: one source line per day")
        self.start = start
        self.names = names
        self.values = values
        self.quality = quality
        self.sourceLines = sourceLines ?? [Int](repeating: 0, count: n)
    }

    /// The number of days, `end − start + 1`.
    public var dayCount: Int { sourceLines.count }

    /// The last day.
    public var end: CalendarDate { start.adding(days: dayCount - 1) }

    /// Every day from `start` to `end`.
    public var dates: [CalendarDate] { (0..<dayCount).map { start.adding(days: $0) } }

    /// The day at index `t` (0-based). Precondition: `0 <= t < dayCount`.
    public func date(at t: Int) -> CalendarDate {
        precondition(t >= 0 && t < dayCount, "DailySeries.date(at:): \(t) out of 0..<\(dayCount)")
        return start.adding(days: t)
    }

    /// The index of `date`, or nil outside `start ... end`.
    public func index(of date: CalendarDate) -> Int? {
        let t = date - start
        return t >= 0 && t < dayCount ? t : nil
    }

    /// The first input line behind day `t` (for messages such as a count model refusing a negative value),
    /// or nil for a day without input rows or in-memory data.
    public func sourceLine(ofDay t: Int) -> Int? {
        precondition(t >= 0 && t < dayCount, "DailySeries.sourceLine(ofDay:): \(t) out of 0..<\(dayCount)")
        return sourceLines[t] == 0 ? nil : sourceLines[t]
    }

    /// The values of column `name` (exact name, else the only case-insensitive match).
    /// Throws `.missingColumn` with the nearest name as a suggestion.
    public func column(named name: String) throws(DataError) -> [Double] {
        if let k = names.firstIndex(of: name) { return values[k] }
        let matches = names.indices.filter { names[$0].lowercased() == name.lowercased() }
        if matches.count == 1 { return values[matches[0]] }
        throw DataError(.missingColumn(suggestion: NearestName.nearest(to: name, in: names)),
                        file: quality.source, column: name)
    }

    /// The days `from ... to` (each clipped to the series; nil = no bound), or nil when that leaves no day.
    /// The quality report keeps describing the input; its output span, day lists (gaps, duplicates, corrections,
    /// multi-day totals, first appearances) and per-column value findings follow the selection (empty-input-cell
    /// counts are kept as they were).
    public func selecting(from: CalendarDate?, to: CalendarDate?) -> DailySeries? {
        let lo = max(0, from.map { $0 - start } ?? 0)
        let hi = min(dayCount - 1, to.map { $0 - start } ?? dayCount - 1)
        guard lo <= hi else { return nil }
        var report = quality
        let first = start.adding(days: lo)
        let sliced = values.map { Array($0[lo...hi]) }
        let span = DateSpan(first: first, last: start.adding(days: hi))
        report.outputSpan = span
        report.gaps = quality.gaps.compactMap { gap in
            gap.last < span.first || gap.first > span.last ? nil
                : DateSpan(first: max(gap.first, span.first), last: min(gap.last, span.last))
        }
        report.duplicates = quality.duplicates.filter { span.contains($0.date) }
        report.corrections = quality.corrections.filter { span.contains($0.date) }
        report.multiDayTotals = quality.multiDayTotals.filter { span.contains($0.span.last) }
        report.firstAppearances = quality.firstAppearances.filter { span.contains($0.date) }
        report.columns = names.indices.map { c in
            let old = quality.columns.first { $0.name == names[c] }
            return DataQualityReport.ColumnFindings(name: names[c], values: sliced[c], start: first,
                                                    emptyInputCells: old?.emptyInputCells ?? 0,
                                                    emptyInputLines: old?.emptyInputLines ?? [])
        }
        return DailySeries(start: first, names: names, values: sliced, quality: report,
                           sourceLines: Array(sourceLines[lo...hi]))
    }

    /// The series with the calendar's coverage noted in the quality report (events outside `start ... end`).
    public func noting(events calendar: EventCalendar) -> DailySeries {
        var copy = self
        let span = DateSpan(first: start, last: end)
        copy.quality.events = DataQualityReport.EventCoverage(
            total: calendar.events.count,
            outside: calendar.events.filter { !span.contains($0.date) }.map { ($0.id, $0.date) })
        return copy
    }
}
