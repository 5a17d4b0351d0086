// CSVTable+Columns — columns by name and as numbers.
//
// Number rules (policy):
//  1. A cell is trimmed of ASCII whitespace; an empty (or all-whitespace) cell is a missing value.
//  2. Accepted: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? — e.g. `12`, `-3.5`, `1e-3`, `+4`, `.5`.
//     Hex floats (`0x1p3`), thousands or decimal commas (`1,5`), trailing text (`12abc`) are `.invalidNumber`.
//  3. `nan`, `inf`, `infinity` (any case, any sign) and values that overflow to ±infinity (`1e400`) are
//     `.nonFiniteNumber`; underflow gives ±0 or a subnormal, as `strtod` does.
//  4. Results are correctly rounded (bit-identical to Swift's `Double(String)` / glibc `strtod`): mantissas of at
//     most 2^53 with |exponent| ≤ 22 are one exact IEEE multiplication or division (Clinger's fast path);
//     up to 19 significant digits with |exponent| ≤ 27 are exact 128-bit integer arithmetic with one rounding;
//     everything else (rare in data files) is handed to `Double(String)`.

/// What ``CSVTable/numbers(inColumn:missing:)`` does with an empty (or all-whitespace) cell.
import ForecastCore
public enum MissingCells: Sendable {
    /// Throw `DataError(.missingValue)` with expected "a number", found "an empty cell".
    case error
    /// Return `Double.nan` for the cell.
    case asNaN
}

extension CSVTable {
    /// The index of the column called `name`: an exact match first, then the only case-insensitive match.
    ///
    /// Throws `.missingColumn(suggestion:)` with `column` = `name`, `line` = the header line, and as suggestion
    /// the nearest header name (see ``NearestName``) or nil when none is close.
    public func columnIndex(named name: String) throws(DataError) -> Int {
        if let exact = header.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        let matches = header.indices.filter { header[$0].lowercased() == lowered }
        if matches.count == 1 { return matches[0] }
        throw DataError(.missingColumn(suggestion: NearestName.nearest(to: name, in: header)),
                        file: source, line: headerLine, column: name)
    }

    /// The cells of column `column` (0-based) as numbers, one per row (rules at the top of this file).
    ///
    /// Errors name the row's line and the column's header name: `.invalidNumber` (expected "a number",
    /// found the trimmed text in quotes), `.nonFiniteNumber` (expected "a finite number"), and for an empty cell
    /// under `.error`, `.missingValue` (found "an empty cell"). O(total bytes of the column); no strings created
    /// except for long or unusual numbers. Precondition: `0 <= column < columnCount`.
    public func numbers(inColumn column: Int, missing: MissingCells) throws(DataError) -> [Double] {
        precondition(column >= 0 && column < columnCount, "CSVTable.numbers: column \(column) out of 0..<\(columnCount)")
        return try text.withUnsafeBufferPointer { buffer throws(DataError) -> [Double] in
            var values: [Double] = []
            values.reserveCapacity(rowCount)
            for row in 0..<rowCount {
                let range = byteRange(row: row, column: column)
                let cell = UnsafeBufferPointer(rebasing: buffer[range])
                let value: Double
                switch NumberText.parse(cell) {
                case .value(let v): value = v
                case .empty where missing == .asNaN: value = .nan
                case .empty:
                    throw cellError(.missingValue, row: row, column: column, expected: "a number",
                                found: "an empty cell")
                case .nonFinite:
                    throw cellError(.nonFiniteNumber, row: row, column: column, expected: "a finite number",
                                found: NumberText.quoted(cell))
                case .invalid:
                    throw cellError(.invalidNumber, row: row, column: column, expected: "a number",
                                found: NumberText.quoted(cell))
                }
                values.append(value)
            }
            return values
        }
    }

    /// An error located at data row `row`, column `column`.
    package func cellError(_ reason: DataError.Reason, row: Int, column: Int, expected: String, found: String) -> DataError {
        DataError(reason, file: source, line: line(ofRow: row), column: header[column], expected: expected, found: found)
    }
}

/// Parsing of number text (rules at the top of this file).
enum NumberText {
    enum Outcome: Equatable { case value(Double), empty, nonFinite, invalid }

