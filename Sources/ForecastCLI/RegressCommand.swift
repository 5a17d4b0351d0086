import ArgumentParser
import Forecast

/// `forecast regress FILE --response NAME`: a regression on the columns of a CSV file, as given.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Regress a response column on the other columns of a CSV file (used exactly as given).",
        discussion: """
            Every column except an optional 'date' column, the response, the weights and the offset column is a \
            design column; no intercept is added unless --add-intercept. Aliased (linearly dependent) columns are \
            reported by name with null estimates, as R's lm() does; --strict makes them an error.
            Models: ols (least squares), poisson, nb2 (negative binomial, Var = μ + αμ², α by maximum likelihood); \
            count models need non-negative integer responses.
            """
    )

    @Argument(help: "CSV file with a header row.")
    var file: String

    @Option(help: "Name of the response column.")
    var response: String

    @Option(help: "Model: ols, poisson or nb2.")
    var model: ModelKind = .ols

    @Option(help: "Coefficient covariance: classical, hc0, hc1, hc2, hc3 (OLS only) or hac (Newey–West, Bartlett).")
    var covariance: CovarianceKind = .classical

    @Option(parsing: .unconditional, help: "HAC lag truncation L (default ⌊4 (n/100)^(2/9)⌋).")
    var maxLags: Int?

    @Flag(help: "Multiply the HAC covariance by n/(n−k) (statsmodels use_correction, R adjust = TRUE).")
    var hacCorrection = false

    @Option(help: "Column of positive prior weights.")
    var weights: String?

    @Option(help: "Column added to the linear predictor of a count model (log exposure).")
    var offset: String?

    @Option(parsing: .unconditional, help: "Confidence level of intervals in percent (e.g. 95).")
    var level: Double = 95

    @Option(help: "CSV of new design rows (columns matched by name) to predict.")
    var predict: String?

    @Flag(help: "Add a constant column named 'const' first.")
    var addIntercept = false

    @Flag(help: "Treat aliased (linearly dependent) columns as an error.")
    var strict = false

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    enum ModelKind: String, ExpressibleByArgument, CaseIterable {
        case ols, poisson, nb2
    }

    func validate() throws {
        _ = try LevelOption.level(level)
        if let maxLags, maxLags < 0 { throw ValidationError("--max-lags must be ≥ 0, got \(maxLags)") }
        if let maxLags { try OptionBounds.check(maxLags, "--max-lags", in: 0...OptionBounds.maxHACLags) }
        if maxLags != nil && covariance != .hac { throw ValidationError("--max-lags applies to --covariance hac only") }
        if hacCorrection && covariance != .hac { throw ValidationError("--hac-correction applies to --covariance hac only") }
        if model != .ols && (covariance == .hc2 || covariance == .hc3) {
            throw ValidationError("--covariance \(covariance.rawValue) is defined for --model ols only (use hc0, hc1 or hac)")
        }
        if model == .ols && offset != nil { throw ValidationError("--offset applies to --model poisson or nb2") }
        // A column has one role: the response cannot weight or offset itself.
        for (option, column) in [("--weights", weights), ("--offset", offset)] where column == response {
            throw ValidationError("\(option) \(response) is the --response column; give another column")
        }
        if let weights, weights == offset { throw ValidationError("--weights and --offset name the same column '\(weights)'") }
    }

    func run() throws {
        let report = try reportingFailures(file: file) { try makeReport() }
        var output = CommandOutput(inputs: [file, predict])
        switch format {
        case .json: output.print(report.json().serialized())
        case .table: output.print(report.table(), terminator: "")
        }
        try output.commit()
    }

    private func makeReport() throws -> RegressionReport {
        let table = try CSVReader.read(contentsOf: file)
        let responseIndex = try table.columnIndex(named: response)
        let weightsIndex = try weights.map { try table.columnIndex(named: $0) }
        let offsetIndex = try offset.map { try table.columnIndex(named: $0) }
        let dateIndex = table.header.firstIndex { $0.lowercased() == "date" }
        let excluded = Set([responseIndex, weightsIndex, offsetIndex, dateIndex].compactMap { $0 })
        let designNames = table.header.indices.filter { !excluded.contains($0) }.map { table.header[$0] }
        let design = try DesignMatrix(table: table, columns: designNames, addIntercept: addIntercept)
        let y = try table.numbers(inColumn: responseIndex, missing: .error)
        let w = try weightsIndex.map { try table.numbers(inColumn: $0, missing: .error) }
        let exposure = try offsetIndex.map { try table.numbers(inColumn: $0, missing: .error) }
        if let w, let bad = w.firstIndex(where: { !($0 > 0) }) {
            throw DataError(.outOfDomain, file: file, line: table.line(ofRow: bad), column: table.header[weightsIndex!],
                            expected: "a positive weight", found: "\(w[bad])")
        }
        let fit: FittedRegression
        do {
            fit = try fitModel(design, y: y, weights: w, offset: exposure)
        } catch {
            throw located(error, table: table, responseIndex: responseIndex)
        }
        let predictions = try predict.map { try predictionRows(from: $0, fit: fit, design: design) }
        return RegressionReport(fit: fit.regression, response: table.header[responseIndex],
                                weightsName: weightsIndex.map { table.header[$0] },
                                offsetName: offsetIndex.map { table.header[$0] }, predictions: predictions)
    }

    private func fitModel(_ design: DesignMatrix, y: [Double], weights w: [Double]?, offset exposure: [Double]?) throws
        -> FittedRegression {
        let estimator = covariance.estimator(maxLags: maxLags, correction: hacCorrection)
        guard let kind = RegressionKind(rawValue: model.rawValue) else { throw ValidationError("--model \(model.rawValue)") }
        return try RegressionFactory(kind: kind, covariance: estimator, level: level / 100, requireFullRank: strict)
            .fit(design, response: y, weights: w, offset: exposure)
    }

    /// A count model's "row r is not a count" becomes a data error naming the file line and the response column.
    private func located(_ error: any Error, table: CSVTable, responseIndex: Int) -> any Error {
        guard let modelError = error as? ModelError, case let .notCounts(row, value) = modelError else { return error }
        return DataError(.outOfDomain, file: file, line: table.line(ofRow: row), column: table.header[responseIndex],
                         expected: "a non-negative integer count (--model \(model.rawValue))", found: TextNumber.format(value))
    }

    private func predictionRows(from path: String, fit: FittedRegression, design: DesignMatrix) throws -> [PredictionRow] {
        let table = try CSVReader.read(contentsOf: path)
        let names = design.names.filter { !(addIntercept && $0 == "const") }
        let future = try DesignMatrix(table: table, columns: names, addIntercept: addIntercept)
        let dateIndex = table.header.firstIndex { $0.lowercased() == "date" }
        let futureOffset = try offset.map { try table.numbers(inColumn: table.columnIndex(named: $0), missing: .error) }
        let dates = (0..<table.rowCount).map { i in dateIndex.map { table.cell(row: i, column: $0) } }
        return try reportingFailures(file: path) { () throws -> [PredictionRow] in
            switch fit {
            case let .linear(linear):
                return try zip(dates, linear.predict(future.values)).map { PredictionRow(date: $0, $1) }
            case let .count(count):
                return try zip(dates, count.predict(future.values, offset: futureOffset)).map { PredictionRow(date: $0, $1) }
            }
        }
    }
}
