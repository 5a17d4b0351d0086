import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG of a rolling-origin backtest: CRPS by horizon and interval coverage by horizon for every method
/// compared (the model and, when scored, the naive and seasonal-naive baselines), then the model's forecast fans
/// at up to four origins (first, last and two between) against the actuals.
///
/// Coverage is drawn for the widest central interval the quantile levels give, with its nominal level as a
/// dashed line. Elements carry a `class` (`crps-<method>`, `coverage-<method>`, `nominal`, `fan`, `fan-mean`,
/// `fan-actual`) for tests and styles.
public struct BacktestPlot: Sendable {
    public var width = 1200.0
    public var title: String

    public init(title: String) {
        self.title = title
    }

    static let colours = ["model": "#08519c", "naive": "#fd8d3c", "seasonal-naive": "#31a354"]

    public func render(_ result: BacktestResult) -> String {
        var methods: [(String, BacktestResult.Evaluation)] = [("model", result.model)]
        if let naive = result.naive { methods.append(("naive", naive)) }
        if let seasonal = result.seasonalNaive { methods.append(("seasonal-naive", seasonal)) }
        let height = 760.0
        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "80"), ("y", "30"), ("font-size", "20"), ("fill", "#222222")], text: title)
        let half = (width - 140) / 2
        // Panel 1: CRPS by horizon.
        linePanel(&svg, left: 80, right: 80 + half - 40, top: 80, bottom: 300, title: "CRPS by horizon (lower is better)",
                  series: methods.map { name, e in (name, e.byHorizon.map(\.crps)) }, cls: "crps", nominal: nil)
        // Panel 2: coverage of the widest interval by horizon.
        let percent = result.model.metrics.intervals.map(\.percent).max()
        let coverage = methods.map { name, e in
            (name, e.byHorizon.map { s in s.intervals.first { $0.percent == percent }.map { 100 * $0.coverage } ?? .nan })
        }
        linePanel(&svg, left: 80 + half + 60, right: width - 40, top: 80, bottom: 300,
                  title: percent.map { "Coverage of the \($0) % interval by horizon (%)" } ?? "Coverage (no central interval)",
                  series: coverage, cls: "coverage", nominal: percent.map(Double.init))
        // Legend.
        for (i, (name, _)) in methods.enumerated() {
            let lx = 80 + 170 * Double(i)
            svg.element("rect", [("x", SVGDocument.number(lx)), ("y", "338"), ("width", "14"), ("height", "10"),
                                 ("fill", Self.colours[name] ?? "#555555")])
            svg.element("text", [("x", SVGDocument.number(lx + 20)), ("y", "348"), ("font-size", "12"), ("fill", "#222222")], text: name)
        }
        fans(&svg, result, top: 400, bottom: height - 50)
        return svg.text
    }

    /// Lines over h = 1…H, one per method, on shared nice ticks; `nominal` adds a dashed reference line.
    private func linePanel(_ svg: inout SVGDocument, left: Double, right: Double, top: Double, bottom: Double, title: String,
                           series: [(String, [Double])], cls: String, nominal: Double?) {
        svg.element("text", [("x", SVGDocument.number(left)), ("y", SVGDocument.number(top - 16)), ("font-size", "14"),
                             ("fill", "#222222")], text: title)
        let values = series.flatMap(\.1).filter(\.isFinite) + (nominal.map { [$0] } ?? [])
        let ticks = ForecastPlot.niceTicks(min(0, values.min() ?? 0), values.max() ?? 1)
        let horizon = series.map(\.1.count).max() ?? 1
        func x(_ h: Int) -> Double { left + (right - left) * Double(h - 1) / Double(max(horizon - 1, 1)) }
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: top, bottom: bottom) }
        svg.valueGrid(ticks, y: y, left: left, right: right, fontSize: 11)
        let step = max(1, horizon / 10)
        for h in stride(from: 1, through: horizon, by: step) {
            svg.element("text", [("x", SVGDocument.number(x(h))), ("y", SVGDocument.number(bottom + 16)), ("font-size", "11"),
                                 ("text-anchor", "middle"), ("fill", "#444444")], text: "h=\(h)")
        }
        if let nominal {
            svg.element("line", [("x1", SVGDocument.number(left)), ("x2", SVGDocument.number(right)), ("y1", SVGDocument.number(y(nominal))),
                                 ("y2", SVGDocument.number(y(nominal))), ("stroke", "#222222"), ("stroke-dasharray", "6,4"),
                                 ("class", "nominal")])
        }
        for (name, values) in series {
            let points = values.enumerated().filter { $0.element.isFinite }.map { (x($0.offset + 1), y($0.element)) }
            svg.polyline(points, stroke: Self.colours[name] ?? "#555555", width: 2, id: "\(cls)-\(name)")
        }
    }

    /// The model's fans (widest central interval) at up to four origins, with means and actuals.
    private func fans(_ svg: inout SVGDocument, _ result: BacktestResult, top: Double, bottom: Double) {
        let rows = result.model.rows
        let origins = Array(Set(rows.map(\.origin))).sorted()
        guard let firstDay = rows.map(\.date).min(), let lastDay = rows.map(\.date).max(), !origins.isEmpty else { return }
        let picks = Array(Set([0, origins.count / 3, 2 * origins.count / 3, origins.count - 1])).sorted().map { origins[$0] }
        let levels = result.specification.quantileLevels
        let (lowerIndex, upperIndex) = (levels.indices.min { levels[$0] < levels[$1] }, levels.indices.max { levels[$0] < levels[$1] })
        let (left, right) = (80.0, width - 40)
        svg.element("text", [("x", "80"), ("y", SVGDocument.number(top - 16)), ("font-size", "14"), ("fill", "#222222")],
                     text: "Model forecasts at \(picks.count) origins (band: quantiles \(levels.min().map { "\($0)" } ?? "") – "
                        + "\(levels.max().map { "\($0)" } ?? ""); dots: actuals)")
        let shown = rows.filter { picks.contains($0.origin) }
        let values = shown.flatMap { [$0.actual, $0.mean] + $0.quantiles }.filter(\.isFinite)
        let ticks = ForecastPlot.niceTicks(min(0, values.min() ?? 0), values.max() ?? 1)
        let span = Double(max(lastDay - firstDay, 1))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(d - firstDay) / span }
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: top, bottom: bottom) }
        svg.valueGrid(ticks, y: y, left: left, right: right, fontSize: 11)
        svg.dateAxis(firstDay, lastDay, x: x, left: left, right: right, bottom: bottom, fontSize: 11, marks: false)
        // Actuals of every forecast day (dots), then each picked origin's band and mean.
        var actuals: [CalendarDate: Double] = [:]
        for row in rows where row.actual.isFinite { actuals[row.date] = row.actual }
        for origin in picks {
            let fan = shown.filter { $0.origin == origin }.sorted { $0.h < $1.h }
            if let lowerIndex, let upperIndex, lowerIndex != upperIndex {
                let upper = fan.map { (x($0.date), y($0.quantiles[upperIndex])) }
                let lower = fan.reversed().map { (x($0.date), y($0.quantiles[lowerIndex])) }
                svg.polygon(upper + lower, fill: "#9ecae1", opacity: 0.6, id: "fan")
            }
            svg.polyline(fan.map { (x($0.date), y($0.mean)) }, stroke: "#08519c", width: 2, id: "fan-mean")
        }
        for (date, value) in actuals.sorted(by: { $0.key < $1.key }) where picks.contains(where: { date > $0 && date - $0 <= result.specification.horizon }) {
            svg.element("circle", [("cx", SVGDocument.number(x(date))), ("cy", SVGDocument.number(y(value))), ("r", "2.5"),
                                   ("fill", "#111111"), ("class", "fan-actual")])
        }
    }
}
