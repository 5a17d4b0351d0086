import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG of a fit's components, one panel each (as Prophet's components plot): the trend (intercept, trend
/// terms and changepoint hinges, with the changepoints marked) over the training window and the forecast days,
/// the weekly pattern, and the event and step effects — each with its confidence interval at the fit's level.
///
/// Scales: least squares draws the terms as they add to the daily value; count models draw the trend as the
/// baseline level per day (exp of the trend terms: a Monday without events) and the weekly and event effects as
/// percent changes, 100·(exp(β) − 1). Panels without terms are left out. Elements carry a `class` (`trend`,
/// `changepoint`, `weekday`, `effect`, `interval`) for tests and styles.
public struct ComponentsPlot: Sendable {
    public var width = 1200.0
    public var panelHeight = 230.0
    public var title: String

    public init(title: String) {
        self.title = title
    }

    /// Renders the components of `fit`; the trend runs to the last day of `forecast`.
    public func render(fit: TimeSeriesFit, forecast: ForecastTable) -> String {
        let coefficients = Dictionary(fit.regression.coefficients.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let multiplicative = fit.kind != .ols
        let schema = fit.schema
        let trendNames = schema.columnNames.filter { $0 == "const" || $0 == "trend" || $0 == "trend_sq" || $0.hasPrefix("cp_") }
        let weekdays = ["dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"].filter { coefficients[$0] != nil }
        let effects = schema.columnNames.filter { $0.hasPrefix("event_") || $0.hasPrefix("step_") }
        let level = " (\(TextFormat.trimmed(fit.regression.level * 100)) % intervals)"
        var panels: [(String, (inout SVGDocument, Double) -> Void)] = []
        if !trendNames.isEmpty {
            panels.append(("Trend" + (multiplicative ? ": baseline per day (a Monday without events)" : ""), { svg, top in
                self.trendPanel(&svg, top: top, fit: fit, forecast: forecast, names: trendNames, coefficients: coefficients,
                                multiplicative: multiplicative)
            }))
        }
        if !weekdays.isEmpty {
            let bars = [("Mon", Optional<CoefficientEstimate>.none)] + weekdays.map { (String($0.dropFirst(4)).capitalized, coefficients[$0]) }
            panels.append(("Weekly pattern: " + (multiplicative ? "% change from Monday" : "difference from Monday") + level, { svg, top in
                self.barPanel(&svg, top: top, bars: bars, multiplicative: multiplicative, cls: "weekday")
            }))
        }
        if !effects.isEmpty {
            let bars = effects.map { (String($0), coefficients[$0]) }
            panels.append(("Events and steps: " + (multiplicative ? "% change on the days they cover" : "added per day they cover") + level,
                           { svg, top in self.barPanel(&svg, top: top, bars: bars, multiplicative: multiplicative, cls: "effect") }))
        }
        let height = 50 + panelHeight * Double(max(panels.count, 1))
        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "80"), ("y", "30"), ("font-size", "20"), ("fill", "#222222")], text: title)
        for (i, panel) in panels.enumerated() {
            let top = 50 + panelHeight * Double(i)
            svg.element("text", [("x", "80"), ("y", SVGDocument.number(top + 22)), ("font-size", "14"), ("fill", "#222222")],
                        text: panel.0)
            panel.1(&svg, top + 35)
        }
        return svg.text
    }

    /// The trend terms' sum over the training window and the forecast, with changepoints as dashed lines.
    private func trendPanel(_ svg: inout SVGDocument, top: Double, fit: TimeSeriesFit, forecast: ForecastTable, names: [String],
                            coefficients: [String: CoefficientEstimate], multiplicative: Bool) {
        let schema = fit.schema
        let first = fit.trainingWindow.first, last = forecast.days.last?.date ?? fit.trainingWindow.last
        let lags = [Double](repeating: 0, count: schema.specification.autoregressiveLags.count)
        let regressors = [Double](repeating: 0, count: schema.specification.regressors.count)
        let indices = names.compactMap { name in schema.columnNames.firstIndex(of: name).map { (name, $0) } }
        let points = (0...(last - first)).map { offset -> (CalendarDate, Double) in
            let date = first.adding(days: offset)
            let row = schema.row(for: date, lags: lags, regressors: regressors)
            let sum = indices.reduce(0.0) { total, entry in
                let beta = coefficients[entry.0]?.estimate ?? 0
                return total + (beta.isFinite ? beta * row[entry.1] : 0)
            }
            return (date, multiplicative ? exp(sum) : sum)
        }
        let values = points.map(\.1).filter(\.isFinite)
        let ticks = ForecastPlot.niceTicks(min(0, values.min() ?? 0), values.max() ?? 1)
        let (left, right, bottom) = (80.0, width - 60, top + panelHeight - 70)
        let span = Double(max(last - first, 1))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(d - first) / span }
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: top, bottom: bottom) }
        svg.valueGrid(ticks, y: y, left: left, right: right, fontSize: 11, markZero: true)
        svg.dateAxis(first, last, x: x, left: left, right: right, bottom: bottom, fontSize: 11, marks: false)
        let lastTraining = fit.trainingWindow.last
        svg.polyline(points.filter { $0.0 <= lastTraining }.map { (x($0.0), y($0.1)) }, stroke: "#e6550d", width: 2, id: "trend")
        svg.polyline(points.filter { $0.0 >= lastTraining }.map { (x($0.0), y($0.1)) }, stroke: "#e6550d", width: 2,
                     dash: "6,4", id: "trend")
        for cp in schema.specification.changepoints where cp >= first && cp <= last {
            svg.element("line", [("x1", SVGDocument.number(x(cp))), ("x2", SVGDocument.number(x(cp))), ("y1", SVGDocument.number(top)),
                                 ("y2", SVGDocument.number(bottom)), ("stroke", "#cb181d"), ("stroke-dasharray", "3,3"),
                                 ("class", "changepoint")])
        }
    }

    /// Bars from zero with interval whiskers; `nil` coefficients are the reference level (drawn as 0).
    private func barPanel(_ svg: inout SVGDocument, top: Double, bars: [(String, CoefficientEstimate?)], multiplicative: Bool,
                          cls: String) {
        func scale(_ v: Double) -> Double { multiplicative ? 100 * (exp(v) - 1) : v }
        let rows = bars.map { (label: $0.0, value: $0.1.map { scale($0.estimate) } ?? .nan,
                                lower: $0.1.map { scale($0.lower) } ?? 0, upper: $0.1.map { scale($0.upper) } ?? 0) }
        let all = rows.flatMap { [$0.value, $0.lower, $0.upper] }.filter(\.isFinite)  // the reference level has no bar
        let ticks = ForecastPlot.niceTicks(min(0, all.min() ?? 0), max(0, all.max() ?? 1))
        let (left, right, bottom) = (80.0, width - 60, top + panelHeight - 70)
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: ticks, top: top, bottom: bottom) }
        svg.valueGrid(ticks, y: y, left: left, right: right, fontSize: 11, markZero: true)
        let slot = (right - left) / Double(max(rows.count, 1))
        for (i, row) in rows.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let barWidth = min(60, slot * 0.6)
            if row.value.isFinite {
                svg.element("rect", [("x", SVGDocument.number(cx - barWidth / 2)), ("y", SVGDocument.number(min(y(row.value), y(0)))),
                                     ("width", SVGDocument.number(barWidth)), ("height", SVGDocument.number(abs(y(row.value) - y(0)))),
                                     ("fill", row.value >= 0 ? "#4292c6" : "#fd8d3c"), ("class", cls)])
            }
            if row.lower.isFinite && row.upper.isFinite && row.lower != row.upper {
                svg.element("line", [("x1", SVGDocument.number(cx)), ("x2", SVGDocument.number(cx)), ("y1", SVGDocument.number(y(row.lower))),
                                     ("y2", SVGDocument.number(y(row.upper))), ("stroke", "#222222"), ("stroke-width", "1.5"),
                                     ("class", "interval")])
            }
            svg.element("text", [("x", SVGDocument.number(cx)), ("y", SVGDocument.number(bottom + 16)), ("font-size", "11"),
                                 ("text-anchor", "middle"), ("fill", "#444444")], text: row.label)
        }
    }
}
