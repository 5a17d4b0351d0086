// RobustnessReport — `forecast effects --robustness`: the verdict first, then one row per specification.

import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// The robustness grid as JSON (`robustness: {verdict, increases, decreases, specifications: [{design, window
/// [a, b], pre, shape, covariance, estimate, lower, upper, relativeEffect, modelPValue, placeboPValue, failure}]}`)
/// and as a table led by the verdict line.
public struct RobustnessReport: Sendable {
    public let grid: RobustnessGrid

    public init(grid: RobustnessGrid) { self.grid = grid }

    public func json() -> JSONValue {
        .object([
            ("verdict", .string(grid.verdict)),
            ("trigger", .string(grid.trigger.id)),
            ("increases", .integer(grid.increases)),
            ("decreases", .integer(grid.decreases)),
            ("specifications", .array(grid.rows.map { row in
                let s = row.specification
                return .object([
                    ("design", .string(s.design.rawValue)),
                    ("window", .array([.integer(s.window.lowerBound), .integer(s.window.upperBound)])),
                    ("pre", s.pre.map { .integer($0) } ?? .null),
                    ("shape", .string(s.shape)),
                    ("covariance", .string(s.covariance)),
                    ("estimate", .finite(row.estimate)),
                    ("lower", .finite(row.lower)),
                    ("upper", .finite(row.upper)),
                    ("relativeEffect", .finite(row.relativeEffect)),
                    ("modelPValue", .finite(row.modelPValue)),
                    ("placeboPValue", .finite(row.placeboPValue)),
                    ("failure", row.failure.map { .string($0) } ?? .null),
                ])
            })),
        ])
    }

    public func table() -> String {
        var lines = ["Robustness: \(grid.verdict)", ""]
        let header = ["design", "window", "pre", "shape", "covariance", "estimate", "interval", "relative", "model p", "placebo p"]
        let widths = [15, 8, 5, 7, 11, 10, 18, 9, 9, 10]
        lines.append(zip(header, widths).map { TextFormat.pad($0, $1) }.joined())
        for row in grid.rows {
            let s = row.specification
            var cells = [s.design.rawValue, "\(s.window.lowerBound)..\(s.window.upperBound)", s.pre.map(String.init) ?? "—", s.shape, s.covariance]
            if let failure = row.failure {
                cells.append("not run: \(failure)")
            } else {
                cells += [FitReport.count(row.estimate), "\(FitReport.count(row.lower))…\(FitReport.count(row.upper))",
                          row.relativeEffect.isFinite ? String(format: "%+.0f%%", row.relativeEffect) : "n/a",
                          row.modelPValue.map(TextFormat.pValue) ?? "—", row.placeboPValue.map(TextFormat.pValue) ?? "—"]
            }
            lines.append(zip(cells, widths + [0]).map { TextFormat.pad($0, $1) }.joined().trimmingCharacters(in: .whitespaces))
        }
        lines.append("Estimates are cumulative excesses (counts) over the window; counterfactual intervals come from forecast paths, regression intervals from the fit. Placebo p: two-sided (counterfactual), one-sided for an increase (regression).")
        return lines.joined(separator: "\n") + "\n"
    }
}
