import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// An SVG chart of a fit and its forecast: observed history, fitted values, the forecast mean with a two-level
/// fan, held-out actuals, event markers with labels, a date axis with month or week ticks, a title and a legend.
///
/// The fitted line is always the regression's in-sample fit (μ̂ₜ), the forecaster that produced the forecast
/// may be another one (`--model auto` choosing `local` or `mean28`): the legend then names both — "regression
/// fit (nb2)" and "forecast mean (local)" — and the forecast mean starts on the first forecast day
/// instead of continuing the regression's line.
///
/// Default size 1200×600. Series carry a `class` attribute (`observed`, `fitted`, `forecast-mean`, `fan-<level>`,
/// `actual`, `event`, `changepoint`) so tests and styles can find them.
public struct ForecastPlot: Sendable {
    public var width = 1200.0
    public var height = 600.0
    /// Days of training history shown before the forecast, never more than the training window (default: the
    /// last max(365, 4 × horizon) days — a year keeps a long series readable at about 3 pixels a day).
    public var historyDays: Int?
    public var title: String

    public init(title: String, historyDays: Int? = nil) {
        self.title = title
        self.historyDays = historyDays
    }

    /// Renders the chart.
    /// - Parameter forecaster: the name of the forecaster that produced `forecast` when it is not `fit`'s regression
    ///   (`local`, `mean28`, …); nil when `forecast` is the regression's own.
    public func render(fit: TimeSeriesFit, forecast: ForecastTable, forecaster: String? = nil) -> String {
        let fittedByDate = Dictionary(uniqueKeysWithValues: zip(fit.trainingDates, fit.regression.fittedValues))
        return draw(window: fit.trainingWindow, value: fit.responseValue(at:), fitted: { fittedByDate[$0] },
                    regression: fit.kind.rawValue, forecast: forecast, forecaster: forecaster,
                    events: fit.schema.specification.events, changepoints: fit.schema.specification.changepoints)
    }

    /// Renders the history and the forecast of a forecaster that needs no regression (`local`, the baselines,
    /// `auto`'s winner), when the regression could not be fitted: no fitted line, no event or changepoint markers.
    /// - Parameters:
    ///   - history: the response (its training window is `trainingWindow`).
    ///   - forecaster: the name of the forecaster that produced `forecast`.
    public func render(history: DatedSeries, trainingWindow: DateSpan, forecast: ForecastTable, forecaster: String) -> String {
        draw(window: trainingWindow, value: history.value(at:), fitted: { _ in nil }, regression: nil, forecast: forecast,
             forecaster: forecaster, events: [], changepoints: [])
    }

