import ForecastCore
import ForecastData
import ForecastModels
extension BacktestResult {
    /// Collects the origins' outcomes (in origin order) into rows and scores: the rows and their score terms were
    /// made in the origins' tasks (`OriginRows`), so this concatenates rows and sums terms.
    init(specification: BacktestSpecification, windows: [DateSpan], outcomes: [OriginOutcome]) {
        precondition(outcomes.count == windows.count, "one outcome per origin")
        let h = specification.horizon, levels = specification.quantileLevels
        let intervals = IntervalScores.centralIntervals(levels: levels)
        func evaluate(_ origins: [OriginRows]) -> Evaluation {
            func scores(day: Int?) -> BacktestScores {
                BacktestScores(origins: origins, day: day, horizon: h, levels: levels, intervals: intervals)
            }
            return Evaluation(rows: origins.flatMap(\.rows), crps: origins.flatMap(\.crps), metrics: scores(day: nil),
                              byHorizon: (0..<h).map { scores(day: $0) })
        }
        self.specification = specification
        self.windows = windows
        methods = outcomes.map(\.method)
        failedOrigins = outcomes.compactMap(\.failure)
        let scored = evaluate(outcomes.map(\.model))
        model = scored
        // Baselines are present for every origin or for none (`specification.baselines`).
        let naiveScored = specification.baselines ? evaluate(outcomes.map { $0.naive! }) : nil
        let seasonalScored = specification.baselines ? evaluate(outcomes.map { $0.seasonalNaive! }) : nil
        naive = naiveScored
        seasonalNaive = seasonalScored
        let m = scored.metrics
        func skill(_ baseline: BacktestScores) -> Skill {
            Skill(mae: SkillScores.skill(score: m.meanAbsoluteError, baseline: baseline.meanAbsoluteError),
                  pinball: SkillScores.skill(score: m.pinballMean, baseline: baseline.pinballMean),
                  crps: SkillScores.skill(score: m.crps, baseline: baseline.crps))
        }
        skillVersusNaive = naiveScored.map { skill($0.metrics) }
        skillVersusSeasonalNaive = seasonalScored.map { skill($0.metrics) }
        var kept: Matrix? = nil
        if specification.keepSamples {
            let width = specification.paths
            var all = Matrix(rows: outcomes.count * h, columns: width, repeating: .nan)
            for (i, o) in outcomes.enumerated() {
                guard let s = o.samples else { continue }
                for d in 0..<h { for p in 0..<min(width, s.columns) { all[i * h + d, p] = s[d, p] } }
            }
            kept = all
        }
        samples = kept
    }
}
