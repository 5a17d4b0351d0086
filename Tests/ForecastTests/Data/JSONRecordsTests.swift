// Tests for JSONRecords: the General Staff feed's shape (array of flat records) read into a CSVTable.

import Forecast
import Testing

@Suite("JSON records") struct JSONRecordsTests {
    @Test("Columns are the union of keys in first-seen order; missing keys and null are empty cells")
    func unionOfKeys() throws {
        let table = try JSONRecords.parse("""
            [
                {"date": "2022-02-25", "day": 2, "personnel": 2800, "personnel*": "about", "POW": 0},
                {"date": "2022-02-26", "day": 3, "personnel": 4300, "personnel*": "about", "POW": null},
                {"date": "2022-02-27", "day": 4, "personnel": "4500", "special equipment": 1.5e1}
            ]
            """, source: "p.json")
        #expect(table.header == ["date", "day", "personnel", "personnel*", "POW", "special equipment"])
        #expect(table.rowCount == 3)
        #expect((0..<3).map(table.line(ofRow:)) == [2, 3, 4])
        #expect(table.cell(row: 1, column: 4) == "")
        #expect(table.cell(row: 2, column: 3) == "")
        #expect(try table.numbers(inColumn: 2, missing: .error) == [2800, 4300, 4500])  // numeric strings are numbers
        #expect(try table.numbers(inColumn: 5, missing: .asNaN).last == 15)
    }

    @Test func stringsAreUnescaped() throws {
        let table = try JSONRecords.parse(#"[{"t": "a\"b\\c\/d\n\u0416\ud83d\ude00", "b": true, "f": false}]"#)
        #expect(table.cell(row: 0, column: 0) == "a\"b\\c/d\nЖ😀")
        #expect(table.cell(row: 0, column: 1) == "true")
        #expect(table.cell(row: 0, column: 2) == "false")
    }

    @Test("Multi-line records: each row's line is the line of its opening brace")
    func prettyPrintedLines() throws {
        let table = try JSONRecords.parse("[\n  {\n    \"date\": \"2024-01-01\",\n    \"n\": 1\n  },\n  {\n    \"date\": \"2024-01-02\",\n    \"n\": 2\n  }\n]\n")
        #expect(table.line(ofRow: 0) == 2 && table.line(ofRow: 1) == 6)
        #expect(table.headerLine == 1)
    }

    @Test("Python's bare NaN is read as text and rejected as a value like the CSV text NaN")
    func pythonNaN() throws {
        let error = dataError { () throws(DataError) in
            _ = try ingestJSON("[{\"date\": \"2024-01-01\", \"n\": 1},\n {\"date\": \"2024-01-02\", \"n\": NaN}]")
        }
        #expect(error == DataError(.nonFiniteNumber, file: "bad.json", line: 2, column: "n", expected: "a finite number",
                                   found: "'NaN'"))
    }

    @Test func syntaxErrors() {
        func error(_ text: String) -> DataError? {
            dataError { () throws(DataError) in _ = try JSONRecords.parse(text, source: "x.json") }
        }
        #expect(error("") == DataError(.emptyFile, file: "x.json"))
        #expect(error("[{\"a\": 1}] x")?.expected == "the end of the file after the array")
        #expect(error("[{\"a\": 01}]")?.expected == "a value for 'a' in record 1")
        #expect(error("[{\"a\": 1,}]")?.expected == "a key (a string) in record 1")
        #expect(error("[{\"a\" 1}]")?.expected == "':' after the key 'a' in record 1")
        #expect(error("[1]")?.expected == "a record ('{') as element 1 of the array")
        #expect(error("[{\"a\": [1]}]")?.found == "an array in record 1")
        #expect(error("[{\"a\": \"\\x\"}]")?.expected == "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        #expect(error("[{}]") == DataError(.invalid, file: "x.json", line: 1, expected: "records with at least one key",
                                           found: "only empty records"))
        #expect(error("[{\"a\": 1}")?.found == "the end of the file")
        let bytes: [UInt8] = Array("[{\"a\": \"".utf8) + [0xFF] + Array("\"}]".utf8)
        #expect(dataError { () throws(DataError) in _ = try JSONRecords.parse(bytes: bytes, source: "x.json") }?.reason == .unreadable)
    }

    @Test("A JSON file with the UTF-8 BOM and CRLF line ends")
    func bomAndCRLF() throws {
        let table = try JSONRecords.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[\r\n{\"date\": \"2024-01-01\", \"n\": 3}\r\n]\r\n".utf8))
        #expect(table.header == ["date", "n"] && table.line(ofRow: 0) == 2)
    }
}
