// ScoreInput — the files of `forecast score`, read into aligned arrays and checked, with located errors.
//
// Format: the column vocabulary of Guides/ForecastFiles.md, shared by `fit --output`, `backtest --details` /
// `--samples` and `score` (definitions: Tests/Fixtures/reference/README.md, case metrics-basic).
//  1. FORECASTS: `date` (YYYY-MM-DD), `y` (actuals; an empty cell = not known yet, the row is not scored and a
//     warning says how many), then any of: `mean`, `median` and `f_<name>` point forecasts (each scored under its
//     name), `q_<level>` quantile forecasts (level in (0, 1), written as in the name, e.g. `q_0.05`),
//     `lower_<L>` + `upper_<L>` central L % intervals (read as the quantiles (100 − L)/200 and (100 + L)/200),
//     `norm_mean` + `norm_sd` (Gaussian predictive), `nb_mu` + `nb_alpha` (NB2 predictive, α = 0 is Poisson).
//     Key columns `origin` (forecast origin of a rolling-origin file: a date may then repeat, once per origin) and
//     `h` (horizon) are read as keys, not scored. Other columns are ignored with a warning. Every listed cell must
//     hold a finite number. A `series` column (long format, several series) is refused: scores are per series.
//  2. TRAIN: `y` (the training series, in date order) and optionally `date` (then strictly increasing; gaps and an
//     overlap with the forecast period are warnings). Used for the MASE/RMSSE scales.
//  3. SAMPLES: `date` (and `origin`, `h` when FORECASTS has them) and ensemble members in every other column
//     (`s001`, …), one row per FORECASTS row with the same key on the same row; an empty cell is a missing member.
//  4. Errors (DataError, naming file, line and column): quantiles that strictly decrease with the level on a row
//     (equal values are fine), norm_sd ≤ 0, negative nb_mu/nb_alpha, non-count actuals when nb_* columns are present,
//     a pair column without its partner, bad or repeated dates (per origin), SAMPLES rows or keys that do not line
//     up, no row with an actual, nothing to score (no forecast column and no SAMPLES).

/// The inputs of `forecast score`, aligned by day and validated (format at the top of ScoreInput.swift).
import ForecastCore
import ForecastData
import ForecastModels
public struct ScoreInput: Sendable {
    /// A named column of numbers, one per day.
    public struct Column: Sendable, Equatable {
        /// The name (for point forecasts without the `f_` prefix; for quantiles the level as written).
        public let name: String
        /// The header name in the file.
        public let header: String
        /// One value per day.
        public let values: [Double]
    }

    /// A column of quantile forecasts.
    public struct QuantileColumn: Sendable, Equatable {
        /// The level as written after `q_` (the JSON key, e.g. "0.05").
        public let key: String
        /// The level τ ∈ (0, 1).
        public let level: Double
        /// The header name (`q_0.05`).
        public let header: String
        /// One quantile per day.
        public let values: [Double]
    }

    /// The two parameter columns of a predictive distribution (norm_mean/norm_sd or nb_mu/nb_alpha).
    public struct ParameterColumns: Sendable, Equatable {
        /// Location: the mean (μ).
        public let location: [Double]
        /// Spread: σ (Gaussian) or α (NB2).
        public let spread: [Double]
    }

    /// The forecasts file's name (as given), for messages.
    public let source: String?
    /// The dates of the scored days, in file order.
    public let dates: [CalendarDate]
    /// The actuals y_t.
    public let actual: [Double]
    /// Point forecasts, in file order.
    public let points: [Column]
    /// Quantile forecasts in increasing level.
    public let quantiles: [QuantileColumn]
    /// Gaussian predictive (norm_mean, norm_sd), if present.
    public let gaussian: ParameterColumns?
    /// NB2 predictive (nb_mu, nb_alpha), if present.
    public let negativeBinomial: ParameterColumns?
    /// The training series for the MASE/RMSSE scales, if given.
    public let training: [Double]?
    /// Ensemble members per day (from SAMPLES), if given.
    public let ensemble: [[Double]]?
    /// Non-fatal findings (ignored columns, training gaps, …).
    public let warnings: [String]

