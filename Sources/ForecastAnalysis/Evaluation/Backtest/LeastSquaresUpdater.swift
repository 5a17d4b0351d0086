import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// LeastSquaresUpdater — the rolling-origin engine for least squares without AR terms.
//
// Policy:
// 1. One design schema for a run of origins (the first origin's trend origin): a shifted trend origin changes
//    `trend` by a constant, which the intercept absorbs, so x′β̂ and x′(X′X)⁻¹x — and hence the forecasts and
//    their intervals — are those of a fit with the later origin's own schema (equal to rounding).
// 2. State: `UpdatableLeastSquares` over the complete days (response and regressors present) of the current
//    window. Moving to origin o with window [w, o]: add the rows of the new days (one stacked Householder QR),
//    then for a sliding window remove the rows of the days before w (Cholesky downdates). A window that moves
//    backwards or a failed downdate rebuilds the factor from the window's rows.
// 3. The predictive distribution is Student t with mean x′β̂, scale √(σ̂²(1 + x′(X′X)⁻¹x)), σ̂² = RSS/(n − k),
//    ν = n − k (statsmodels `get_prediction().summary_frame()['obs_ci_*']`); x′(X′X)⁻¹x = ‖R⁻ᵀx‖² by one
//    triangular solve per day. When the factor is not of full rank or n ≤ k, `forecast` returns nil and the caller
//    refits with the aliasing rule.
// 4. Cost: the new days' rows are rotated into the factor one by one (Givens, O(k²) each); a rebuild writes the
//    window's design column by column (`DesignSchema.fillDesign`) and factorizes it with blocked Householder QR.
//    Regressor columns are looked up by name once and rows are written into reused buffers, so a moving origin
//    allocates only its outputs.

struct LeastSquaresUpdater {
    let schema: DesignSchema
    private let data: BacktestData
    /// The regressor columns in design order, looked up by name once.
    private let regressorColumns: [[Double]]
    private var solver: UpdatableLeastSquares
    private var window: DateSpan?
    /// Scratch: one design row and its regressor values (reused, so building a row does not allocate).
    private var row: [Double] = [], values: [Double] = []

    /// A factor for `schema`'s columns over `data`, empty until the first `move(to:)`.
    init(schema: DesignSchema, data: BacktestData) {
        self.schema = schema
        self.data = data
        regressorColumns = schema.specification.regressors.map { data.regressors[$0] ?? [] }
        solver = UpdatableLeastSquares(columns: schema.columnNames.count)
        row.reserveCapacity(schema.columnNames.count)
        values.reserveCapacity(regressorColumns.count)
    }

    /// Fills `row` with the design row of `date`; false when a regressor is missing (NaN or outside its column).
    private mutating func fillRow(_ date: CalendarDate) -> Bool {
        let index = date - data.start
        values.removeAll(keepingCapacity: true)
        for column in regressorColumns {
            guard index >= 0, index < column.count, column[index].isFinite else { return false }
            values.append(column[index])
        }
        schema.fillRow(&row, for: date, lags: [], regressors: values)
        return true
    }

    /// The response of a complete day (response and regressors present) with its row in `row`, or nil.
    private mutating func completeDay(_ date: CalendarDate) -> Double? {
        let y = data.response(at: date)
        guard !y.isNaN, fillRow(date) else { return nil }
        return y
    }

    /// Rebuilds the factor from the complete days of `span`: their design written column by column, then one
    /// blocked Householder QR.
    private mutating func factorize(_ span: DateSpan) {
        solver = UpdatableLeastSquares(columns: schema.columnNames.count)
        var dates: [CalendarDate] = [], responses: [Double] = []
        dates.reserveCapacity(span.dayCount)
        responses.reserveCapacity(span.dayCount)
        for offset in 0..<span.dayCount {
            let date = span.first.adding(days: offset), index = date - data.start
            let y = data.response(at: date)
            guard !y.isNaN,
                  regressorColumns.allSatisfy({ index >= 0 && index < $0.count && $0[index].isFinite }) else { continue }
            dates.append(date)
            responses.append(y)
        }
        guard !responses.isEmpty else { return }
        var x = Matrix(rows: dates.count, columns: schema.columnNames.count)
        let columns = regressorColumns, start = data.start
        schema.fillDesign(&x, dates: dates) { r, i in columns[r][dates[i] - start] }
        solver.add(rows: x, responses: responses)
    }

    /// Absorbs the window `target` (policy 2). Returns true when the factor was updated, false when it was rebuilt.
    mutating func move(to target: DateSpan) -> Bool {
        if let current = window, target.first >= current.first, target.last >= current.last {
            var day = current.last.adding(days: 1)
            while day <= target.last {
                if let y = completeDay(day) { solver.add(row: row, response: y) }
                day = day.adding(days: 1)
            }
            var ok = true
            day = current.first
            while ok && day < target.first {
                if let y = completeDay(day) { ok = solver.remove(row: row, response: y) }
                day = day.adding(days: 1)
            }
            if ok {
                window = target
                return true
            }
        }
        factorize(target)
        window = target
        return false
    }

    /// Means, predictive scales and ν for the days after the window's last day (policy 3); nil when the factor
    /// cannot be used (rank deficient, n ≤ k). Throws when a regressor has no future value.
    mutating func forecast(horizon: Int) throws(ModelError) -> (mean: [Double], scale: [Double], df: Double)? {
        guard let window else { return nil }
        let k = schema.columnNames.count, n = solver.rowCount
        guard n > k, solver.isFullRank, let beta = try? solver.coefficients() else { return nil }
        let sigma2 = solver.residualSumOfSquares / Double(n - k)
        var mean: [Double] = [], scale: [Double] = []
        mean.reserveCapacity(horizon)
        scale.reserveCapacity(horizon)
        for h in 1...horizon {
            let date = window.last.adding(days: h)
            guard fillRow(date) else {
                let name = schema.specification.regressors.first { data.regressor($0, at: date) == nil } ?? "?"
                throw .regressorUnavailable(name: name, date: "\(date)")
            }
            guard let q = try? solver.inverseGramQuadraticForm(row) else { return nil }
            var m = 0.0
            for j in 0..<k { m += row[j] * beta[j] }
            mean.append(m)
            scale.append((sigma2 * (1 + max(q, 0))).squareRoot())
        }
        return (mean, scale, Double(n - k))
    }
}
