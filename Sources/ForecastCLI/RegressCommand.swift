import ArgumentParser
import Forecast

/// `forecast regress FILE --response NAME`: least squares on the columns of a CSV file, as given.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Regress a response column on the other columns of a CSV file (used exactly as given).",
        discussion: """
            Every column except an optional 'date' column, the response and the weights column is a design \
            column; no intercept is added unless --add-intercept. Aliased (linearly dependent) columns are \
            reported by name with null estimates, as R's lm() does; --strict makes them an error.
            """
    )

    @Argument(help: "CSV file with a header row.")
    var file: String

    @Option(help: "Name of the response column.")
    var response: String

    @Option(help: "Model: ols (poisson and nb2 come with the count-model release).")
    var model: ModelKind = .ols

    @Option(help: "Coefficient covariance: classical, hc0, hc1, hc2, hc3 or hac (Newey–West, Bartlett).")
    var covariance: CovarianceKind = .classical

    @Option(help: "HAC lag truncation L (default ⌊4 (n/100)^(2/9)⌋).")
    var maxLags: Int?

    @Flag(help: "Multiply the HAC covariance by n/(n−k) (statsmodels use_correction, R adjust = TRUE).")
    var hacCorrection = false

    @Option(help: "Column of positive prior weights (weighted least squares).")
    var weights: String?

    @Option(help: "Confidence level of intervals, a fraction (e.g. 0.95).")
    var level: Double = 0.95

    @Option(help: "CSV of new design rows (columns matched by name) to predict.")
    var predict: String?

    @Flag(help: "Add a constant column named 'const' first.")
    var addIntercept = false

    @Flag(help: "Treat aliased (linearly dependent) columns as an error.")
    var strict = false

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    enum ModelKind: String, ExpressibleByArgument, CaseIterable {
        case ols
    }

    func validate() throws {
        guard level > 0 && level < 1 else {
            let hint = level > 1 && level < 100 ? " (did you mean \(level / 100)?)" : ""
            throw ValidationError("--level must be a fraction in (0, 1), got \(level)\(hint)")
        }
        if let maxLags, maxLags < 0 { throw ValidationError("--max-lags must be ≥ 0, got \(maxLags)") }
        if maxLags != nil && covariance != .hac { throw ValidationError("--max-lags applies to --covariance hac only") }
        if hacCorrection && covariance != .hac { throw ValidationError("--hac-correction applies to --covariance hac only") }
    }

    func run() throws {
        let report = try reportingFailures(file: file) { try makeReport() }
        switch format {
        case .json: print(report.json().serialized())
        case .table: print(report.table(), terminator: "")
        }
    }

    private func makeReport() throws -> RegressionReport {
            let table = try CSVReader.read(contentsOf: file)
            let responseIndex = try table.columnIndex(named: response)
            let weightsIndex = try weights.map { try table.columnIndex(named: $0) }
            let dateIndex = table.header.firstIndex { $0.lowercased() == "date" }
            let excluded = Set([responseIndex, weightsIndex, dateIndex].compactMap { $0 })
            let designNames = table.header.indices.filter { !excluded.contains($0) }.map { table.header[$0] }
            let design = try DesignMatrix(table: table, columns: designNames, addIntercept: addIntercept)
            let y = try table.numbers(inColumn: responseIndex, missing: .error)
            let w = try weightsIndex.map { try table.numbers(inColumn: $0, missing: .error) }
            if let w, let bad = w.firstIndex(where: { !($0 > 0) }) {
                throw DataError(.outOfDomain, file: file, line: table.line(ofRow: bad), column: table.header[weightsIndex!],
                                expected: "a positive weight", found: "\(w[bad])")
            }
            let options = LinearRegression(covariance: covariance.estimator(maxLags: maxLags, correction: hacCorrection),
                                           level: level, requireFullRank: strict)
            let fit = try options.fit(design, response: y, weights: w)
            let predictions = try predict.map { try predictionRows(from: $0, fit: fit, design: design) }
            return RegressionReport(fit: fit, response: table.header[responseIndex],
                                    weightsName: weightsIndex.map { table.header[$0] }, predictions: predictions)
    }

    private func predictionRows(from path: String, fit: LinearRegressionFit, design: DesignMatrix) throws
        -> [(date: String?, prediction: MeanPrediction)] {
        let table = try CSVReader.read(contentsOf: path)
        let names = design.names.filter { !(addIntercept && $0 == "const") }
        let future = try DesignMatrix(table: table, columns: names, addIntercept: addIntercept)
        let dateIndex = table.header.firstIndex { $0.lowercased() == "date" }
        let result = try reportingFailures(file: path) { try fit.predict(future.values) }
        return result.enumerated().map { i, p in (dateIndex.map { table.cell(row: i, column: $0) }, p) }
    }
}
