import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Backtest: count models, cadence, determinism, failures")
struct BacktestDeterminismTests {
    static let start = CalendarDate(year: 2023, month: 3, day: 1)!

    /// 260 days of NB2 counts with a trend and a weekly pattern.
    static func counts() -> [Double] {
        var random = RandomSource(seed: 77)
        let weekly: [Double] = [0, 0.2, 0.1, 0, -0.3, -0.2, 0.1]
        var y: [Double] = []
        for t in 0..<260 {
            let eta: Double = 2.5 + 0.004 * Double(t) + weekly[t % 7]
            y.append(random.negativeBinomial(mean: exp(eta), alpha: 0.15))
        }
        return y
    }

    @Test("Same seed → identical output; serial and parallel identical; a different seed changes the samples")
    func determinism() throws {
        let y = Self.counts()
        var spec = BacktestSpecification(model: TimeSeriesModel(kind: .nb2), horizon: 10, firstOrigin: Self.start.adding(days: 120),
                                         step: 5, paths: 200, seed: 3, keepSamples: true, concurrency: 1)
        let a = try spec.run(DatedSeries(start: Self.start, values: y))
        let b = try spec.run(DatedSeries(start: Self.start, values: y))
        spec.concurrency = 3
        let c = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(a.model.rows == b.model.rows && a.samples == b.samples)
        #expect(a.model.rows == c.model.rows && a.samples == c.samples)
        #expect(a.json() == c.json())
        #expect(a.detailsCSV() == c.detailsCSV())
        spec.seed = 4
        let d = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(a.samples != d.samples)
    }

    @Test("Count models warm-start from the previous origin and agree with cold fits (IRLS tolerance)")
    func warmStart() throws {
        let y = Self.counts()
        let model = TimeSeriesModel(kind: .nb2)
        let spec = BacktestSpecification(model: model, horizon: 7, firstOrigin: Self.start.adding(days: 150), step: 7,
                                         origins: 6, paths: 10, concurrency: 1)
        let result = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(result.methods.first == .refit)
        #expect(result.methods.dropFirst().allSatisfy { $0 == .warmStarted })
        for (i, window) in result.windows.enumerated() {
            var cold = model
            cold.to = window.last
            let fit = try cold.fit(DatedSeries(start: Self.start, values: y))
            let table = try fit.forecast(horizon: 7, paths: 10)
            for h in 0..<7 {
                let mean = result.model.rows[i * 7 + h].mean
                #expect(abs(mean - table.days[h].mean) <= 1e-6 * table.days[h].mean, "origin \(window.last) h \(h + 1)")
            }
        }
    }

