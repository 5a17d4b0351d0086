// Tests for RowFilter: the four operators, parsing, regex semantics (unanchored, case-sensitive), trimming.

import Forecast
import Testing

@Suite("Row filters (--where)") struct RowFilterTests {
    @Test func parsing() throws {
        #expect(try RowFilter(parsing: "model~Shahed") == RowFilter(column: "model", test: .matches(pattern: "Shahed")))
        #expect(try RowFilter(parsing: "model!~^X-") == RowFilter(column: "model", test: .matches(pattern: "^X-"), negated: true))
        #expect(try RowFilter(parsing: "source=kpszsu") == RowFilter(column: "source", test: .equals("kpszsu")))
        #expect(try RowFilter(parsing: " source != a=b ") == RowFilter(column: "source", test: .equals(" a=b "), negated: true))
        #expect(try RowFilter(parsing: "x=").test == .equals(""))
        #expect(try RowFilter(parsing: "model!~Shahed").description == "model!~Shahed")
        #expect(throws: SettingError.self) { try RowFilter(parsing: "model") }
        #expect(throws: SettingError.self) { try RowFilter(parsing: "~Shahed") }
        #expect(throws: SettingError.self) { try RowFilter(parsing: "model~Shahed(") }
    }

    /// The models of the rows that pass `filters` in a small per-event fixture.
    private func passing(_ filters: [String]) throws -> Double {
        let csv = """
            time_end,model,launched
            2024-01-01,Shahed-136/131,10
            2024-01-01,Shahed-136/131 and Lancet,5
            2024-01-01, Kalibr ,2
            2024-01-01,shahed,1
            2024-01-01,,100
            """
        let series = try ingestCSV(csv, options(.perEvent, values: ["launched"]) {
            $0.filters = filters.map { try! RowFilter(parsing: $0) }
        })
        return series.values[0][0]
    }

    @Test func semantics() throws {
        #expect(try passing(["model~Shahed"]) == 15)            // unanchored search, case-sensitive
        #expect(try passing(["model~^Shahed-136/131$"]) == 10)   // anchors work
        #expect(try passing(["model!~Shahed"]) == 103)           // negation keeps the empty cell
        #expect(try passing(["model=Kalibr"]) == 2)              // exact, after trimming the cell
        #expect(try passing(["model!=Kalibr", "model~hahed"]) == 16)  // ANDed
        #expect(try passing(["model="]) == 100)                  // the empty cell is the empty string
        #expect(try passing(["MODEL~(?i)SHAHED"]) == 16)         // column names are case-insensitive; (?i) in the regex
    }
}
