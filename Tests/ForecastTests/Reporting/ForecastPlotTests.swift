import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Counts elements and `points` of polylines by class while parsing (also proves the SVG is well-formed XML).
final class SVGInspector: NSObject, XMLParserDelegate {
    var pointsByClass: [String: Int] = [:]
    var countByClass: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard let cls = attributes["class"] else { return }
        countByClass[cls, default: 0] += 1
        if let points = attributes["points"] { pointsByClass[cls] = points.split(separator: " ").count }
    }
}

@Suite("SVG forecast plot")
struct ForecastPlotTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    /// 240 simulated NB2 days (seed 12) from `start`: trend 0.2 a year on the log scale, α = 0.3.
    static var simulated: DatedSeries {
        var random = SeededRandom(seed: 12)
        let y = (0..<240).map { t in random.negativeBinomial(mean: exp(3 + 0.2 * Double(t) / 365.25), alpha: 0.3) }
        return DatedSeries(start: start, values: y)
    }

    /// The SVG parsed (`parses`: well-formed XML) with its points and elements counted by class.
    static func inspect(_ svg: String) -> (parses: Bool, inspector: SVGInspector) {
        let parser = XMLParser(data: Data(svg.utf8))
        let inspector = SVGInspector()
        parser.delegate = inspector
        return (parser.parse(), inspector)
    }

    @Test("Well-formed XML with one point per day in each series, the fan, actuals and event markers")
    func structure() throws {
        let start = Self.start
        let event = EventWindow(id: "kursk", date: start.adding(days: 150), first: 0, last: 6)
        let fit = try TimeSeriesModel(design: DesignSpecification(events: [event]), kind: .nb2, to: start.adding(days: 219))
            .fit(Self.simulated)
        let forecast = try fit.forecast(horizon: 20, levels: [80, 95], paths: 200, seed: 1)
        let svg = ForecastPlot(title: "Simulated strikes", historyDays: 100).render(fit: fit, forecast: forecast)
        let (parses, inspector) = Self.inspect(svg)
        #expect(parses, "not well-formed")
        #expect(inspector.pointsByClass["observed"] == 100)
        #expect(inspector.pointsByClass["fitted"] == 100)
        #expect(inspector.pointsByClass["forecast-mean"] == 21)          // the last fitted point + 20 days
        #expect(inspector.pointsByClass["fan-80"] == 40 && inspector.pointsByClass["fan-95"] == 40)
        #expect(inspector.countByClass["actual"] == 20)                  // held-out days 220…239
        #expect(inspector.countByClass["event"] == 1)
        #expect(svg.contains(">kursk</text>") && svg.contains("Simulated strikes"))
    }

    @Test("Another forecaster's forecast: legend names it and the regression's fit; its mean is not joined to the fit")
    func otherForecaster() throws {
        let start = Self.start, series = Self.simulated
        let fit = try TimeSeriesModel(kind: .nb2, to: start.adding(days: 219)).fit(series)
        let distribution = try BaselineForecaster(.mean28)
            .forecast(series.through(start.adding(days: 219)), settings: ForecastSettings(horizon: 20, paths: 200, seed: 1))
        let forecast = distribution.table(levels: [80, 95], seed: 1, actual: { _ in nil })
        let svg = ForecastPlot(title: "Simulated strikes", historyDays: 100)
            .render(fit: fit, forecast: forecast, forecaster: "mean28")
        let (parses, inspector) = Self.inspect(svg)
        #expect(parses, "not well-formed")
        #expect(inspector.pointsByClass["fitted"] == 100)
        #expect(inspector.pointsByClass["forecast-mean"] == 20)          // the 20 forecast days, no join
        #expect(svg.contains(">regression fit (nb2)</text>") && svg.contains(">forecast mean (mean28)</text>"))
        let own = ForecastPlot(title: "Simulated strikes", historyDays: 100)
            .render(fit: fit, forecast: try fit.forecast(horizon: 20, levels: [80, 95], paths: 200, seed: 1))
        #expect(own.contains(">fitted (nb2)</text>") && own.contains(">forecast mean (nb2)</text>"))
    }

    @Test("Without a regression (too few days for it): the history and the forecaster's forecast, no fitted line")
    func withoutRegression() throws {
        let history = DatedSeries(start: Self.start, values: [5, 7, 6])
        let distribution = try BaselineForecaster(.naive).forecast(history, settings: ForecastSettings(horizon: 10, paths: 100, seed: 1))
        let forecast = distribution.table(levels: [80, 95], seed: 1, actual: { _ in nil })
        let svg = ForecastPlot(title: "Three days")
            .render(history: history, trainingWindow: DateSpan(first: history.start, last: history.end), forecast: forecast,
                    forecaster: "naive")
        let (parses, inspector) = Self.inspect(svg)
        #expect(parses, "not well-formed")
        #expect(inspector.pointsByClass["observed"] == 3)
        #expect(inspector.pointsByClass["forecast-mean"] == 10)
        #expect(inspector.pointsByClass["fitted"] == nil)
        #expect(svg.contains(">forecast mean (naive)</text>") && !svg.contains("fitted ("))
    }

    @Test("Values near the largest double: finite ticks covering them, finite coordinates (no trap, no NaN)")
    func extremeValues() {
        for (low, high) in [(0.0, 1.7e308), (-1.7e308, 1.7e308), (0.0, 5e-324 * 7), (1e300, 1e300), (0.0, .infinity)] {
            let ticks = ForecastPlot.niceTicks(low, high)
            #expect(ticks.count >= 2 && ticks.allSatisfy(\.isFinite), "\(low)…\(high): \(ticks)")
            #expect(ticks.first! <= low && (ticks.last! >= high || !high.isFinite || ticks.last! == .greatestFiniteMagnitude),
                    "\(low)…\(high): \(ticks)")
            for v in [low, high].filter(\.isFinite) {
                let y = ForecastPlot.y(v, ticks: ticks, top: 50, bottom: 540)
                #expect(y.isFinite && y >= 49.99 && y <= 540.01, "\(v) → \(y) on \(ticks)")
            }
        }
        #expect(SVGDocument.number(.nan) == "0" && SVGDocument.number(1e300) == "1000000")
        #expect(ForecastPlot.label(1.7e308) == "1.7e+308" && ForecastPlot.label(.nan) == TextFormat.unavailable)
    }
}
