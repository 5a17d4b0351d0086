import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Automatic trend changepoints (`--changepoints auto`).
///
/// Policy (documented choice):
/// 1. Candidates: every 7th day of the training window, at least `minimumSpacing` (60) days from its ends; on
///    windows with more than `maximumCandidates` (260, five years of weeks) such days, every (7·m)-th day with the
///    smallest m that keeps at most 260. Each step then fits at most 260 designs of n rows, so the search is linear
///    in the series length (it was quadratic: n/7 candidates × O(n) per fit). Every shipped series (≤ 1,627
///    days) keeps weekly candidates.
/// 2. Forward selection by BIC (Schwarz): starting from the design without changepoints, add the hinge
///    `cp_DATE` = max(0, trend − trend at DATE) that lowers BIC the most, keeping chosen dates at least
///    `minimumSpacing` days apart; stop when no candidate lowers BIC or after `maximumCount` (8) changepoints.
///    BIC's log n penalty is consistent for the number of breaks in a mean/trend (Yao 1988), where AIC
///    over-segments long daily series; forward selection is cheap and its choices are explainable. (Prophet
///    places many candidates and shrinks them with a Laplace prior, which needs a tuning scale.)
/// 3. Count models compare BIC at NB2's α fixed to its value without changepoints (IRLS only, warm-started);
///    the final fit re-estimates α.
enum ChangepointSelection {
    static let minimumSpacing = 60
    static let maximumCount = 8
    static let maximumCandidates = 260

    /// The chosen dates, ascending.
    static func select(design: DesignMatrix, trend: [Double], dates: [CalendarDate], response y: [Double],
                       kind: TimeSeriesModel.Kind, trendOrigin: CalendarDate) throws(ModelError) -> [CalendarDate] {
        guard let first = dates.first, let last = dates.last, last - first > 2 * minimumSpacing else { return [] }
        let n = y.count
        var candidates: [CalendarDate] = []
        let weekly = (last.adding(days: -minimumSpacing) - first.adding(days: minimumSpacing)) / 7 + 1
        let stride = 7 * ((weekly + maximumCandidates - 1) / maximumCandidates)
        var day = first.adding(days: minimumSpacing)
        while day <= last.adding(days: -minimumSpacing) {
            candidates.append(day)
            day = day.adding(days: stride)
        }
        var alpha: Double? = nil
        if kind == .nb2 {
            let base = try CountRegression.negativeBinomial().fit(design, response: y)
            alpha = base.isPoissonLimit ? nil : base.alpha
        }
        var workspace = LeastSquaresWorkspace()
        func score(_ columns: [(name: String, values: [Double])], start: [Double]?) throws(ModelError) -> (bic: Double, beta: [Double]) {
            let candidate = DesignMatrix(columns: columns)
            // Count models at NB2's α fixed (policy 3), Poisson when there is none.
            let factory = RegressionFactory(kind: kind == .ols ? .ols : (alpha == nil ? .poisson : .nb2), fixedAlpha: alpha)
            let fit = try factory.fit(candidate, response: y, start: start, workspace: &workspace).regression
            return (fit.bic, fit.estimates.map { $0.isFinite ? $0 : 0 })
        }
        var columns = design.names.indices.map { (name: design.names[$0], values: design.values.column($0)) }
        var (bestBIC, beta) = try score(columns, start: nil)
        var chosen: [CalendarDate] = []
        while chosen.count < maximumCount {
            var best: (date: CalendarDate, bic: Double, beta: [Double])? = nil
            for date in candidates where chosen.allSatisfy({ abs($0 - date) >= minimumSpacing }) {
                let knot = Double(date - trendOrigin) / 365.25
                let hinge = (0..<n).map { max(0, trend[$0] - knot) }
                guard let result = try? score(columns + [(name: "cp_\(date)", values: hinge)], start: beta + [0]) else { continue }
                if result.bic < (best?.bic ?? bestBIC) { best = (date, result.bic, result.beta) }
            }
            guard let winner = best else { break }
            chosen.append(winner.date)
            let knot = Double(winner.date - trendOrigin) / 365.25
            columns.append((name: "cp_\(winner.date)", values: (0..<n).map { max(0, trend[$0] - knot) }))
            bestBIC = winner.bic
            beta = winner.beta
        }
        return chosen.sorted()
    }
}
