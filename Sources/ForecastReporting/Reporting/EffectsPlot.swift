import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG of an effects analysis: one row per event — left, the observed series and the counterfactual μ̂⁰ with its
/// band over the effect window (and 14 days either side); right, the cumulative excess with the interval of the
/// running total (from the draws, not a sum of daily bands) and the effect day on the x axis.
/// Classes: `observed`, `counterfactual`, `counterfactual-band`, `cumulative-excess`, `cumulative-band`, `trigger`.
public struct EffectsPlot: Sendable {
    public var width = 1200.0
    public var rowHeight = 280.0
    public var title: String

    public init(title: String) { self.title = title }

    public func render(_ result: EventEffects, series: (CalendarDate) -> Double) -> String {
        let height = 60 + rowHeight * Double(max(result.effects.count, 1))
        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "40"), ("y", "32"), ("font-size", "20"), ("fill", "#222222")], text: title)
        for (row, effect) in result.effects.enumerated() {
            let top = 60 + rowHeight * Double(row)
            guard let first = effect.days.first?.date, let last = effect.days.last?.date else { continue }
            let from = first.adding(days: -14), to = last.adding(days: 14)
            let days = (0...(to - from)).map { from.adding(days: $0) }
            let observed = days.compactMap { d -> (CalendarDate, Double)? in let v = series(d); return v.isNaN ? nil : (d, v) }
            let upper = max(observed.map(\.1).max() ?? 1, effect.days.map(\.counterfactualUpper).max() ?? 1)
            let ticks = ForecastPlot.niceTicks(0, upper)
            let (left, right, panelTop, bottom) = (70.0, width * 0.62, top + 30, top + rowHeight - 40)
            func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(d - from) / Double(max(to - from, 1)) }
            func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: panelTop, bottom: bottom) }
            svg.element("text", [("x", "\(left)"), ("y", SVGDocument.number(top + 18)), ("font-size", "14"), ("fill", "#222222")],
                        text: "\(effect.term.id): observed vs expected without the event (\(TextFormat.trimmed(effect.level))% band)")
            for tick in ticks {
                svg.element("line", [("x1", SVGDocument.number(left)), ("x2", SVGDocument.number(right)), ("y1", SVGDocument.number(y(tick))),
                                     ("y2", SVGDocument.number(y(tick))), ("stroke", "#e5e5e5")])
                svg.element("text", [("x", SVGDocument.number(left - 6)), ("y", SVGDocument.number(y(tick) + 4)), ("font-size", "11"),
                                     ("text-anchor", "end"), ("fill", "#444444")], text: ForecastPlot.label(tick))
            }
            for tick in ForecastPlot.dateTicks(from, to) {
                svg.element("text", [("x", SVGDocument.number(x(tick.date))), ("y", SVGDocument.number(bottom + 16)), ("font-size", "11"),
                                     ("text-anchor", "middle"), ("fill", "#444444")], text: tick.label)
            }
            let band = effect.days.map { (x($0.date), y($0.counterfactualUpper)) } + effect.days.reversed().map { (x($0.date), y($0.counterfactualLower)) }
            svg.polygon(band, fill: "#fdae6b", opacity: 0.5, id: "counterfactual-band")
            svg.polyline(observed.map { (x($0.0), y($0.1)) }, stroke: "#555555", width: 1.2, id: "observed")
            svg.polyline(effect.days.map { (x($0.date), y($0.counterfactual)) }, stroke: "#e6550d", width: 2, id: "counterfactual")
            for date in effect.term.dates where date >= from && date <= to {
                svg.element("line", [("x1", SVGDocument.number(x(date))), ("x2", SVGDocument.number(x(date))), ("y1", SVGDocument.number(panelTop)),
                                     ("y2", SVGDocument.number(bottom)), ("stroke", "#756bb1"), ("stroke-dasharray", "5,4"), ("class", "trigger")])
            }
            // Cumulative excess panel.
            let (cLeft, cRight) = (width * 0.70, width - 30)
            var running = 0.0
            var points: [(Int, Double, Double, Double)] = []
            for (i, d) in effect.days.enumerated() {
                running += d.excess
                points.append((i, running, d.runningExcessLower, d.runningExcessUpper))
            }
            let cTicks = ForecastPlot.niceTicks(min(0, points.map(\.2).min() ?? 0, effect.cumulativeLower),
                                                max(0, points.map(\.3).max() ?? 1, effect.cumulativeUpper))
            func cx(_ i: Int) -> Double { cLeft + (cRight - cLeft) * Double(i) / Double(max(points.count - 1, 1)) }
            func cy(_ v: Double) -> Double { ForecastPlot.y(v, ticks: cTicks, top: panelTop, bottom: bottom) }
            svg.element("text", [("x", SVGDocument.number(cLeft)), ("y", SVGDocument.number(top + 18)), ("font-size", "14"), ("fill", "#222222")],
                        text: "cumulative excess, \(TextFormat.trimmed(effect.level))% band")
            // x axis: effect days (offset after the trigger), first, middle and last.
            for i in Set([0, (points.count - 1) / 2, points.count - 1]).sorted() where i < effect.days.count {
                svg.element("text", [("x", SVGDocument.number(cx(i))), ("y", SVGDocument.number(bottom + 16)), ("font-size", "11"),
                                     ("text-anchor", i == 0 ? "start" : i == points.count - 1 ? "end" : "middle"), ("fill", "#444444")],
                            text: "day \(effect.days[i].offset)")
            }
            for tick in cTicks {
                svg.element("text", [("x", SVGDocument.number(cLeft - 6)), ("y", SVGDocument.number(cy(tick) + 4)), ("font-size", "11"),
                                     ("text-anchor", "end"), ("fill", "#444444")], text: ForecastPlot.label(tick))
            }
            svg.element("line", [("x1", SVGDocument.number(cLeft)), ("x2", SVGDocument.number(cRight)), ("y1", SVGDocument.number(cy(0))),
                                 ("y2", SVGDocument.number(cy(0))), ("stroke", "#999999")])
            svg.polygon(points.map { (cx($0.0), cy($0.3)) } + points.reversed().map { (cx($0.0), cy($0.2)) }, fill: "#9ecae1", opacity: 0.6,
                        id: "cumulative-band")
            svg.polyline(points.map { (cx($0.0), cy($0.1)) }, stroke: "#08519c", width: 2, id: "cumulative-excess")
            // The proper interval of the total (joint over days), drawn as a bar at the last day.
            let endX = SVGDocument.number(cx(points.count - 1) - 3)
            svg.element("line", [("x1", endX), ("x2", endX), ("y1", SVGDocument.number(cy(effect.cumulativeLower))),
                                 ("y2", SVGDocument.number(cy(effect.cumulativeUpper))), ("stroke", "#08306b"), ("stroke-width", "3"),
                                 ("class", "cumulative-interval")])
        }
        return svg.text
    }
}
