// JSONRecords — a JSON array of flat records (the General Staff feed's shape) read into a `CSVTable`.
//
// Format rules:
//  1. UTF-8 (optional BOM). The document is one array; each element is an object ("record") whose values are
//     numbers, strings, true/false or null. Nested objects or arrays are an error (records must be flat).
//     The bare tokens NaN, Infinity and -Infinity (written by Python's json module) are read as text, so a
//     value column holding them fails like the CSV text `NaN` does (`.nonFiniteNumber`, with its line).
//  2. Columns are the union of the keys in first-seen order; a key missing from a record, `null` and `""`
//     are missing cells. A key repeated inside one record is `.duplicateColumnName`.
//  3. Cells hold the value's text: a number as written (parsed exactly later, as CSV cells are), a string
//     unescaped (so numeric strings such as "93.0" are numbers), `true`/`false` as words.
//  4. Row `r`'s line (`CSVTable.line(ofRow:)`) is the 1-based line of its opening `{`; `headerLine` is the line
//     of the opening `[`. Syntax errors name the line where they occur and the record (1-based) they are in.
// Cost: one pass over the bytes, O(1) per byte, plus one String per key occurrence.

/// Reads a JSON array of flat records into a ``CSVTable`` (rows = records, columns = the union of keys).
import ForecastCore
public enum JSONRecords {
    /// Reads and parses the file at `path`. Errors as ``CSVReader/read(contentsOf:)``, plus JSON syntax errors
    /// (`.invalid`, `.unterminatedQuote`) located by line.
    public static func read(contentsOf path: String) throws(DataError) -> CSVTable {
        let bytes = try CSVReader.readFile(path)
        return try parse(bytes: bytes, source: path)
    }

    /// Parses JSON text held in memory; `source` (if given) names the file in errors and in the table.
    public static func parse(_ text: String, source: String? = nil) throws(DataError) -> CSVTable {
        try parse(bytes: Array(text.utf8), source: source)
    }

    /// Parses UTF-8 bytes (invalid UTF-8 is `.unreadable` with its line).
    public static func parse(bytes: [UInt8], source: String? = nil) throws(DataError) -> CSVTable {
        try bytes.withUnsafeBufferPointer { buffer throws(DataError) -> CSVTable in
            if let bad = CSVReader.firstInvalidUTF8(buffer) {
                let line = 1 + buffer[..<bad].reduce(0) { $0 + ($1 == CSVByte.lf ? 1 : 0) }
                throw DataError(.unreadable, file: source, line: line, expected: "UTF-8 text",
                                found: "the byte 0x" + String(buffer[bad], radix: 16, uppercase: true))
            }
            var parser = JSONRecordParser(bytes: buffer, source: source)
            return try parser.table()
        }
    }
}

