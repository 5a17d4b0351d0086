import ArgumentParser
import Forecast

/// The input options shared by `ingest`, `describe`, `fit`, `effects` and `backtest`: the file and how its rows become
/// one value per day. `ingestOptions()` turns them into the library's `IngestOptions`; `validate()` rejects
/// conflicting combinations as usage errors (exit 64) before any file is read.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input file: CSV/TSV (delimiter , ; or tab, detected) or a JSON array of records (*.json).")
    var file: String

    @Option(help: ArgumentHelp("The date or timestamp column.", discussion: """
        Default: 'time_end' with --per-event when present; else a column named 'date' (any case); else the first \
        column whose first value is a date. The column used is reported.
        """))
    var dateColumn: String?

    @Option(help: "How dates are written: \(DateFormatArgument.allValueStrings.joined(separator: ", ")). Slash dates need an explicit format.")
    var dateFormat: DateFormatArgument = .auto

    @Flag(help: "The values are running totals: daily = difference (corrections, gaps and new columns reported).")
    var cumulative = false

    @Flag(help: "One row per event/attack window: values are summed per day of the date column (empty = 0).")
    var perEvent = false

    @Option(name: .customLong("value"), help: "A value column to keep (repeat for several; default: every numeric column).")
    var values: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Row filter COL~REGEX, COL=TEXT, COL!~REGEX or COL!=TEXT (repeat to AND them).",
        discussion: "REGEX is an unanchored, case-sensitive search; TEXT an exact match of the trimmed cell."))
    var filters: [String] = []

    @Option(parsing: .unconditional, help: "Shift dates back N days (the General Staff report dated D covers D−1: use 1). Default 0.")
    var reportLag: Int = 0

    @Option(parsing: .unconditional, help: "With --cumulative: the running total before the first day (gives the first day a value).")
    var baseline: Double?

    @Option(help: "Days without a row: empty, zero or error (default: zero with --per-event, else empty).")
    var gaps: GapArgument?

    @Option(help: "With --cumulative, negative differences: keep, missing or spread:K (default keep).")
    var corrections: CorrectionArgument?

    @Flag(help: "Sum the values of rows sharing a date (default: a duplicate date is an error).")
    var sumDuplicates = false

    @Option(help: "First output day, YYYY-MM-DD (differences still use the days before it).")
    var from: DayArgument?

    @Option(help: "Last output day, YYYY-MM-DD.")
    var to: DayArgument?

    func validate() throws {
        do { try ingestOptions().check() } catch let error as OptionError {
            throw error.validationError
        } catch let error as SettingError {
            throw OptionError(error).validationError
        }
    }

    /// `fit` and `backtest`: `--value all` (every numeric column) stands alone.
    func checkValueAll() throws {
        if values.contains("all") && values.count > 1 {
            throw ValidationError("--value all takes every numeric column and cannot be combined with other --value columns")
        }
    }

    /// The library options these arguments describe (throws `OptionError` for a bad `--where` or conflicting modes).
    func ingestOptions() throws -> IngestOptions {
        if cumulative && perEvent { throw OptionError("--cumulative and --per-event cannot be combined") }
        return IngestOptions(
            dateColumn: dateColumn, dateFormat: dateFormat.format,
            mode: cumulative ? .cumulative : perEvent ? .perEvent : .levels,
            valueColumns: values, filters: try rowFilters(), reportLag: reportLag,
            baseline: baseline, gaps: gaps?.policy, corrections: corrections?.policy ?? .keep,
            sumDuplicates: sumDuplicates, from: from?.date, to: to?.date)
    }

    /// The `--where` filters (a malformed one is an `OptionError` naming `--where`).
    private func rowFilters() throws -> [RowFilter] {
        var parsed: [RowFilter] = []
        for text in filters {
            do { parsed.append(try RowFilter(parsing: text)) } catch { throw OptionError(error) }
        }
        return parsed
    }

    /// Reads the file as these options say (data errors are `DataError`).
    func ingest() throws -> DailySeries {
        try DailySeries.ingest(path: file, options: ingestOptions())
    }
}

/// `--date-format` values.
enum DateFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, iso, isoDatetime = "iso-datetime", dots = "dd.mm.yyyy", dayMonthSlashes = "dd/mm/yyyy",
         monthDaySlashes = "mm/dd/yyyy", yearFirstSlashes = "yyyy/mm/dd"

    var format: DateFormat {
        switch self {
        case .auto: return .automatic
        case .iso: return .iso
        case .isoDatetime: return .isoDateTime
        case .dots: return .dayMonthYearDots
        case .dayMonthSlashes: return .dayMonthYearSlashes
        case .monthDaySlashes: return .monthDayYearSlashes
        case .yearFirstSlashes: return .yearMonthDaySlashes
        }
    }
}

/// `--gaps` values.
enum GapArgument: String, ExpressibleByArgument, CaseIterable {
    case empty, zero, error
    var policy: GapPolicy { GapPolicy(rawValue: rawValue)! }
}

/// `--corrections keep|missing|spread:K`.
struct CorrectionArgument: ExpressibleByArgument {
    let policy: CorrectionPolicy
    init?(argument: String) {
        guard let policy = try? CorrectionPolicy(parsing: argument) else { return nil }
        self.policy = policy
    }
    static var allValueStrings: [String] { ["keep", "missing", "spread:K"] }
}

/// A `YYYY-MM-DD` option value.
struct DayArgument: ExpressibleByArgument {
    let date: CalendarDate
    init?(argument: String) {
        guard let date = CalendarDate(iso: argument) else { return nil }
        self.date = date
    }
}
