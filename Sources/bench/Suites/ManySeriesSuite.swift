import BenchHarness
import Forecast
import Foundation

/// NB2 fits of many independent series sharing one design: the library's parallel batch entry point against
/// the same fits one after another.
///
/// Case `nb2-many-series`: `CountRegression.negativeBinomial().fitMany(design, responses:, concurrency: cores)`
/// (one task per core, OpenBLAS at 1 thread) vs a serial loop of `fit` with one reused workspace and
/// OpenBLAS at 1 thread (set for the call, restored after). Agreement is exact: every series' estimates and α̂
/// must be bit-identical (tolerance 0), since both run the same code on the same data.
///
/// Size: the stacked design, (series × n) × p, so the key says how much work a call is: full fits
/// 1000 series of 1000x10 (`1000000x10`); quick 200 of them (`200000x10`: with the serial baseline, 1000
/// series take ~12 s a call at the library's current speed and would not fit the quick profile's two minutes;
/// time per series is what matters and does not depend on the count); smoke 16 series of 200x5 (`3200x5`).
enum ManySeriesSuite: Suite {
    static let name = "many-series"
    static let caseName = "nb2-many-series"

    /// One series' n×p and the number of series.
    static func setting(for profile: Profile) -> (series: CaseSize, count: Int) {
        switch profile {
        case .smoke: return (CaseSize(rows: 200, columns: 5), 16)
        case .quick: return (CaseSize(rows: 1000, columns: 10), 200)
        case .full: return (CaseSize(rows: 1000, columns: 10), 1000)
        }
    }

    static func cases(for profile: Profile) -> [BenchCase] {
        let (size, count) = setting(for: profile)
        let stacked = CaseSize(rows: count * size.rows, columns: size.columns)
        return [BenchCase(name: caseName, suite: name, size: stacked,
                          summary: "\(count) series of \(size): fitMany (parallel, 1 BLAS thread each) vs serial fit loop (1 BLAS thread)") {
            try prepare(size: size, series: count)
        }]
    }

    static func agreementTolerance(forCase name: String) -> Double { 0 }

    /// Estimates of every series in order, then every α̂: the vector both subjects are compared on.
    static func flattened(_ fits: [CountRegressionFit]) -> [Double] {
        fits.flatMap(\.estimates) + fits.map { $0.alpha ?? .nan }
    }

    static func prepare(size: CaseSize, series: Int) throws -> PreparedCase {
        let problem = CountProblem(size: size, series: series)
        let design = CountRegressionSuite.design(problem)
        let responses = problem.responses
        let regression = CountRegression.negativeBinomial()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var parallel: [CountRegressionFit] = []
        let ours = Subject(
            name: "Forecast fitMany(concurrency: \(cores))",
            run: {
                parallel = try regression.fitMany(design, responses: responses, concurrency: cores).map { try $0.get() }
            },
            output: { flattened(parallel) })
        var workspace = LeastSquaresWorkspace()
        var serial: [CountRegressionFit] = []
        let baseline = Subject(
            name: "serial fit loop, 1 BLAS thread",
            run: {
                serial.removeAll(keepingCapacity: true)
                try BLASThreads.withOneThreadPerTask {
                    for y in responses { serial.append(try regression.fit(design, response: y, workspace: &workspace)) }
                }
            },
            output: { flattened(serial) })
        return PreparedCase(ours: ours, baseline: baseline, inputs: problem.exportedArrays, results: {
            [("estimates", parallel.flatMap(\.estimates)), ("alpha", parallel.map { $0.alpha ?? .nan })]
        })
    }
}