    /// Reads the tables of FORECASTS and optionally TRAIN and SAMPLES (rules at the top of ScoreInput.swift).
    /// Throws ``DataError`` located by file, line and column.
    public init(forecasts: CSVTable, training: CSVTable? = nil, samples: CSVTable? = nil) throws(DataError) {
        var warnings: [String] = []
        source = forecasts.source
        if forecasts.header.contains("series") {
            throw DataError(.invalid, file: forecasts.source, line: forecasts.headerLine, column: "series",
                            expected: "one series per file (scores are not pooled across series: keep the rows of one series)",
                            found: "a 'series' column (a long-format file of several series)")
        }
        let dateColumn = try forecasts.columnIndex(named: "date")
        let yColumn = try forecasts.columnIndex(named: "y")
        let originColumn = forecasts.header.firstIndex(of: "origin")
        let keyColumns = [dateColumn, yColumn] + [originColumn, forecasts.header.firstIndex(of: "h")].compactMap { $0 }
        let origins = originColumn.map { k in (0..<forecasts.rowCount).map { forecasts.cell(row: $0, column: k) } }
        var dates = try Self.dates(in: forecasts, column: dateColumn, strictlyIncreasing: false, keys: origins)
        var actual = try forecasts.numbers(inColumn: yColumn, missing: .asNaN)

        var points: [Column] = [], quantiles: [QuantileColumn] = []
        var pairs: [String: Int] = [:]
        let pairNames = ["norm_mean", "norm_sd", "nb_mu", "nb_alpha"]
        for (index, header) in forecasts.header.enumerated() where !keyColumns.contains(index) {
            if let name = Self.pointName(header) {
                points.append(Column(name: name, header: header, values: try forecasts.numbers(inColumn: index, missing: .error)))
            } else if let (key, level) = try Self.quantileLevel(header, in: forecasts) {
                if let twin = quantiles.first(where: { $0.level == level }) {
                    throw DataError(.duplicateColumnName, file: forecasts.source, line: forecasts.headerLine,
                                    column: header, expected: "one column per quantile level",
                                    found: "'\(twin.header)' and '\(header)' (level \(level))")
                }
                quantiles.append(QuantileColumn(key: key, level: level, header: header,
                                                values: try forecasts.numbers(inColumn: index, missing: .error)))
            } else if pairNames.contains(header) {
                pairs[header] = index
            } else {
                warnings.append("\(forecasts.source ?? "forecasts"): column '\(header)' is not a score input and is ignored")
            }
        }
        quantiles.sort { $0.level < $1.level }
        try Self.checkCrossing(quantiles, in: forecasts)
        var gaussian = try Self.pair(forecasts, pairs, "norm_mean", "norm_sd") { _, sd in
            sd > 0 ? nil : (.spread, "a standard deviation > 0")
        }
        var negativeBinomial = try Self.pair(forecasts, pairs, "nb_mu", "nb_alpha") { mu, alpha in
            mu < 0 ? (.location, "a mean ≥ 0") : alpha < 0 ? (.spread, "a dispersion α ≥ 0 (0 is Poisson)") : nil
        }
        if negativeBinomial != nil, let row = actual.firstIndex(where: { !$0.isNaN && !CountDistribution.isCount($0) }) {
            throw forecasts.cellError(.outOfDomain, row: row, column: yColumn,
                                      expected: "a non-negative integer count (the file has nb_mu/nb_alpha columns)",
                                      found: Self.format(actual[row]))
        }
        var ensemble = try samples.map { samples throws(DataError) in
            try Self.members(samples, forecasts: forecasts, dates: dates, origins: origins)
        }
        if points.isEmpty && quantiles.isEmpty && gaussian == nil && negativeBinomial == nil && ensemble == nil {
            throw DataError(.invalid, file: forecasts.source, line: forecasts.headerLine,
                            expected: "a forecast to score: a mean, median, f_<name>, q_<level>, lower_<L> + upper_<L>, "
                                + "norm_mean + norm_sd or nb_mu + nb_alpha column, or a samples file of ensemble members",
                            found: "only the columns " + forecasts.header.joined(separator: ", "))
        }
        // Rows without an actual (forecast days not observed yet) are read and checked, then left out.
        let known = actual.indices.filter { !actual[$0].isNaN }
        if known.isEmpty {
            throw DataError(.missingValue, file: forecasts.source, line: forecasts.headerLine, column: "y",
                            expected: "at least one row with an actual value", found: "only empty cells")
        }
        if known.count < actual.count {
            warnings.append("\(forecasts.source ?? "forecasts"): \(actual.count - known.count) of \(actual.count) rows "
                            + "have no actual value (empty 'y') and are not scored")
            func keep<T>(_ values: [T]) -> [T] { known.map { values[$0] } }
            (dates, actual) = (keep(dates), keep(actual))
            points = points.map { Column(name: $0.name, header: $0.header, values: keep($0.values)) }
            quantiles = quantiles.map { QuantileColumn(key: $0.key, level: $0.level, header: $0.header, values: keep($0.values)) }
            gaussian = gaussian.map { ParameterColumns(location: keep($0.location), spread: keep($0.spread)) }
            negativeBinomial = negativeBinomial.map { ParameterColumns(location: keep($0.location), spread: keep($0.spread)) }
            ensemble = ensemble.map(keep)
        }
        (self.dates, self.actual, self.points, self.quantiles) = (dates, actual, points, quantiles)
        (self.gaussian, self.negativeBinomial, self.ensemble) = (gaussian, negativeBinomial, ensemble)
        if let training {
            self.training = try Self.trainingSeries(training, forecastDates: dates, warnings: &warnings)
        } else {
            self.training = nil
        }
        self.warnings = warnings
    }

