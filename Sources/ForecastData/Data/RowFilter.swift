// RowFilter — `--where 'COL~RE'`, `COL=TEXT`, `COL!~RE`, `COL!=TEXT`: which input rows are used.
//
// Rules:
//  1. The column name is the text before the first `~` or `=` (a `!` just before it negates), trimmed; it is
//     matched like any column name (exact, then the only case-insensitive match; misspellings get a suggestion).
//  2. The cell is compared after trimming surrounding ASCII whitespace. `=` is exact, case-sensitive equality;
//     `~` is an unanchored, case-sensitive regular-expression search (Swift `Regex` syntax, which is
//     PCRE/ICU-like: `Shahed`, `^kpszsu/`, `Shahed|Geran`). An empty cell is the empty string.
//  3. Several filters are ANDed. Rows that fail are not read further (their dates and numbers are not checked).
//  4. A pattern that does not compile is a `SettingError` (a usage error in the CLI), found before the file is read.
// Cost: one regex search per distinct cell text (results are cached per ingest), one comparison otherwise.

/// One row filter; see the rules at the top of RowFilter.swift.
import ForecastCore
public struct RowFilter: Sendable, Equatable, CustomStringConvertible {
    /// How the cell is tested.
    public enum Test: Sendable, Equatable {
        /// Unanchored regular-expression search (`~`).
        case matches(pattern: String)
        /// Exact text equality (`=`).
        case equals(String)
    }

    /// The column name as written by the user.
    public let column: String
    /// The test applied to the trimmed cell text.
    public let test: Test
    /// Whether a row passes when the test fails (`!~`, `!=`).
    public let negated: Bool

    /// A filter on `column`; throws when a `.matches` pattern does not compile.
    public init(column: String, test: Test, negated: Bool = false) throws(SettingError) {
        if case .matches(let pattern) = test {
            do { _ = try Regex(pattern) } catch {
                throw SettingError("{0} \(column)\(negated ? "!" : "")~\(pattern): not a valid regular expression (\(error))", .filters)
            }
        }
        self.column = column
        self.test = test
        self.negated = negated
    }

    /// Parses `COL~RE`, `COL=TEXT`, `COL!~RE` or `COL!=TEXT`.
    public init(parsing text: String) throws(SettingError) {
        guard let op = text.firstIndex(where: { $0 == "~" || $0 == "=" }) else {
            throw SettingError("{0} '\(text)' must be COL~REGEX, COL=TEXT, COL!~REGEX or COL!=TEXT", .filters)
        }
        var nameEnd = op
        var negated = false
        if op > text.startIndex, text[text.index(before: op)] == "!" {
            nameEnd = text.index(before: op)
            negated = true
        }
        let column = String(text[..<nameEnd]).trimmingASCIIWhitespace()
        guard !column.isEmpty else { throw SettingError("{0} '\(text)' names no column before '\(text[op])'", .filters) }
        let operand = String(text[text.index(after: op)...])
        try self.init(column: column, test: text[op] == "~" ? .matches(pattern: operand) : .equals(operand),
                      negated: negated)
    }

    /// `COL~RE`, `COL=TEXT`, `COL!~RE` or `COL!=TEXT`.
    public var description: String {
        switch test {
        case .matches(let pattern): return column + (negated ? "!~" : "~") + pattern
        case .equals(let text): return column + (negated ? "!=" : "=") + text
        }
    }
}

/// A filter bound to a column index, with a compiled regex and a per-ingest cache of results (not Sendable:
/// it lives only inside one ingest call).
struct BoundRowFilter {
    let filter: RowFilter
    let column: Int
    private let regex: Regex<AnyRegexOutput>?
    private var cache: [String: Bool] = [:]

    init(_ filter: RowFilter, column: Int) {
        self.filter = filter
        self.column = column
        if case .matches(let pattern) = filter.test { regex = try? Regex(pattern) } else { regex = nil }
    }

    /// Whether a row whose cell in `column` holds `cell` (untrimmed) passes.
    mutating func passes(_ cell: String) -> Bool {
        let text = cell.trimmingASCIIWhitespace()
        let hit: Bool
        switch filter.test {
        case .equals(let wanted):
            hit = text == wanted
        case .matches:
            if let cached = cache[text] {
                hit = cached
            } else {
                hit = regex.map { text.contains($0) } ?? false
                if cache.count < 100_000 { cache[text] = hit }
            }
        }
        return hit != filter.negated
    }
}
