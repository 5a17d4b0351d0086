import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// A forecaster whose paths are known: path p is the constant `p` on every day; it records what it was shown.
private struct LadderForecaster: Forecaster {
    let seen = Seen()
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var histories: [(end: CalendarDate, count: Int)] = []
        func record(_ h: DatedSeries) { lock.lock(); histories.append((h.end, h.dayCount)); lock.unlock() }
        var all: [(end: CalendarDate, count: Int)] { lock.lock(); defer { lock.unlock() }; return histories }
    }
    var name: String { "ladder" }
    func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution {
        seen.record(history)
        var paths = Matrix(rows: settings.horizon, columns: settings.paths)
        for t in 0..<settings.horizon { for p in 0..<settings.paths { paths[t, p] = Double(p) } }
        return PredictiveDistribution(firstDay: history.end.adding(days: 1), paths: paths)
    }
}

@Suite("Counterfactual design: pre-period training, path intervals, placebo calibration, bad input")
struct CounterfactualDesignTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    @Test("Totals, intervals, relative effect and tail probability equal a direct computation over known paths")
    func directComputation() throws {
        let values = (0..<300).map { Double($0 % 7) }
        let series = DatedSeries(start: Self.start, values: values)
        let trigger = EventWindow(id: "t", date: Self.start.adding(days: 250), first: 0, last: 9)
        let forecaster = LadderForecaster()
        let design = CounterfactualDesign(forecaster: forecaster, preDays: 100, gapDays: 2, paths: 100, level: 90, placebos: 0)
        let effect = try #require(design.run(series, triggers: [trigger]).effects.first)
        // Direct: observed total over days 250…259; path p totals 10 p; excess_p = obs − 10 p for p = 0…99.
        let observed = (250...259).map { values[$0] }.reduce(0, +)
        #expect(effect.observedTotal == observed)
        #expect(effect.counterfactualTotal == 10 * 49.5)
        let excesses = (0..<100).map { observed - 10 * Double($0) }.sorted()
        // Type-1 quantile at 0.05 of 100 values is the 5th smallest, at 0.95 the 95th.
        #expect(effect.cumulativeLower == excesses[4] && effect.cumulativeUpper == excesses[94])
        #expect(abs(effect.relativeEffect - 100 * (observed - 495) / 495) < 1e-12)
        let relatives = (1..<100).map { 100 * (observed - 10 * Double($0)) / (10 * Double($0)) }.sorted()   // path 0 has total 0
        #expect(effect.relativeLower == relatives[Int((0.05 * 99).rounded(.up)) - 1])
        let reach = (0..<100).filter { 10 * Double($0) >= observed }.count
        #expect(effect.tailProbability == Double(1 + reach) / 101)
        // No look-ahead: trained through the day before the gap, on exactly --pre days.
        let history = try #require(forecaster.seen.all.first)
        #expect(history.end == Self.start.adding(days: 247) && history.count == 100)
        #expect(effect.pre == DateSpan(first: Self.start.adding(days: 148), last: Self.start.adding(days: 247)))
        #expect(effect.days.count == 10 && effect.days[3].excess == values[253] - 49.5)
    }

    @Test("Short pre-period: uses what there is above the minimum (with a warning), errors below it")
    func shortPrePeriod() throws {
        let series = DatedSeries(start: Self.start, values: [Double](repeating: 3, count: 200))
        let design = CounterfactualDesign(forecaster: LadderForecaster(), preDays: 180, paths: 10, placebos: 0)
        let ok = try design.run(series, triggers: [EventWindow(id: "mid", date: Self.start.adding(days: 100), last: 6)])
        #expect(ok.effects[0].pre.dayCount == 100)
        #expect(ok.warnings.map(\.code) == ["short-pre-period"])
        #expect(throws: ModelError.self) {
            try design.run(series, triggers: [EventWindow(id: "early", date: Self.start.adding(days: CounterfactualDesign.minimumPreDays - 1), last: 6)])
        }
        do {
            _ = try design.run(series, triggers: [EventWindow(id: "late", date: Self.start.adding(days: 195), last: 13)])
            Issue.record("a window past the data's end must throw")
        } catch {
            #expect("\(error)".contains("'late'") && "\(error)".contains("after the series' last day"))
        }
    }

    @Test("A control with a missing day in the window is a located error; a control that jumps at the trigger warns")
    func controls() throws {
        var control = (0..<200).map { Double($0 % 5) }
        control[105] = .nan
        let series = DatedSeries(start: Self.start, values: [Double](repeating: 3, count: 200), regressors: ["c": control])
        let design = CounterfactualDesign(forecaster: LadderForecaster(), preDays: 90, paths: 10, placebos: 0)
        let trigger = EventWindow(id: "t", date: Self.start.adding(days: 100), last: 9)
        do {
            _ = try design.run(series, triggers: [trigger])
            Issue.record("a missing control day must throw")
        } catch {
            #expect("\(error)".contains("c") && "\(error)".contains("2024-04-15"))
        }
        let jumped = (0..<200).map { Double($0 % 5) + ($0 >= 100 ? 10 : 0) }
        let shifted = DatedSeries(start: Self.start, values: series.values, regressors: ["c": jumped])
        #expect(try design.run(shifted, triggers: [trigger]).warnings.map(\.code) == ["control-moved"])
    }

    @Test("Placebo days: windows before the trigger's window, clear of every real event window, with enough history")
    func placeboDays() {
        let series = DatedSeries(start: Self.start, values: [Double](repeating: 3, count: 400))
        let trigger = EventWindow(id: "t", date: Self.start.adding(days: 300), first: -2, last: 6)
        let other = EventWindow(id: "o", date: Self.start.adding(days: 200), first: 0, last: 6)
        let design = CounterfactualDesign(forecaster: LadderForecaster(), preDays: 180, gapDays: 1, paths: 10)
        let days = design.placeboDays(series, trigger: trigger, avoiding: [trigger, other])
        let preFirst = Self.start, preLast = Self.start.adding(days: 300 - 2 - 1 - 1)
        #expect(!days.isEmpty)
        for day in days {
            #expect(day.adding(days: -3) >= preFirst && day.adding(days: 6) <= preLast)
            #expect(day.adding(days: 6) < other.date || day.adding(days: -3) > other.date.adding(days: 6))
        }
        // Direct count: candidate days P whose span P − 3 (leads and gap) … P + 6 lies before the window and misses
        // o's days 200…206.
        let expected = (0..<400).map { Self.start.adding(days: $0) }.filter { p in
            p.adding(days: -3) >= preFirst && p.adding(days: 6) <= preLast
                && (p.adding(days: 6) < other.date || p.adding(days: -3) > other.date.adding(days: 6))
                && p.adding(days: -3) - Self.start >= CounterfactualDesign.minimumPreDays
        }
        #expect(days == expected)
    }

    @Test("The calibrated p is the two-sided rank of the real statistic among placebo statistics")
    func calibratedRank() throws {
        // A series that is flat except for a burst at the trigger: every placebo window is flat, so the real
        // statistic is the most extreme of all and p = 2 / (1 + n).
        var values = [Double](repeating: 5, count: 400)
        for t in 300..<307 { values[t] = 40 }
        let series = DatedSeries(start: Self.start, values: values)
        let design = CounterfactualDesign(forecaster: CounterfactualDesign.defaultForecaster(kind: .poisson), preDays: 120,
                                          paths: 200, placebos: 40)
        let effect = try design.run(series, triggers: [EventWindow(id: "burst", date: Self.start.adding(days: 300), last: 6)]).effects[0]
        #expect(effect.placebos == 40)
        #expect(effect.placeboPValue == 2.0 / 41)
        #expect(effect.cumulativeLower > 0 && effect.relativeEffect > 100)
    }
}
