import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// Did a series respond to triggers, by how much, for how long, and could it be chance? (`forecast effects`)
///
/// The baseline is `fit`'s model (same terms, window and model choice; AR terms are refused because observed lags
/// would carry the event into the counterfactual) plus one response shape per trigger (`EventTerm`). Per trigger:
/// per-day and cumulative excess μ̂ − μ̂⁰ with intervals (parametric simulation of the coefficients, or the delta
/// method), the observed excess y − μ̂⁰, the relative effect, a likelihood-ratio pre-trend test on the leads,
/// placebo dates, and date-shift robustness; a joint excess for groups of overlapping windows.
public struct EventEffectsAnalysis: Sendable {
    /// How intervals of the excess are computed.
    public enum IntervalMethod: String, Sendable, CaseIterable {
        case simulation, delta
    }

    /// Baseline terms, model, covariance and training window (its `design.events` must be empty).
    public var model: TimeSeriesModel
    public var triggers: [EventTerm]
    /// Placebo fits (0 = off).
    public var placebos: Int
    /// Date-shift range ±D days (0 = off; less than the training window's days). The table costs 2D + 1 refits.
    public var shift: Int
    /// Parameter draws for simulation intervals.
    public var paths: Int
    public var seed: UInt64
    /// Interval level in percent.
    public var level: Double
    public var intervalMethod: IntervalMethod
    /// Parallel workers for the placebo fits (default: active processors); results never depend on it.
    public var concurrency: Int

    public init(model: TimeSeriesModel, triggers: [EventTerm], placebos: Int = 1000, shift: Int = 0, paths: Int = 1000,
                seed: UInt64 = 1, level: Double = 95, intervalMethod: IntervalMethod = .simulation,
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(level > 0 && level < 100, "level is a percentage in (0, 100)")
        precondition(placebos >= 0 && shift >= 0 && paths >= 1 && concurrency >= 1,
                     "placebos and shift must be ≥ 0, paths and concurrency ≥ 1")
        self.model = model
        self.triggers = triggers
        self.placebos = placebos
        self.shift = shift
        self.paths = paths
        self.seed = seed
        self.level = level
        self.intervalMethod = intervalMethod
        self.concurrency = concurrency
    }

