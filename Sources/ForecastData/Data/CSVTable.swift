// CSVTable — a parsed delimited text file: header, data rows, and where each row starts in the file.
//
// Format rules (enforced by `CSVReader`, listed in full in CSVReader.swift):
//  1. The first non-empty line is the header; every data row has exactly as many fields as the header.
//  2. Cells hold the field text after unquoting ("" → "), untrimmed; header names are trimmed of ASCII whitespace.
//  3. Line numbers are 1-based physical file lines (the header is line 1); a row's line is the line it starts on.
//  4. Storage: the unquoted text of all data cells, row-major, in one byte buffer + one end offset per cell.

/// A parsed CSV file: column names and `rowCount` rows of exactly `columnCount` cells each.
///
/// Produced by ``CSVReader``. A value type, immutable once parsed, `Sendable`.
///
/// **Storage and cost.** The unquoted UTF-8 text of every data cell is stored row-major in one contiguous
/// byte buffer, plus one end offset per cell and one start line per row (8 bytes each), so a table costs
/// roughly its file size plus 8 bytes per cell. ``cell(row:column:)`` is O(1) plus the `String` it creates;
/// ``numbers(inColumn:missing:)`` parses a whole column straight from the bytes without creating strings.
import ForecastCore
public struct CSVTable: Sendable {
    /// The file path as given to ``CSVReader/read(contentsOf:)`` (or the `source` passed to `parse`);
    /// `nil` for in-memory text. Used as `DataError.file`.
    public let source: String?
    /// The column names in file order, trimmed of surrounding ASCII whitespace; non-empty and unique.
    public let header: [String]
    /// The field delimiter detected from the header line: `,` (0x2C), `;` (0x3B) or tab (0x09).
    public let delimiter: UInt8
    /// The 1-based file line of the header (1 unless the file starts with empty lines).
    public let headerLine: Int

    /// Unquoted text of all data cells, row-major, back to back.
    @usableFromInline let text: [UInt8]
    /// `cellEnds[i]` = end offset in `text` of cell `i = row * columnCount + column`; it starts where cell i-1 ends.
    @usableFromInline let cellEnds: [Int]
    /// `rowLines[row]` = 1-based file line on which data row `row` starts.
    @usableFromInline let rowLines: [Int]

    init(source: String?, header: [String], delimiter: UInt8, headerLine: Int,
         text: [UInt8], cellEnds: [Int], rowLines: [Int]) {
        precondition(cellEnds.count == header.count * rowLines.count, "CSVTable: cell count must be rows × columns")
        self.source = source
        self.header = header
        self.delimiter = delimiter
        self.headerLine = headerLine
        self.text = text
        self.cellEnds = cellEnds
        self.rowLines = rowLines
    }

    /// The number of data rows (the header is not a row). At least 1 for a table from ``CSVReader``.
    @inlinable public var rowCount: Int { rowLines.count }

    /// The number of columns, `header.count` (at least 1).
    @inlinable public var columnCount: Int { header.count }

    /// The 1-based file line on which data row `row` (0-based) starts; the header is line 1.
    ///
    /// Counts every physical line before it, including skipped empty lines and newlines embedded in quoted
    /// fields of earlier rows. Precondition: `0 <= row < rowCount`.
    @inlinable public func line(ofRow row: Int) -> Int {
        precondition(row >= 0 && row < rowCount, "CSVTable.line(ofRow:): row \(row) out of 0..<\(rowCount)")
        return rowLines[row]
    }

    /// The byte range in `text` of the cell at (`row`, `column`).
    @inlinable func byteRange(row: Int, column: Int) -> Range<Int> {
        precondition(row >= 0 && row < rowCount, "CSVTable: row \(row) out of 0..<\(rowCount)")
        precondition(column >= 0 && column < columnCount, "CSVTable: column \(column) out of 0..<\(columnCount)")
        let index = row &* columnCount &+ column
        return (index == 0 ? 0 : cellEnds[index &- 1]) ..< cellEnds[index]
    }

    /// The text of the cell at data row `row` and column `column` (both 0-based), after unquoting
    /// (`""` inside a quoted field becomes `"`), not trimmed; invalid UTF-8 never occurs (it is rejected
    /// by ``CSVReader``). Precondition: both indices in range.
    @inlinable public func cell(row: Int, column: Int) -> String {
        String(decoding: text[byteRange(row: row, column: column)], as: UTF8.self)
    }
}

// MARK: - The bytes of the format

/// The ASCII bytes the format is made of.
enum CSVByte {
    static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, tab: UInt8 = 0x09, quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C, semicolon: UInt8 = 0x3B

    /// Space, tab, LF, VT, FF, CR.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// The bytes with surrounding ASCII whitespace removed, decoded as UTF-8.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var (lo, hi) = (0, bytes.count)
        while lo < hi && isWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo && isWhitespace(bytes[hi - 1]) { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
    }
}
