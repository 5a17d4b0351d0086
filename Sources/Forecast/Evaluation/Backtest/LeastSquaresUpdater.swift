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
//    ν = n − k (statsmodels `get_prediction().summary_frame()['obs_ci_*']`). When the factor is not of full rank
//    or n ≤ k, `forecast` returns nil and the caller refits with the aliasing rule.

struct LeastSquaresUpdater {
    let schema: DesignSchema
    private var solver: UpdatableLeastSquares
    private var window: DateSpan?

    /// A factor for `schema`'s columns, empty until the first `move(to:data:)`.
    init(schema: DesignSchema) {
        self.schema = schema
        solver = UpdatableLeastSquares(columns: schema.columnNames.count)
    }

    /// The row and response of a complete day, or nil.
    private func row(_ date: CalendarDate, _ data: BacktestData) -> (x: [Double], y: Double)? {
        let y = data.response(at: date)
        guard !y.isNaN else { return nil }
        var values: [Double] = []
        for name in schema.specification.regressors {
            guard let v = data.regressor(name, at: date) else { return nil }
            values.append(v)
        }
        return (schema.row(for: date, lags: [], regressors: values), y)
    }

    private mutating func add(_ days: some Sequence<CalendarDate>, _ data: BacktestData) {
        let rows = days.compactMap { row($0, data) }
        guard !rows.isEmpty else { return }
        solver.add(rows: Matrix(rows: rows.map(\.x)), responses: rows.map(\.y))
    }

    /// Absorbs the window `target` (policy 2). Returns true when the factor was updated, false when it was rebuilt.
    mutating func move(to target: DateSpan, data: BacktestData) -> Bool {
        if let current = window, target.first >= current.first, target.last >= current.last {
            if target.last > current.last {
                add((1...(target.last - current.last)).map { current.last.adding(days: $0) }, data)
            }
            var ok = true
            var day = current.first
            while ok && day < target.first {
                if let r = row(day, data) { ok = solver.remove(row: r.x, response: r.y) }
                day = day.adding(days: 1)
            }
            if ok {
                window = target
                return true
            }
        }
        solver = UpdatableLeastSquares(columns: schema.columnNames.count)
        add((0..<target.dayCount).map { target.first.adding(days: $0) }, data)
        window = target
        return false
    }

    /// Means, predictive scales and ν for the days after the window's last day (policy 3); nil when the factor
    /// cannot be used (rank deficient, n ≤ k). Throws when a regressor has no future value.
    func forecast(horizon: Int, data: BacktestData) throws(ModelError) -> (mean: [Double], scale: [Double], df: Double)? {
        guard let window else { return nil }
        let k = schema.columnNames.count, n = solver.rowCount
        guard n > k, solver.isFullRank, let beta = try? solver.coefficients(),
              let inverse = try? solver.unscaledCovariance() else { return nil }
        let sigma2 = solver.residualSumOfSquares / Double(n - k)
        var mean: [Double] = [], scale: [Double] = []
        for h in 1...horizon {
            let date = window.last.adding(days: h)
            var values: [Double] = []
            for name in schema.specification.regressors {
                guard let v = data.regressor(name, at: date) else { throw .regressorUnavailable(name: name, date: "\(date)") }
                values.append(v)
            }
            let x = schema.row(for: date, lags: [], regressors: values)
            let cx = inverse.multiplied(by: x)
            var m = 0.0, q = 0.0
            for j in 0..<k {
                m += x[j] * beta[j]
                q += x[j] * cx[j]
            }
            mean.append(m)
            scale.append((sigma2 * (1 + max(q, 0))).squareRoot())
        }
        return (mean, scale, Double(n - k))
    }
}
