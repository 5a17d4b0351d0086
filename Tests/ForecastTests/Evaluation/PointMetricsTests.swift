import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Hand-computed values (worked in the comments) for the point-accuracy measures.
@Suite("Point metrics: ME, MAE, RMSE, MAPE, sMAPE")
struct PointMetricsTests {
    @Test("ME, MAE, RMSE on a small example")
    func basics() {
        let y = [3.0, 5, 2, 8], f = [1.0, 6, 2, 4]  // e = 2, −1, 0, 4
        #expect(PointMetrics.errors(actual: y, forecast: f) == [2, -1, 0, 4])
        #expect(PointMetrics.meanError(actual: y, forecast: f) == 1.25)                    // 5/4
        #expect(PointMetrics.meanAbsoluteError(actual: y, forecast: f) == 1.75)            // 7/4
        #expect(PointMetrics.meanSquaredError(actual: y, forecast: f) == 5.25)             // 21/4
        #expect(PointMetrics.rootMeanSquaredError(actual: y, forecast: f) == 5.25.squareRoot())
    }

    @Test("MAPE excludes zero actuals and counts the days it used")
    func mapeZeroActuals() {
        // Days with y = 0 are dropped: 100 · mean(|2−1|/2, |4−5|/4) = 100 · (0.5 + 0.25)/2 = 37.5 over 2 days.
        let y = [0.0, 2, 0, 4], f = [1.0, 1, 0, 5]
        let mape = PointMetrics.meanAbsolutePercentageError(actual: y, forecast: f)
        #expect(mape == PercentageError(value: 37.5, daysUsed: 2, zeroActuals: 2))
        // Only zeros: nothing to average — NaN (JSON null), not ∞.
        let none = PointMetrics.meanAbsolutePercentageError(actual: [0, 0], forecast: [1, 0])
        #expect(none.value.isNaN && none.daysUsed == 0 && none.zeroActuals == 2)
    }

    @Test("sMAPE: a day with y = f = 0 scores 0 and still counts; range 0…200")
    func smapeZeroDays() {
        // s = [0 (y = f = 0), 200·1/(0+1) = 200, 200·1/(2+1) = 200/3, 200·2/(2+0) = 200];
        // mean over all four days = (0 + 200 + 66.666… + 200)/4 = 116.666…
        let y = [0.0, 0, 2, 2], f = [0.0, 1, 1, 0]
        let smape = PointMetrics.symmetricMeanAbsolutePercentageError(actual: y, forecast: f)
        #expect(abs(smape - (0 + 200 + 200.0 / 3 + 200) / 4) <= 1e-13)
        #expect(PointMetrics.symmetricMeanAbsolutePercentageError(actual: [0, 0], forecast: [0, 0]) == 0)
    }

    @Test("Missing values (NaN) drop the day, as R's na.rm = TRUE; all missing gives NaN")
    func missingDays() {
        let y = [1.0, .nan, 3], f = [2.0, 5, .nan]
        #expect(PointMetrics.meanAbsoluteError(actual: y, forecast: f) == 1)
        #expect(PointMetrics.meanError(actual: [.nan], forecast: [1]).isNaN)
        #expect(PointMetrics.meanAbsolutePercentageError(actual: y, forecast: f).daysUsed == 1)
        #expect(PointMetrics.meanError(actual: [], forecast: []).isNaN)
    }
}
