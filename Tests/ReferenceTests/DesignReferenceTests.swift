// The design columns of the model cases, built by DesignSchema from dates and the case's `options` (trend origin,
// event windows) and compared cell by cell with data.csv and future.csv (written by the reference generator with
// pandas): indicators exactly, the trend to 1 ulp-scale (days / 365.25 computed the same way in Python).
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Reference: design columns from dates (data.csv and future.csv of the model cases)")
struct DesignReferenceTests {
    /// The schema the case's options describe: default terms, the case's events and trend origin.
    static func schema(_ reference: ReferenceCase) -> DesignSchema {
        let options = reference.options
        let window = options["window"] as! [String]
        let events = (options["events"] as! [[String: Any]]).map { event in
            EventWindow(id: String((event["name"] as! String).dropFirst("event_".count)),
                        date: isoDate(event["trigger"] as! String),
                        first: (event["first_offset_days"] as! NSNumber).intValue,
                        last: (event["last_offset_days"] as! NSNumber).intValue)
        }
        return DesignSchema(specification: DesignSpecification(events: events), trendOrigin: isoDate(window[0]),
                            lagTransform: .identity)
    }

    @Test("Every design cell of data.csv and future.csv", arguments: ["ols-personnel", "poisson-strikes", "nb2-strikes"])
    func designCells(name: String) throws {
        let reference = try ReferenceCase(name)
        let schema = Self.schema(reference)
        #expect(schema.columnNames == reference.columns)
        for file in ["data.csv", "future.csv"] {
            let table = try CSVReader.read(contentsOf: reference.path(file))
            var mismatches = 0
            for row in 0..<table.rowCount {
                let date = isoDate(table.cell(row: row, column: 0))
                let built = schema.row(for: date, lags: [], regressors: [])
                for (j, column) in reference.columns.enumerated() {
                    let expected = try #require(Double(table.cell(row: row, column: try table.columnIndex(named: column))))
                    let ok = column == "trend" ? abs(built[j] - expected) <= 4e-16 * max(1, abs(expected)) : built[j] == expected
                    if !ok {
                        mismatches += 1
                        if mismatches <= 5 { Issue.record("\(name)/\(file) line \(row + 2) \(column): built \(built[j]), reference \(expected)") }
                    }
                }
            }
            #expect(mismatches == 0, "\(name)/\(file)")
            #expect(table.rowCount == (file == "future.csv" ? 28 : reference.expected["nobs"].map { ($0 as! NSNumber).intValue } ?? -1))
        }
    }
}
