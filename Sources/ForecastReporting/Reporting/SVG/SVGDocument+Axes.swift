/// The axes every chart of the package draws: a value grid with labels on the left, a date axis (tick marks,
/// labels, base line) along the bottom, and a legend of colour swatches.
import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
extension SVGDocument {
    /// One (colour, label) swatch per row, 20 pixels apart, from (`x`, `top`).
    mutating func legend(_ entries: [(colour: String, label: String)], x: Double, top: Double) {
        for (i, entry) in entries.enumerated() {
            let ly = top + 20 * Double(i)
            element("rect", [("x", Self.number(x)), ("y", Self.number(ly)), ("width", "14"), ("height", "10"), ("fill", entry.colour)])
            element("text", [("x", Self.number(x + 20)), ("y", Self.number(ly + 10)), ("font-size", "12"), ("fill", "#222222")],
                    text: entry.label)
        }
    }

    /// Horizontal grid lines at `ticks`, labelled left of `left` (`ForecastPlot.label`); with `markZero` the
    /// zero line is darker.
    mutating func valueGrid(_ ticks: [Double], y: (Double) -> Double, left: Double, right: Double, fontSize: Int = 12,
                            markZero: Bool = false) {
        for tick in ticks {
            element("line", [("x1", Self.number(left)), ("x2", Self.number(right)), ("y1", Self.number(y(tick))),
                             ("y2", Self.number(y(tick))), ("stroke", markZero && tick == 0 ? "#888888" : "#dddddd"),
                             ("stroke-width", "1")])
            element("text", [("x", Self.number(left - 8)), ("y", Self.number(y(tick) + 4)), ("font-size", "\(fontSize)"),
                             ("text-anchor", "end"), ("fill", "#444444")], text: ForecastPlot.label(tick))
        }
    }

    /// Date labels (`ForecastPlot.dateTicks`) below `bottom`; with `marks`, tick marks and the base line too.
    mutating func dateAxis(_ first: CalendarDate, _ last: CalendarDate, x: (CalendarDate) -> Double, left: Double,
                           right: Double, bottom: Double, fontSize: Int = 12, marks: Bool = true) {
        for tick in ForecastPlot.dateTicks(first, last) {
            if marks {
                element("line", [("x1", Self.number(x(tick.date))), ("x2", Self.number(x(tick.date))), ("y1", Self.number(bottom)),
                                 ("y2", Self.number(bottom + 5)), ("stroke", "#444444")])
            }
            element("text", [("x", Self.number(x(tick.date))), ("y", Self.number(bottom + (marks ? 20 : 16))),
                             ("font-size", "\(fontSize)"), ("text-anchor", "middle"), ("fill", "#444444")], text: tick.label)
        }
        if marks {
            element("line", [("x1", Self.number(left)), ("x2", Self.number(right)), ("y1", Self.number(bottom)),
                             ("y2", Self.number(bottom)), ("stroke", "#444444")])
        }
    }
}
