import ForecastCore
import ForecastData
import ForecastModels

extension EventEffectsAnalysis {
    /// Under the free shape a count model gives each offset its own coefficient; an offset whose every training day
    /// has a response of 0 has no finite estimate (separation). Throws `unsuitableSetting` naming those days and
    /// the two ways out: treat the days as missing, or use a pooled shape (pulse or decay).
    static func checkFreeDays(_ term: EventTerm, data: EffectsData) throws(ModelError) {
        var zeroDays: [String] = []
        var dates: [String] = []
        for offset in term.first...term.last {
            let rows = term.dates.compactMap { data.row(of: $0.adding(days: offset)) }
            guard !rows.isEmpty, rows.allSatisfy({ data.y[$0] == 0 }) else { continue }
            let days = term.dates.map { $0.adding(days: offset) }.filter { data.row(of: $0) != nil }.map { "\($0)" }
            zeroDays.append("\(days.joined(separator: ", ")) (day \(offset >= 0 ? "+" : "")\(offset))")
            dates += days
        }
        guard !zeroDays.isEmpty else { return }
        throw .unsuitableSetting(SettingError(
            "event '\(term.id)', shape free: the response is 0 on \(zeroDays.joined(separator: "; ")), so the per-day "
            + "effect there has no finite size (separation). Either treat \(dates.count == 1 ? "that day" : "those days") "
            + "as missing (drop the row\(dates.count == 1 ? "" : "s"), e.g. {1} '<date column>!=\(dates[0])'), "
            + "or use a pooled shape ({0} pulse or decay)", .effectShape, .filters))
    }

    /// True when a count model's term has a response of 0 on every effect day with data (d₀…LAST after each trigger):
    /// its effect has no finite size, so it is left out of the fit and reported as not estimable.
    static func zeroOnEveryEffectDay(_ term: EventTerm, data: EffectsData) -> Bool {
        let rows = term.effectDays().compactMap { data.row(of: $0) }
        return !rows.isEmpty && rows.allSatisfy { data.y[$0] == 0 }
    }

    /// The result for a term left out by `zeroOnEveryEffectDay`.
    func zeroWindowEffect(_ term: EventTerm) -> EventEffect {
        var effect = EventEffect(
            term: term, level: level, coefficient: nil, standardError: nil, cumulativeExcess: .nan, cumulativeLower: .nan,
            cumulativeUpper: .nan, observedExcess: .nan, relativeEffect: .nan, intervalMethod: intervalMethod.rawValue,
            halfLifeDays: nil, halfLifeLower: nil, halfLifeUpper: nil, halfLifeAtBound: nil, preTrendPValue: nil,
            placeboPValue: nil, placebos: 0, failedPlacebos: 0, days: [], shifts: [])
        effect.notEstimable = "the response is 0 on every day of the window (separation: the effect has no finite size)"
        return effect
    }
}
