import ForecastCore
import ForecastData
import ForecastModels
extension BacktestResult {
    /// Collects the origins' outcomes (in origin order) into rows and scores: the rows and their score terms were
    /// made in the origins' tasks (`OriginRows`), so this concatenates rows and sums terms — each method's scores
    /// over all rows and per horizon day are independent sums, taken in parallel (`ParallelMap`, results in a
    /// fixed order, so they do not depend on the number of workers).
    init(specification: BacktestSpecification, windows: [DateSpan], outcomes: [OriginOutcome]) {
        precondition(outcomes.count == windows.count, "one outcome per origin")
        let h = specification.horizon, levels = specification.quantileLevels
        let intervals = IntervalScores.centralIntervals(levels: levels)
        // The model, then the baselines (present for every origin or for none: `specification.baselines`).
        let methods: [[OriginRows]] = [outcomes.map(\.model)]
            + (specification.baselines ? [outcomes.map { $0.naive! }, outcomes.map { $0.seasonalNaive! }] : [])
        // Tasks, largest first: each method's all rows (as much work as its days together; the task also concatenates
        // the rows), then every method's day 1 … H. A worker that starts late (an idle core takes 0.05–0.4 ms to
        // wake on the 2-core VM measured) then still finds an all-rows task, and the small ones even out the end.
        let methodCount = methods.count
        let parts = ParallelMap.map(count: methodCount * (h + 1), workers: specification.concurrency) { i in
            let (method, day) = i < methodCount ? (i, 0) : ((i - methodCount) / h, 1 + (i - methodCount) % h)
            let origins = methods[method]
            let scores = BacktestScores(origins: origins, day: day == 0 ? nil : day - 1, horizon: h, levels: levels,
                                        intervals: intervals)
            guard day == 0 else { return (scores: scores, rows: [Row](), crps: [Double]()) }
            var rows: [Row] = [], crps: [Double] = []
            rows.reserveCapacity(origins.count * h)
            crps.reserveCapacity(origins.count * h)
            for origin in origins {
                rows.append(contentsOf: origin.rows)
                crps.append(contentsOf: origin.crps)
            }
            return (scores: scores, rows: rows, crps: crps)
        }
        let evaluations = methods.indices.map { m in
            Evaluation(rows: parts[m].rows, crps: parts[m].crps, metrics: parts[m].scores,
                       byHorizon: (0..<h).map { parts[methodCount + m * h + $0].scores })
        }
        self.specification = specification
        self.windows = windows
        self.methods = outcomes.map(\.method)
        failedOrigins = outcomes.compactMap(\.failure)
        let scored = evaluations[0]
        model = scored
        let naiveScored = specification.baselines ? evaluations[1] : nil
        let seasonalScored = specification.baselines ? evaluations[2] : nil
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
