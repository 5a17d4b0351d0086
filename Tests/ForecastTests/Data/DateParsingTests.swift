// Tests for DateFormat / DateText: accepted forms, times, whitespace, explicit slash formats, automatic resolution.

import Forecast
import Testing

@Suite("Date parsing") struct DateParsingTests {
    @Test func isoForms() {
        let auto = DateFormat.automatic
        #expect(auto.date(from: "2024-08-06") == day("2024-08-06"))
        #expect(auto.date(from: "2024-08-06 08:00") == day("2024-08-06"))
        #expect(auto.date(from: "2024-08-06 08:00:59") == day("2024-08-06"))
        #expect(auto.date(from: "2024-08-06T23:59:59.125Z") == day("2024-08-06"))
        #expect(auto.date(from: "2024-08-06T23:59+03:00") == day("2024-08-06"))  // no time-zone conversion
        #expect(auto.date(from: "2023-05-16 3:30") == day("2023-05-16"))         // single-digit hour (attacks feed)
        #expect(auto.date(from: " 2024-05-16 ") == day("2024-05-16"))             // trailing space (attacks feed)
        #expect(auto.date(from: "\t2024-05-16\r") == day("2024-05-16"))
    }

    @Test func rejectedForms() {
        let auto = DateFormat.automatic
        for text in ["", "2024-8-06", "24-08-06", "2024-08-06x", "2024-08-06 8", "2024-08-06 08:0", "2024-08-06 24:60",
                     "2024-08-06  08:00", "2024-02-30", "2024/08/06", "06/08/2024", "20240806", "2024-08-06 08:00:61",
                     "2024-08-06T08:00+3", "12024-08-06"] {
            #expect(auto.date(from: text) == nil, "\(text)")
        }
        #expect(DateFormat.iso.date(from: "2024-08-06 08:00") == nil)  // .iso refuses a time
        #expect(DateFormat.iso.date(from: "2024-08-06") == day("2024-08-06"))
    }

    @Test func dotsAndSlashes() {
        #expect(DateFormat.automatic.date(from: "06.08.2024") == day("2024-08-06"))
        #expect(DateFormat.dayMonthYearDots.date(from: "6.8.2024 14:00") == day("2024-08-06"))
        #expect(DateFormat.dayMonthYearSlashes.date(from: "03/04/2024") == day("2024-04-03"))
        #expect(DateFormat.monthDayYearSlashes.date(from: "03/04/2024") == day("2024-03-04"))
        #expect(DateFormat.yearMonthDaySlashes.date(from: "2024/3/4") == day("2024-03-04"))
        #expect(DateFormat.monthDayYearSlashes.date(from: "13/04/2024") == nil)
        #expect(DateFormat.dayMonthYearSlashes.date(from: "2024-04-03") == nil)  // an explicit format is exclusive
        #expect(DateFormat.dayMonthYearDots.date(from: "2024-04-03") == nil)
    }

    @Test func resolution() {
        #expect(DateFormat.automatic.resolved(forFirstCell: "2024-01-01") == .isoDateTime)
        #expect(DateFormat.automatic.resolved(forFirstCell: "2024-01-01 08:00") == .isoDateTime)
        #expect(DateFormat.automatic.resolved(forFirstCell: "01.02.2024") == .dayMonthYearDots)
        #expect(DateFormat.automatic.resolved(forFirstCell: "01/02/2024") == nil)
        #expect(DateFormat.monthDayYearSlashes.resolved(forFirstCell: "01/02/2024") == .monthDayYearSlashes)
        #expect(CalendarDate(iso: "2024-01-01") == day("2024-01-01"))
        #expect(CalendarDate(iso: "2024-01-01 00:00") == nil)
    }

    @Test("Slash dates through ingestion with an explicit format")
    func explicitSlashFormat() throws {
        let text = "date,n\n12/31/2023,1\n01/01/2024,2\n"
        let series = try ingestCSV(text, options { $0.dateFormat = .monthDayYearSlashes })
        #expect(series.start == day("2023-12-31"))
        #expect(series.values == [[1, 2]])
        #expect(series.quality.dateFormat == .monthDayYearSlashes)
    }
}