    /// The first quantile crossing as a located error.
    private static func checkCrossing(_ quantiles: [QuantileColumn], in table: CSVTable) throws(DataError) {
        guard let crossing = QuantileScores.firstCrossing(quantiles: quantiles.map(\.values)) else { return }
        let (lower, upper) = (quantiles[crossing.lower], quantiles[crossing.upper])
        let t = crossing.day
        throw DataError(.invalid, file: table.source, line: table.line(ofRow: t), column: upper.header,
                        expected: "quantiles that do not decrease with the level (\(upper.header) ≥ \(lower.header) = "
                            + "\(Self.format(lower.values[t])))",
                        found: "\(Self.format(upper.values[t])) < \(Self.format(lower.values[t]))")
    }

    /// Which column of a pair a domain problem is in.
    private enum PairPart { case location, spread }

    /// The two columns of a predictive distribution; both or neither must be present. `problem(location, spread)`
    /// names the offending column and what was expected when a row's values are out of their domain.
    private static func pair(_ table: CSVTable, _ present: [String: Int], _ first: String, _ second: String,
                             problem: (Double, Double) -> (PairPart, String)?) throws(DataError) -> ParameterColumns? {
        switch (present[first], present[second]) {
        case (nil, nil): return nil
        case let (a?, b?):
            let location = try table.numbers(inColumn: a, missing: .error)
            let spread = try table.numbers(inColumn: b, missing: .error)
            for t in location.indices {
                guard let (part, expected) = problem(location[t], spread[t]) else { continue }
                throw table.cellError(.outOfDomain, row: t, column: part == .location ? a : b, expected: expected,
                                      found: Self.format(part == .location ? location[t] : spread[t]))
            }
            return ParameterColumns(location: location, spread: spread)
        case (_?, nil):
            throw DataError(.missingColumn(suggestion: nil), file: table.source, line: table.headerLine, column: second,
                            expected: "'\(second)' beside '\(first)'")
        case (nil, _?):
            throw DataError(.missingColumn(suggestion: nil), file: table.source, line: table.headerLine, column: first,
                            expected: "'\(first)' beside '\(second)'")
        }
    }

    /// A number for a message: integers without a decimal point.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
