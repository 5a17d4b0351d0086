import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Placebo dates for one trigger: each placebo fit is the full model (all real triggers kept) plus one pseudo-event of
/// the same shape and window (no leads) at a date drawn without replacement (seeded) such that its window lies inside
/// the training data and overlaps no real trigger's window. Statistic: z = coefficient/SE for pulse and step, the
/// relative effect for decay and free; one-sided for an increase; p = (1 + #{placebo ≥ real}) / (1 + placebos used).
/// Count placebo fits hold NB2's α at the real fit's estimate and warm-start β (IRLS only), in parallel with one BLAS
/// thread per task (`analysis.concurrency` workers). Failed fits are excluded and counted.
struct PlaceboTest {
    let analysis: EventEffectsAnalysis
    let index: Int
    let terms: [EventTerm]
    let data: EffectsData
    let fit: EffectsFit

    struct Result {
        let pValue: Double?
        let used: Int
        let failed: Int
    }

    /// Dates whose placebo window fits in the training data and avoids every real window.
    func eligibleDates() -> [CalendarDate] {
        let term = terms[index]
        let first = max(term.first, 0)
        let realWindows = terms.flatMap { t in t.dates.map { (start: $0.adding(days: t.first), end: $0.adding(days: t.last)) } }
        return (0...(data.window.dayCount - 1)).map { data.window.first.adding(days: $0) }.filter { date in
            let start = date.adding(days: first), end = date.adding(days: term.last)
            guard data.window.contains(start) && data.window.contains(end) else { return false }
            return realWindows.allSatisfy { end < $0.start || start > $0.end }
        }
    }

    func statistic(_ fit: EffectsFit, termIndex: Int, terms: [EventTerm]) -> Double? {
        let columns = data.effectColumnIndices(of: termIndex, terms: terms, in: fit.design)
        switch terms[termIndex].shape {
        case .pulse, .step:
            guard columns.count == 1, let k = fit.kept.firstIndex(of: columns[0]) else { return nil }
            let se = fit.covariance[k, k].squareRoot()
            return se > 0 ? fit.beta[columns[0]] / se : nil
        case .decay, .free:
            let relative = ExcessComputation(fit: fit, data: data, zeroed: Set(columns), days: terms[termIndex].effectDays(),
                                             triggers: terms[termIndex].dates, level: 95, draws: []).relativeEffect
            return relative.isFinite ? relative : nil
        }
    }

    func run() throws(ModelError) -> Result {
        guard let real = statistic(fit, termIndex: index, terms: terms) else { return Result(pValue: nil, used: 0, failed: 0) }
        var eligible = eligibleDates()
        guard !eligible.isEmpty else {
            throw .invalidSpecification("no eligible placebo dates for '\(terms[index].id)': every window of its length inside the training data overlaps a real event")
        }
        var random = RandomSource(seed: analysis.seed, key: UInt64(bitPattern: Int64(index)) &+ 0x5EED)
        for i in stride(from: eligible.count - 1, to: 0, by: -1) {          // Fisher–Yates
            let j = Int(random.next() % UInt64(i + 1))
            eligible.swapAt(i, j)
        }
        let chosen = Array(eligible.prefix(analysis.placebos))
        let term = terms[index]
        let kind = fit.kind, alpha = fit.alpha
        let start = fit.beta
        let data = self.data, terms = self.terms
        let outcomes = ParallelMap.map(count: chosen.count, workers: analysis.concurrency,
                                       makeState: { LeastSquaresWorkspace() }) { workspace, p -> Double? in
            let pseudo = EventTerm(validated: "placebo", dates: [chosen[p]], first: max(term.first, 0), last: term.last, shape: term.shape)
            let allTerms = terms + [pseudo]
            let design = data.design(with: allTerms)
            let warm = start + [Double](repeating: 0, count: design.columnCount - start.count)
            // A failed or non-estimable placebo fit is excluded and counted (nil).
            guard let placeboFit = try? EffectsFit.fit(design, y: data.y, kind: kind, covariance: .classical,
                                                       fixedAlpha: alpha, start: warm,
                                                       workspace: &workspace) else { return nil }
            return self.statistic(placeboFit, termIndex: allTerms.count - 1, terms: allTerms)
        }
        let values = outcomes.compactMap { $0 }
        let exceed = values.filter { $0 >= real }.count
        return Result(pValue: values.isEmpty ? nil : Double(1 + exceed) / Double(1 + values.count), used: values.count,
                      failed: chosen.count - values.count)
    }
}
