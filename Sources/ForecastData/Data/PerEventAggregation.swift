// PerEventAggregation — one record per attack window → one total per calendar day (THE REFERENCE RULE of
// Tests/Fixtures/reference/README.md, "series/strikes_daily.csv").
//
// Policy:
//  1. Each record counts on one day: the date of its timestamp column as written (first 10 characters of the
//     trimmed `YYYY-MM-DD[ HH:MM]` text; no time-zone conversion), chosen by the caller (`time_end` by default).
//  2. Every record is summed: no de-duplication (national and regional posts may double count — a caveat of the
//     feed, not something to guess away). An empty field counts as 0 and is counted per day (`emptyCells`).
//  3. The result covers every day from the first to the last record date; days without records are 0 with
//     `rows` = 0 (`DailySeries.ingest` may make them missing with `--gaps empty`).
//  4. Sums use compensated (double-double) accumulation, so they are exact for integer counts and, for other
//     values, do not depend on the order of the records (the property tests shuffle them).
// Cost: O(records × columns + days × columns); no sorting.

/// Daily totals of per-event records (rules at the top of PerEventAggregation.swift).
import ForecastCore
public struct PerEventAggregation: Sendable {
    /// The first day (the earliest record date).
    public let start: CalendarDate
    /// `sums[c][t]`: total of value column c on day `start + t`.
    public let sums: [[Double]]
    /// `rows[t]`: number of records on day `start + t`.
    public let rows: [Int]
    /// `emptyCells[c][t]`: records of day t whose field c was empty (counted as 0).
    public let emptyCells: [[Int]]
    /// `firstLine[t]`: the first `line` (in input order) of a record on day t, 0 when there is none.
    public let firstLine: [Int]

    /// The number of days, last record date − first + 1.
    public var dayCount: Int { rows.count }

    /// Aggregates records with dates `dates[r]` and values `values[c][r]` (NaN = empty field).
    /// Precondition: at least one record; every column as long as `dates`.
    public init(dates: [CalendarDate], values: [[Double]]) {
        self.init(days: dates.map(\.daysSinceEpoch), values: values, lines: nil)
    }

    /// The same, on day numbers (days since 1970-01-01), with optional input lines per record.
    init(days: [Int], values: [[Double]], lines: [Int]?) {
        precondition(!days.isEmpty, "PerEventAggregation: no records")
        precondition(values.allSatisfy { $0.count == days.count }, "PerEventAggregation: columns must match the dates")
        var (first, last) = (days[0], days[0])
        for d in days { first = min(first, d); last = max(last, d) }
        let n = last - first + 1
        var rows = [Int](repeating: 0, count: n)
        var firstLine = [Int](repeating: 0, count: n)
        for (r, d) in days.enumerated() {
            let t = d - first
            rows[t] += 1
            if firstLine[t] == 0 { firstLine[t] = lines?[r] ?? (r + 1) }
        }
        var sums: [[Double]] = [], empties: [[Int]] = []
        for column in values {
            var high = [Double](repeating: 0, count: n), low = [Double](repeating: 0, count: n)
            var empty = [Int](repeating: 0, count: n)
            for (r, v) in column.enumerated() {
                let t = days[r] - first
                if v.isNaN { empty[t] += 1; continue }
                let s = high[t] + v  // TwoSum: the rounding error of each addition goes into `low`
                let bp = s - high[t]
                low[t] += (high[t] - (s - bp)) + (v - bp)
                high[t] = s
            }
            sums.append(zip(high, low).map { $0 + $1 })
            empties.append(empty)
        }
        self.start = CalendarDate(daysSinceEpoch: first)
        (self.sums, self.rows, self.emptyCells, self.firstLine) = (sums, rows, empties, firstLine)
    }
}
