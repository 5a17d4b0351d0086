import BenchHarness
import Forecast

extension GEMMSuite {
    /// Order and calls of the peak measurement: smoke n=256 × 2, quick n=1024 × 5, full n=2048 × 5.
    static func peakSettings(for profile: Profile) -> (order: Int, calls: Int) {
        switch profile {
        case .smoke: return (256, 2)
        case .quick: return (1024, 5)
        case .full: return (2048, 5)
        }
    }

    /// The best dgemm GFLOP/s with 1 BLAS thread and with one thread per core, then restores `threads`.
    ///
    /// Each thread count gets one untimed call, then the fastest of `calls` timed calls is kept (the peak is
    /// a best case by definition, unlike the cases' medians).
    static func measurePeak(profile: Profile, restoring threads: Int) -> PeakMeasurement {
        let (order, calls) = peakSettings(for: profile)
        let problem = ProductProblem(order: order)
        var product = CBLASProduct(order: order)
        func best(threads: Int) -> Double {
            BLASThreads.set(threads)
            product.multiply(problem.a, problem.b)
            var fastest = Double.infinity
            for _ in 0..<calls {
                fastest = min(fastest, Stopwatch.seconds { product.multiply(problem.a, problem.b) })
            }
            return problem.flopCount / fastest / 1e9
        }
        let cores = SystemInfo.coreCount
        let single = best(threads: 1)
        let all = best(threads: cores)
        BLASThreads.set(threads)
        return PeakMeasurement(order: order, singleThread: single, allThreads: all, allThreadCount: cores,
                               calls: calls)
    }
}
