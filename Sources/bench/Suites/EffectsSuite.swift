import BenchHarness
import Forecast
import Foundation

/// Placebo tests of `forecast effects`: a pulse event in the middle of a daily NB2 series and 1,000 placebo fits
/// (warm-started, α held at the real fit's estimate, parallel across cores with one BLAS thread per task).
///
/// Case `effects-placebos`: `EventEffectsAnalysis(… placebos: 1000, paths: 200)` on a `DailyCountProblem` of
/// 1,500 days (smoke: 300 days, 50 placebos), one worker per core, against the same analysis with one worker (the
/// placebo loop's parallel scaling; agreement exact: results do not depend on the workers). Checked before timing,
/// as well: the event coefficient
/// equals a direct `CountRegression.negativeBinomial()` fit of the same design built here independently (const,
/// trend in years, weekday dummies, the event window), and the placebo count is the number asked for (or every
/// eligible date) with a p-value in (0, 1].
enum EffectsSuite: Suite {
    static let name = "effects"

    static func cases(for profile: Profile) -> [BenchCase] {
        let days = profile == .smoke ? 300 : 1500
        let placebos = profile == .smoke ? 50 : 1000
        return [BenchCase(name: "effects-placebos", suite: name, size: CaseSize(rows: days, columns: placebos),
                          summary: "EventEffectsAnalysis pulse + \(placebos) placebos, one worker per core vs 1 worker") {
            try prepare(days: days, placebos: placebos)
        }]
    }

    static func agreementTolerance(forCase name: String) -> Double { 0 }

    static func prepare(days n: Int, placebos: Int) throws -> PreparedCase {
        let problem = DailyCountProblem(days: n)
        let start = CalendarDate(daysSinceEpoch: problem.startDay)
        let eventDay = n / 2
        let term = try EventTerm(id: "e", dates: [start.adding(days: eventDay)], first: 0, last: 13, shape: .pulse)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let analysis = EventEffectsAnalysis(model: TimeSeriesModel(kind: .nb2), triggers: [term], placebos: placebos,
                                            paths: 200, seed: 1, concurrency: cores)
        var serial = analysis
        serial.concurrency = 1
        var result = try analysis.run(DatedSeries(start: start, values: problem.y))
        // Independent design: const, trend, dow_tue…dow_sun, event window days 0..13.
        var columns: [(name: String, values: [Double])] = [("const", [Double](repeating: 1, count: n)),
                                                           ("trend", (0..<n).map { Double($0) / 365.25 })]
        for weekday in 2...7 {
            columns.append(("dow\(weekday)", (0..<n).map {
                DailyCountProblem.isoWeekday(daysSinceEpoch: problem.startDay + $0) == weekday ? 1 : 0 }))
        }
        columns.append(("event", (0..<n).map { ($0 - eventDay) >= 0 && ($0 - eventDay) <= 13 ? 1 : 0 }))
        let direct = try CountRegression.negativeBinomial().fit(DesignMatrix(columns: columns), response: problem.y)
        let effect = result.effects[0]
        let expected = direct.estimates[8]
        try SelfCheckFailure.require(abs((effect.coefficient ?? .nan) - expected) <= 1e-8 * max(1, abs(expected)),
                                     "event coefficient", expected: "\(expected) (direct NB2 fit)", found: "\(effect.coefficient ?? .nan)")
        try SelfCheckFailure.require(effect.placebos + effect.failedPlacebos == placebos, "placebos run",
                                     expected: "\(placebos)", found: "\(effect.placebos) + \(effect.failedPlacebos) failed")
        let p = effect.placeboPValue ?? .nan
        try SelfCheckFailure.require(p > 0 && p <= 1, "placebo p-value", expected: "in (0, 1]", found: "\(p)")
        func compared(_ effects: EventEffects) -> [Double] {
            let effect = effects.effects[0]
            return [effect.coefficient ?? .nan, effect.standardError ?? .nan, effect.placeboPValue ?? .nan,
                    Double(effect.placebos), Double(effect.failedPlacebos)]
        }
        let ours = Subject(name: "Forecast EventEffectsAnalysis (pulse, \(placebos) placebos, \(cores) workers)",
                           run: { result = try analysis.run(DatedSeries(start: start, values: problem.y)) },
                           output: { compared(result) })
        var serialResult = result
        let baseline = Subject(name: "the same with 1 worker",
                               run: { serialResult = try serial.run(DatedSeries(start: start, values: problem.y)) },
                               output: { compared(serialResult) })
        // For compare_statsmodels.py: the independent design above, the event day and the settings the placebo
        // dates are drawn with (its statsmodels loop re-draws them and must reproduce the p-value), α̂ of the real fit.
        let design = columns.flatMap(\.values)
        let inputs = problem.exportedArrays
            + [ExportedArray(name: "x", rows: n, columns: columns.count, values: design, identity: "daily_design_\(n)")]
        return PreparedCase(ours: ours, baseline: baseline, inputs: inputs, results: {
            [("coefficient", [result.effects[0].coefficient ?? .nan]),
             ("standardError", [result.effects[0].standardError ?? .nan]),
             ("placeboPValue", [result.effects[0].placeboPValue ?? .nan]),
             ("placebosUsed", [Double(result.effects[0].placebos)]),
             ("alpha", [direct.alpha ?? .nan]), ("eventDay", [Double(eventDay)]), ("window", [0, 13]),
             ("placebos", [Double(placebos)]), ("seed", [Double(analysis.seed)])]
        })
    }
}
