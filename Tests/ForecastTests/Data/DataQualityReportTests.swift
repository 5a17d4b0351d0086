// Tests for DataQualityReport: the JSON form (keys, dates, lines) and the text summary.

import Forecast
import Testing

@Suite("Data-quality report") struct DataQualityReportTests {
    @Test("JSON: every documented key, in order, with dates as text and lines as integers")
    func jsonKeys() throws {
        let s = try ingestCSV("date,n\n2024-01-01,5\n2024-01-01,6\n2024-01-03,-1.5\n", options { $0.sumDuplicates = true })
        guard case .object(let members) = s.quality.json() else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["source", "format", "mode", "dateColumn", "valueColumns", "skippedColumns", "filters",
                                     "rowsRead", "rowsUsed", "inputSpan", "sortedAscending", "orderInversions",
                                     "orderAscents", "reportLag", "outputSpan", "gapPolicy", "gapDays", "gaps",
                                     "duplicates", "correctionPolicy", "corrections", "multiDayTotals",
                                     "firstAppearances", "missingCells", "columns", "events"])
        let text = s.quality.json().serialized()
        #expect(text.contains(#""duplicates":[{"date":"2024-01-01","lines":[2,3]}]"#))
        #expect(text.contains(#""gaps":[{"first":"2024-01-02","last":"2024-01-02","days":1}]"#))
        #expect(text.contains(#""negatives":[{"date":"2024-01-03","value":-1.5}]"#))
        // Plain YYYY-MM-DD dates are format "iso" (issue 15, item 4; they were reported as "iso-datetime").
        #expect(text.contains(#""dateColumn":{"name":"date","rule":"the column named 'date'","format":"iso"}"#))
        #expect(text.contains(#""correctionPolicy":null"#) && text.contains(#""events":null"#))
    }

    @Test("Date format: iso when every date is plain, iso-datetime when any carries a time, dd.mm.yyyy for dots")
    func dateFormatReported() throws {
        #expect(try ingestCSV("date,n\n2024-01-01,1\n2024-01-02,2\n").quality.dateFormat == .iso)
        #expect(try ingestCSV("date,n\n2024-01-01,1\n2024-01-02 08:00,2\n").quality.dateFormat == .isoDateTime)
        #expect(try ingestCSV("date,n\n2024-01-01T08:00,1\n2024-01-02,2\n").quality.dateFormat == .isoDateTime)
        #expect(try ingestCSV("date,n\n01.01.2024,1\n02.01.2024,2\n").quality.dateFormat == .dayMonthYearDots)
        // An explicit format is reported as given.
        #expect(try ingestCSV("date,n\n2024-01-01,1\n", options { $0.dateFormat = .isoDateTime }).quality.dateFormat == .isoDateTime)
    }

    @Test("JSON: corrections with their action and the days a spread went to")
    func correctionsJSON() throws {
        let s = try ingestCSV("date,tank\n2023-05-25,3790\n2023-05-26,3795\n2023-05-27,3799\n2023-05-28,3797\n",
                              options(.cumulative) { $0.corrections = .spread(days: 2) })
        #expect(sameValues(s.values[0], [.nan, 4, 3, 0]))
        #expect(s.quality.json().serialized().contains(
            #""corrections":[{"column":"tank","date":"2023-05-28","size":-2,"line":5,"action":"spread","spreadOver":["2023-05-26","2023-05-27"]}]"#))
    }

    @Test("Summary: one labelled line per finding")
    func summary() throws {
        let s = try ingestCSV("date,n\n2024-01-03,5\n2024-01-01,6\n", source: "x.csv")
        #expect(s.quality.summary() == """
            input: x.csv (CSV, 2 rows)
            date column: 'date' (the column named 'date'), format iso; rows newest first (sorted)
            mode: levels (one row per day)
            values: n
            dates: input 2024-01-01 .. 2024-01-03 (3 days); output 2024-01-01 .. 2024-01-03 (3 days)
            gaps: 1 day without rows in 1 run, left empty: 2024-01-02
            duplicates: none
            column 'n': 2 days with a value, 1 missing, no negative values

            """)
    }
}
