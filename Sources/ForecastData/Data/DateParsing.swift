// DateParsing — date text → CalendarDate, without Foundation.
//
// Policy:
//  1. Accepted date parts: `YYYY-MM-DD` (exactly 4-2-2 digits), `DD.MM.YYYY`, and, only when asked for explicitly,
//     `DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY/MM/DD` (day and month may have one or two digits in dot/slash forms).
//     `03/04/2024` is ambiguous (3 April or 4 March), so slash dates are never guessed.
//  2. Optionally followed by a time: a space or `T`, `H:MM` or `HH:MM`, optional `:SS` with an optional
//     fraction, and an optional `Z` or `±HH[:MM]` offset. The time is validated and then IGNORED: the day is
//     the date as written (no time-zone conversion), as the reference rule for the attacks feed requires.
//     `YYYY-MM-DD` alone (`.iso`) refuses a time.
//  3. Surrounding ASCII whitespace is ignored (the attacks feed has `2024-05-16 ` with a trailing space).
//  4. Invalid days (2024-02-30, month 13) are not dates.
// Cost: O(length of the text), no allocation (the byte form is used per row by the readers).

/// How dates are written in a column. `.automatic` recognises the unambiguous forms (ISO with or without a
/// time, and `DD.MM.YYYY`); ambiguous slash forms must be named explicitly.
import ForecastCore
public enum DateFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Decided from the column's first non-empty cell: `.isoDateTime` or `.dayMonthYearDots`.
    case automatic = "auto"
    /// `YYYY-MM-DD` only (no time).
    case iso = "iso"
    /// `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS]` or `THH:MM[:SS]` (the time is ignored).
    case isoDateTime = "iso-datetime"
    /// `DD.MM.YYYY`, optionally with a time.
    case dayMonthYearDots = "dd.mm.yyyy"
    /// `DD/MM/YYYY`, optionally with a time (explicit only).
    case dayMonthYearSlashes = "dd/mm/yyyy"
    /// `MM/DD/YYYY`, optionally with a time (explicit only).
    case monthDayYearSlashes = "mm/dd/yyyy"
    /// `YYYY/MM/DD`, optionally with a time (explicit only).
    case yearMonthDaySlashes = "yyyy/mm/dd"

    /// The form in words, for messages: e.g. `YYYY-MM-DD[ HH:MM[:SS]]`.
    public var pattern: String {
        switch self {
        case .automatic: return "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY"
        case .iso: return "YYYY-MM-DD"
        case .isoDateTime: return "YYYY-MM-DD[ HH:MM[:SS]]"
        case .dayMonthYearDots: return "DD.MM.YYYY[ HH:MM[:SS]]"
        case .dayMonthYearSlashes: return "DD/MM/YYYY[ HH:MM[:SS]]"
        case .monthDayYearSlashes: return "MM/DD/YYYY[ HH:MM[:SS]]"
        case .yearMonthDaySlashes: return "YYYY/MM/DD[ HH:MM[:SS]]"
        }
    }

    public var description: String { rawValue }

    /// The date `text` names in this format (for `.automatic`: in whichever unambiguous form it is written), or nil.
    public func date(from text: String) -> CalendarDate? {
        Array(text.utf8).withUnsafeBufferPointer { DateText.parse($0, format: self) }
    }

    /// The concrete format `.automatic` resolves to for a column whose first non-empty cell is `text`
    /// (`.isoDateTime` or `.dayMonthYearDots`), or nil when `text` is in neither form. Other formats return self
    /// when `text` parses.
    public func resolved(forFirstCell text: String) -> DateFormat? {
        Array(text.utf8).withUnsafeBufferPointer { DateText.resolve($0, format: self) }
    }
}

extension CalendarDate {
    /// The date of an ISO `YYYY-MM-DD` text (surrounding whitespace allowed), or nil.
    public init?(iso text: String) {
        guard let date = DateFormat.iso.date(from: text) else { return nil }
        self = date
    }
}

