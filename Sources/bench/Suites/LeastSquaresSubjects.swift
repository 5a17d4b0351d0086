import BenchHarness
import Forecast

/// The subjects shared by the qr-solve and ols suites, all on one `LeastSquaresProblem`.
enum LeastSquaresSubjects {
    /// Ours: `LinearRegression(covariance:).fit(_:response:workspace:)` with a workspace reused across calls,
    /// as a caller refitting one shape would. Output: the estimates; results: estimates and standard errors.
    static func forecastFit(_ problem: LeastSquaresProblem, covariance: CovarianceEstimator)
        -> (subject: Subject, results: () -> [(name: String, values: [Double])]) {
        let names = ["const"] + (1..<problem.columns).map { "x\($0)" }
        let design = DesignMatrix(names: names, values: Matrix(rows: problem.rows, columns: problem.columns,
                                                               columnMajor: problem.x))
        let y = problem.y
        let model = LinearRegression(covariance: covariance)
        var workspace = LeastSquaresWorkspace()
        var fit: LinearRegressionFit? = nil
        let subject = Subject(
            name: "Forecast LinearRegression(\(describe(covariance))).fit",
            run: { fit = try model.fit(design, response: y, workspace: &workspace) },
            output: { fit?.estimates ?? [] })
        let results = { () -> [(name: String, values: [Double])] in
            guard let fit else { return [] }
            return [("estimates", fit.estimates), ("standardErrors", fit.standardErrors)]
        }
        return (subject, results)
    }

    /// Baseline: bare `dgeqrf` + `dormqr` + `dtrtrs` on reused copies of X and y.
    static func bareQR(_ problem: LeastSquaresProblem) -> Subject {
        var solver = BareQRSolve(x: problem.x, y: problem.y, rows: problem.rows, columns: problem.columns)
        let rows = problem.rows
        return Subject(name: "dgeqrf+dormqr+dtrtrs",
                       run: { try solver.solve(rows: rows) },
                       output: { solver.solution })
    }

    /// Baseline: `dgels` on reused copies of X and y.
    static func dgels(_ problem: LeastSquaresProblem) -> Subject {
        var solver = DGELSSolve(rows: problem.rows, columns: problem.columns)
        let x = problem.x, y = problem.y
        return Subject(name: "dgels",
                       run: { try solver.solve(x: x, y: y) },
                       output: { solver.solution })
    }

    /// `.hc1`, `.neweyWest(maxLags: 7, smallSampleCorrection: false)`, … as written in Swift.
    static func describe(_ covariance: CovarianceEstimator) -> String {
        switch covariance {
        case let .neweyWest(maxLags, correction):
            return ".neweyWest(maxLags: \(maxLags.map(String.init) ?? "nil"), smallSampleCorrection: \(correction))"
        default:
            return "." + covariance.kindName
        }
    }
}
