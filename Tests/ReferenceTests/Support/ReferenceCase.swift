import Foundation
import Testing
@testable import Forecast

/// One case of Tests/Fixtures/reference (expected.json + its CSV files) and the single checker every reference
/// test goes through: element-wise |a − e| ≤ rel·|e| + abs with the case's own tolerances, integers exact,
/// null ⇔ not estimable (NaN). Failures print the case, quantity, element, both values and the provenance.
struct ReferenceCase {
    let name: String
    let json: [String: Any]

    init(_ name: String) throws {
        self.name = name
        let data = try Data(contentsOf: Fixtures.url("reference/\(name)/expected.json"))
        json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    var expected: [String: Any] { json["expected"] as! [String: Any] }
    var columns: [String] { json["columns"] as! [String] }
    var options: [String: Any] { json["options"] as! [String: Any] }
    var provenance: String { "\(json["provenance"] ?? "")" }

    func path(_ file: String) -> String { Fixtures.url("reference/\(name)/\(file)").path }

    func tolerance(_ quantity: String) -> (rel: Double, abs: Double) {
        let rel = Self.number((json["tolerance"] as? [String: Any])?[quantity]) ?? 0
        let abs = Self.number((json["tolerance_abs"] as? [String: Any])?[quantity]) ?? 0
        return (rel, abs)
    }

    /// A scalar expected value (nil when null).
    func scalar(_ quantity: String) -> Double? { Self.number(expected[quantity]) }

    /// A JSON number as a double (nil for null or a non-number).
    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// A {column: value} expected value in `columns` order (nil for null entries).
    func byColumn(_ quantity: String) -> [Double?] {
        let map = expected[quantity] as! [String: Any]
        return columns.map { Self.number(map[$0]) }
    }

    /// A list expected value (aligned with future.csv or data.csv rows).
    func list(_ quantity: String) -> [Double] { (expected[quantity] as! [Any]).map { Self.number($0)! } }

    /// A {row: {column: value}} matrix over the given names.
    func matrix(_ quantity: String, names: [String]) -> [[Double]] {
        let map = expected[quantity] as! [String: [String: Any]]
        return names.map { r in names.map { c in Self.number(map[r]![c])! } }
    }

    /// Checks one value against the case's tolerance for `quantity`.
    func check(_ actual: Double, _ expectedValue: Double?, _ quantity: String, element: String = "",
               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expectedValue else {
            #expect(actual.isNaN, "\(name) \(quantity)[\(element)]: expected null (not estimable), got \(actual)",
                    sourceLocation: sourceLocation)
            return
        }
        let (rel, absolute) = tolerance(quantity)
        let bound = rel * Swift.abs(expectedValue) + absolute
        let passes = Swift.abs(actual - expectedValue) <= bound
        #expect(passes, """
            \(name) \(quantity)[\(element)]: got \(actual), expected \(expectedValue) \
            (|diff| \(Swift.abs(actual - expectedValue)) > \(bound)); reference: \(provenance)
            """, sourceLocation: sourceLocation)
    }

    func check(_ actual: [Double], _ expectedValues: [Double?], _ quantity: String, labels: [String]? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expectedValues.count, "\(name) \(quantity): \(actual.count) values, expected \(expectedValues.count)",
                sourceLocation: sourceLocation)
        for (i, (a, e)) in zip(actual, expectedValues).enumerated() {
            check(a, e, quantity, element: labels?[i] ?? "\(i)", sourceLocation: sourceLocation)
        }
    }

    /// Integer quantities must match exactly.
    func checkExact(_ actual: Int, _ quantity: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let e = Self.number(expected[quantity])!
        #expect(Double(actual) == e, "\(name) \(quantity): got \(actual), expected \(e)", sourceLocation: sourceLocation)
    }
}
