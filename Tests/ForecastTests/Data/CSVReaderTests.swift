// Tests for CSVReader, CSVTable (+Columns) and NearestName.
// Fixtures are inline string literals; every error test checks the reason, the line and the column.

import Testing
import Forecast

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The DataError that parsing `text` throws (an issue is recorded if it does not throw).
private func parseError(_ text: String, source: String? = "t.csv",
                        sourceLocation: SourceLocation = #_sourceLocation) -> DataError? {
    #expect(throws: DataError.self, sourceLocation: sourceLocation) { try CSVReader.parse(text, source: source) }
}

/// The DataError that reading column `name` of `text` as numbers throws.
private func numberError(_ text: String, column name: String, missing: MissingCells = .error,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> DataError? {
    let table = try CSVReader.parse(text, source: "n.csv")
    let column = try table.columnIndex(named: name)
    return #expect(throws: DataError.self, sourceLocation: sourceLocation) {
        try table.numbers(inColumn: column, missing: missing)
    }
}

/// All cells of a table, row by row.
private func cells(_ table: CSVTable) -> [[String]] {
    (0..<table.rowCount).map { row in (0..<table.columnCount).map { table.cell(row: row, column: $0) } }
}

@Suite("CSV structure") struct CSVStructureTests {
    @Test func simpleParse() throws {
        let table = try CSVReader.parse("date,personnel\n2024-01-01,800\n2024-01-02,750\n")
        #expect(table.source == nil)
        #expect(table.header == ["date", "personnel"])
        #expect(table.delimiter == UInt8(ascii: ","))
        #expect(table.rowCount == 2)
        #expect(cells(table) == [["2024-01-01", "800"], ["2024-01-02", "750"]])
        #expect(table.line(ofRow: 0) == 2)
        #expect(table.line(ofRow: 1) == 3)
        #expect(table.headerLine == 1)
    }

    @Test func headerNamesAreTrimmedCellsAreNot() throws {
        let table = try CSVReader.parse(" a , b\n 1 ,2 \n")
        #expect(table.header == ["a", "b"])
        #expect(cells(table) == [[" 1 ", "2 "]])
    }

    @Test func quotedFields() throws {
        let table = try CSVReader.parse("name,note,n\n\"Kyiv, city\",\"say \"\"hi\"\"\",1\n\"\",x,2\n")
        #expect(cells(table) == [["Kyiv, city", "say \"hi\"", "1"], ["", "x", "2"]])
    }

    @Test func quotedFieldWithEmbeddedNewlines() throws {
        let table = try CSVReader.parse("a,b\n1,\"two\nlines\"\n2,\"three\r\nlines\nhere\"\n3,x\n")
        #expect(cells(table) == [["1", "two\nlines"], ["2", "three\r\nlines\nhere"], ["3", "x"]])
        #expect((0..<3).map(table.line(ofRow:)) == [2, 4, 7])
    }

    @Test func crlfLineEnds() throws {
        let table = try CSVReader.parse("a,b\r\n1,\"q\"\r\n\r\n2,3\r\n")
        #expect(table.header == ["a", "b"])
        #expect(cells(table) == [["1", "q"], ["2", "3"]])
        #expect(table.line(ofRow: 1) == 4)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let table = try CSVReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("date,y\n2024-01-01,1\n".utf8))
        #expect(table.header == ["date", "y"])
        #expect(try table.columnIndex(named: "date") == 0)
    }

    @Test func semicolonAndTabDelimiters() throws {
        let semicolons = try CSVReader.parse("a;b;c\n1,5;2;\"x;y\"\n")
        #expect(semicolons.delimiter == UInt8(ascii: ";"))
        #expect(cells(semicolons) == [["1,5", "2", "x;y"]])
        let tabs = try CSVReader.parse("a\tb\n1\t2\n")
        #expect(tabs.delimiter == UInt8(ascii: "\t"))
        #expect(cells(tabs) == [["1", "2"]])
        let tie = try CSVReader.parse("a,b;c\n1,2;3\n")  // one of each: ',' wins
        #expect(tie.delimiter == UInt8(ascii: ","))
        let quotedCommas = try CSVReader.parse("\"a,b,c\";d\n1;2\n")  // commas inside quotes don't count
        #expect(quotedCommas.header == ["a,b,c", "d"])
    }