    /// Runs the analysis on a dated series (its response, one value per consecutive day from `series.start`, NaN =
    /// missing; its regressors; its name, for the report).
    public func run(_ series: DatedSeries) throws(ModelError) -> EventEffects {
        guard model.design.autoregressiveLags.isEmpty else {
            throw .invalidSpecification("AR terms are refused in effects: observed lags would carry the event into the counterfactual")
        }
        guard !triggers.isEmpty else { throw .invalidSpecification("no trigger given") }
        let data = try EffectsData(model: model, start: series.start, response: series.values,
                                    regressors: series.regressors)
        guard shift < data.window.dayCount else {
            throw .invalidSpecification("the date shift ±\(shift) days must be shorter than the training window \(data.window) (\(data.window.dayCount) days)")
        }
        for trigger in triggers {
            let window = trigger.last - trigger.first + 1
            if window > data.dates.count {
                throw .invalidSpecification("the window of '\(trigger.id)' (\(window) days) is longer than the training data (\(data.dates.count) days)")
            }
            let touches = trigger.dates.contains { d in data.dates.contains { day in (day - d) >= trigger.first && (day - d) <= trigger.last } }
            if !touches {
                throw .eventWithoutTrainingDays(id: trigger.id, window: "\(trigger.first)..\(trigger.last) after \(trigger.dates.map { "\($0)" }.joined(separator: ", "))",
                                                training: "\(data.window)")
            }
        }
        let triggerColumns = triggers.reduce(0) { $0 + $1.effectColumns(on: []).count + $1.leadColumns(on: []).count }
        try TimeSeriesModel.checkDesignSize(rows: data.dates.count, columns: data.base.columnCount + triggerColumns)
        let counts = model.kind != .ols && data.y.allSatisfy({ $0 >= 0 && $0 == $0.rounded() })
        if counts {
            for trigger in triggers where trigger.shape == .free { try Self.checkFreeDays(trigger, data: data) }
        }
        // A count-model term that is 0 on every effect day is left out of the fit (reported as not estimable).
        let zeroWindow = Set(triggers.indices.filter { counts && triggers[$0].shape != .free && Self.zeroOnEveryEffectDay(triggers[$0], data: data) })
        // Decay half-lives by profile likelihood (each decay trigger in turn, others at their current value).
        var terms = triggers.indices.filter { !zeroWindow.contains($0) }.map { triggers[$0] }
        var profiles: [String: HalfLifeProfile] = [:]
        let choiceDesign = data.design(with: terms)
        let choice: ModelChoice
        if let kind = model.kind {
            choice = ModelChoice(kind: kind, reason: "chosen explicitly (\(kind.rawValue))")
        } else {
            choice = try ModelChoice.automatic(design: choiceDesign, response: data.y)
        }
        for (index, term) in terms.enumerated() {
            guard case .decay = term.shape else { continue }
            let profile = try HalfLifeProfile.estimate(term: term, index: index, terms: terms, data: data, kind: choice.kind,
                                                       covariance: model.covariance)
            profiles[term.id] = profile
            terms[index] = EventTerm(validated: term.id, dates: term.dates, first: term.first, last: term.last,
                                     shape: .decay(halfLife: profile.estimate))
        }
        var workspace = LeastSquaresWorkspace()
        let design = data.design(with: terms)
        let fit = try EffectsFit.fit(design, y: data.y, kind: choice.kind, covariance: model.covariance, workspace: &workspace)
        // Intervals come from the fit whose covariance also carries the estimated half-lives (HalfLifeUncertainty).
        let uncertainty = HalfLifeUncertainty(fit: fit, data: data, terms: terms, profiles: profiles,
                                              covariance: model.covariance)
        let intervalFit = uncertainty?.fit ?? fit
        var draws: [ParameterDraw] = []
        if intervalMethod == .simulation {
            if let uncertainty {
                draws = try uncertainty.draws(paths, seed: seed)
            } else {
                draws = try fit.draws(paths, seed: seed).map { ParameterDraw(coefficients: $0) }
            }
        }
        func zeroedColumns(_ index: Int) -> [Int] {
            data.effectColumnIndices(of: index, terms: terms, in: design) + (uncertainty?.gradientColumns(of: index) ?? [])
        }
        var effects: [EventEffect] = []
        for (index, term) in terms.enumerated() {
            let columns = data.effectColumnIndices(of: index, terms: terms, in: design)
            let excess = ExcessComputation(fit: intervalFit, data: data, zeroed: Set(zeroedColumns(index)),
                                           days: term.effectDays(), triggers: term.dates, level: level, draws: draws,
                                           noiseSeed: seed)
            let preTrend = try preTrendPValue(index: index, terms: terms, data: data, fit: fit, kind: choice.kind)
            let placebo = placebos > 0
                ? try PlaceboTest(analysis: self, index: index, terms: terms, data: data, fit: fit).run()
                : nil
            let shifts = shift > 0 ? dateShifts(index: index, terms: terms, data: data, fit: fit, kind: choice.kind,
                                                workspace: &workspace) : []
            let single = columns.count == 1 ? columns[0] : nil
            let coefficient = single.map { fit.beta[$0] }
            // For a decay term with a drawn half-life, the SE of β allows for the half-life's estimation.
            let se = single.flatMap { j in intervalFit.kept.firstIndex(of: j).map { intervalFit.covariance[$0, $0].squareRoot() } }
            let profile = profiles[term.id]
            // Not estimable: an aliased effect column (a window that duplicates another event's or has no usable
            // day) or, for a count model, a window where the response is 0 every day (the coefficient runs to −∞).
            var notEstimable: String? = nil
            // A `free` day with no training row (a missing day) has no column to estimate: it is left out, not fatal.
            let usable = term.shape == .free
                ? columns.filter { j in (0..<design.values.rows).contains { design.values[$0, j] != 0 } }
                : columns
            if usable.isEmpty || !usable.allSatisfy(fit.kept.contains) {
                notEstimable = "its terms are aliased (the window duplicates another event's, or has no usable day)"
            } else if choice.kind != .ols, !excess.days.isEmpty,
                      excess.days.allSatisfy({ $0.observed == 0 || $0.observed.isNaN }) {
                notEstimable = "the response is 0 on every day of the window (separation: the effect has no finite size)"
            }
            let unavailable = notEstimable != nil
            var effect = EventEffect(
                term: term, level: level, coefficient: unavailable ? nil : coefficient, standardError: unavailable ? nil : se,
                cumulativeExcess: unavailable ? .nan : excess.cumulative,
                cumulativeLower: unavailable ? .nan : excess.cumulativeInterval.lower,
                cumulativeUpper: unavailable ? .nan : excess.cumulativeInterval.upper, observedExcess: excess.observedExcess,
                relativeEffect: unavailable ? .nan : excess.relativeEffect, intervalMethod: intervalMethod.rawValue,
                halfLifeDays: profile?.atBound == nil && !unavailable ? profile?.estimate : nil,
                halfLifeLower: unavailable ? nil : profile?.lower, halfLifeUpper: unavailable ? nil : profile?.upper, halfLifeAtBound: profile?.atBound, preTrendPValue: preTrend,
                placeboPValue: placebo?.pValue, placebos: placebo?.used ?? 0, failedPlacebos: placebo?.failed ?? 0,
                days: unavailable ? [] : excess.days, shifts: shifts)
            effect.notEstimable = notEstimable
            if !unavailable, let interval = excess.observedExcessInterval {
                effect.observedExcessLower = interval.lower
                effect.observedExcessUpper = interval.upper
            }
            effects.append(effect)
        }
        // Groups of overlapping effect windows: joint excess with all their terms zeroed.
        var groups: [JointEffect] = []
        for group in Self.overlappingGroups(terms) where group.count > 1 {
            let columns = group.flatMap(zeroedColumns)
            let days = Array(Set(group.flatMap { terms[$0].effectDays() })).sorted()
            let joint = ExcessComputation(fit: intervalFit, data: data, zeroed: Set(columns), days: days,
                                          triggers: group.flatMap { terms[$0].dates }, level: level, draws: draws)
            groups.append(JointEffect(ids: group.map { terms[$0].id }, cumulativeExcess: joint.cumulative,
                                      cumulativeLower: joint.cumulativeInterval.lower, cumulativeUpper: joint.cumulativeInterval.upper))
        }
        var ordered: [EventEffect] = []
        var next = 0
        for (index, trigger) in triggers.enumerated() {
            if zeroWindow.contains(index) || next >= effects.count {
                ordered.append(zeroWindowEffect(trigger))
            } else {
                ordered.append(effects[next])
                next += 1
            }
        }
        return EventEffects(analysis: self, responseName: series.name, modelChoice: choice, trainingWindow: data.window,
                            fit: fit.regression, effects: ordered, groups: groups)
    }

