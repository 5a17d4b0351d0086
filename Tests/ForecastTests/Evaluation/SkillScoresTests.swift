import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Skill scores and naive baselines")
struct SkillScoresTests {
    @Test("1 − S/S_baseline; a zero or undefined baseline gives nil")
    func skill() {
        #expect(SkillScores.skill(score: 2, baseline: 4) == 0.5)
        #expect(SkillScores.skill(score: 6, baseline: 4) == -0.5)
        #expect(SkillScores.skill(score: 1, baseline: 0) == nil)
        #expect(SkillScores.skill(score: .nan, baseline: 3) == nil)
        #expect(SkillScores.logScoreGain(score: 5, baseline: 5.5) == 0.5)
        // MAE 1 against the naive's MAE 2 → 0.5; the naive's own skill is 0.
        let y = [3.0, 5, 4], naive = [1.0, 1, 4], f = [2.0, 4, 4]
        let expected: Double = 1 - (2.0 / 3) / 2
        #expect(SkillScores.meanAbsoluteErrorSkill(actual: y, forecast: f, baseline: naive) == expected)
        #expect(SkillScores.meanAbsoluteErrorSkill(actual: y, forecast: naive, baseline: naive) == 0)
        #expect(SkillScores.meanAbsoluteErrorSkill(actual: y, forecast: f, baseline: y) == nil)
    }

    @Test("Naive and seasonal-naive forecasts")
    func baselines() {
        let x = [1.0, 2, 3, 4, 5, 6, 7, 8, 9]
        #expect(NaiveForecasts.naive(training: x, horizon: 3) == [9, 9, 9])
        #expect(NaiveForecasts.seasonalNaive(training: x, period: 7, horizon: 9) == [3, 4, 5, 6, 7, 8, 9, 3, 4])
        #expect(NaiveForecasts.seasonalNaive(training: [1, 2], period: 7, horizon: 3) == nil)
        #expect(NaiveForecasts.naive(training: [], horizon: 3) == nil)
    }
}
