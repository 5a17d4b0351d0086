// DatedSeries — the one dated-data value every analysis entry point takes: a daily response, the regressors that
// go with it, and where each day came from in the input.

/// A daily response with its regressors, from `start`, one value per consecutive calendar day.
///
/// **Shape.** `values[t]` is the response on day `start + t` (NaN = missing). `regressors[name][t]` is a regressor
/// on the same day; a regressor may run *past* the response's last day (known-in-advance inputs such as a control
/// series observed through an event window) but never starts later. Units are the input's (persons, missiles or
/// drones per day).
///
/// **Look-ahead.** ``through(_:)`` cuts the response at a day (an origin) and keeps the regressors: a forecaster
/// trained on `series.through(origin)` cannot see any response value after the origin.
///
/// **Provenance.** `sourceLine(at:)` gives the first input line behind a day, so that a model error about a day
/// (a negative count, say) is located once, at the source.
import ForecastCore
public struct DatedSeries: Sendable {
    /// The response's name (a column of the input).
    public let name: String
    /// The day of `values[0]`.
    public let start: CalendarDate
    /// The response per day; NaN = missing.
    public let values: [Double]
    /// Regressors by name, aligned with `start`; each at least `values.count` long.
    public let regressors: [String: [Double]]
    /// `sourceLines[t]`: first input line behind day t (0 = none); empty for in-memory data.
    let sourceLines: [Int]
    /// The file the series was read from, when it was.
    public let source: String?

    /// A series from memory. Precondition: at least one day; every regressor has at least `values.count` days.
    public init(name: String = "y", start: CalendarDate, values: [Double], regressors: [String: [Double]] = [:]) {
        self.init(name: name, start: start, values: values, regressors: regressors, sourceLines: [], source: nil)
    }

    init(name: String, start: CalendarDate, values: [Double], regressors: [String: [Double]], sourceLines: [Int],
         source: String?) {
        precondition(!values.isEmpty, "DatedSeries: at least one day is needed")
        precondition(regressors.values.allSatisfy { $0.count >= values.count },
                     "DatedSeries: every regressor must cover the response's days")
        self.name = name
        self.start = start
        self.values = values
        self.regressors = regressors
        self.sourceLines = sourceLines
        self.source = source
    }

    /// The response `response` and the regressors `regressorNames` of an ingested series.
    /// Throws `DataError` (with the nearest column name) for a name the series does not have.
    public init(series: DailySeries, response: String, regressors regressorNames: [String] = []) throws(DataError) {
        let values = try series.column(named: response)
        var regressors: [String: [Double]] = [:]
        for name in regressorNames { regressors[name] = try series.column(named: name) }
        self.init(name: response, start: series.start, values: values, regressors: regressors,
                  sourceLines: series.dates.indices.map { series.sourceLine(ofDay: $0) ?? 0 }, source: series.quality.source)
    }

    /// The number of days with a response slot.
    public var dayCount: Int { values.count }

    /// The last day of the response.
    public var end: CalendarDate { start.adding(days: values.count - 1) }

    /// Every day from `start` to `end`.
    public var dates: [CalendarDate] { (0..<values.count).map { start.adding(days: $0) } }

    /// The response on a day (NaN when missing or outside the series).
    public func value(at date: CalendarDate) -> Double {
        Self.value(in: values, start: start, at: date)
    }

    /// A regressor on a day: nil when the name is unknown, the day is outside its column, or the value is missing.
    public func regressor(_ name: String, at date: CalendarDate) -> Double? {
        Self.regressor(in: regressors[name], start: start, at: date)
    }

    /// `column[date − start]`, NaN outside the column: the one day lookup of a response array (also used by
    /// `TimeSeriesFit` and the backtest's data, which hold their arrays unwrapped).
    package static func value(in column: [Double], start: CalendarDate, at date: CalendarDate) -> Double {
        let t = date - start
        return t >= 0 && t < column.count ? column[t] : .nan
    }

    /// `column[date − start]` when the column exists, covers the day and the value is finite; else nil.
    package static func regressor(in column: [Double]?, start: CalendarDate, at date: CalendarDate) -> Double? {
        let t = date - start
        guard let column, t >= 0, t < column.count, column[t].isFinite else { return nil }
        return column[t]
    }

    /// The series with the response cut after `last` (regressors kept whole): what a forecaster at origin `last`
    /// may see. Precondition: `start <= last`.
    public func through(_ last: CalendarDate) -> DatedSeries {
        precondition(last >= start, "DatedSeries.through: \(last) is before the first day \(start)")
        let count = min(values.count, last - start + 1)
        return DatedSeries(name: name, start: start, values: Array(values[0..<count]), regressors: regressors,
                           sourceLines: sourceLines.isEmpty ? [] : Array(sourceLines[0..<count]), source: source)
    }

    /// The same days with another response (a data vintage: the response as known on some day), regressors kept.
    public func replacingValues(_ newValues: [Double]) -> DatedSeries {
        DatedSeries(name: name, start: start, values: newValues, regressors: regressors,
                    sourceLines: newValues.count == sourceLines.count ? sourceLines : [], source: source)
    }

    /// The first input line behind `date`, or nil (in-memory data, a gap, or outside the series).
    public func sourceLine(at date: CalendarDate) -> Int? {
        let t = date - start
        guard t >= 0, t < sourceLines.count, sourceLines[t] > 0 else { return nil }
        return sourceLines[t]
    }
}
