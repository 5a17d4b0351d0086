/// A problem with input data, located as precisely as the input allows.
///
/// Every data error names what it could: the file, the 1-based line number in that file (the header is
/// line 1, as in `Tests/Fixtures/reference/README.md`), the column, what was expected and what was found.
/// `description` renders them in one line, e.g.
/// `losses.csv: line 12, column 'personnel': expected a finite number, found 'abc'`.
///
/// When the problem lies in a setting as much as in the data (a row filter no row passes, a first/last day outside
/// the data), `expected` and `found` name it through placeholders `{0}`, `{1}`, … standing for `settings[0]`,
/// `settings[1]`, … (as in ``SettingError``): `description` uses the library's words, and a front end names its
/// own way with ``message(naming:)`` (the command-line tool substitutes its flags).
import ForecastCore
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, independent of where.
    public enum Reason: Sendable, Equatable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but could not be read (permissions, not UTF-8, a directory, ...).
        case unreadable
        /// The file has no content at all (not even a header).
        case emptyFile
        /// The file has a header but no data rows.
        case noDataRows
        /// A column named in the request is not in the header; `suggestion` is the nearest header name.
        case missingColumn(suggestion: String?)
        /// Two header cells have the same name.
        case duplicateColumnName
        /// A row has a different number of fields than the header.
        case raggedRow
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote
        /// A cell that must hold a number does not parse as one.
        case invalidNumber
        /// A cell holds `NaN`, `inf` or a number that overflows a double.
        case nonFiniteNumber
        /// A cell that must hold a value is empty.
        case missingValue
        /// A cell that must hold a date does not parse as one.
        case invalidDate
        /// A date occurs twice; the other occurrence is at `firstLine`.
        case duplicateDate(firstLine: Int)
        /// A value outside its allowed domain (a negative count, a zero weight, ...).
        case outOfDomain
        /// Anything else, described by `expected`/`found`.
        case invalid
    }

    public var reason: Reason
    /// The file (as the user named it), or nil for in-memory input.
    public var file: String?
    /// 1-based line number in the file; the header is line 1.
    public var line: Int?
    /// The column's header name.
    public var column: String?
    /// What the reader expected, in words ("a finite number", "11 fields").
    public var expected: String?
    /// What it found, quoted from the input where possible.
    public var found: String?
    /// The settings `expected` and `found` name, in the order of their placeholders; empty when they name none.
    public var settings: [SettingError.Setting]

    public init(_ reason: Reason, file: String? = nil, line: Int? = nil, column: String? = nil,
                expected: String? = nil, found: String? = nil, settings: [SettingError.Setting] = []) {
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
        self.settings = settings
    }

    /// The same error with the file filled in (used when an in-memory parse is attributed to a file).
    public func inFile(_ file: String) -> DataError {
        var copy = self
        copy.file = file
        return copy
    }

    /// The message in the library's words.
    public var description: String { message(naming: \.words) }

    /// The message with each setting named by `name` (e.g. a command-line flag).
    public func message(naming name: (SettingError.Setting) -> String) -> String {
        var location: [String] = []
        if let line { location.append("line \(line)") }
        if let column { location.append("column '\(column)'") }
        var text = file.map { "\($0): " } ?? ""
        if !location.isEmpty { text += location.joined(separator: ", ") + ": " }
        text += summary(naming: name)
        return text
    }

    private func summary(naming name: (SettingError.Setting) -> String) -> String {
        let expected = expected.map { SettingError.substitute(settings, in: $0, naming: name) }
        let found = found.map { SettingError.substitute(settings, in: $0, naming: name) }
        let detail: String = {
            switch (expected, found) {
            case let (e?, f?): return "expected \(e), found \(f)"
            case let (e?, nil): return "expected \(e)"
            case let (nil, f?): return "found \(f)"
            case (nil, nil): return ""
            }
        }()
        let head: String
        switch reason {
        case .fileNotFound: head = "no such file"
        case .unreadable: head = "cannot read the file"
        case .emptyFile: head = "the file is empty"
        case .noDataRows: head = "the file has a header but no data rows"
        case .missingColumn(let suggestion):
            head = "no such column" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .duplicateColumnName: head = "duplicate column name"
        case .raggedRow: head = "wrong number of fields"
        case .unterminatedQuote: head = "unterminated quoted field"
        case .invalidNumber: head = "not a number"
        case .nonFiniteNumber: head = "not a finite number"
        case .missingValue: head = "missing value"
        case .invalidDate: head = "not a date"
        case .duplicateDate(let firstLine): head = "duplicate date (first seen on line \(firstLine))"
        case .outOfDomain: head = "value out of range"
        case .invalid: head = "invalid input"
        }
        return detail.isEmpty ? head : "\(head): \(detail)"
    }
}