    @Test func singleColumn() throws {
        let table = try CSVReader.parse("y\n1\n2\n")
        #expect(table.header == ["y"])
        #expect(cells(table) == [["1"], ["2"]])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let table = try CSVReader.parse("\n\na,b\n\n1,2\n\n\n3,4\n\n\n")
        #expect(table.headerLine == 3)
        #expect(cells(table) == [["1", "2"], ["3", "4"]])
        #expect(table.line(ofRow: 0) == 5)
        #expect(table.line(ofRow: 1) == 8)
    }

    @Test func trailingNewlineIsOptional() throws {
        let with = try CSVReader.parse("a,b\n1,2\n")
        let without = try CSVReader.parse("a,b\n1,2")
        #expect(cells(with) == cells(without))
        #expect(cells(try CSVReader.parse("a,b\r\n1,2\r")) == [["1", "2"]])
        #expect(cells(try CSVReader.parse("a,b\n1,\"2\"")) == [["1", "2"]])
        #expect(cells(try CSVReader.parse("a,b\n1,")) == [["1", ""]])
    }

    @Test func raggedRow() throws {
        let e = try #require(parseError("a,b,c\n1,2,3\n\n4,5\n"))
        #expect(e.reason == .raggedRow)
        #expect(e.file == "t.csv")
        #expect(e.line == 4)
        #expect(e.expected == "3 fields (as the header)")
        #expect(e.found == "2 fields")
        let long = try #require(parseError("a\n1\n2,3\n"))
        #expect(long.reason == .raggedRow && long.line == 3 && long.expected == "1 field (as the header)")
    }

    @Test func unterminatedQuote() throws {
        let e = try #require(parseError("a,b\n1,2\n3,\"open\n4,5\n"))
        #expect(e.reason == .unterminatedQuote)
        #expect(e.line == 3)
        #expect(e.column == "b")
        #expect(e.file == "t.csv")
        let inHeader = try #require(parseError("a,\"b\n"))
        #expect(inHeader.reason == .unterminatedQuote && inHeader.line == 1 && inHeader.column == nil)
    }

    @Test func textAfterClosingQuote() throws {
        let e = try #require(parseError("a,b\n1,\"x\"y\n"))
        #expect(e.reason == .invalid)
        #expect(e.line == 2)
        #expect(e.column == "b")
        #expect(e.found == "'y'")
    }

    @Test func duplicateHeaderName() throws {
        let e = try #require(parseError("date,y, date\n2024-01-01,1,2\n"))
        #expect(e.reason == .duplicateColumnName)
        #expect(e.line == 1)
        #expect(e.column == "date")
        #expect(e.found == "'date' in fields 1 and 3")
    }

    @Test func emptyHeaderName() throws {
        let e = try #require(parseError("a,,c\n1,2,3\n"))
        #expect(e.reason == .invalid)
        #expect(e.line == 1)
        #expect(e.expected == "a column name")
        #expect(e.found == "an empty header cell (field 2)")
    }

    @Test func emptyAndWhitespaceOnlyFiles() throws {
        for text in ["", "\n", " \t\r\n  \n", "\u{FEFF}", "\u{FEFF}\r\n "] {
            let e = try #require(parseError(text))
            #expect(e.reason == .emptyFile, "\(Array(text.utf8))")
            #expect(e.file == "t.csv" && e.line == nil)
        }
    }

    @Test func headerOnly() throws {
        for text in ["a,b", "a,b\n", "a,b\r\n\r\n\n"] {
            let e = try #require(parseError(text))
            #expect(e.reason == .noDataRows)
            #expect(e.line == 1)
            #expect(e.file == "t.csv")
        }
    }

    @Test func invalidUTF8IsUnreadable() throws {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + [0x0A]
        let e = try #require(#expect(throws: DataError.self) { try CSVReader.parse(bytes: bytes, source: "u.csv") })
        #expect(e.reason == .unreadable)
        #expect(e.line == 3)
        #expect(e.file == "u.csv")
        let valid = try CSVReader.parse(bytes: Array("місто,n\nКиїв,1\n".utf8))
        #expect(valid.header == ["місто", "n"] && valid.cell(row: 0, column: 0) == "Київ")
    }
}

@Suite("CSV columns") struct CSVColumnTests {
    let table = try! CSVReader.parse("date,personnel,Tanks\n2024-01-01,800,3\n", source: "losses.csv")

