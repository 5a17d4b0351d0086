import ForecastCore
import ForecastData
import Foundation

// DesignSchema+Columns — many design rows at once, written column by column.
//
// `row(for:lags:regressors:)` builds one row in a new array; a caller building a whole window (a backtest
// refactorizing its factor, about a thousand rows) would pay an array and its appends per row. `fillDesign`
// writes the same values straight into a column-major matrix, one term at a time. The values are bit-for-bit
// those of `row(for:…)`: every term is evaluated by the same expression (tested).

extension DesignSchema {
    /// Writes the design rows of `dates` into rows 0..<dates.count of `matrix` (at least that many rows,
    /// `columnNames.count` columns, column-major), column by column: row i equals
    /// `row(for: dates[i], lags: [], regressors: [regressor(0, i), regressor(1, i), …])`.
    /// Precondition: the specification has no AR lags (their values come from the response, not the calendar).
    /// Cost: O(rows × columns) with no allocation.
    /// - Parameters:
    ///   - matrix: the destination, at least `dates.count` rows and `columnNames.count` columns; other rows are
    ///     left alone.
    ///   - dates: the day of each row.
    ///   - regressor: the value of regressor r (the specification's order) in row i.
    public func fillDesign(_ matrix: inout Matrix, dates: [CalendarDate], regressor: (_ r: Int, _ i: Int) -> Double) {
        let s = specification
        precondition(s.autoregressiveLags.isEmpty, "DesignSchema.fillDesign: AR lags need the response; use row(for:lags:regressors:)")
        precondition(matrix.rows >= dates.count && matrix.columns == columnNames.count,
                     "DesignSchema.fillDesign: a \(matrix.rows)×\(matrix.columns) matrix for \(dates.count)×\(columnNames.count)")
        let n = dates.count, ld = matrix.rows
        matrix.storage.withUnsafeMutableBufferPointer { a in
            var j = 0
            func column(_ value: (Int) -> Double) {
                let base = j * ld
                for i in 0..<n { a[base + i] = value(i) }
                j += 1
            }
            if s.intercept { column { _ in 1 } }
            if s.trend != .none { column { trend(at: dates[$0]) } }
            if s.trend == .quadratic {
                column {
                    let t = trend(at: dates[$0])
                    return t * t
                }
            }
            if s.dayOfWeek {
                for day in 2...7 { column { dates[$0].weekday == day ? 1 : 0 } }
            }
            for f in s.fourier {
                for k in 1...f.order {
                    column { DesignSchema.harmonic(k, of: f, on: dates[$0]).sin }
                    column { DesignSchema.harmonic(k, of: f, on: dates[$0]).cos }
                }
            }
            for cp in s.changepoints { column { max(0, trend(at: dates[$0]) - trend(at: cp)) } }
            for event in s.events { column { event.contains(dates[$0]) ? 1 : 0 } }
            for step in s.steps { column { dates[$0] >= step.date ? 1 : 0 } }
            for r in s.regressors.indices { column { regressor(r, $0) } }
        }
    }
}