    @Test("warmStarts: false refits every origin cold; estimates and forecast means equal the warm-started ones to 1e-6")
    func coldRefits() throws {
        let y = Self.counts()
        var spec = BacktestSpecification(model: TimeSeriesModel(kind: .nb2), horizon: 7, firstOrigin: Self.start.adding(days: 150),
                                         step: 7, origins: 10, paths: 10, concurrency: 1, baselines: false)
        let warm = try spec.run(DatedSeries(start: Self.start, values: y))
        spec.warmStarts = false
        let cold = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(warm.methods.contains(.warmStarted))
        #expect(cold.methods.allSatisfy { $0 == .refit }, "\(cold.methods)")
        for (a, b) in zip(warm.model.rows, cold.model.rows) {
            #expect(abs(a.mean - b.mean) <= 1e-6 * b.mean, "origin \(a.origin) h \(a.h)")
        }
        // The estimates themselves, origin by origin: a fit started from the previous origin's β̂ and a cold one.
        let data = BacktestData(start: Self.start, response: y, regressors: [:], responseName: "y", vintage: nil)
        var previous: [Double]? = nil
        for window in cold.windows {
            let coldFit = try spec.fit(window: window, data: data, warmStart: nil)
            let warmFit = try spec.fit(window: window, data: data, warmStart: previous)
            #expect(coldFit.method == .refit && warmFit.method == (previous == nil ? .refit : .warmStarted))
            let a = warmFit.fit.regression.estimates, b = coldFit.fit.regression.estimates
            let scale = b.map(abs).max() ?? 1
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * scale }, "\(window.last): \(a) vs \(b)")
            previous = a
        }
    }

    @Test("--refit K keeps β̂ between refits; never refits only the first origin")
    func cadence() throws {
        let y = Self.counts()
        var spec = BacktestSpecification(model: TimeSeriesModel(kind: .poisson), horizon: 7,
                                         firstOrigin: Self.start.adding(days: 100), step: 7, origins: 9, refit: .everyK(3),
                                         paths: 10, concurrency: 2)
        let every3 = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(every3.methods.enumerated().allSatisfy { ($0.offset % 3 == 0) == ($0.element != .kept) })
        spec.refit = .never
        let never = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(never.methods.dropFirst().allSatisfy { $0 == .kept })
        // Kept parameters: origin 1's forecasts use origin 0's β̂, so exp(x′β̂) continues origin 0's curve.
        let fit = try TimeSeriesModel(kind: .poisson, to: never.windows[0].last).fit(DatedSeries(start: Self.start, values: y))
        let long = try fit.forecast(horizon: 14, paths: 10)
        for h in 0..<7 {
            #expect(abs(never.model.rows[7 + h].mean - long.days[7 + h].mean) < 1e-9 * long.days[7 + h].mean)
        }
    }

    @Test("A failing fit falls back (seasonal naive when nothing succeeded before) and the rows are still written")
    func fallback() throws {
        var y = Self.counts()
        for t in 0..<130 { y[t] = 0 }  // all-zero training → Poisson fit fails at the early origins
        let spec = BacktestSpecification(model: TimeSeriesModel(kind: .poisson), horizon: 7,
                                         firstOrigin: Self.start.adding(days: 100), step: 7, origins: 8, paths: 10,
                                         concurrency: 1)
        let result = try spec.run(DatedSeries(start: Self.start, values: y))
        #expect(!result.failedOrigins.isEmpty)
        #expect(result.failedOrigins.allSatisfy { $0.fallback == .seasonalNaive })
        #expect(result.model.rows.count == 8 * 7)
        let firstFailed = try #require(result.failedOrigins.first)
        let index = result.origins.firstIndex(of: firstFailed.origin)!
        #expect(result.model.rows[index * 7].mean == (try #require(result.seasonalNaive)).rows[index * 7].mean)
        #expect(result.methods[index] == .fallback)
        #expect(result.methods.last != .fallback)
        // Without baselines the fallback is still the seasonal-naive forecast.
        var withoutBaselines = spec
        withoutBaselines.baselines = false
        let skipped = try withoutBaselines.run(DatedSeries(start: Self.start, values: y))
        #expect(skipped.seasonalNaive == nil && skipped.failedOrigins == result.failedOrigins)
        #expect(skipped.model.rows == result.model.rows)
    }

    @Test("Origins: default count, horizon past the data and origin outside the data are errors")
    func origins() throws {
        let y = [Double](repeating: 5, count: 40)
        let model = TimeSeriesModel(design: DesignSpecification(trend: .none, dayOfWeek: false), kind: .ols)
        let spec = BacktestSpecification(model: model, horizon: 5, firstOrigin: Self.start.adding(days: 20), step: 3)
        // Origins 20, 23, …, 32 leave ≥ 5 days (last day 39): 5 origins.
        #expect(try spec.originWindows(start: Self.start, count: 40).map { $0.last - Self.start } == [20, 23, 26, 29, 32])
        var tooLong = spec
        tooLong.origins = 6
        #expect(throws: BacktestError.self) { try tooLong.run(DatedSeries(start: Self.start, values: y)) }
        var outside = spec
        outside.firstOrigin = Self.start.adding(days: -1)
        #expect(throws: BacktestError.self) { try outside.run(DatedSeries(start: Self.start, values: y)) }
        let sliding = BacktestSpecification(model: model, horizon: 5, firstOrigin: Self.start.adding(days: 20), step: 3,
                                            window: .sliding(days: 10))
        #expect(try sliding.originWindows(start: Self.start, count: 40).map { $0.first - Self.start } == [11, 14, 17, 20, 23])
    }
}
