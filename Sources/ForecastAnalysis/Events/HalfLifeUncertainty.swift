import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// HalfLifeUncertainty — the joint uncertainty of estimated decay half-lives and the coefficients, for the intervals of
// the excess.
//
// Policy:
// 1. For each decay term whose half-life ĥ was estimated inside the profile grid, the design gains the column
//    g_t = β̂ · ∂x_t/∂log h at ĥ (x_t the decay column). Refitting with it — NB2's α held at α̂, started at (β̂, 0),
//    the analysis' covariance estimator — gives the covariance of (β, δ = log h − log ĥ): the inverse information of
//    the model linearized in log h (what R's `nls`/`vcov` reports for a nonlinear parameter). Its coefficient of g is
//    ≈ 0 because ĥ maximizes the profile likelihood; point estimates stay those of the fit at ĥ.
// 2. Simulation: (b, δ) ~ N((β̂, 0), V); h = ĥ·e^δ; each draw's decay column is recomputed exactly at its h and the
//    g columns get coefficient 0. The delta method uses the linearization (∂μ/∂δ = μ·g_t) through the same covariance.
// 3. A term at a grid bound, or whose g column is aliased (β̂ ≈ 0: h not identified), keeps h fixed at ĥ; its
//    interval is then conditional on h (documented in the guide).

/// One parameter draw for simulation intervals: coefficients over every design column and the values of columns
/// recomputed for the draw (decay columns at a drawn half-life), one value per data row.
struct ParameterDraw: Sendable {
    var coefficients: [Double]
    var columnValues: [Int: [Double]] = [:]
}

/// The fit whose covariance carries the half-lives' uncertainty (policy 1), and draws from it (policy 2).
struct HalfLifeUncertainty {
    /// The augmented fit: the design plus one g column per drawn half-life; `beta` = the fit's β̂ with 0 for g.
    let fit: EffectsFit
    /// Term index → (decay column, g column, ĥ) for the terms whose half-life is drawn.
    let drawn: [Int: (effectColumn: Int, gradientColumn: Int, halfLife: Double)]
    /// The training rows' dates (to recompute decay columns).
    private let dates: [CalendarDate]
    private let terms: [EventTerm]

    /// nil when no decay term has an estimated half-life.
    init?(fit: EffectsFit, data: EffectsData, terms: [EventTerm], profiles: [String: HalfLifeProfile],
          covariance: CovarianceEstimator) {
        var columns = fit.design.names.indices.map { (name: fit.design.names[$0], values: fit.design.values.column($0)) }
        var candidates: [(term: Int, effect: Int, gradient: Int, h: Double)] = []
        for (index, term) in terms.enumerated() {
            guard case let .decay(h) = term.shape, let profile = profiles[term.id], profile.atBound == nil,
                  let effect = data.effectColumnIndices(of: index, terms: terms, in: fit.design).first,
                  fit.kept.contains(effect) else { continue }
            let beta = fit.beta[effect]
            columns.append(("∂event_\(term.id)/∂log h", data.dates.map { beta * term.decayValue(on: $0, halfLife: h).derivativeLogH }))
            candidates.append((index, effect, columns.count - 1, h))
        }
        guard !candidates.isEmpty else { return nil }
        let design = DesignMatrix(columns: columns)
        var workspace = LeastSquaresWorkspace()
        let start = fit.beta + [Double](repeating: 0, count: candidates.count)
        guard let augmented = try? EffectsFit.fit(design, y: data.y, kind: fit.kind, covariance: covariance,
                                                  fixedAlpha: fit.alpha, start: start,
                                                  workspace: &workspace) else { return nil }
        var map: [Int: (effectColumn: Int, gradientColumn: Int, halfLife: Double)] = [:]
        for c in candidates where augmented.kept.contains(c.gradient) {
            map[c.term] = (c.effect, c.gradient, c.h)
        }
        guard !map.isEmpty else { return nil }
        self.fit = EffectsFit(kind: fit.kind, design: design, kept: augmented.kept, beta: start,
                              covariance: augmented.covariance, logLikelihood: fit.logLikelihood, alpha: fit.alpha,
                              fitted: augmented.fitted)
        drawn = map
        dates = data.dates
        self.terms = terms
    }

    /// The g column of term `index` (zeroed with the term's own columns), if its half-life is drawn.
    func gradientColumns(of index: Int) -> [Int] {
        drawn[index].map { [$0.gradientColumn] } ?? []
    }

    /// Draws with each drawn half-life's decay column recomputed (policy 2).
    func draws(_ count: Int, seed: UInt64) throws(ModelError) -> [ParameterDraw] {
        try fit.draws(count, seed: seed).map { (b: [Double]) -> ParameterDraw in
            var draw = ParameterDraw(coefficients: b)
            for (index, entry) in drawn {
                let h = entry.halfLife * exp(b[entry.gradientColumn])
                draw.coefficients[entry.gradientColumn] = 0
                draw.columnValues[entry.effectColumn] = dates.map { terms[index].decayValue(on: $0, halfLife: h).value }
            }
            return draw
        }
    }
}
