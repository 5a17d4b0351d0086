import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Recovery on simulated NB2 series (seeded, small sizes: the full-size run is in the closing note).
@Suite("Event effects on simulated series")
struct EventEffectsTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    /// NB2 series (α = 0.3, base log μ = 3.5) with multiplicative pulses exp(β) over days 0..13 of each trigger.
    static func simulate(days: Int, pulses: [(day: Int, beta: Double)], decay: (day: Int, beta: Double, halfLife: Double)? = nil,
                         seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<days).map { t in
            var eta = 3.5 + 0.2 * Double(t) / 365.25
            for p in pulses where t - p.day >= 0 && t - p.day <= 13 { eta += p.beta }
            if let d = decay, t >= d.day { eta += d.beta * exp(-M_LN2 * Double(t - d.day) / d.halfLife) }
            return random.negativeBinomial(mean: exp(eta), alpha: 0.3)
        }
    }

    /// The expected excess by the estimand's definition: Σ over days 0..13 of μ − μ⁰ (other events kept).
    static func trueExcess(day: Int, beta: Double, days: Int = 14) -> Double {
        (day..<(day + days)).reduce(0.0) { sum, t in
            let mu0 = exp(3.5 + 0.2 * Double(t) / 365.25)
            return sum + mu0 * (exp(beta) - 1)
        }
    }

    @Test("95% intervals of the cumulative excess cover the truth at a rate consistent with 95% (60 replicates)")
    func pulseCoverage() throws {
        var covered = 0
        let replicates = 60
        for r in 0..<replicates {
            let y = Self.simulate(days: 300, pulses: [(150, 0.5)], seed: UInt64(900 + r))
            let analysis = EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                                triggers: [try EventTerm(id: "t", dates: [Self.start.adding(days: 150)], first: 0,
                                                                     last: 13, shape: .pulse)],
                                                placebos: 0, paths: 300, seed: UInt64(r))
            let effect = try analysis.run(DatedSeries(start: Self.start, values: y)).effects[0]
            let truth = Self.trueExcess(day: 150, beta: 0.5)
            if effect.cumulativeLower <= truth && truth <= effect.cumulativeUpper { covered += 1 }
        }
        // Binomial(60, 0.95): 99.9% of replicates cover ≥ 52 times.
        #expect(covered >= 52, "covered \(covered) of \(replicates)")
    }

    @Test("Two pulses 5 days apart: each interval covers its own truth and the joint excess is reported")
    func overlapping() throws {
        let y = Self.simulate(days: 300, pulses: [(140, 0.4), (145, 0.3)], seed: 42)
        let triggers = [try EventTerm(id: "a", dates: [Self.start.adding(days: 140)], first: 0, last: 13, shape: .pulse),
                        try EventTerm(id: "b", dates: [Self.start.adding(days: 145)], first: 0, last: 13, shape: .pulse)]
        let result = try EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                              triggers: triggers, placebos: 0, paths: 400).run(DatedSeries(start: Self.start, values: y))
        #expect(result.groups.count == 1 && result.groups[0].ids == ["a", "b"])
        let a = result.effects[0], b = result.effects[1]
        // Truth for a with b kept: μ⁰ includes b's multiplier on the overlapping days.
        let truthA = (140..<154).reduce(0.0) { s, t in
            let base = exp(3.5 + 0.2 * Double(t) / 365.25) * (t >= 145 && t <= 158 ? exp(0.3) : 1)
            return s + base * (exp(0.4) - 1)
        }
        #expect(a.cumulativeLower <= truthA && truthA <= a.cumulativeUpper, "a: \(a.cumulativeLower)…\(a.cumulativeUpper) vs \(truthA)")
        #expect(b.cumulativeLower <= b.cumulativeUpper && result.groups[0].cumulativeLower <= result.groups[0].cumulativeExcess)
    }

    @Test("Decay: the half-life interval covers the truth; placebos and pre-trend give p-values")
    func decay() throws {
        let y = Self.simulate(days: 360, pulses: [], decay: (180, 0.9, 10), seed: 7)
        let trigger = try EventTerm(id: "d", dates: [Self.start.adding(days: 180)], first: -7, last: 60, shape: .decay(halfLife: 7))
        let result = try EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                              triggers: [trigger], placebos: 39, paths: 200)
            .run(DatedSeries(start: Self.start, values: y))
        let effect = result.effects[0]
        #expect(effect.halfLifeAtBound == nil)
        let lower = try #require(effect.halfLifeLower), upper = try #require(effect.halfLifeUpper)
        #expect(lower <= 10 && 10 <= upper, "half-life interval \(lower)…\(upper)")
        #expect(effect.preTrendPValue != nil && effect.placeboPValue != nil && effect.placebos == 39)
        #expect(effect.placeboPValue! <= 0.1, "a strong decay should beat most placebos: p = \(effect.placeboPValue!)")
    }

    @Test("Placebo results do not depend on the number of workers (1, 2, 3)")
    func placeboWorkers() throws {
        let y = Self.simulate(days: 300, pulses: [], decay: (150, 0.9, 10), seed: 5)
        let trigger = try EventTerm(id: "p", dates: [Self.start.adding(days: 150)], first: 0, last: 13, shape: .pulse)
        let effects = try [1, 2, 3].map { workers in
            try EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                     triggers: [trigger], placebos: 25, paths: 50, concurrency: workers)
                .run(DatedSeries(start: Self.start, values: y)).effects[0]
        }
        #expect(effects[0].placebos == 25 && effects[0].placeboPValue != nil)
        for effect in effects.dropFirst() {
            #expect(effect.placeboPValue == effects[0].placeboPValue && effect.placebos == effects[0].placebos
                    && effect.failedPlacebos == effects[0].failedPlacebos && effect.coefficient == effects[0].coefficient)
        }
    }

    @Test("Decay: h is drawn jointly — its Wald interval on log h agrees with the profile interval, and the g coefficient is ≈ 0")
    func jointHalfLife() throws {
        let y = Self.simulate(days: 400, pulses: [], decay: (200, 0.9, 10), seed: 11)
        let analysis = EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                            triggers: [try EventTerm(id: "d", dates: [Self.start.adding(days: 200)], first: 0,
                                                                 last: 60, shape: .decay(halfLife: 7))],
                                            placebos: 0, paths: 400)
        let effect = try analysis.run(DatedSeries(start: Self.start, values: y)).effects[0]
        let h = try #require(effect.halfLifeDays)
        // Rebuild the pieces the analysis used, to look at the augmented fit.
        let data = try EffectsData(model: analysis.model, start: Self.start, response: y, regressors: [:])
        let terms = [try EventTerm(id: "d", dates: [Self.start.adding(days: 200)], first: 0, last: 60, shape: .decay(halfLife: h))]
        var workspace = LeastSquaresWorkspace()
        let fit = try EffectsFit.fit(data.design(with: terms), y: data.y, kind: .nb2, covariance: .classical, workspace: &workspace)
        let profile = HalfLifeProfile(estimate: h, lower: effect.halfLifeLower, upper: effect.halfLifeUpper, atBound: nil)
        let uncertainty = try #require(HalfLifeUncertainty(fit: fit, data: data, terms: terms, profiles: ["d": profile],
                                                           covariance: .classical))
        let entry = try #require(uncertainty.drawn[0])
        let position = try #require(uncertainty.fit.kept.firstIndex(of: entry.gradientColumn))
        // ĥ maximizes the profile: refitting with g leaves its coefficient at ≈ 0.
        let gCoefficient = uncertainty.fit.regression.coefficients[entry.gradientColumn].estimate
        let seLogH = uncertainty.fit.covariance[position, position].squareRoot()
        #expect(abs(gCoefficient) < 0.05 * seLogH, "g coefficient \(gCoefficient) vs its SE \(seLogH)")
        // The Wald interval exp(log ĥ ± 1.96 se) and the profile LR interval agree to within 25% at each end.
        let lower = try #require(effect.halfLifeLower), upper = try #require(effect.halfLifeUpper)
        let waldLower = h * exp(-1.959964 * seLogH), waldUpper = h * exp(1.959964 * seLogH)
        #expect(abs(log(waldLower / lower)) < 0.25 && abs(log(waldUpper / upper)) < 0.25,
                "Wald \(waldLower)…\(waldUpper) vs profile \(lower)…\(upper)")
        // Drawn half-lives spread around ĥ and change the decay column.
        let draws = try uncertainty.draws(200, seed: 3)
        let drawnColumns = draws.compactMap { $0.columnValues[entry.effectColumn] }
        #expect(drawnColumns.count == 200 && draws.allSatisfy { $0.coefficients[entry.gradientColumn] == 0 })
        let dayTen = try #require(data.row(of: Self.start.adding(days: 210)))
        let values = drawnColumns.map { $0[dayTen] }.sorted()
        #expect(values.first! < 0.5 && values.last! > 0.5, "x at day 10 over draws: \(values.first!)…\(values.last!) (0.5 at h = 10)")
    }

    @Test("Decay: cumulative-excess and half-life intervals cover the truth at a rate consistent with 95% (40 replicates)")
    func decayCoverage() throws {
        var excessCovered = 0, halfLifeCovered = 0
        let replicates = 40
        var truth = 0.0
        for t in 200...260 {
            let decay: Double = exp(-M_LN2 * Double(t - 200) / 10)
            let baseline: Double = exp(3.5 + 0.2 * Double(t) / 365.25)
            truth += baseline * (exp(0.9 * decay) - 1)
        }
        for r in 0..<replicates {
            let y = Self.simulate(days: 400, pulses: [], decay: (200, 0.9, 10), seed: UInt64(500 + r))
            let analysis = EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(dayOfWeek: false), kind: .nb2),
                                                triggers: [try EventTerm(id: "d", dates: [Self.start.adding(days: 200)], first: 0,
                                                                     last: 60, shape: .decay(halfLife: 7))],
                                                placebos: 0, paths: 300, seed: UInt64(r))
            let effect = try analysis.run(DatedSeries(start: Self.start, values: y)).effects[0]
            if effect.cumulativeLower <= truth && truth <= effect.cumulativeUpper { excessCovered += 1 }
            if (effect.halfLifeLower ?? 0) <= 10 && 10 <= (effect.halfLifeUpper ?? .infinity) { halfLifeCovered += 1 }
        }
        // Binomial(40, 0.95): P(covered ≤ 33) = 0.34%.
        #expect(excessCovered >= 34, "cumulative excess covered \(excessCovered) of \(replicates)")
        #expect(halfLifeCovered >= 34, "half-life covered \(halfLifeCovered) of \(replicates)")
    }

    @Test("Errors: AR terms, event outside the data, window longer than the data, no eligible placebo dates")
    func errors() throws {
        let y = Self.simulate(days: 100, pulses: [], seed: 3)
        let inside = try EventTerm(id: "x", dates: [Self.start.adding(days: 50)], first: 0, last: 13, shape: .pulse)
        #expect(throws: ModelError.invalidSpecification("AR terms are refused in effects: observed lags would carry the event into the counterfactual")) {
            try EventEffectsAnalysis(model: TimeSeriesModel(design: DesignSpecification(autoregressiveLags: [1])), triggers: [inside],
                                     placebos: 0).run(DatedSeries(start: Self.start, values: y))
        }
        let outside = try EventTerm(id: "late", dates: [Self.start.adding(days: 200)], first: 0, last: 13, shape: .pulse)
        do {
            _ = try EventEffectsAnalysis(model: TimeSeriesModel(), triggers: [outside], placebos: 0).run(DatedSeries(start: Self.start, values: y))
            Issue.record("expected an error")
        } catch {
            guard case .eventWithoutTrainingDays(let id, _, _) = error else { Issue.record("\(error)"); return }
            #expect(id == "late")
        }
        let long = try EventTerm(id: "long", dates: [Self.start.adding(days: 10)], first: 0, last: 150, shape: .pulse)
        #expect(throws: ModelError.invalidSpecification("the window of 'long' (151 days) is longer than the training data (100 days)")) {
            try EventEffectsAnalysis(model: TimeSeriesModel(), triggers: [long], placebos: 0).run(DatedSeries(start: Self.start, values: y))
        }
        let wide = try EventTerm(id: "wide", dates: [Self.start.adding(days: 30)], first: -20, last: 60, shape: .pulse)
        #expect(throws: ModelError.invalidSpecification("no eligible placebo dates for 'wide': every window of its length inside the training data overlaps a real event")) {
            try EventEffectsAnalysis(model: TimeSeriesModel(kind: .nb2), triggers: [wide], placebos: 10).run(DatedSeries(start: Self.start, values: y))
        }
    }
}
