// IngestOptions — what `DailySeries.ingest` is asked to do, checked once before any data is read.

/// How the rows of an input file become one value per calendar day.
import ForecastCore
public enum IngestMode: String, Sendable, CaseIterable {
    /// One row per date holding the day's values (a daily file): copied, sorted, checked.
    case levels
    /// One row per date holding running totals (the General Staff feed): daily = first difference
    /// (see ``CumulativeToDaily``).
    case cumulative
    /// Any number of rows per date, one per record (the Air Force feed): values summed per day
    /// (see ``PerEventAggregation``).
    case perEvent = "per-event"
}

/// What to do with calendar days that have no input row.
public enum GapPolicy: String, Sendable, CaseIterable {
    /// An empty (missing, NaN) cell; gaps are listed in the quality report. The default, except per event.
    case empty
    /// A zero (the per-event default: a day without records had no recorded events). Not allowed with
    /// cumulative input, where it would hide a multi-day total.
    case zero
    /// A `DataError` naming the first missing day.
    case error
}

/// What to do with a negative daily difference of a cumulative series (a correction of the running total).
public enum CorrectionPolicy: Sendable, Equatable, CustomStringConvertible {
    /// Keep the negative value (the default). Count models refuse it later with a clear message.
    case keep
    /// Make that day's value missing.
    case missing
    /// Set that day to 0 and spread the negative amount over the `days` previous days that have a value
    /// (integer amounts are split into integers, the remainder going to the latest days).
    case spread(days: Int)

    /// Parses `keep`, `missing` or `spread:K` (K ≥ 1).
    public init(parsing text: String) throws(SettingError) {
        switch text {
        case "keep": self = .keep
        case "missing": self = .missing
        default:
            guard text.hasPrefix("spread:"), let k = Int(text.dropFirst(7)), k >= 1 else {
                throw SettingError("{0} must be keep, missing or spread:K with K ≥ 1, got '\(text)'", .corrections)
            }
            self = .spread(days: k)
        }
    }

    public var description: String {
        switch self {
        case .keep: return "keep"
        case .missing: return "missing"
        case .spread(let k): return "spread:\(k)"
        }
    }
}

/// Everything ``DailySeries/ingest(path:options:)`` needs besides the file. Defaults read a daily file as is.
///
/// Shared by `forecast ingest`, `describe` and the later `fit`/`effects` commands (`InputOptions` in the CLI
/// builds one). Call ``check()`` once; `ingest` calls it too and reports a conflict as `DataError(.invalid)`.
public struct IngestOptions: Sendable {
    /// The date (or timestamp) column; nil = automatic: `time_end` when per event and present, else a column
    /// named `date` (any case), else the first column whose first non-empty cell is a date.
    public var dateColumn: String?
    /// How the date column is written.
    public var dateFormat: DateFormat = .automatic
    /// How rows become days.
    public var mode: IngestMode = .levels
    /// The value columns, in output order; empty = every numeric column except the date column
    /// (a column is numeric when its first non-empty cell among the used rows is a number).
    public var valueColumns: [String] = []
    /// Row filters, all of which a row must pass (ANDed).
    public var filters: [RowFilter] = []
    /// Shift every date back this many days (≥ 0): the General Staff report dated D covers D−1 (`1`).
    /// The reference series use 0, the default.
    public var reportLag: Int = 0
    /// Cumulative only: the running total before the first day, so that the first day gets a daily value.
    public var baseline: Double?
    /// Days without a row; nil = `.zero` per event, `.empty` otherwise.
    public var gaps: GapPolicy?
    /// Cumulative only: negative differences.
    public var corrections: CorrectionPolicy = .keep
    /// Levels only: sum the values of rows sharing a date instead of failing.
    public var sumDuplicates = false
    /// First and last output day (inclusive); cumulative differences are taken on the whole series first.
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// The data as known on this day: rows whose (report-lag-shifted) date is later are dropped before any
    /// conversion, so differences, corrections and gaps see only what existed then (a backtest origin's view;
    /// unlike `to`, which trims the output after conversion). nil = every row.
    public var asOf: CalendarDate?

    public init(dateColumn: String? = nil, dateFormat: DateFormat = .automatic, mode: IngestMode = .levels,
                valueColumns: [String] = [], filters: [RowFilter] = [], reportLag: Int = 0, baseline: Double? = nil,
                gaps: GapPolicy? = nil, corrections: CorrectionPolicy = .keep, sumDuplicates: Bool = false,
                from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.dateColumn = dateColumn
        self.dateFormat = dateFormat
        self.mode = mode
        self.valueColumns = valueColumns
        self.filters = filters
        self.reportLag = reportLag
        self.baseline = baseline
        self.gaps = gaps
        self.corrections = corrections
        self.sumDuplicates = sumDuplicates
        self.from = from
        self.to = to
    }

    /// The gap policy in effect (`gaps`, or the mode's default).
    public var effectiveGaps: GapPolicy { gaps ?? (mode == .perEvent ? .zero : .empty) }

    /// Throws the first conflict among the options (a `SettingError` naming the settings at fault).
    public func check() throws(SettingError) {
        if reportLag < 0 { throw SettingError("{0} must be ≥ 0 days, got \(reportLag)", .reportLag) }
        if reportLag > 366 { throw SettingError("{0} must be at most 366 days, got \(reportLag)", .reportLag) }
        if let from, let to, from > to { throw SettingError("{0} \(from) is after {1} \(to)", .from, .to) }
        if baseline != nil && mode != .cumulative { throw SettingError("{0} applies to {1} input only", .baseline, .cumulativeMode) }
        if let baseline, !baseline.isFinite { throw SettingError("{0} must be a finite number", .baseline) }
        if corrections != .keep && mode != .cumulative {
            throw SettingError("{0} applies to {1} input only", .corrections, .cumulativeMode)
        }
        if case .spread(let k) = corrections, k < 1 { throw SettingError("{0} spread:K needs K ≥ 1", .corrections) }
        if sumDuplicates && mode != .levels {
            throw mode == .perEvent ? SettingError("{0} is implied by {1} (rows are always summed)", .sumDuplicates, .perEventMode)
                                    : SettingError("{0} cannot be used with {1} (running totals do not add)", .sumDuplicates, .cumulativeMode)
        }
        if mode == .cumulative && gaps == .zero {
            throw SettingError("{0} zero cannot be used with {1}: a missing day's loss is unknown, not 0", .gaps, .cumulativeMode)
        }
        var seen = Set<String>()
        for name in valueColumns where !seen.insert(name).inserted {
            throw SettingError("{0} '\(name)' is given twice", .valueColumns)
        }
        if let dateColumn, valueColumns.contains(dateColumn) {
            throw SettingError("{0} '\(dateColumn)' is the date column", .valueColumns)
        }
    }
}