    /// LR test that the trigger's lead terms are all zero (nil without leads).
    func preTrendPValue(index: Int, terms: [EventTerm], data: EffectsData, fit: EffectsFit,
                        kind: TimeSeriesModel.Kind) throws(ModelError) -> Double? {
        let leads = data.leadColumnIndices(of: index, terms: terms, in: fit.design).filter { fit.kept.contains($0) }
        guard !leads.isEmpty else { return nil }
        let keep = (0..<fit.design.columnCount).filter { !leads.contains($0) }
        let reduced = DesignMatrix(names: keep.map { fit.design.names[$0] }, values: fit.design.values.selectingColumns(keep))
        var workspace = LeastSquaresWorkspace()
        let restricted = try EffectsFit.fit(reduced, y: data.y, kind: kind, covariance: .classical, workspace: &workspace)
        let lr = max(0, 2 * (fit.logLikelihood - restricted.logLikelihood))
        return ChiSquared(degreesOfFreedom: Double(leads.count)).survival(lr)
    }

    /// Indices of terms whose effect windows overlap, grouped transitively.
    static func overlappingGroups(_ terms: [EventTerm]) -> [[Int]] {
        let spans = terms.map { Set($0.effectDays()) }
        var groups: [[Int]] = []
        var assigned = Set<Int>()
        for i in terms.indices where !assigned.contains(i) {
            var group = [i], frontier = [i]
            assigned.insert(i)
            while let current = frontier.popLast() {
                for j in terms.indices where !assigned.contains(j) && !spans[current].isDisjoint(with: spans[j]) {
                    assigned.insert(j)
                    group.append(j)
                    frontier.append(j)
                }
            }
            groups.append(group.sorted())
        }
        return groups
    }
}

/// The result of an effects analysis.
public struct EventEffects: Sendable {
    public let analysis: EventEffectsAnalysis
    public let responseName: String
    public let modelChoice: ModelChoice
    public let trainingWindow: DateSpan
    /// The full model's fit (baseline terms + every trigger's terms).
    public let fit: any RegressionFit
    public let effects: [EventEffect]
    public let groups: [JointEffect]
}
