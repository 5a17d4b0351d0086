// CSVReader — parses RFC 4180 delimited text into a `CSVTable`, reporting errors with file, line and column.
//
// Format rules:
//  1. UTF-8 (invalid UTF-8 is `.unreadable`, with its line); a leading UTF-8 BOM is skipped. A file that is
//     empty or holds only whitespace (and/or a BOM) is `.emptyFile`.
//  2. Lines end with LF or CRLF; a lone CR is ordinary data (unless it is the last byte). A final line end is optional.
//     Completely empty lines (also "\r\n", also before the header and at the end) are skipped but counted.
//  3. The first non-empty line is the header (normally line 1). Its delimiter is the most frequent of
//     ',', ';' and tab outside quotes; ties go to ',' then ';' then tab. One column (no delimiter) is fine.
//     Header names are trimmed of ASCII whitespace; an empty name is `.invalid` (expected "a column name"),
//     a repeated name `.duplicateColumnName`. A header without data rows is `.noDataRows`.
//  4. A field is quoted only if its first byte is '"'; inside, delimiters, CR/LF and "" (one quote) are text.
//     After the closing quote must come a delimiter, a line end or the end of the file (else `.invalid`).
//     An unclosed quote is `.unterminatedQuote` at the line where the field starts. A '"' inside an
//     unquoted field is ordinary text.
//  5. Every row has exactly as many fields as the header (else `.raggedRow`). A row's line is the line it
//     starts on; embedded newlines in quoted fields advance the line numbers of the rows after it.
// Cost: one pass over the bytes, unquoted in place (no second copy of the file); O(1) work per byte.

import ForecastCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads delimited text files (CSV, semicolon- or tab-separated) into a ``CSVTable``.
///
/// The format rules are listed at the top of CSVReader.swift; in short: RFC 4180 with a required header,
/// LF or CRLF, an optional UTF-8 BOM, skipped empty lines, and a delimiter detected from the header line.
/// Every error is a ``DataError`` naming the file (`source`), the 1-based line (header = line 1) and,
/// where known, the column. Parsing is a single pass over the UTF-8 bytes (several hundred MB/s).
public enum CSVReader {
    /// Reads and parses the file at `path` (read in one go).
    ///
    /// Throws `.fileNotFound`, `.unreadable` (a directory, no permission, invalid UTF-8), `.emptyFile`,
    /// `.noDataRows` or any parse error of ``parse(bytes:source:)``, all with `file` = `path`.
    public static func read(contentsOf path: String) throws(DataError) -> CSVTable {
        var bytes = try readFile(path)
        return try parse(owning: &bytes, source: path, validateUTF8: true)
    }

    /// Parses CSV text held in memory; `source` (if given) is used as the file name in errors and in the table.
    public static func parse(_ text: String, source: String? = nil) throws(DataError) -> CSVTable {
        var bytes = Array(text.utf8)
        return try parse(owning: &bytes, source: source, validateUTF8: false)
    }

    /// Parses CSV bytes (UTF-8, optionally with a BOM); `source` (if given) names the file in errors.
    /// Invalid UTF-8 is `.unreadable` with the line it is on.
    public static func parse(bytes: [UInt8], source: String? = nil) throws(DataError) -> CSVTable {
        var copy = bytes
        return try parse(owning: &copy, source: source, validateUTF8: true)
    }

    /// Parses `bytes` in place (unquoted text is compacted towards the front) and moves it into the table.
    static func parse(owning bytes: inout [UInt8], source: String?, validateUTF8: Bool) throws(DataError) -> CSVTable {
        let count = bytes.count
        let table = try bytes.withUnsafeMutableBufferPointer { buffer throws(DataError) -> Parsed in
            guard let base = buffer.baseAddress, count > 0 else { throw DataError(.emptyFile, file: source) }
            return try parse(base, count: count, source: source, validateUTF8: validateUTF8)
        }
        bytes.removeLast(count - table.textCount)
        return CSVTable(source: source, header: table.header, delimiter: table.delimiter, headerLine: table.headerLine,
                        text: bytes, cellEnds: table.cellEnds, rowLines: table.rowLines)
    }

