import ForecastCore
import ForecastData

// DesignSpecification+ColumnNames — the design's column names, and the rule that they are unique.
//
// Policy: every design column has its own name (reports, the coefficient table and future rows find columns by
// name). A term given twice (`--fourier 7:3` twice, two `--step-term`s with one id) or a file column named like a
// generated one (a regressor called `trend` or `dow_tue`) is refused with a setting error naming both sources,
// before any matrix is built — never a trap in `DesignMatrix`.
extension DesignSpecification {
    /// The column names in design order, each with the setting that makes it.
    var namedColumns: [(name: String, source: SettingError.Setting)] {
        var columns: [(String, SettingError.Setting)] = []
        if intercept { columns.append(("const", .calendarTerms)) }
        if trend != .none { columns.append(("trend", .calendarTerms)) }
        if trend == .quadratic { columns.append(("trend_sq", .calendarTerms)) }
        if dayOfWeek { columns += ["dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"].map { ($0, .calendarTerms) } }
        for f in fourier {
            for k in 1...f.order { columns += [("sin\(k)_\(f.periodLabel)", .fourier), ("cos\(k)_\(f.periodLabel)", .fourier)] }
        }
        columns += changepoints.map { ("cp_\($0)", .changepoints) }
        columns += autoregressiveLags.map { ("lag\($0)", .autoregressiveLags) }
        columns += events.map { ($0.columnName, .adHocEvents) }
        columns += steps.map { ($0.columnName, .stepTerms) }
        columns += regressors.map { ($0, .regressors) }
        return columns
    }

    /// The design column names, in order (`DesignSchema.columnNames`).
    public var columnNames: [String] { namedColumns.map(\.name) }

    /// Throws `.unsuitableSetting` naming the settings behind the first column name made twice (policy above).
    public func checkColumnNames() throws(ModelError) {
        var seen: [String: SettingError.Setting] = [:]
        for (name, source) in namedColumns {
            guard let earlier = seen[name] else {
                seen[name] = source
                continue
            }
            let template = earlier == source
                ? "{0} gives one term twice: two design columns would be named '\(name)'; give each term once"
                : "{0} and {1} both make a design column named '\(name)'; every column needs its own name (rename the file column or drop one term)"
            throw .unsuitableSetting(earlier == source ? SettingError(template, source) : SettingError(template, earlier, source))
        }
    }
}