/// The recursive-descent parser for the one shape accepted (an array of flat objects).
private struct JSONRecordParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: String?
    var i = 0
    var line = 1
    var record = 0
    /// Unescaped value text of all records, back to back.
    var arena: [UInt8] = []
    /// Per record: (column, start, end) in `arena`.
    var cells: [[(column: Int, start: Int, end: Int)]] = []
    var recordLines: [Int] = []
    var names: [String] = []
    var columnOfName: [String: Int] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, source: String?) {
        self.bytes = bytes
        self.source = source
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    mutating func table() throws(DataError) -> CSVTable {
        skipWhitespace()
        if i == bytes.count { throw DataError(.emptyFile, file: source) }
        let headerLine = line
        try expect(0x5B, "a JSON array of records ('[')")
        skipWhitespace()
        if peek() == 0x5D {
            i += 1
        } else {
            while true {
                try parseRecord()
                skipWhitespace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x5D, "',' or ']' after record \(record)")
                break
            }
        }
        skipWhitespace()
        if i < bytes.count { throw syntax("the end of the file after the array") }
        if recordLines.isEmpty { throw DataError(.noDataRows, file: source, line: headerLine) }
        if names.isEmpty {
            throw DataError(.invalid, file: source, line: headerLine, expected: "records with at least one key",
                            found: "only empty records")
        }
        var text: [UInt8] = []
        text.reserveCapacity(arena.count)
        var cellEnds: [Int] = []
        cellEnds.reserveCapacity(names.count * recordLines.count)
        var ranges = [Range<Int>?](repeating: nil, count: names.count)
        for recordCells in cells {
            for k in ranges.indices { ranges[k] = nil }
            for cell in recordCells { ranges[cell.column] = cell.start ..< cell.end }
            for range in ranges {
                if let range { text.append(contentsOf: arena[range]) }
                cellEnds.append(text.count)
            }
        }
        return CSVTable(source: source, header: names, delimiter: CSVByte.comma, headerLine: headerLine,
                        text: text, cellEnds: cellEnds, rowLines: recordLines)
    }

    private mutating func parseRecord() throws(DataError) {
        record += 1
        skipWhitespace()
        recordLines.append(line)
        try expect(0x7B, "a record ('{') as element \(record) of the array")
        var recordCells: [(column: Int, start: Int, end: Int)] = []
        var seen = Set<Int>()
        skipWhitespace()
        if peek() == 0x7D { i += 1; cells.append(recordCells); return }
        while true {
            skipWhitespace()
            guard peek() == 0x22 else { throw syntax("a key (a string) in record \(record)") }
            let keyStart = arena.count
            try parseString()
            let key = String(decoding: arena[keyStart...], as: UTF8.self)
            arena.removeLast(arena.count - keyStart)
            let column: Int
            if let known = columnOfName[key] {
                column = known
            } else {
                column = names.count
                names.append(key)
                columnOfName[key] = column
            }
            if !seen.insert(column).inserted {
                throw DataError(.duplicateColumnName, file: source, line: line, column: key,
                                expected: "unique keys in a record", found: "'\(key)' twice in record \(record)")
            }
            skipWhitespace()
            try expect(0x3A, "':' after the key '\(key)' in record \(record)")
            skipWhitespace()
            let start = arena.count
            try parseValue(key: key)
            recordCells.append((column, start, arena.count))
            skipWhitespace()
            if peek() == 0x2C { i += 1; continue }
            try expect(0x7D, "',' or '}' after the value of '\(key)' in record \(record)")
            break
        }
        cells.append(recordCells)
    }

    /// Appends the value's cell text to `arena`.
    private mutating func parseValue(key: String) throws(DataError) {
        guard let b = peek() else { throw syntax("a value for '\(key)' in record \(record)") }
        switch b {
        case 0x22: try parseString()
        case 0x7B, 0x5B:
            throw DataError(.invalid, file: source, line: line, column: key,
                            expected: "a number, a string, true, false or null (records must be flat)",
                            found: b == 0x7B ? "an object in record \(record)" : "an array in record \(record)")
        default:
            let start = i
            while i < bytes.count, case let c = bytes[i],
                  c == 0x2B || c == 0x2D || c == 0x2E || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c &- 0x30 < 10 {
                i += 1
            }
            let token = String(decoding: bytes[start..<i], as: UTF8.self)
            switch token {
            case "null": return
            case "true", "false", "NaN", "Infinity", "-Infinity": arena.append(contentsOf: token.utf8)
            default:
                guard Self.isJSONNumber(bytes[start..<i]) else {
                    i = start
                    throw syntax("a value for '\(key)' in record \(record)")
                }
                arena.append(contentsOf: bytes[start..<i])
            }
        }
    }

    /// JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isJSONNumber(_ t: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var k = t.startIndex
        func digits() -> Int { let s = k; while k < t.endIndex && t[k] &- 0x30 < 10 { k += 1 }; return k - s }
        if k < t.endIndex && t[k] == 0x2D { k += 1 }
        let first = k
        guard digits() > 0, t[first] != 0x30 || k == first + 1 else { return false }
        if k < t.endIndex && t[k] == 0x2E { k += 1; guard digits() > 0 else { return false } }
        if k < t.endIndex && t[k] | 0x20 == 0x65 {
            k += 1
            if k < t.endIndex && (t[k] == 0x2B || t[k] == 0x2D) { k += 1 }
            guard digits() > 0 else { return false }
        }
        return k == t.endIndex
    }

    /// Appends the unescaped contents of the string at `i` (an opening quote) to `arena`.
    private mutating func parseString() throws(DataError) {
        let startLine = line
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { i += 1; return }
            if b == CSVByte.lf {
                throw DataError(.unterminatedQuote, file: source, line: startLine,
                                expected: "a closing quote before the end of the line", found: "a line break")
            }
            if b != 0x5C { arena.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: arena.append(e)
            case 0x62: arena.append(0x08)
            case 0x66: arena.append(0x0C)
            case 0x6E: arena.append(0x0A)
            case 0x72: arena.append(0x0D)
            case 0x74: arena.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw syntax("a low surrogate after '\\u\(String(scalar, radix: 16))'") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw syntax("a valid \\u escape") }
                arena.append(contentsOf: String(Character(u)).utf8)
            default:
                i -= 2
                throw syntax("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
        }
        throw DataError(.unterminatedQuote, file: source, line: startLine, expected: "a closing quote",
                        found: "the end of the file")
    }

    private mutating func hex4() throws(DataError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw syntax("four hex digits after \\u")
        }
        i += 4
        return v
    }

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while i < bytes.count, case let b = bytes[i], b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
            if b == CSVByte.lf { line += 1 }
            i += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(DataError) {
        guard peek() == byte else { throw syntax(what) }
        i += 1
    }

    /// A syntax error at the current position: expected `what`, found the next character (or the end).
    private func syntax(_ what: String) -> DataError {
        let found: String
        if let b = peek() {
            let text = String(decoding: bytes[i..<min(i + 12, bytes.count)], as: UTF8.self)
            found = b >= 0x20 && b < 0x7F ? "'" + (text.split(separator: "\n").first.map(String.init) ?? "") + "'"
                                          : "the byte 0x" + String(b, radix: 16, uppercase: true)
        } else {
            found = "the end of the file"
        }
        return DataError(.invalid, file: source, line: line, expected: what, found: found)
    }
}
