import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// A minimal SVG writer: elements with escaped attributes and text, numbers with two decimals.
///
/// No plotting dependency; the output is standalone SVG 1.1 with an explicit background so it reads the same in
/// light and dark viewers.
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []

    public init(width: Double, height: Double, background: String = "#ffffff") {
        self.width = width
        self.height = height
        body.append(#"<rect x="0" y="0" width="\#(Self.number(width))" height="\#(Self.number(height))" fill="\#(background)"/>"#)
    }

    /// Appends an element `<name attributes…/>` or `<name …>text</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attributeText = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if let text {
            body.append("<\(name)\(attributeText)>\(Self.escape(text))</\(name)>")
        } else {
            body.append("<\(name)\(attributeText)/>")
        }
    }

    /// Opens a group; close it with `endGroup()`.
    public mutating func beginGroup(_ attributes: [(String, String)] = []) {
        body.append("<g\(attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined())>")
    }

    public mutating func endGroup() { body.append("</g>") }

    /// A polyline through the points (NaN points split nothing: callers drop them).
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5,
                                  dash: String? = nil, id: String? = nil) {
        var attributes: [(String, String)] = [("points", points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")),
                                              ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let id { attributes.append(("class", id)) }
        element("polyline", attributes)
    }

    /// A closed polygon.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double, id: String? = nil) {
        var attributes: [(String, String)] = [("points", points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")),
                                              ("fill", fill), ("fill-opacity", Self.number(opacity)), ("stroke", "none")]
        if let id { attributes.append(("class", id)) }
        element("polygon", attributes)
    }

    /// The complete document.
    public var text: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.number(width))" height="\(Self.number(height))" \
        viewBox="0 0 \(Self.number(width)) \(Self.number(height))" font-family="Helvetica, Arial, sans-serif">
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    /// A coordinate or size with at most two decimals. Never traps: a value beyond ±10⁶ (far off any canvas) is
    /// clamped there and NaN is drawn at 0 — plots compute finite coordinates (`ForecastPlot.y`), this is the guard.
    static func number(_ value: Double) -> String {
        let value = value.isNaN ? 0 : min(max(value, -1e6), 1e6)
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
