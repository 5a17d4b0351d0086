/// The training rows of an effects analysis: days of the window with a response, the baseline design on them, and
/// builders for the design with trigger terms.
import ForecastCore
import ForecastData
import ForecastModels
struct EffectsData: Sendable {
    let window: DateSpan
    /// Days used (response present), ascending.
    let dates: [CalendarDate]
    let y: [Double]
    let base: DesignMatrix
    private let rowByDate: [CalendarDate: Int]

    init(model: TimeSeriesModel, start: CalendarDate, response: [Double], regressors: [String: [Double]]) throws(ModelError) {
        guard !response.isEmpty else { throw .noTrainingData("the series is empty") }
        let end = start.adding(days: response.count - 1)
        let first = max(model.from ?? start, start), last = min(model.to ?? end, end)
        guard first <= last else {
            throw .unsuitableSetting(SettingError("{0}/{1} choose the training window \(model.from.map { "\($0)" } ?? "start")..\(model.to.map { "\($0)" } ?? "end"), which does not overlap the series \(start)..\(end)", .from, .to))
        }
        window = DateSpan(first: first, last: last)
        var specification = model.design
        specification.events = []
        try specification.checkColumnNames()
        let schema = DesignSchema(specification: specification, trendOrigin: first, lagTransform: .identity)
        try TimeSeriesModel.checkDesignSize(rows: window.dayCount, columns: schema.columnNames.count)
        let all = (0..<window.dayCount).map { first.adding(days: $0) }
        let built = schema.design(for: all, response: { _ in .nan }) { name, date in
            let index = date - start
            guard let column = regressors[name], index >= 0, index < column.count else { return nil }
            return column[index]
        }
        let incomplete = Set(built.incompleteRows)
        let used = all.indices.filter { !incomplete.contains($0) && !response[all[$0] - start].isNaN }
        guard !used.isEmpty else { throw .noTrainingData("no day in \(window) has a response") }
        dates = used.map { all[$0] }
        y = used.map { response[all[$0] - start] }
        try TimeSeriesModel.checkScale(y)
        for name in specification.regressors {
            let column = regressors[name] ?? []
            try TimeSeriesModel.checkScale(used.map { i in all[i] - start < column.count ? column[all[i] - start] : .nan },
                                           column: name)
        }
        base = DesignMatrix(names: schema.columnNames, values: built.design.values.selectingRows(used))
        rowByDate = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
    }

    func row(of date: CalendarDate) -> Int? { rowByDate[date] }

    /// Baseline columns followed, for each term, by its effect columns and then its lead columns.
    func design(with terms: [EventTerm]) -> DesignMatrix {
        var columns = base.names.indices.map { (name: base.names[$0], values: base.values.column($0)) }
        for term in terms {
            columns += term.effectColumns(on: dates)
            columns += term.leadColumns(on: dates)
        }
        return DesignMatrix(columns: columns)
    }

    func effectColumnIndices(of index: Int, terms: [EventTerm], in design: DesignMatrix) -> [Int] {
        terms[index].effectColumns(on: []).compactMap { design.index(of: $0.name) }
    }

    func leadColumnIndices(of index: Int, terms: [EventTerm], in design: DesignMatrix) -> [Int] {
        terms[index].leadColumns(on: []).compactMap { design.index(of: $0.name) }
    }
}