    /// What the byte-level pass produces; the text itself stays in the caller's buffer (its first `textCount` bytes).
    struct Parsed {
        var header: [String], delimiter: UInt8, headerLine: Int, textCount: Int, cellEnds: [Int], rowLines: [Int]
    }

    private static func parse(_ p: UnsafeMutablePointer<UInt8>, count n: Int, source: String?,
                              validateUTF8: Bool) throws(DataError) -> Parsed {
        let bom = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var i = bom
        while i < n && CSVByte.isWhitespace(p[i]) { i += 1 }
        if i == n { throw DataError(.emptyFile, file: source) }
        if validateUTF8, let bad = firstInvalidUTF8(UnsafeBufferPointer(start: p, count: n)) {
            let line = 1 + UnsafeBufferPointer(start: p, count: bad).reduce(0) { $0 + ($1 == CSVByte.lf ? 1 : 0) }
            throw DataError(.unreadable, file: source, line: line, expected: "UTF-8 text",
                            found: "the byte 0x" + String(p[bad], radix: 16, uppercase: true))
        }
        var scanner = Scanner(p: p, n: n, r: bom, delimiter: detectDelimiter(p, from: bom, to: n), source: source)

        // Header: parse it like a row, turn it into names, then let the data overwrite its text.
        var headerEnds: [Int] = []
        guard try scanner.nextRecord(into: &headerEnds) != nil else { throw DataError(.emptyFile, file: source) }
        let headerLine = scanner.recordLine
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (k, end) in headerEnds.enumerated() {
            let start = k == 0 ? 0 : headerEnds[k - 1]
            let name = CSVByte.trimmedString(UnsafeBufferPointer(start: p + start, count: end - start))
            if name.isEmpty {
                throw DataError(.invalid, file: source, line: headerLine, expected: "a column name",
                                found: "an empty header cell (field \(k + 1))")
            }
            if let first = seen[name] {
                throw DataError(.duplicateColumnName, file: source, line: headerLine, column: name,
                                expected: "unique column names", found: "'\(name)' in fields \(first + 1) and \(k + 1)")
            }
            seen[name] = k
            names.append(name)
        }
        scanner.names = names
        scanner.w = 0

        // Data rows.
        var cellEnds: [Int] = []
        var rowLines: [Int] = []
        let dataStart = scanner.r
        while let fields = try scanner.nextRecord(into: &cellEnds) {
            guard fields == names.count else {
                throw DataError(.raggedRow, file: source, line: scanner.recordLine,
                                expected: "\(names.count) field\(names.count == 1 ? "" : "s") (as the header)",
                                found: "\(fields) field\(fields == 1 ? "" : "s")")
            }
            rowLines.append(scanner.recordLine)
            if rowLines.count == 64 {  // reserve for the whole file from the first rows' size (avoids regrowth copies)
                let estimate = (n - dataStart) / max(1, (scanner.r - dataStart) / 64) * 9 / 8 + 64
                rowLines.reserveCapacity(estimate)
                cellEnds.reserveCapacity(min(estimate * names.count, n - dataStart))  // a cell takes ≥ 1 byte
            }
        }
        if rowLines.isEmpty {
            // A file whose lines end in a lone CR (classic Mac OS) reads as one header line: say so.
            let loneCR = (0..<n).contains { p[$0] == 0x0D && ($0 + 1 == n || p[$0 + 1] != 0x0A) }
            throw loneCR ? DataError(.noDataRows, file: source, line: headerLine,
                                     expected: "lines ending in LF or CR LF", found: "lines ending in a lone CR (convert them)")
                : DataError(.noDataRows, file: source, line: headerLine)
        }
        return Parsed(header: names, delimiter: scanner.delimiter, headerLine: headerLine,
                      textCount: scanner.w, cellEnds: cellEnds, rowLines: rowLines)
    }