    /// Exact powers of ten, 1e0 ... 1e22 (all representable in a double).
    static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Parses one cell (surrounding ASCII whitespace allowed).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        var (start, end) = (0, cell.count)
        while start < end && CSVByte.isWhitespace(cell[start]) { start += 1 }
        while end > start && CSVByte.isWhitespace(cell[end - 1]) { end -= 1 }
        if start == end { return .empty }
        var i = start
        let negative = cell[i] == 0x2D
        if cell[i] == 0x2B || cell[i] == 0x2D { i += 1 }
        let afterSign = i
        while i < end && cell[i] == 0x30 { i += 1 }  // leading zeros are not significant
        var mantissa: UInt64 = 0, exponent = 0
        let integerStart = i
        i = accumulateDigits(cell, from: i, to: end, into: &mantissa)
        var significant = i - integerStart, digits = i - afterSign
        if i < end && cell[i] == 0x2E {
            i += 1
            let fractionStart = i
            if significant == 0 { while i < end && cell[i] == 0x30 { i += 1 } }
            let significantStart = i
            i = accumulateDigits(cell, from: i, to: end, into: &mantissa)
            significant += i - significantStart
            digits += i - fractionStart
            exponent = fractionStart - i
        }
        if digits == 0 { return isNonFiniteWord(cell, from: afterSign, to: end) ? .nonFinite : .invalid }
        if i < end && (cell[i] | 0x20) == 0x65 {  // e or E
            i += 1
            var exponentSign = 1
            if i < end && (cell[i] == 0x2B || cell[i] == 0x2D) { exponentSign = cell[i] == 0x2D ? -1 : 1; i += 1 }
            var value = 0, exponentDigits = 0
            while i < end, case let d = cell[i] &- 0x30, d < 10 {
                if value < 100_000_000 { value = value * 10 + Int(d) }
                exponentDigits += 1
                i += 1
            }
            if exponentDigits == 0 { return .invalid }
            exponent += exponentSign * value
        }
        if i != end { return .invalid }
        if mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
        if significant <= 19 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)  // exact; one correctly rounded operation follows
            let v = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
            return .value(negative ? -v : v)
        }
        if significant <= 19 && exponent >= -27 && exponent <= 27 {
            let v = exactScaled(mantissa, exponent)
            return .value(negative ? -v : v)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[start..<end]), as: UTF8.self)
        guard let v = Double(text) else { return .invalid }
        return v.isFinite ? .value(v) : .nonFinite
    }

    /// Appends the decimal digits at `from...` to `value` (wrapping past 19 digits); returns the index after them.
    /// Eight digits at a time where possible (SWAR, as in fast_float), then one at a time.
    @inline(__always)
    static func accumulateDigits(_ cell: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                 into value: inout UInt64) -> Int {
        var i = start
        while end - i >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cell.baseAddress! + i).loadUnaligned(as: UInt64.self))
            guard word & (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030 else { break }
            var v = word &- 0x3030_3030_3030_3030
            v = v &* 10 &+ (v >> 8)
            v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064
                 &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
            value = value &* 100_000_000 &+ v
            i += 8
        }
        while i < end, case let d = cell[i] &- 0x30, d < 10 {
            value = value &* 10 &+ UInt64(d)
            i += 1
        }
        return i
    }

    /// `mantissa × 10^exponent` correctly rounded, for any nonzero 64-bit mantissa and |exponent| ≤ 27
    /// (5^27 < 2^64): exact 128-bit integer arithmetic on `mantissa × 5^±e`, then one rounding to 53 bits.
    static func exactScaled(_ mantissa: UInt64, _ exponent: Int) -> Double {
        let five = powersOfFive[abs(exponent)]
        let bits: UInt64, scale: Int  // value = bits × 2^scale, bits ≥ 2^62, bit 0 set if anything was dropped
        if exponent >= 0 {
            let (high, low) = mantissa.multipliedFullWidth(by: five)
            let shift = high == 0 ? 64 + low.leadingZeroBitCount : high.leadingZeroBitCount
            let top = shift >= 64 ? low << (shift - 64) : high << shift | (shift == 0 ? 0 : low >> (64 - shift))
            let dropped = shift >= 64 ? 0 : low << shift  // bits below the top 64
            bits = top | (dropped != 0 ? 1 : 0)
            scale = 64 - shift + exponent
        } else {
            // (m × 2^t) / 5^k with m normalised to [2^63, 2^64) and t = bitWidth(5^k) − 1: quotient in [2^62, 2^64).
            let m = mantissa << mantissa.leadingZeroBitCount
            let t = UInt64.bitWidth - five.leadingZeroBitCount - 1
            let (quotient, remainder) = five.dividingFullWidth((high: m >> (64 - t), low: m << t))
            bits = quotient | (remainder != 0 ? 1 : 0)
            scale = -(mantissa.leadingZeroBitCount + t) + exponent
        }
        return Double(sign: .plus, exponent: scale, significand: Double(bits))
    }

    /// 5^0 ... 5^27, exact.
    static let powersOfFive: [UInt64] = (0...27).map { k in (0..<k).reduce(UInt64(1)) { acc, _ in acc * 5 } }

    /// Whether bytes[from..<to] (after an optional sign) spell nan, inf or infinity in any case.
    static func isNonFiniteWord(_ cell: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard to - from <= 8 else { return false }
        let word = String(decoding: cell[from..<to].map { $0 | 0x20 }, as: UTF8.self)
        return word == "nan" || word == "inf" || word == "infinity"
    }

    /// The trimmed cell text in single quotes, shortened past 40 characters (for `DataError.found`).
    static func quoted(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        let text = CSVByte.trimmedString(cell)
        return "'" + (text.count > 40 ? text.prefix(37) + "..." : text) + "'"
    }
}