    @Test func columnByExactAndCaseInsensitiveName() throws {
        #expect(try table.columnIndex(named: "personnel") == 1)
        #expect(try table.columnIndex(named: "tanks") == 2)
        #expect(try table.columnIndex(named: "DATE") == 0)
        let twoCases = try CSVReader.parse("Date,DATE\n1,2\n")
        #expect(try twoCases.columnIndex(named: "DATE") == 1)
        let ambiguous = #expect(throws: DataError.self) { try twoCases.columnIndex(named: "date") }
        #expect(ambiguous?.reason == .missingColumn(suggestion: "Date"))
        #expect(ambiguous?.column == "date" && ambiguous?.line == 1)
    }

    @Test func missingColumnWithSuggestion() throws {
        let e = try #require(#expect(throws: DataError.self) { try table.columnIndex(named: "personel") })
        #expect(e.reason == .missingColumn(suggestion: "personnel"))
        #expect(e.column == "personel")
        #expect(e.line == 1)
        #expect(e.file == "losses.csv")
        #expect(e.description == "losses.csv: line 1, column 'personel': no such column (did you mean 'personnel'?)")
    }

    @Test func missingColumnWithoutSuggestion() throws {
        let e = try #require(#expect(throws: DataError.self) { try table.columnIndex(named: "aircraft") })
        #expect(e.reason == .missingColumn(suggestion: nil))
        #expect(e.column == "aircraft")
    }

    @Test func nearestName() {
        #expect(NearestName.nearest(to: "personel", in: ["date", "personnel"]) == "personnel")
        #expect(NearestName.nearest(to: "PERSONNEL", in: ["date", "personnel"]) == "personnel")
        #expect(NearestName.nearest(to: "dat", in: ["date", "y"]) == "date")
        #expect(NearestName.nearest(to: "x", in: ["y", "date"]) == nil)
        #expect(NearestName.nearest(to: "tanks", in: ["date", "personnel"]) == nil)
    }
}

@Suite("CSV numbers") struct CSVNumberTests {
    @Test func acceptedForms() throws {
        let text = "v\n12\n-3.5\n1e-3\n+4\n.5\n  7.25 \n2.\n-0\n6.02E23\n0.1\n123456789012345678901234\n"
        let table = try CSVReader.parse(text)
        let values = try table.numbers(inColumn: 0, missing: .error)
        #expect(values == [12, -3.5, 0.001, 4, 0.5, 7.25, 2, 0, 6.02e23, 0.1, 1.2345678901234568e23])
        #expect(values[7].sign == .minus)
    }

    @Test func quotedNumbersAndWhitespace() throws {
        let table = try CSVReader.parse("a,b\n\" 1.5\",\t2\t\n")
        #expect(try table.numbers(inColumn: 0, missing: .error) == [1.5])
        #expect(try table.numbers(inColumn: 1, missing: .error) == [2])
    }

    @Test func nonFiniteNumbers() throws {
        let cases: [(String, String)] = [("NaN", "'NaN'"), ("nan", "'nan'"), ("inf", "'inf'"),
                                         ("-Infinity", "'-Infinity'"), ("1e400", "'1e400'"), ("-INF", "'-INF'")]
        for (cell, found) in cases {
            let e = try #require(try numberError("date,y\n2024-01-01,1\n2024-01-02, \(cell)\n", column: "y"))
            #expect(e.reason == .nonFiniteNumber, "\(cell)")
            #expect(e.line == 3 && e.column == "y" && e.file == "n.csv")
            #expect(e.expected == "a finite number" && e.found == found)
        }
    }

    @Test func invalidNumbers() throws {
        for (text, found) in [("y\n1\n12abc\n", "'12abc'"), ("y\n1\n0x1p3\n", "'0x1p3'"), ("y\n1\n0x10\n", "'0x10'"),
                              ("y\n1\n1e\n", "'1e'"), ("y\n1\n.\n", "'.'"), ("y\n1\n1 2\n", "'1 2'"),
                              ("y\n1\n--1\n", "'--1'"), ("y\n1\nnan(1)\n", "'nan(1)'")] {
            let e = try #require(try numberError(text, column: "y"))
            #expect(e.reason == .invalidNumber, "\(found)")
            #expect(e.line == 3 && e.column == "y")
            #expect(e.expected == "a number" && e.found == found)
        }
        let comma = try #require(try numberError("date;y\n2024-01-01;1,5\n", column: "y"))
        #expect(comma.reason == .invalidNumber && comma.line == 2 && comma.column == "y" && comma.found == "'1,5'")
    }

