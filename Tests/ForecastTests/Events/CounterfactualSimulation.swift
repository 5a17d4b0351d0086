import Foundation
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The simulation study of the counterfactual design (issue 14), shared by the small test and the full run quoted
/// in Guides/EscalationAfterTriggers.md (`FORECAST_SIMULATION_SERIES=200 swift test --filter CounterfactualSimulation`).
///
/// Each series: 600 days of NB2 counts (α = 0.1) with a day-of-week pattern on a log level of 3 that either
/// **drifts** (a Gaussian random walk, sd 0.01 a day) or **changes regime** (a jump of ±0.5 on the log scale at a
/// date unrelated to the trigger: uniformly 30–150 days before it or 20–100 days after its window). The trigger is
/// day 450, window 0..13. Under an **effect** each window day gets extra Poisson(0.5 μₜ) counts on top of the
/// no-trigger count y⁰ₜ, so the true excess Σ(y − y⁰) is known exactly.
struct CounterfactualSimulation {
    enum Level: String, CaseIterable { case drift, regime }

    struct Outcome {
        /// Series whose counterfactual 95 % interval covers the true excess.
        var covered = 0
        /// Series whose calibrated placebo p < 0.05.
        var placeboRejections = 0
        /// Series whose regression-design (in-sample pulse, classical SE) Wald p < 0.05.
        var regressionRejections = 0
        var series = 0
        var failed = 0
    }

    static let start = CalendarDate(year: 2023, month: 1, day: 1)!
    static let triggerDay = 450, days = 600

    let level: Level
    let effect: Bool
    let placebos: Int
    let paths: Int

    /// One simulated series (values, the true excess over the window).
    func series(seed: UInt64) -> (DatedSeries, trueExcess: Double) {
        var random = SeededRandom(seed: seed)
        let dayOfWeek = [0.0, 0.05, 0.1, 0.05, 0, -0.1, -0.15]
        var logLevel = [Double](repeating: 3, count: Self.days)
        switch level {
        case .drift:
            for t in 1..<Self.days { logLevel[t] = logLevel[t - 1] + 0.01 * random.normal() }
        case .regime:
            let before = random.uniform() < 0.5
            let change = before ? Self.triggerDay - 30 - Int(random.uniform() * 121)
                                : Self.triggerDay + 14 + 20 + Int(random.uniform() * 81)
            let jump = random.uniform() < 0.5 ? 0.5 : -0.5
            for t in change..<Self.days { logLevel[t] += jump }
        }
        var values = [Double](repeating: 0, count: Self.days)
        var excess = 0.0
        for t in 0..<Self.days {
            let mu = exp(logLevel[t] + dayOfWeek[t % 7])
            values[t] = random.negativeBinomial(mean: mu, alpha: 0.1)
            if effect && t >= Self.triggerDay && t < Self.triggerDay + 14 {
                let extra = random.poisson(0.5 * mu)
                values[t] += extra
                excess += extra
            }
        }
        return (DatedSeries(name: "y", start: Self.start, values: values), excess)
    }

    /// Runs `count` series (seeds 1…count).
    func run(count: Int) -> Outcome {
        var outcome = Outcome()
        let trigger = EventWindow(id: "t", date: Self.start.adding(days: Self.triggerDay), first: 0, last: 13)
        let design = CounterfactualDesign(forecaster: CounterfactualDesign.defaultForecaster(), preDays: 180, paths: paths,
                                          placebos: placebos)
        for seed in 1...UInt64(count) {
            let (series, truth) = self.series(seed: seed &* 7919 &+ UInt64(level == .drift ? 0 : 1_000_000))
            guard let effect = try? design.run(series, triggers: [trigger]).effects.first else {
                outcome.failed += 1
                continue
            }
            outcome.series += 1
            if effect.cumulativeLower <= truth && truth <= effect.cumulativeUpper { outcome.covered += 1 }
            if let p = effect.placeboPValue, p < 0.05 { outcome.placeboRejections += 1 }
            let model = TimeSeriesModel(kind: .nb2)
            let analysis = EventEffectsAnalysis(model: model, triggers: [try! EventTerm(id: "t", dates: [trigger.date], first: 0, last: 13, shape: .pulse)],
                                                placebos: 0, paths: 1)
            if let regression = try? analysis.run(DatedSeries(start: series.start, values: series.values)).effects.first,
               let b = regression.coefficient, let se = regression.standardError, se > 0,
               2 * Normal().survival(abs(b / se)) < 0.05 {
                outcome.regressionRejections += 1
            }
        }
        return outcome
    }
}
