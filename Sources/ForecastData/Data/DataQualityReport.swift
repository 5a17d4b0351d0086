// DataQualityReport — everything ingestion noticed about an input, as a value that travels with the series.
//
// Conventions:
//  1. Dates in the report are OUTPUT dates (after `--report-lag`); `line` fields are 1-based lines of the input
//     file (header or `[` = line 1 in the usual case), so each finding can be traced to its source row.
//  2. Lists that refer to days (gaps, duplicates, corrections, multi-day totals, first appearances, negative and
//     non-integer values) cover the output window (`--from/--to`) only; `inputSpan` is the whole input.
//  3. Per-column lists of values keep the first ten items; the counts are complete.

/// What ingestion found in an input: rows, dates, gaps, duplicates, corrections, first appearances, negative and
/// non-integer values, missing cells. Produced by ``DailySeries/ingest(path:options:)``; `json()` and `summary()`
/// render it (JSON for machines, text for stderr and `forecast describe`).
import ForecastCore
public struct DataQualityReport: Sendable, Equatable {
    /// Where the rows came from.
    public enum InputFormat: String, Sendable { case csv, json, memory }

    /// Rows sharing a date whose values were summed (`--sum-duplicates`).
    public struct Duplicate: Sendable, Equatable {
        public let date: CalendarDate
        /// Lines of all rows with that date, in file order.
        public let lines: [Int]

        public init(date: CalendarDate, lines: [Int]) { (self.date, self.lines) = (date, lines) }
    }

