import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// The one parallel loop: results in index order and identical at 1 and 2 workers; BLAS at one thread inside.
@Suite("ParallelMap and the single-thread BLAS scope")
struct ParallelMapTests {
    @Test("Values come back in index order, each task run once, whatever the worker count")
    func order() {
        for workers in [1, 2, 5] {
            let values = ParallelMap.map(count: 37, workers: workers) { $0 * $0 }
            #expect(values == (0..<37).map { $0 * $0 }, "workers \(workers)")
        }
        #expect(ParallelMap.map(count: 0, workers: 2) { $0 }.isEmpty)
    }

    @Test("Least-squares fits with per-worker workspaces: 1 and 2 workers give bit-identical results, equal to fits one by one")
    func fitsAtOneAndTwoWorkers() throws {
        var random = SeededRandom(seed: 5)
        let n = 300, p = 6
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p { for i in 0..<n { x[i, j] = j == 0 ? 1 : random.normal() } }
        let design = DesignMatrix(names: (0..<p).map { "x\($0)" }, values: x)
        let responses = (0..<12).map { _ in (0..<n).map { _ in random.normal() } }
        let model = LinearRegression(covariance: .hc3)
        func run(_ workers: Int) -> [[Double]] {
            ParallelMap.map(count: responses.count, workers: workers, makeState: { LeastSquaresWorkspace() }) { workspace, s in
                let fit = try? model.fit(design, response: responses[s], workspace: &workspace)
                return (fit?.estimates ?? []) + (fit?.standardErrors ?? [])
            }
        }
        let one = run(1), two = run(2)
        #expect(one == two)
        for s in responses.indices {
            let fit = try model.fit(design, response: responses[s])
            #expect(one[s] == fit.estimates + fit.standardErrors, "series \(s)")
        }
    }

    @Test("fitMany at 1 and 2 workers: bit-identical estimates and α̂")
    func fitManyWorkers() throws {
        let n = 150
        var random = SeededRandom(seed: 21)
        let design = DesignMatrix(columns: [("const", [Double](repeating: 1, count: n)),
                                            ("x", (0..<n).map { _ in random.normal() })])
        let responses = (0..<6).map { s in
            (0..<n).map { i in random.negativeBinomial(mean: exp(1.2 + 0.2 * Double(s) * design.values[i, 1]), alpha: 0.3) }
        }
        let one = CountRegression.negativeBinomial().fitMany(design, responses: responses, concurrency: 1)
        let two = CountRegression.negativeBinomial().fitMany(design, responses: responses, concurrency: 2)
        for (a, b) in zip(one, two) {
            let (fa, fb) = (try a.get(), try b.get())
            #expect(fa.estimates == fb.estimates && fa.alpha == fb.alpha)
        }
    }

    @Test("Inside a scope BLAS runs one thread, also on every ParallelMap worker")
    func scope() {
        BLASThreads.withOneThreadPerTask {
            #expect(BLASThreads.count == 1)
            BLASThreads.withOneThreadPerTask { #expect(BLASThreads.count == 1) }
            #expect(BLASThreads.count == 1)
        }
        #expect(ParallelMap.map(count: 4, workers: 2) { _ in BLASThreads.count } == [1, 1, 1, 1])
    }

    /// On a private counter (the process-wide one is shared with tests running concurrently).
    @Test("Overlapping scopes: the first saves the count, the last restores it, whatever the order of exits")
    func overlappingScopes() {
        final class Threads: @unchecked Sendable { var count = 4; var writes: [Int] = [] }
        let threads = Threads()
        let scopes = SingleThreadScopes(read: { threads.count }, write: { threads.count = $0; threads.writes.append($0) })
        scopes.enter()
        #expect(threads.count == 1)
        scopes.enter()          // a second, overlapping scope (another thread)
        scopes.leave()          // the first one to leave is not the first one that entered
        #expect(threads.count == 1)
        scopes.leave()
        #expect(threads.count == 4)
        #expect(threads.writes == [1, 4])
    }
}