    /// The most frequent of ',', ';', tab on the first non-empty line, outside quotes (ties: ',' > ';' > tab).
    static func detectDelimiter(_ p: UnsafeMutablePointer<UInt8>, from start: Int, to n: Int) -> UInt8 {
        var i = start
        while i < n && (p[i] == CSVByte.lf || p[i] == CSVByte.cr) { i += 1 }
        var (commas, semicolons, tabs) = (0, 0, 0)
        var quoted = false
        while i < n {
            switch p[i] {
            case CSVByte.quote: quoted.toggle()
            case CSVByte.lf where !quoted: i = n - 1
            case CSVByte.comma where !quoted: commas += 1
            case CSVByte.semicolon where !quoted: semicolons += 1
            case CSVByte.tab where !quoted: tabs += 1
            default: break
            }
            i += 1
        }
        if commas >= semicolons && commas >= tabs { return CSVByte.comma }
        return semicolons >= tabs ? CSVByte.semicolon : CSVByte.tab
    }
}

// MARK: - The byte-level scanner

/// Walks the bytes record by record: `r` reads, `w` writes the unquoted text (always `w <= r`), `line` counts LFs.
private struct Scanner {
    let p: UnsafeMutablePointer<UInt8>
    let n: Int
    var r: Int
    var w = 0
    var line = 1
    /// The line on which the record last returned by `nextRecord` starts.
    var recordLine = 1
    let delimiter: UInt8
    let source: String?
    /// Header names once known (for the column of an error).
    var names: [String] = []

    init(p: UnsafeMutablePointer<UInt8>, n: Int, r: Int, delimiter: UInt8, source: String?) {
        (self.p, self.n, self.r, self.delimiter, self.source) = (p, n, r, delimiter, source)
    }

    /// Skips empty lines, then reads one record, appending each field's end offset to `ends`.
    /// Returns the number of fields, or nil at the end of the input.
    @inline(__always)
    mutating func nextRecord(into ends: inout [Int]) throws(DataError) -> Int? {
        while r < n {
            if p[r] == CSVByte.lf { line += 1; r += 1 }
            else if p[r] == CSVByte.cr && (r + 1 == n || p[r + 1] == CSVByte.lf) { r += 1 }
            else { break }
        }
        if r == n { return nil }
        recordLine = line
        var fields = 0
        while true {
            let start = w
            if r < n && p[r] == CSVByte.quote {
                try quotedField(index: fields)
                ends.append(w)
                fields += 1
                if r == n { return fields }
                let b = p[r]
                if b == delimiter { r += 1; continue }
                if b == CSVByte.lf { r += 1; line += 1; return fields }
                if b == CSVByte.cr && (r + 1 == n || p[r + 1] == CSVByte.lf) { r = min(r + 2, n); line += 1; return fields }
                throw DataError(.invalid, file: source, line: line, column: columnName(fields - 1),
                                expected: "a delimiter or a line end after the closing quote", found: describe(b))
            }
            copyUnquoted()
            if (r == n || p[r] == CSVByte.lf) && w > start && p[w - 1] == CSVByte.cr { w -= 1 }
            ends.append(w)
            fields += 1
            if r == n { return fields }
            if p[r] == CSVByte.lf { r += 1; line += 1; return fields }
            r += 1
        }
    }

