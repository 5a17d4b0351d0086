import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Automatic trend changepoints (`--changepoints auto`).
///
/// Policy (documented choice):
/// 1. Candidates: every 7th day of the training window, at least `minimumSpacing` (60) days from its ends; on
///    windows with more than `maximumCandidates` (260, five years of weeks) such days, every (7·m)-th day with the
///    smallest m that keeps at most 260. Every shipped series (≤ 1,627 days) keeps weekly candidates.
/// 2. Forward selection by BIC (Schwarz): starting from the design without changepoints, add the hinge
///    `cp_DATE` = max(0, trend − trend at DATE) that lowers BIC the most, keeping chosen dates at least
///    `minimumSpacing` days apart; stop when no candidate lowers BIC or after `maximumCount` (8) changepoints.
///    BIC's log n penalty is consistent for the number of breaks in a mean/trend (Yao 1988), where AIC
///    over-segments long daily series; forward selection is cheap and its choices are explainable. (Prophet
///    places many candidates and shrinks them with a Laplace prior, which needs a tuning scale.)
/// 3. Count models compare BIC at NB2's α fixed to its value without changepoints (IRLS only, warm-started);
///    the final fit re-estimates α.
/// 4. Each step ranks the eligible candidates by a screening statistic at the current fit (`HingeScreen`: exactly
///    the fall in the residual sum of squares for least squares; for count models the likelihood gain along the
///    Newton direction, a lower bound of the refit's) and refits only the `refitsPerStep` (8) highest; the lowest
///    BIC among those refits is the step's choice. A step costs one QR, one sweep, O(n) per candidate and 8 fits,
///    where refitting every candidate cost up to 260 fits of n rows (58 s of CPU for 36,000 days). On every
///    shipped count series (nb2 and poisson) the candidate with the best refitted BIC ranked at most 2nd by the
///    statistic at every step (ols: always 1st, as it must be), so the choices equal those of refitting every candidate;
///    8 leaves room for that.
enum ChangepointSelection {
    static let minimumSpacing = 60
    static let maximumCount = 8
    static let maximumCandidates = 260
    static let refitsPerStep = 8

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
        // Count models at NB2's α fixed (policy 3), Poisson when there is none.
        let regressionKind: RegressionKind = kind == .ols ? .ols : (alpha == nil ? .poisson : .nb2)
        let factory = RegressionFactory(kind: regressionKind, fixedAlpha: alpha)
        var workspace = LeastSquaresWorkspace()
        struct Scored { var bic: Double; var beta: [Double]; var kept: [Int] }
        func score(_ design: DesignMatrix, start: [Double]?) throws(ModelError) -> Scored {
            let fit = try factory.fit(design, response: y, start: start, workspace: &workspace).regression
            return Scored(bic: fit.bic, beta: fit.estimates.map { $0.isFinite ? $0 : 0 }, kept: fit.keptColumns)
        }
        func knot(_ date: CalendarDate) -> Double { Double(date - trendOrigin) / 365.25 }
        func adding(_ date: CalendarDate, to design: DesignMatrix) -> DesignMatrix {
            let hinge = trend.map { max(0, $0 - knot(date)) }
            return DesignMatrix(names: design.names + ["cp_\(date)"],
                                values: Matrix(rows: n, columns: design.columnCount + 1, columnMajor: design.values.storage + hinge))
        }
        var current = design
        var fit = try score(current, start: nil)
        var chosen: [CalendarDate] = []
        while chosen.count < maximumCount {
            let eligible = candidates.filter { date in chosen.allSatisfy { abs($0 - date) >= minimumSpacing } }
            let screen = HingeScreen(design: current.values, kept: fit.kept, beta: fit.beta, response: y, trend: trend,
                                     kind: regressionKind, alpha: alpha)
            let statistics = screen.statistics(knots: eligible.map(knot), workspace: &workspace)
            let leaders = eligible.indices.sorted { statistics[$0] > statistics[$1] }.prefix(refitsPerStep)
            var best: (date: CalendarDate, design: DesignMatrix, fit: Scored)? = nil
            for index in leaders {
                let candidate = adding(eligible[index], to: current)
                guard let result = try? score(candidate, start: fit.beta + [0]) else { continue }
                if result.bic < (best?.fit.bic ?? fit.bic) { best = (eligible[index], candidate, result) }
            }
            guard let winner = best else { break }
            chosen.append(winner.date)
            current = winner.design
            fit = winner.fit
        }
        return chosen.sorted()
    }
}