    /// A negative day-to-day difference of a running total, and what was done with it.
    public struct Correction: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            /// Kept as a negative daily value (`--corrections keep`).
            case kept
            /// The day's value was made missing (`--corrections missing`).
            case madeMissing
            /// The day was set to 0 and the amount spread over `over` (the days that had a value).
            case spread(over: [CalendarDate])
            /// `spread` was asked but no earlier day in the window had a value: kept.
            case notSpread
        }
        public let column: String
        public let date: CalendarDate
        /// The difference (negative), in the column's unit.
        public let size: Double
        /// Line of the row with the lower running total.
        public let line: Int?
        public let action: Action

        public init(column: String, date: CalendarDate, size: Double, line: Int?, action: Action) {
            (self.column, self.date, self.size, self.line, self.action) = (column, date, size, line, action)
        }
    }

    /// A difference of a running total across days without a value: a total for `span`, not one day's value.
    public struct MultiDayTotal: Sendable, Equatable {
        public let column: String
        /// The days the total covers (the unknown days and the day after them).
        public let span: DateSpan
        public let total: Double
        public let line: Int?

        public init(column: String, span: DateSpan, total: Double, line: Int?) {
            (self.column, self.span, self.total, self.line) = (column, span, total, line)
        }
    }

    /// A column whose first value comes after the series' first day (a category that appears mid-series):
    /// its first value is a to-date total, so that day has no daily value.
    public struct FirstAppearance: Sendable, Equatable {
        public let column: String
        public let date: CalendarDate
        public let value: Double
        public let line: Int?

        public init(column: String, date: CalendarDate, value: Double, line: Int?) {
            (self.column, self.date, self.value, self.line) = (column, date, value, line)
        }
    }

    /// A day's value, for lists of notable values.
    public struct DatedValue: Sendable, Equatable {
        public let date: CalendarDate
        public let value: Double

        public init(date: CalendarDate, value: Double) { (self.date, self.value) = (date, value) }
    }

    /// Per output column: coverage and values a count model would refuse.
    public struct ColumnFindings: Sendable, Equatable {
        public let name: String
        /// Output days with a value / without one.
        public let daysWithValue: Int
        public let missingDays: Int
        /// Per event: input rows whose field was empty (counted as 0), and the lines of the first ten.
        /// Other modes: empty input cells (they become missing days).
        public let emptyInputCells: Int
        public let emptyInputLines: [Int]
        public let negativeCount: Int
        public let negatives: [DatedValue]
        public let nonIntegerCount: Int
        public let nonIntegers: [DatedValue]

        /// Findings for one output column starting at `start`; NaN = missing.
        public init(name: String, values: [Double], start: CalendarDate, emptyInputCells: Int = 0,
                    emptyInputLines: [Int] = []) {
            self.name = name
            var (present, negativeCount, nonIntegerCount) = (0, 0, 0)
            var negatives: [DatedValue] = [], nonIntegers: [DatedValue] = []
            for (t, v) in values.enumerated() where !v.isNaN {
                present += 1
                if v < 0 {
                    negativeCount += 1
                    if negatives.count < 10 { negatives.append(DatedValue(date: start.adding(days: t), value: v)) }
                }
                if v != v.rounded() {
                    nonIntegerCount += 1
                    if nonIntegers.count < 10 { nonIntegers.append(DatedValue(date: start.adding(days: t), value: v)) }
                }
            }
            (daysWithValue, missingDays) = (present, values.count - present)
            (self.negativeCount, self.negatives, self.nonIntegerCount, self.nonIntegers)
                = (negativeCount, negatives, nonIntegerCount, nonIntegers)
            (self.emptyInputCells, self.emptyInputLines) = (emptyInputCells, emptyInputLines)
        }
    }

    /// Events of a calendar checked against the series' days.
    public struct EventCoverage: Sendable, Equatable {
        /// Events in the calendar.
        public let total: Int
        /// Events whose date is outside the output span (id, date), in calendar order.
        public let outside: [(id: String, date: CalendarDate)]

        public init(total: Int, outside: [(id: String, date: CalendarDate)]) {
            self.total = total
            self.outside = outside
        }

        public static func == (a: EventCoverage, b: EventCoverage) -> Bool {
            a.total == b.total && a.outside.map(\.id) == b.outside.map(\.id) && a.outside.map(\.date) == b.outside.map(\.date)
        }
    }

    /// The file as named by the caller, or nil for in-memory data.
    public var source: String?
    public var format: InputFormat
    public var mode: IngestMode
    public var dateColumn: String
    public var dateRule: DateColumnRule
    /// The date format in effect: `.automatic` resolves to `.iso` when every date is a plain `YYYY-MM-DD`, to
    /// `.isoDateTime` when some carry a time, else to `.dayMonthYearDots`.
    public var dateFormat: DateFormat
    public var valueColumns: [String]
    /// Columns left out of an automatic `--value` choice because their first value is not a number.
    public var skippedColumns: [String]
    /// `--where` filters, as written.
    public var filters: [String]
    /// Data rows (records) in the file, and how many passed the filters.
    public var rowsRead: Int
    public var rowsUsed: Int
    /// First and last date of the used rows, as written (before the report lag).
    public var inputSpan: DateSpan
    /// Used rows whose date is earlier than the previous used row's (0 = already ascending).
    public var orderInversions: Int
    /// Used rows whose date is later than the previous used row's (0 with inversions = newest first).
    public var orderAscents: Int
    public var reportLag: Int
    /// The days of the output series.
    public var outputSpan: DateSpan
    public var gapPolicy: GapPolicy
    /// Runs of output days without any input row.
    public var gaps: [DateSpan]
    public var duplicates: [Duplicate]
    public var correctionPolicy: CorrectionPolicy?
    public var corrections: [Correction]
    public var multiDayTotals: [MultiDayTotal]
    public var firstAppearances: [FirstAppearance]
    public var columns: [ColumnFindings]
    public var events: EventCoverage?

    /// Whether the used rows were in ascending date order.
    public var sortedAscending: Bool { orderInversions == 0 }
    /// Whether the used rows were in descending date order (newest first) with at least one step down.
    public var sortedDescending: Bool { orderAscents == 0 && orderInversions > 0 }
    /// Total missing output cells over all columns.
    public var missingCells: Int { columns.reduce(0) { $0 + $1.missingDays } }

    /// A report for in-memory daily values (mode `.levels`, no input file).
    public init(inMemory names: [String], values: [[Double]], start: CalendarDate) {
        let span = DateSpan(first: start, last: start.adding(days: max(values.first?.count ?? 1, 1) - 1))
        self.init(source: nil, format: .memory, mode: .levels, dateColumn: "date", dateRule: .explicit,
                  dateFormat: .iso, valueColumns: names, skippedColumns: [], filters: [], rowsRead: span.dayCount,
                  rowsUsed: span.dayCount, inputSpan: span, orderInversions: 0, orderAscents: max(0, span.dayCount - 1),
                  reportLag: 0, outputSpan: span,
                  gapPolicy: .empty, gaps: [], duplicates: [], correctionPolicy: nil, corrections: [],
                  multiDayTotals: [], firstAppearances: [],
                  columns: zip(names, values).map { ColumnFindings(name: $0, values: $1, start: start) }, events: nil)
    }

    /// Every field, as given.
    public init(source: String?, format: InputFormat, mode: IngestMode, dateColumn: String, dateRule: DateColumnRule,
                dateFormat: DateFormat, valueColumns: [String], skippedColumns: [String], filters: [String],
                rowsRead: Int, rowsUsed: Int, inputSpan: DateSpan, orderInversions: Int, orderAscents: Int, reportLag: Int,
                outputSpan: DateSpan, gapPolicy: GapPolicy, gaps: [DateSpan], duplicates: [Duplicate],
                correctionPolicy: CorrectionPolicy?, corrections: [Correction], multiDayTotals: [MultiDayTotal],
                firstAppearances: [FirstAppearance], columns: [ColumnFindings], events: EventCoverage?) {
        (self.source, self.format, self.mode, self.dateColumn, self.dateRule, self.dateFormat)
            = (source, format, mode, dateColumn, dateRule, dateFormat)
        (self.valueColumns, self.skippedColumns, self.filters, self.rowsRead, self.rowsUsed)
            = (valueColumns, skippedColumns, filters, rowsRead, rowsUsed)
        (self.inputSpan, self.orderInversions, self.orderAscents, self.reportLag, self.outputSpan)
            = (inputSpan, orderInversions, orderAscents, reportLag, outputSpan)
        (self.gapPolicy, self.gaps) = (gapPolicy, gaps)
        (self.duplicates, self.correctionPolicy, self.corrections, self.multiDayTotals, self.firstAppearances)
            = (duplicates, correctionPolicy, corrections, multiDayTotals, firstAppearances)
        (self.columns, self.events) = (columns, events)
    }
}
