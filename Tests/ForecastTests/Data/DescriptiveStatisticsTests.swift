// Tests for DescriptiveStatistics on small data with reference values from numpy 2.4.6 / statsmodels 0.15.0
// (the NIST StRD accuracy tests are in Tests/ReferenceTests/NISTUnivariateTests.swift).

import Forecast
import Testing

@Suite("Descriptive statistics") struct DescriptiveStatisticsTests {
    @Test("Moments and autocorrelation of [3,1,4,1,5,9,2,6,5,3,5]")
    func piDigits() {
        let s = DescriptiveStatistics([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], maxLag: 3)
        // numpy: x.mean() = 4.0, x.var(ddof=1) = 5.6, x.std(ddof=1) = 2.3664319132398464.
        #expect(s.count == 11 && s.missing == 0 && s.sum == 44 && s.mean == 4)
        #expect(abs(s.variance - 5.6) <= 1e-15 * 5.6)
        #expect(abs(s.standardDeviation - 2.3664319132398464) <= 2e-16 * 2.37)
        #expect(s.minimum == 1 && s.maximum == 9 && s.zeros == 0)
        // statsmodels acf(x, nlags=3, adjusted=False, fft=False)[1:].
        for (a, e) in zip(s.autocorrelations, [-0.16071428571428573, -0.01785714285714286, 0.30357142857142855]) {
            #expect(abs(a - e) <= 1e-15, "\(a) vs \(e)")
        }
        #expect(abs(s.dispersionIndex - 5.6 / 4) <= 1e-15)
    }

    @Test("Quantiles are R type 7 / numpy's default")
    func quantiles() {
        let s = DescriptiveStatistics([0.5, 2.25, 10, 3, 7.75, 1, 4.5], probabilities: [0.05, 0.33, 0.9])
        // numpy: np.quantile(x, [0.05, 0.33, 0.9]) = [0.65, 2.225, 8.65]; np.median(x) = 3.0.
        for (a, e) in zip(s.quantiles, [0.65, 2.225, 8.65]) { #expect(abs(a - e) <= 1e-15 * e, "\(a) vs \(e)") }
        #expect(s.median == 3)
        #expect(DescriptiveStatistics.quantile(sorted: [1, 2], 1) == 2 && DescriptiveStatistics.quantile(sorted: [4], 0.3) == 4)
    }

    @Test("Missing days are skipped; autocorrelation pairs need both days")
    func missingValues() {
        let nan = Double.nan
        let s = DescriptiveStatistics([5, 7, nan, 4, 6, 8, nan, nan, 3, 9, 2], maxLag: 3)
        // numpy nanmean = 5.5, nanstd(ddof=1) = 2.449489742783178;
        // statsmodels acf(y, nlags=3, adjusted=False, fft=False, missing='conservative')[1:].
        #expect(s.count == 8 && s.missing == 3 && s.mean == 5.5)
        #expect(abs(s.standardDeviation - 2.449489742783178) <= 2e-16 * 2.45)
        for (a, e) in zip(s.autocorrelations, [-0.5059523809523809, 0.06547619047619048, -0.1130952380952381]) {
            #expect(abs(a - e) <= 1e-15, "\(a) vs \(e)")
        }
    }

    @Test("Degenerate inputs give NaN, not traps")
    func degenerate() {
        let empty = DescriptiveStatistics([])
        #expect(empty.count == 0 && empty.mean.isNaN && empty.variance.isNaN && empty.median.isNaN)
        let one = DescriptiveStatistics([3])
        #expect(one.mean == 3 && one.variance.isNaN && one.autocorrelations.allSatisfy(\.isNaN))
        let constant = DescriptiveStatistics([2, 2, 2, 2])
        #expect(constant.variance == 0 && constant.autocorrelations[0].isNaN && constant.dispersionIndex == 0)
        #expect(DescriptiveStatistics([0, 0, 1]).zeros == 2)
        #expect(DescriptiveStatistics([-1, 1]).dispersionIndex.isNaN)  // mean 0
    }

    @Test("Large offsets do not cost digits (the one-pass formula would return a negative variance here)")
    func cancellation() {
        let base = 1e9
        let s = DescriptiveStatistics([base + 4, base + 7, base + 13, base + 16])
        #expect(s.mean == base + 10 && s.variance == 30)
    }

    @Test("Describe output: table and JSON per column")
    func describeOutput() throws {
        let series = DailySeries(start: day("2024-01-01"), names: ["launched"], values: [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]])
        let table = series.describeTable(maxLag: 2)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("mean ") && $0.hasSuffix(" 4") })
        #expect(lines.contains { $0.hasPrefix("standard deviation ") && $0.hasSuffix(" 2.36643") })
        #expect(lines.contains("autocorrelation lag 1  -0.160714"))
        #expect(!lines.contains { $0.hasPrefix("autocorrelation lag 3") })
        let json = series.describeJSON(maxLag: 1).serialized()
        #expect(json.contains(#""statistics":[{"column":"launched","count":11,"missing":0,"zeros":0,"sum":44.0,"mean":4.0,"#))
        #expect(json.contains(#""autocorrelations":[{"lag":1,"value":-0.16071428571428573}]"#))
    }
}