    /// The chart: `value` the observed response by day (NaN = missing), `fitted` the regression's in-sample fit
    /// (nil where there is none), `regression` its kind (nil: no regression, no fitted line in the legend).
    private func draw(window: DateSpan, value: (CalendarDate) -> Double, fitted fittedValue: (CalendarDate) -> Double?,
                      regression kind: String?, forecast: ForecastTable, forecaster: String?, events: [EventWindow],
                      changepoints: [CalendarDate]) -> String {
        let horizon = forecast.days.count
        let shown = historyDays ?? max(365, 4 * horizon)
        let lastTraining = window.last
        let firstShown = max(window.first, lastTraining.adding(days: -shown + 1))
        let lastShown = forecast.days.last?.date ?? lastTraining
        let historyDates = (0...(lastTraining - firstShown)).map { firstShown.adding(days: $0) }
        let observed = historyDates.compactMap { d -> (CalendarDate, Double)? in
            let v = value(d)
            return v.isNaN ? nil : (d, v)
        }
        let fitted = historyDates.compactMap { d in fittedValue(d).map { (d, $0) } }
        let levels = forecast.levels.sorted(by: >)
        var maximum = observed.map(\.1).max() ?? 1
        for day in forecast.days {
            maximum = max(maximum, day.mean, day.actual ?? 0, day.intervals.map(\.upper).max() ?? 0)
        }
        var minimum = min(0, observed.map(\.1).min() ?? 0)
        for day in forecast.days { minimum = min(minimum, day.intervals.map(\.lower).min() ?? 0) }
        let yTicks = Self.niceTicks(minimum, maximum)
        // Legend entries first: the right margin makes room for the longest (about 7 px a character at 12 px).
        let fanColours = ["#9ecae1", "#4292c6", "#2171b5"]
        var entries: [(colour: String, label: String)] = [("#555555", "observed")]
        if let kind { entries.append(("#e6550d", forecaster == nil ? "fitted (\(kind))" : "regression fit (\(kind))")) }
        entries.append(("#08519c", "forecast mean (\(forecaster ?? kind ?? ""))"))
        for (i, level) in levels.enumerated() { entries.append((fanColours[min(i, 2)], "\(SVGDocument.number(level))% interval")) }
        if forecast.days.contains(where: { $0.actual != nil }) { entries.append(("#111111", "held-out actual")) }
        if changepoints.contains(where: { $0 >= firstShown && $0 <= lastShown }) {
            entries.append(("#cb181d", "changepoint"))
        }
        let legendWidth = 60 + 7 * Double(entries.map(\.label.count).max() ?? 0)
        let (left, right, top, bottom) = (80.0, width - max(180, legendWidth), 50.0, height - 60)
        let span = Double(max(lastShown - firstShown, 1))
        func x(_ d: CalendarDate) -> Double { left + (right - left) * Double(d - firstShown) / span }
        func y(_ v: Double) -> Double {
            ForecastPlot.y(v, ticks: yTicks, top: top, bottom: bottom)
        }

        var svg = SVGDocument(width: width, height: height)
        svg.element("text", [("x", "\(left)"), ("y", "30"), ("font-size", "20"), ("fill", "#222222")], text: title)
        // Grid and axes.
        svg.valueGrid(yTicks, y: y, left: left, right: right)
        svg.dateAxis(firstShown, lastShown, x: x, left: left, right: right, bottom: bottom)
        // Forecast fan, widest level first.
        for (i, level) in levels.enumerated() {
            let index = forecast.levels.firstIndex(of: level)!
            let upper = forecast.days.map { (x($0.date), y($0.intervals[index].upper)) }
            let lower = forecast.days.reversed().map { (x($0.date), y($0.intervals[index].lower)) }
            svg.polygon(upper + lower, fill: fanColours[min(i, 2)], opacity: 0.45, id: "fan-\(SVGDocument.number(level))")
        }
        svg.polyline(observed.map { (x($0.0), y($0.1)) }, stroke: "#555555", width: 1.2, id: "observed")
        if kind != nil { svg.polyline(fitted.map { (x($0.0), y($0.1)) }, stroke: "#e6550d", width: 1.6, id: "fitted") }
        // The regression's forecast continues its fitted line; another forecaster's starts on its first day.
        let join = forecaster == nil ? [(x(lastTraining), y(fitted.last?.1 ?? observed.last?.1 ?? 0))] : []
        svg.polyline(join + forecast.days.map { (x($0.date), y($0.mean)) }, stroke: "#08519c", width: 2.2,
                     id: "forecast-mean")
        for day in forecast.days {
            guard let actual = day.actual else { continue }
            svg.element("circle", [("cx", SVGDocument.number(x(day.date))), ("cy", SVGDocument.number(y(actual))), ("r", "3"),
                                   ("fill", "#111111"), ("class", "actual")])
        }
        // Event markers.
        for event in events where event.date >= firstShown && event.date <= lastShown {
            let ex = x(event.date)
            svg.element("line", [("x1", SVGDocument.number(ex)), ("x2", SVGDocument.number(ex)), ("y1", SVGDocument.number(top)),
                                 ("y2", SVGDocument.number(bottom)), ("stroke", "#756bb1"), ("stroke-dasharray", "5,4"), ("class", "event")])
            svg.element("text", [("x", SVGDocument.number(ex + 4)), ("y", SVGDocument.number(top + 14)), ("font-size", "12"),
                                 ("fill", "#54278f")], text: event.id)
        }
        // Changepoints (trend hinges).
        for cp in changepoints where cp >= firstShown && cp <= lastShown {
            svg.element("line", [("x1", SVGDocument.number(x(cp))), ("x2", SVGDocument.number(x(cp))), ("y1", SVGDocument.number(top)),
                                 ("y2", SVGDocument.number(bottom)), ("stroke", "#cb181d"), ("stroke-dasharray", "3,3"),
                                 ("class", "changepoint")])
        }
        svg.legend(entries, x: right + 20, top: top)
        return svg.text
    }

