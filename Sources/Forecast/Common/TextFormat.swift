import Foundation

/// Number formatting for text tables. A value that is not a finite number (not available: aliased, no residual
/// degrees of freedom, …) is printed as "—", never as NaN or Inf.
enum TextFormat {
    /// What a table shows for a value that is not available.
    static let unavailable = "—"

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4) { return String(format: "%.4e", value) }
        return String(format: "%.4f", value)
    }

    static func pValue(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        return value < 1e-4 ? String(format: "%.2e", value) : String(format: "%.4f", value)
    }

    static func trimmed(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
