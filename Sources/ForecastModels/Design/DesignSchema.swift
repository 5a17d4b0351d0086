import ForecastCore
import ForecastData
import Foundation

/// A design specification bound to its training data: the trend origin and lag transform are fixed at fit time,
/// so future rows are built by the same rules and columns never shift.
///
/// Column order: `const`, `trend`, `trend_sq`, `dow_tue` … `dow_sun`, Fourier pairs (`sin1_P`, `cos1_P`, …),
/// `cp_…` hinges, `lagL`, `event_…`, `step_…`, regressors.
public struct DesignSchema: Sendable, Equatable {
    /// How AR lag columns transform the response.
    public enum LagTransform: String, Sendable, Equatable {
        /// y itself (least squares).
        case identity
        /// log(1 + y) (count models).
        case log1p

        @inlinable public func apply(_ y: Double) -> Double { self == .identity ? y : Foundation.log1p(y) }
    }

    public let specification: DesignSpecification
    /// First day of the training window; `trend` = (date − trendOrigin) / 365.25.
    public let trendOrigin: CalendarDate
    public let lagTransform: LagTransform
    /// The design column names, in order.
    public let columnNames: [String]

    public init(specification: DesignSpecification, trendOrigin: CalendarDate, lagTransform: LagTransform) {
        self.specification = specification
        self.trendOrigin = trendOrigin
        self.lagTransform = lagTransform
        columnNames = specification.columnNames
    }

    /// Trend value of a day (years since the trend origin).
    @inlinable public func trend(at date: CalendarDate) -> Double { Double(date - trendOrigin) / 365.25 }

    /// One design row.
    /// - Parameters:
    ///   - date: the day of the row (trend, weekday, Fourier phase, hinges, events and steps come from it).
    ///   - lags: the response `lagL` days before `date`, for each AR lag in order, already transformed.
    ///   - regressors: each regressor's value on `date`, in order.
    public func row(for date: CalendarDate, lags: [Double], regressors: [Double]) -> [Double] {
        var row: [Double] = []
        row.reserveCapacity(columnNames.count)
        fillRow(&row, for: date, lags: lags, regressors: regressors)
        return row
    }

    /// ``row(for:lags:regressors:)`` written into `row`, replacing its contents and keeping its capacity, so that
    /// a caller building many rows allocates once.
    public func fillRow(_ row: inout [Double], for date: CalendarDate, lags: [Double], regressors: [Double]) {
        row.removeAll(keepingCapacity: true)
        let s = specification
        let t = trend(at: date)
        if s.intercept { row.append(1) }
        if s.trend != .none { row.append(t) }
        if s.trend == .quadratic { row.append(t * t) }
        if s.dayOfWeek {
            let weekday = date.weekday
            for day in 2...7 { row.append(weekday == day ? 1 : 0) }
        }
        for f in s.fourier {
            for k in 1...f.order {
                let value = Self.harmonic(k, of: f, on: date)
                row.append(value.sin)
                row.append(value.cos)
            }
        }
        for cp in s.changepoints { row.append(max(0, t - trend(at: cp))) }
        row += lags
        for event in s.events { row.append(event.contains(date) ? 1 : 0) }
        for step in s.steps { row.append(date >= step.date ? 1 : 0) }
        row += regressors
    }

    /// The k-th harmonic of a Fourier term on `date`: sin and cos of 2πk·day/period (day = days since the epoch).
    /// sin and cos are O(1) and the angle's rounding error is below ~1e-10 for every date and period, so a value
    /// under 1e-9 in magnitude is a true zero: it is returned as 0. (Period 2 makes sin(πt) a zero column, which the
    /// solver then aliases, instead of rounding noise that would get a coefficient of 1e12.)
    @inlinable static func harmonic(_ k: Int, of term: FourierTerm, on date: CalendarDate) -> (sin: Double, cos: Double) {
        let angle = 2 * Double.pi * Double(k) * Double(date.daysSinceEpoch) / term.period
        let (s, c) = (Foundation.sin(angle), Foundation.cos(angle))
        return (abs(s) < 1e-9 ? 0 : s, abs(c) < 1e-9 ? 0 : c)
    }

    /// The design for consecutive days, rows whose lag or regressor values are missing (NaN) reported by index.
    /// - Parameters:
    ///   - dates: the days, one row each.
    ///   - response: raw response by day (NaN = missing), consulted for lags (may reach before the first date).
    ///   - regressor: value of regressor `name` on a day (NaN or nil = missing).
    public func design(for dates: [CalendarDate], response: (CalendarDate) -> Double,
                       regressor: (String, CalendarDate) -> Double?) -> (design: DesignMatrix, incompleteRows: [Int]) {
        var rows: [[Double]] = []
        var incomplete: [Int] = []
        let s = specification
        for (index, date) in dates.enumerated() {
            let lags = s.autoregressiveLags.map { lagTransform.apply(response(date.adding(days: -$0))) }
            let values = s.regressors.map { regressor($0, date) ?? .nan }
            if lags.contains(where: { !$0.isFinite }) || values.contains(where: { !$0.isFinite }) { incomplete.append(index) }
            rows.append(row(for: date, lags: lags, regressors: values))
        }
        var matrix = Matrix(rows: rows.count, columns: columnNames.count)
        for (i, row) in rows.enumerated() { for j in row.indices { matrix[i, j] = row[j] } }
        return (DesignMatrix(names: columnNames, values: matrix), incomplete)
    }
}