    /// Round tick values covering [low, high] (about 5 intervals of 1, 2 or 5 × 10^k).
    ///
    /// Any finite doubles give finite ticks: bounds beyond 1e±150 are ticked in units of a power of two (exact), so
    /// the range and the steps never overflow or underflow (values near 1e308 or 1e-320 are drawn, not trapped on);
    /// a non-finite bound (nothing finite to show) stands for 0 (low) or 1 (high).
    static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
        let low = low.isFinite ? low : 0
        let high = high.isFinite ? max(high, low) : max(1, low)
        let magnitude = max(abs(low), abs(high))
        if let unit = axisUnit(magnitude) {
            // A tick beyond the largest double stands at it: the axis still covers every finite value.
            var ticks: [Double] = []
            for tick in niceTicks(low / unit, high / unit).map({ $0 * unit }) {
                let finite = tick.isFinite ? tick : tick > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude
                if ticks.last != finite { ticks.append(finite) }
            }
            return ticks.count >= 2 ? ticks : [-.greatestFiniteMagnitude, .greatestFiniteMagnitude]
        }
        let range = max(high - low, 1e-9)
        let raw = range / 5
        let magnitudeStep = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitudeStep }.first { $0 >= raw } ?? 10 * magnitudeStep
        let start = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        var value = start
        while value < high + step * 0.999 {
            ticks.append(value)
            value += step
        }
        return ticks.count >= 2 ? ticks : [start, start + step]
    }

    /// The pixel row of `v` on a value axis whose `ticks` run from `bottom` (first tick) to `top` (last tick).
    /// Beyond 1e±150 it is computed in units of a power of two (exact), so it is finite for any finite doubles;
    /// otherwise it is the plain (v − first) / (last − first).
    static func y(_ v: Double, ticks: [Double], top: Double, bottom: Double) -> Double {
        let (first, last) = (ticks.first ?? 0, ticks.last ?? 1)
        let unit = axisUnit(max(abs(first), abs(last))) ?? 1
        let (a, b, x) = (first / unit, last / unit, v / unit)
        guard b > a else { return bottom }
        return bottom - (bottom - top) * ((x - a) / (b - a))
    }

    /// The power of two an axis of this magnitude is computed in when its squares or differences could leave the
    /// normal doubles (beyond 1e±150); nil otherwise (the values as they are).
    private static func axisUnit(_ magnitude: Double) -> Double? {
        guard magnitude.isFinite, magnitude > 1e150 || (magnitude > 0 && magnitude < 1e-150) else { return nil }
        return Double(sign: .plus, exponent: magnitude.exponent, significand: 1)
    }

    /// Month starts (spans over 90 days) or Mondays (shorter spans) inside [first, last].
    static func dateTicks(_ first: CalendarDate, _ last: CalendarDate) -> [(date: CalendarDate, label: String)] {
        var ticks: [(CalendarDate, String)] = []
        if last - first > 90 {
            var (year, month) = (first.year, first.month)
            let monthsSpan = (last.year - first.year) * 12 + last.month - first.month
            let every = max(1, (monthsSpan + 9) / 10)  // at most about 10 labels
            var count = 0
            while true {
                let date = CalendarDate(year: year, month: month, day: 1)!
                if date > last { break }
                if date >= first && count % every == 0 { ticks.append((date, String(String(describing: date).prefix(7)))) }
                count += 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        } else {
            var date = first
            while date.weekday != 1 { date = date.adding(days: 1) }
            let every = (last - first) > 45 ? 14 : 7
            while date <= last {
                ticks.append((date, String(String(describing: date).suffix(5))))
                date = date.adding(days: every)
            }
        }
        return ticks
    }

    static func label(_ value: Double) -> String {
        guard value.isFinite else { return TextFormat.unavailable }
        if abs(value) >= 1e9 || (value != 0 && abs(value) < 0.01) { return String(format: "%.3g", value) }
        return abs(value) >= 10000 ? String(format: "%.0fk", value / 1000) : (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value))
    }
}
