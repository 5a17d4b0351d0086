import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

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
        Self.compare(actual, expectedValue, rel: rel, abs: absolute, label: "\(name) \(quantity)[\(element)]",
                     reference: provenance, sourceLocation: sourceLocation)
    }

    /// The one comparison every reference number goes through: |a − e| ≤ rel·|e| + abs, the failure naming
    /// `label`, both values and where the reference came from. Also used directly for reference numbers that are
    /// not in a case file (e.g. `WLSPersonnelTests`).
    static func compare(_ actual: Double, _ expected: Double, rel: Double, abs absolute: Double = 0, label: String,
                        reference: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bound = rel * Swift.abs(expected) + absolute
        #expect(Swift.abs(actual - expected) <= bound, """
            \(label): got \(actual), expected \(expected) (|diff| \(Swift.abs(actual - expected)) > \(bound)); \
            reference: \(reference)
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

    /// The coefficient table against `params`, `bse`, `tvalues`, `pvalues` and, when the case has them,
    /// `conf_int_lower` / `conf_int_upper` (each a {column: value} entry).
    func checkCoefficientTable(_ coefficients: [CoefficientEstimate], sourceLocation: SourceLocation = #_sourceLocation) {
        let quantities: [(String, KeyPath<CoefficientEstimate, Double>)] = [
            ("params", \.estimate), ("bse", \.standardError), ("tvalues", \.statistic), ("pvalues", \.pValue),
            ("conf_int_lower", \.lower), ("conf_int_upper", \.upper),
        ]
        for (quantity, value) in quantities where expected[quantity] != nil {
            check(coefficients.map { $0[keyPath: value] }, byColumn(quantity), quantity, labels: columns,
                  sourceLocation: sourceLocation)
        }
    }

    /// A covariance matrix against the {row: {column: value}} entry `quantity` over `names` (default: the columns).
    func checkCovariance(_ matrix: Matrix, _ quantity: String, names: [String]? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let names = names ?? columns
        let expectedMatrix = self.matrix(quantity, names: names)
        #expect(matrix.rows == names.count && matrix.columns == names.count, "\(name) \(quantity): shape",
                sourceLocation: sourceLocation)
        for i in names.indices where i < matrix.rows {
            check(matrix.row(i), expectedMatrix[i], quantity, labels: names.map { "\(names[i]),\($0)" },
                  sourceLocation: sourceLocation)
        }
    }

    /// Integer quantities must match exactly.
    func checkExact(_ actual: Int, _ quantity: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let e = Self.number(expected[quantity])!
        #expect(Double(actual) == e, "\(name) \(quantity): got \(actual), expected \(e)", sourceLocation: sourceLocation)
    }
}