    /// Copies an unquoted field's text up to the next delimiter, LF or the end, 8 bytes at a time (SWAR).
    @inline(__always)
    private mutating func copyUnquoted() {
        var (r, w) = (self.r, self.w)
        defer { (self.r, self.w) = (r, w) }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let delimiters = ones &* UInt64(delimiter), newlines = ones &* UInt64(CSVByte.lf)
        while n &- r >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + r).loadUnaligned(as: UInt64.self))
            let (a, b) = (word ^ delimiters, word ^ newlines)  // a zero byte marks a match; the lowest flag is exact
            let hits = ((a &- ones) & ~a | (b &- ones) & ~b) & (ones << 7)
            let k = hits == 0 ? 8 : hits.trailingZeroBitCount >> 3
            if r &- w >= 8 {  // the whole word fits below the unread bytes; bytes past k are overwritten later
                UnsafeMutableRawPointer(p + w).storeBytes(of: word.littleEndian, as: UInt64.self)
            } else {
                for j in 0..<k { p[w &+ j] = p[r &+ j] }
            }
            r &+= k
            w &+= k
            if k < 8 { return }
        }
        while r < n {
            let b = p[r]
            if b == delimiter || b == CSVByte.lf { return }
            p[w] = b
            w &+= 1
            r &+= 1
        }
    }

    /// Copies a quoted field's text (r at the opening quote), leaving r just after the closing quote.
    private mutating func quotedField(index: Int) throws(DataError) {
        let startLine = line
        r += 1
        while r < n {
            let b = p[r]
            if b == CSVByte.quote {
                guard r + 1 < n && p[r + 1] == CSVByte.quote else { r += 1; return }
                r += 1
            } else if b == CSVByte.lf {
                line += 1
            }
            p[w] = b
            w += 1
            r += 1
        }
        throw DataError(.unterminatedQuote, file: source, line: startLine, column: columnName(index),
                        expected: "a closing quote", found: "the end of the file")
    }

    private func columnName(_ index: Int) -> String? { index < names.count ? names[index] : nil }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'"
                                    : "the byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}

// MARK: - Files

extension CSVReader {
    /// The most bytes an input file may hold: 256 MiB, about 10 million rows of a daily series (a century of days is
    /// 36,525 rows), so that a parsed table stays far under the 2 GB an accepted command may use. A larger file, or
    /// one that never ends (`/dev/zero`, an endless pipe), is refused once this many bytes were read.
    public static let maximumBytes = 256 << 20

    /// The whole file as bytes, read with one `read` loop into storage of the file's size (at most `maximumBytes`).
    static func readFile(_ path: String) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? DataError(.fileNotFound, file: path)
                : DataError(.unreadable, file: path, found: String(cString: strerror(code)).lowercased())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError(.unreadable, file: path, found: "no file status") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DataError(.unreadable, file: path, found: "a directory") }
        var failure: Int32 = 0
        /// `read` into `buffer`, retried on EINTR; 0 at the end of the file or on an error (then in `failure`).
        func readSome(_ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
            var got: Int
            repeat { got = systemRead(fd, buffer, count) } while got < 0 && errno == EINTR
            if got < 0 { failure = errno }
            return max(got, 0)
        }
        let tooLarge = { (found: String) in
            DataError(.invalid, file: path, expected: "an input file of at most \(maximumBytes >> 20) MiB", found: found)
        }
        guard Int(info.st_size) <= maximumBytes else { throw tooLarge("\(Int(info.st_size) >> 20) MiB") }
        let size = max(Int(info.st_size), 0) + 1  // +1: the end of the file is seen without growing
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in  // no zero-filling
            count = 0
            while count < size, case let got = readSome(buffer.baseAddress! + count, size - count), got > 0 { count += got }
        }
        if bytes.count == size {  // longer than `stat` said (a growing file, a pipe): read the rest in chunks
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while case let got = chunk.withUnsafeMutableBytes({ readSome($0.baseAddress!, $0.count) }), got > 0 {
                bytes.append(contentsOf: chunk[..<got])
                if bytes.count > maximumBytes { throw tooLarge("more than that (a device or a stream that does not end?)") }
            }
        }
        if failure != 0 {
            throw DataError(.unreadable, file: path, found: String(cString: strerror(failure)).lowercased())
        }
        return bytes
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        var i = 0
        while i < n {
            if i + 8 <= n,  // ASCII fast path, 8 bytes at a time
               UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8  // allowed range of the second byte
            switch b {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return i }
            for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

/// POSIX `read` (a free function, since `CSVReader.read` shadows the name inside the type).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