    @Test func errorLineFollowsEmbeddedNewlines() throws {
        let e = try #require(try numberError("note,y\n\"a\nb\",1\n\n\"c\",x\n", column: "y"))
        #expect(e.reason == .invalidNumber && e.line == 5)
    }

    @Test func emptyCells() throws {
        let text = "date,daily\n2022-02-25,\n2022-02-26,1500\n2022-02-27,  \n"
        let e = try #require(try numberError(text, column: "daily"))
        #expect(e.reason == .missingValue)
        #expect(e.line == 2 && e.column == "daily")
        #expect(e.expected == "a number" && e.found == "an empty cell")
        #expect(e.description == "n.csv: line 2, column 'daily': missing value: expected a number, found an empty cell")
        let values = try CSVReader.parse(text).numbers(inColumn: 1, missing: .asNaN)
        #expect(values.count == 3 && values[0].isNaN && values[1] == 1500 && values[2].isNaN)
    }

    @Test func errorDescription() throws {
        let e = try #require(try numberError("date,personnel\n2024-01-01,800\n2024-01-02,abc\n", column: "personnel"))
        #expect(e.description == "n.csv: line 3, column 'personnel': not a number: expected a number, found 'abc'")
    }

    /// Seeded random decimals: the fast path and the fallback agree bit for bit with `Double(String)`.
    @Test func correctlyRounded() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var texts: [String] = []
        for k in 0..<20_000 {
            let digits = String(next() % (k % 3 == 0 ? 10_000_000_000_000_000_000 : 1_000_000_000_000_000))
            var text = digits
            let point = Int(next() % UInt64(digits.count + 1))
            if k % 2 == 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if k % 5 == 0 { text += "e\(Int(next() % 80) - 40)" }
            if k % 7 == 0 { text = "-" + text }
            texts.append(text)
        }
        texts += [Double.pi, 0.1, 1.0 / 3, 2.2250738585072014e-308, 1.7976931348623157e308, .leastNonzeroMagnitude, 9007199254740992]
            .map { "\($0)" }
        for k in 0..<20_000 {  // shortest round-trip text of random doubles (as the reference files are written)
            let magnitude = Double(sign: .plus, exponent: Int(next() % 200) - 100, significand: 1)
            texts.append("\(Double(next() >> 11) / Double(1 << 53) * magnitude * (k % 2 == 0 ? 1 : -1))")
        }
        let table = try CSVReader.parse("x\n" + texts.joined(separator: "\n"))
        let values = try table.numbers(inColumn: 0, missing: .error)
        let mismatches = zip(texts, values).filter { $1.bitPattern != Double($0)!.bitPattern }.map(\.0)
        #expect(values.count == texts.count)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}

@Suite("CSV files") struct CSVFileTests {
    @Test func missingFile() throws {
        let path = "/nonexistent-dir/no-such-file.csv"
        let e = try #require(#expect(throws: DataError.self) { try CSVReader.read(contentsOf: path) })
        #expect(e.reason == .fileNotFound)
        #expect(e.file == path)
        #expect(e.description == "/nonexistent-dir/no-such-file.csv: no such file")
    }

    @Test func directoryIsUnreadable() throws {
        let e = try #require(#expect(throws: DataError.self) { try CSVReader.read(contentsOf: "/tmp") })
        #expect(e.reason == .unreadable && e.file == "/tmp")
    }

    @Test func temporaryFile() throws {
        let path = "/tmp/forecast-csvreader-\(getpid()).csv"
        defer { unlink(path) }
        let text = "\u{FEFF}date;launched\r\n2024-01-01;10\r\n2024-01-02;x\r\n"
        let file = try #require(fopen(path, "wb"))
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        let table = try CSVReader.read(contentsOf: path)
        #expect(table.source == path)
        #expect(table.header == ["date", "launched"])
        #expect(table.rowCount == 2)
        let e = try #require(#expect(throws: DataError.self) { try table.numbers(inColumn: 1, missing: .error) })
        #expect(e.reason == .invalidNumber && e.file == path && e.line == 3 && e.column == "launched")

        let empty = "/tmp/forecast-csvreader-empty-\(getpid()).csv"
        defer { unlink(empty) }
        fclose(fopen(empty, "wb"))
        let ee = try #require(#expect(throws: DataError.self) { try CSVReader.read(contentsOf: empty) })
        #expect(ee.reason == .emptyFile && ee.file == empty)
    }
}
