import ForecastCore
import ForecastData
import ForecastModels
extension BacktestResult {
    /// Collects the origins' outcomes (in origin order) into rows and scores.
    init(specification: BacktestSpecification, windows: [DateSpan], outcomes: [OriginOutcome]) {
        precondition(outcomes.count == windows.count, "one outcome per origin")
        let h = specification.horizon, levels = specification.quantileLevels
        let actual = outcomes.flatMap(\.actual)
        let scale1 = outcomes.flatMap { o in [Double?](repeating: o.scale1, count: h) }
        let scaleSeasonal = outcomes.flatMap { o in [Double?](repeating: o.scaleSeasonal, count: h) }
        let byHorizonIndices = (0..<h).map { d in stride(from: d, to: actual.count, by: h).map { $0 } }
        func evaluate(_ forecast: (OriginOutcome) -> OriginForecast) -> Evaluation {
            var rows: [Row] = []
            rows.reserveCapacity(actual.count)
            for o in outcomes {
                let f = forecast(o)
                for d in 0..<h {
                    rows.append(Row(origin: o.window.last, date: o.window.last.adding(days: d + 1), h: d + 1,
                                    mean: f.mean[d], quantiles: f.quantiles[d], actual: o.actual[d]))
                }
            }
            let mean = rows.map(\.mean), quantiles = rows.map(\.quantiles)
            let crps = outcomes.flatMap { forecast($0).crps }
            func scores(_ indices: [Int]) -> BacktestScores {
                BacktestScores(indices: indices, actual: actual, mean: mean, quantiles: quantiles, crps: crps,
                               scale1: scale1, scaleSeasonal: scaleSeasonal, levels: levels)
            }
            return Evaluation(rows: rows, crps: crps, metrics: scores(Array(actual.indices)),
                              byHorizon: byHorizonIndices.map(scores))
        }
        self.specification = specification
        self.windows = windows
        methods = outcomes.map(\.method)
        failedOrigins = outcomes.compactMap(\.failure)
        let scored = evaluate(\.model)
        model = scored
        // Baselines are present for every origin or for none (`specification.baselines`).
        let naiveScored = specification.baselines ? evaluate { $0.naive! } : nil
        let seasonalScored = specification.baselines ? evaluate { $0.seasonalNaive! } : nil
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
            var all = Matrix(rows: actual.count, columns: width, repeating: .nan)
            for (i, o) in outcomes.enumerated() {
                guard let s = o.model.samples else { continue }
                for d in 0..<h { for p in 0..<min(width, s.columns) { all[i * h + d, p] = s[d, p] } }
            }
            kept = all
        }
        samples = kept
    }
}
