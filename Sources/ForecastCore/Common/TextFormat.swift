import Foundation

/// Number formatting for text tables. A value that is not a finite number (not available: aliased, no residual
/// degrees of freedom, …) is printed as "—", never as NaN or Inf.
package enum TextFormat {
    /// What a table shows for a value that is not available.
    package static let unavailable = "—"

    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4) { return String(format: "%.4e", value) }
        return String(format: "%.4f", value)
    }

    /// `value` with a fixed number of decimals (`%.Nf`, with a sign when `signed`), or `unavailable` when it is
    /// not finite: the one way a table prints a percentage or a rounded figure.
    package static func fixed(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        guard value.isFinite else { return unavailable }
        return String(format: signed ? "%+.\(decimals)f" : "%.\(decimals)f", value)
    }

    package static func pValue(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        return value < 1e-4 ? String(format: "%.2e", value) : String(format: "%.4f", value)
    }

    package static func trimmed(_ value: Double) -> String {
        guard value.isFinite else { return unavailable }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Rows as a table: columns padded to their widest cell and joined by two spaces; the columns in `left` are
    /// left-aligned, the others right-aligned; trailing spaces removed; one line per row.
    package static func alignedTable(_ rows: [[String]], left: Set<Int> = [0]) -> String {
        guard let first = rows.first else { return "" }
        let widths = (0..<first.count).map { k in rows.map { k < $0.count ? $0[k].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { k, cell in
                let padding = String(repeating: " ", count: max(0, widths[k] - cell.count))
                return left.contains(k) ? cell + padding : padding + cell
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    package static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    package static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
