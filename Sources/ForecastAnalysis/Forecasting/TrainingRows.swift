/// The rows a time-series model is fitted on: every day of the training window, the ones usable for fitting (a
/// response and complete lags and regressors), and the design and response on those rows.
import ForecastCore
import ForecastData
import ForecastModels
struct TrainingRows {
    /// Every day of the window, ascending.
    let dates: [CalendarDate]
    /// Indices into `dates` of the usable days.
    let used: [Int]
    /// The design on the usable days.
    let design: DesignMatrix
    /// The response on the usable days.
    let y: [Double]

    /// - Parameters: `start` is the day of `response[0]`; `regressors` are aligned with `response`.
    init(schema: DesignSchema, window: DateSpan, start: CalendarDate, response: [Double],
         regressors: [String: [Double]]) throws(ModelError) {
        func value(at date: CalendarDate) -> Double {
            let index = date - start
            return index >= 0 && index < response.count ? response[index] : .nan
        }
        try TimeSeriesModel.checkDesignSize(rows: window.dayCount, columns: schema.columnNames.count)
        let dates = (0..<window.dayCount).map { window.first.adding(days: $0) }
        let built = schema.design(for: dates, response: value) { name, date in
            let index = date - start
            guard let column = regressors[name], index >= 0, index < column.count else { return nil }
            return column[index]
        }
        let incomplete = Set(built.incompleteRows)
        let used = dates.indices.filter { !incomplete.contains($0) && !value(at: dates[$0]).isNaN }
        guard !used.isEmpty else { throw .noTrainingData("no day in \(window) has a response and complete lags") }
        self.dates = dates
        self.used = used
        design = DesignMatrix(names: schema.columnNames, values: built.design.values.selectingRows(used))
        y = used.map { value(at: dates[$0]) }
    }

    /// The usable days.
    var usedDates: [CalendarDate] { used.map { dates[$0] } }

    /// Days of the window that are not usable (missing response, lags or regressors).
    var droppedDates: [CalendarDate] {
        let usedSet = Set(used)
        return dates.indices.filter { !usedSet.contains($0) }.map { dates[$0] }
    }
}
