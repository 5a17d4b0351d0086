// SpecificationCurvePlot — the robustness grid as a specification curve: estimates with intervals, sorted, one
// colour per design, zero marked, each specification labelled below.

import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG specification curve. Classes: `estimate`, `interval`, `zero`.
public struct SpecificationCurvePlot: Sendable {
    public var width = 1100.0
    public var height = 560.0
    public var title: String

    public init(title: String) { self.title = title }

    public func render(_ grid: RobustnessGrid) -> String {
        let rows = grid.rows.filter { $0.failure == nil && $0.estimate.isFinite }.sorted { $0.estimate < $1.estimate }
        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "40"), ("y", "30"), ("font-size", "18"), ("fill", "#222222")], text: title)
        let verdict = Self.wrapped(grid.verdict, width: Int(width / 7))
        for (i, line) in verdict.enumerated() {
            svg.element("text", [("x", "40"), ("y", SVGDocument.number(50 + 15 * Double(i))), ("font-size", "12"), ("fill", "#444444")], text: line)
        }
        let (left, right, top, bottom) = (90.0, width - 30, 65.0 + 15 * Double(verdict.count), height - 150)
        let low = min(0, rows.map(\.lower).filter(\.isFinite).min() ?? 0), high = max(0, rows.map(\.upper).filter(\.isFinite).max() ?? 1)
        let ticks = ForecastPlot.niceTicks(low, high)
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: top, bottom: bottom) }
        func x(_ i: Int) -> Double { left + (right - left) * (Double(i) + 0.5) / Double(max(rows.count, 1)) }
        for tick in ticks {
            svg.element("line", [("x1", SVGDocument.number(left)), ("x2", SVGDocument.number(right)), ("y1", SVGDocument.number(y(tick))),
                                 ("y2", SVGDocument.number(y(tick))), ("stroke", "#e5e5e5")])
            svg.element("text", [("x", SVGDocument.number(left - 6)), ("y", SVGDocument.number(y(tick) + 4)), ("font-size", "11"),
                                 ("text-anchor", "end"), ("fill", "#444444")], text: ForecastPlot.label(tick))
        }
        svg.element("text", [("x", "18"), ("y", SVGDocument.number((top + bottom) / 2)), ("font-size", "12"), ("fill", "#444444"),
                             ("transform", "rotate(-90 18 \(SVGDocument.number((top + bottom) / 2)))"), ("text-anchor", "middle")],
                    text: "cumulative excess (counts)")
        svg.element("line", [("x1", SVGDocument.number(left)), ("x2", SVGDocument.number(right)), ("y1", SVGDocument.number(y(0))),
                             ("y2", SVGDocument.number(y(0))), ("stroke", "#555555"), ("class", "zero")])
        for (i, row) in rows.enumerated() {
            let colour = row.specification.design == .counterfactual ? "#08519c" : "#e6550d"
            svg.element("line", [("x1", SVGDocument.number(x(i))), ("x2", SVGDocument.number(x(i))), ("y1", SVGDocument.number(y(row.lower))),
                                 ("y2", SVGDocument.number(y(row.upper))), ("stroke", colour), ("stroke-width", "2"), ("class", "interval")])
            svg.element("circle", [("cx", SVGDocument.number(x(i))), ("cy", SVGDocument.number(y(row.estimate))), ("r", "4"),
                                   ("fill", colour), ("class", "estimate")])
            let s = row.specification
            let label = "\(s.window.lowerBound)..\(s.window.upperBound) " + (s.pre.map { "pre \($0)" } ?? "\(s.shape) \(s.covariance)")
            let lx = SVGDocument.number(x(i) + 4), ly = SVGDocument.number(bottom + 10)
            svg.element("text", [("x", lx), ("y", ly), ("font-size", "10"), ("fill", "#444444"), ("text-anchor", "end"),
                                 ("transform", "rotate(-60 \(lx) \(ly))")], text: label)
        }
        let legendY = SVGDocument.number(height - 14)
        svg.element("circle", [("cx", "50"), ("cy", SVGDocument.number(height - 18)), ("r", "4"), ("fill", "#08519c")])
        svg.element("text", [("x", "60"), ("y", legendY), ("font-size", "12"), ("fill", "#222222")], text: "counterfactual design (pre-trigger forecast)")
        svg.element("circle", [("cx", "360"), ("cy", SVGDocument.number(height - 18)), ("r", "4"), ("fill", "#e6550d")])
        svg.element("text", [("x", "370"), ("y", legendY), ("font-size", "12"), ("fill", "#222222")], text: "regression design (in-sample event term)")
        return svg.text
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