/// The byte-level parser behind ``DateFormat`` (rules at the top of this file).
enum DateText {
    /// The date in `cell` under `format` (`.automatic` tries ISO, then dots).
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, format: DateFormat) -> CalendarDate? {
        var (start, end) = (0, cell.count)
        while start < end && CSVByte.isWhitespace(cell[start]) { start += 1 }
        while end > start && CSVByte.isWhitespace(cell[end - 1]) { end -= 1 }
        switch format {
        case .automatic:
            return parse(cell, start, end, .isoDateTime) ?? parse(cell, start, end, .dayMonthYearDots)
        default:
            return parse(cell, start, end, format)
        }
    }

    /// For ``DateFormat/resolved(forFirstCell:)``.
    static func resolve(_ cell: UnsafeBufferPointer<UInt8>, format: DateFormat) -> DateFormat? {
        guard format == .automatic else { return parse(cell, format: format) == nil ? nil : format }
        if parse(cell, format: .isoDateTime) != nil { return .isoDateTime }
        if parse(cell, format: .dayMonthYearDots) != nil { return .dayMonthYearDots }
        return nil
    }

    /// Whether a cell that parsed as an ISO date carries a time (more than the 10 characters of `YYYY-MM-DD` once
    /// surrounding whitespace is removed).
    static func hasTime(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var (start, end) = (0, cell.count)
        while start < end && CSVByte.isWhitespace(cell[start]) { start += 1 }
        while end > start && CSVByte.isWhitespace(cell[end - 1]) { end -= 1 }
        return end - start > 10
    }

    /// Whether the trimmed text looks like `N/N/N` (a slash date that needs an explicit format).
    static func looksLikeSlashDate(_ text: String) -> Bool {
        let parts = text.trimmingASCIIWhitespace().split(separator: " ", maxSplits: 1)[...].first?
            .split(separator: "/", omittingEmptySubsequences: false) ?? []
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func parse(_ c: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                              _ format: DateFormat) -> CalendarDate? {
        var i = start
        let year: Int, month: Int, day: Int
        switch format {
        case .automatic, .iso, .isoDateTime:
            guard let y = digits(c, &i, end, min: 4, max: 4), literal(c, &i, end, 0x2D),
                  let m = digits(c, &i, end, min: 2, max: 2), literal(c, &i, end, 0x2D),
                  let d = digits(c, &i, end, min: 2, max: 2) else { return nil }
            (year, month, day) = (y, m, d)
        case .yearMonthDaySlashes:
            guard let y = digits(c, &i, end, min: 4, max: 4), literal(c, &i, end, 0x2F),
                  let m = digits(c, &i, end, min: 1, max: 2), literal(c, &i, end, 0x2F),
                  let d = digits(c, &i, end, min: 1, max: 2) else { return nil }
            (year, month, day) = (y, m, d)
        case .dayMonthYearDots, .dayMonthYearSlashes, .monthDayYearSlashes:
            let separator: UInt8 = format == .dayMonthYearDots ? 0x2E : 0x2F
            guard let a = digits(c, &i, end, min: 1, max: 2), literal(c, &i, end, separator),
                  let b = digits(c, &i, end, min: 1, max: 2), literal(c, &i, end, separator),
                  let y = digits(c, &i, end, min: 4, max: 4) else { return nil }
            (year, month, day) = format == .monthDayYearSlashes ? (y, a, b) : (y, b, a)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        if i == end { return date }
        guard format != .iso, time(c, i, end) else { return nil }
        return date
    }

    /// Whether bytes[i..<end] are a valid time suffix: `[ T]H[H]:MM[:SS[.f+]][Z|±HH[:MM]]`.
    private static func time(_ c: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        guard c[i] == 0x20 || c[i] == 0x54 else { return false }  // ' ' or 'T'
        i += 1
        guard let hour = digits(c, &i, end, min: 1, max: 2), hour <= 24, literal(c, &i, end, 0x3A),
              let minute = digits(c, &i, end, min: 2, max: 2), minute <= 59 else { return false }
        if literal(c, &i, end, 0x3A) {
            guard let second = digits(c, &i, end, min: 2, max: 2), second <= 60 else { return false }
            if literal(c, &i, end, 0x2E) { guard digits(c, &i, end, min: 1, max: 9) != nil else { return false } }
        }
        if i == end { return true }
        if c[i] == 0x5A { return i + 1 == end }  // Z
        guard c[i] == 0x2B || c[i] == 0x2D else { return false }
        i += 1
        guard let offsetHours = digits(c, &i, end, min: 2, max: 2), offsetHours <= 14 else { return false }
        if i == end { return true }
        _ = literal(c, &i, end, 0x3A)
        guard let offsetMinutes = digits(c, &i, end, min: 2, max: 2), offsetMinutes <= 59 else { return false }
        return i == end
    }

    /// Reads `min...max` ASCII digits at `i` (advancing it); nil if fewer than `min` (more than `max` are left).
    @inline(__always)
    private static func digits(_ c: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int,
                               min: Int, max: Int) -> Int? {
        var value = 0, count = 0
        while i < end && count < max, case let d = c[i] &- 0x30, d < 10 {
            value = value * 10 + Int(d)
            count += 1
            i += 1
        }
        if count < min { return nil }
        if i < end && c[i] &- 0x30 < 10 { return nil }  // too many digits
        return value
    }

    @inline(__always)
    private static func literal(_ c: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ byte: UInt8) -> Bool {
        guard i < end && c[i] == byte else { return false }
        i += 1
        return true
    }
}

extension String {
    /// The text without surrounding ASCII whitespace (space, tab, LF, VT, FF, CR).
    func trimmingASCIIWhitespace() -> String {
        let u = utf8
        var (lo, hi) = (u.startIndex, u.endIndex)
        while lo < hi && CSVByte.isWhitespace(u[lo]) { lo = u.index(after: lo) }
        while hi > lo && CSVByte.isWhitespace(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return String(Substring(u[lo..<hi]))
    }
}
