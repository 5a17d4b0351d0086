import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG chart of one column of a daily series as `describe --plot` draws it: the daily values (light) with a
/// 7-day trailing mean (dark, where all 7 days have a value), days without a value shaded, corrections (negative differences of a cumulative
/// series) and negative daily values circled in red with their size, and events as dashed vertical lines with
/// their ids.
///
/// Default size 1200×500. Elements carry a `class` (`daily`, `mean7`, `missing`, `correction`, `event`) so tests
/// and styles can find them. Event labels are placed in the first of four rows where they do not overlap; the rest are counted.
public struct SeriesPlot: Sendable {
    public var width = 1200.0
    public var height = 500.0
    public var title: String

    public init(title: String) {
        self.title = title
    }

    /// Renders `column` of `series`; `events` outside the series' days are left out.
    /// - Parameters:
    ///   - series: the daily series (its `quality` supplies the corrections).
    ///   - column: the column to draw.
    ///   - events: (id, date) of the events to mark.
    public func render(series: DailySeries, column: String, events: [(id: String, date: CalendarDate)] = []) throws(DataError) -> String {
        let values = try series.column(named: column)
        let (first, last) = (series.start, series.end)
        let finite = values.filter(\.isFinite)
        // The mean of the last 7 days, drawn only where all 7 have a value.
        let mean7 = values.indices.map { t -> Double in
            guard t >= 6 else { return .nan }
            let window = values[(t - 6)...t]
            return window.allSatisfy(\.isFinite) ? window.reduce(0, +) / 7 : .nan
        }
        let yTicks = ForecastPlot.niceTicks(min(0, finite.min() ?? 0), finite.max() ?? 1)
        let (left, right, top, bottom) = (80.0, width - 170, 105.0, height - 50)
        let span = Double(max(last - first, 1))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(d - first) / span }
        func y(_ v: Double) -> Double { ForecastPlot.y(v, ticks: yTicks, top: top, bottom: bottom) }
        let dayWidth = (right - left) / span

        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "\(left)"), ("y", "28"), ("font-size", "20"), ("fill", "#222222")], text: title)
        svg.valueGrid(yTicks, y: y, left: left, right: right)
        svg.dateAxis(first, last, x: x, left: left, right: right, bottom: bottom)
        // Days without a value: one shaded band per run.
        for run in Self.missingRuns(values, start: first) {
            svg.element("rect", [("x", SVGDocument.number(x(run.first) - dayWidth / 2)), ("y", SVGDocument.number(top)),
                                 ("width", SVGDocument.number(max(2, Double(run.last - run.first + 1) * dayWidth))),
                                 ("height", SVGDocument.number(bottom - top)), ("fill", "#fdd0a2"), ("fill-opacity", "0.7"),
                                 ("class", "missing")])
        }
        // The daily values and the 7-day mean, each broken where values are missing.
        for segment in Self.segments(values, start: first) {
            svg.polyline(segment.map { (x($0.0), y($0.1)) }, stroke: "#9ecae1", width: 1, id: "daily")
        }
        for segment in Self.segments(mean7, start: first) {
            svg.polyline(segment.map { (x($0.0), y($0.1)) }, stroke: "#08519c", width: 1.8, id: "mean7")
        }
        // Corrections of this column (cumulative input) and negative daily values (daily input), in red.
        var marks: [(date: CalendarDate, label: String)] = series.quality.corrections.filter { $0.column == column }
            .map { ($0.date, "correction \(ForecastPlot.label($0.size))") }
        let negatives = series.quality.columns.first { $0.name == column }?.negatives ?? []
        marks += negatives.filter { n in !marks.contains { $0.date == n.date } }.map { ($0.date, "\(ForecastPlot.label($0.value))") }
        for mark in marks {
            guard let t = series.index(of: mark.date) else { continue }
            let value = values[t].isFinite ? values[t] : 0
            svg.element("circle", [("cx", SVGDocument.number(x(mark.date))), ("cy", SVGDocument.number(y(value))),
                                   ("r", "5"), ("fill", "none"), ("stroke", "#cb181d"), ("stroke-width", "2"), ("class", "correction")])
            svg.element("text", [("x", SVGDocument.number(x(mark.date) + 7)), ("y", SVGDocument.number(y(value) + 4)),
                                 ("font-size", "11"), ("fill", "#cb181d")], text: "\(mark.date) \(mark.label)")
        }
        // Events: a dashed line each; the id above the plot in the first of four rows where it does not overlap
        // the previous label of that row (about 5.5 pixels per character), else left unlabelled and counted.
        let shown = events.filter { $0.date >= first && $0.date <= last }.sorted { $0.date < $1.date }
        var rowEnds = [Double](repeating: -Double.infinity, count: 4)
        var unlabelled = 0
        for event in shown {
            let ex = x(event.date)
            let row = rowEnds.firstIndex { $0 < ex }
            let labelY = top - 8 - 13 * Double(row ?? 0)
            svg.element("line", [("x1", SVGDocument.number(ex)), ("x2", SVGDocument.number(ex)),
                                 ("y1", SVGDocument.number(row == nil ? top : labelY + 3)), ("y2", SVGDocument.number(bottom)),
                                 ("stroke", "#756bb1"), ("stroke-dasharray", "4,4"), ("class", "event")])
            guard let row else { unlabelled += 1; continue }
            rowEnds[row] = ex + 3 + 5.5 * Double(event.id.count) + 6
            svg.element("text", [("x", SVGDocument.number(ex + 3)), ("y", SVGDocument.number(labelY)), ("font-size", "10"),
                                 ("fill", "#54278f")], text: event.id)
        }
        if unlabelled > 0 {
            svg.element("text", [("x", SVGDocument.number(right + 20)), ("y", SVGDocument.number(bottom)), ("font-size", "11"),
                                 ("fill", "#54278f")], text: "\(unlabelled) event\(unlabelled == 1 ? "" : "s") not labelled")
        }
        var legend: [(String, String)] = [("#9ecae1", "\(column) per day"), ("#08519c", "7-day mean")]
        if values.contains(where: \.isNaN) { legend.append(("#fdd0a2", "no value")) }
        if !marks.isEmpty { legend.append(("#cb181d", "correction / negative")) }
        if !shown.isEmpty { legend.append(("#756bb1", "event")) }
        svg.legend(legend, x: right + 20, top: top)
        return svg.text
    }

    /// Runs of consecutive days without a value.
    static func missingRuns(_ values: [Double], start: CalendarDate) -> [DateSpan] {
        var runs: [DateSpan] = []
        var t = 0
        while t < values.count {
            guard values[t].isNaN else { t += 1; continue }
            var end = t
            while end + 1 < values.count && values[end + 1].isNaN { end += 1 }
            runs.append(DateSpan(first: start.adding(days: t), last: start.adding(days: end)))
            t = end + 1
        }
        return runs
    }

    /// Runs of consecutive days with a value, as (date, value) points.
    static func segments(_ values: [Double], start: CalendarDate) -> [[(CalendarDate, Double)]] {
        var segments: [[(CalendarDate, Double)]] = []
        var current: [(CalendarDate, Double)] = []
        for (t, v) in values.enumerated() {
            if v.isFinite {
                current.append((start.adding(days: t), v))
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }
}
