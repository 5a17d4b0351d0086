import ForecastCore
import ForecastData
import ForecastModels

extension EventEffectsAnalysis {
    /// The date-shift table of one trigger: for s = −`shift`…`shift`, the cumulative excess of the full model refitted
    /// (classical covariance) with that trigger's terms moved by s days; NaN where the moved window has no usable day
    /// or its terms are aliased; a failed refit is left out.
    ///
    /// Cost: 2·`shift` + 1 refits of n rows, each warm-started from the fit of the neighbouring shift (s ∓ 1, the
    /// full model's fit for s = ±1), whose window differs from it by a day at each end: NB2's joint Newton on (β, α)
    /// then needs a few steps where a cold fit runs the Poisson pre-fit and the α search. The estimates are the same
    /// maximum-likelihood fits to the convergence tolerance.
    func dateShifts(index: Int, terms: [EventTerm], data: EffectsData, fit: EffectsFit, kind: TimeSeriesModel.Kind,
                    workspace: inout LeastSquaresWorkspace) -> [EventEffect.Shift] {
        let origin = (beta: fit.beta, alpha: fit.alpha)
        var table: [Int: EventEffect.Shift] = [:]
        table[0] = shifted(by: 0, index: index, terms: terms, data: data, kind: kind, start: origin, workspace: &workspace)?.0
        for direction in [-1, 1] {
            var start = origin
            for s in stride(from: direction, through: direction * shift, by: direction) {
                guard let (entry, next) = shifted(by: s, index: index, terms: terms, data: data, kind: kind, start: start,
                                                  workspace: &workspace) else { continue }
                table[s] = entry
                start = next
            }
        }
        return (-shift...shift).compactMap { table[$0] }
    }

    /// One row of the table and the estimates to start the next shift from; nil when the refit fails.
    private func shifted(by s: Int, index: Int, terms: [EventTerm], data: EffectsData, kind: TimeSeriesModel.Kind,
                         start: (beta: [Double], alpha: Double?), workspace: inout LeastSquaresWorkspace)
        -> (EventEffect.Shift, (beta: [Double], alpha: Double?))? {
        var moved = terms
        moved[index] = terms[index].shifted(by: s)
        let design = data.design(with: moved)
        guard let fit = try? EffectsFit.fit(design, y: data.y, kind: kind, covariance: .classical, start: start.beta,
                                            startAlpha: start.alpha, workspace: &workspace) else { return nil }
        let columns = data.effectColumnIndices(of: index, terms: moved, in: design)
        // A moved window with no usable day (outside the data, or aliased) is not estimable: NaN, never 0.
        guard columns.allSatisfy(fit.kept.contains) else {
            return (EventEffect.Shift(shiftDays: s, cumulativeExcess: .nan), start)
        }
        let total = ExcessComputation(fit: fit, data: data, zeroed: Set(columns), days: moved[index].effectDays(),
                                      triggers: moved[index].dates, level: level, draws: []).cumulative
        return (EventEffect.Shift(shiftDays: s, cumulativeExcess: total), (fit.beta, fit.alpha))
    }
}
