// FitReport.pathProbability: a probability from N simulated paths is printed at the resolution N gives.
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Probabilities from simulated paths")
struct PathProbabilityTests {
    @Test("All or no paths: bounded by one path's share, never 100 % or 0 %")
    func extremes() {
        #expect(FitReport.pathProbability(1, paths: 1000) == "> 99.9 %")
        #expect(FitReport.pathProbability(0, paths: 1000) == "< 0.1 %")
        #expect(FitReport.pathProbability(1, paths: 200) == "> 99.5 %")
        #expect(FitReport.pathProbability(1, paths: 100) == "> 99 %")
        #expect(FitReport.pathProbability(0, paths: 10000) == "< 0.01 %")
    }

    @Test("Other values: as many decimals as one path's share needs")
    func interior() {
        #expect(FitReport.pathProbability(0.437, paths: 1000) == "43.7 %")
        #expect(FitReport.pathProbability(0.43, paths: 100) == "43 %")
    }
}
