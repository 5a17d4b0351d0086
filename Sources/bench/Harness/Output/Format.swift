import Foundation

/// Number formatting for the table report.
public enum Format {
    /// `value` with `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// The unit that shows `seconds` with 1–3 integer digits: (scale, symbol).
    public static func unit(for seconds: Double) -> (scale: Double, symbol: String) {
        switch seconds {
        case ..<1e-6: return (1e9, "ns")
        case ..<1e-3: return (1e6, "µs")
        case ..<1: return (1e3, "ms")
        default: return (1, "s")
        }
    }

    /// Three significant digits in `unit` (no symbol).
    public static func significant(_ seconds: Double, scale: Double) -> String {
        let value = seconds * scale
        let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
        return fixed(value, digits)
    }

    /// A duration with its unit, e.g. `1.27 ms`.
    public static func duration(_ seconds: Double) -> String {
        let unit = unit(for: seconds)
        return significant(seconds, scale: unit.scale) + " " + unit.symbol
    }

    /// `median unit [min–max]`, all in the median's unit, e.g. `1.27 ms [1.21–1.40]`.
    public static func timing(_ timing: TimingSummary) -> String {
        let unit = unit(for: timing.median)
        return significant(timing.median, scale: unit.scale) + " " + unit.symbol + " ["
            + significant(timing.min, scale: unit.scale) + "–" + significant(timing.max, scale: unit.scale) + "]"
    }

    /// Left-aligned `text` padded to `width` characters.
    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Right-aligned `text` padded to `width` characters.
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
