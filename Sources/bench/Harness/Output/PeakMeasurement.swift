/// The machine's dgemm peak as measured in the same run: the best GFLOP/s of a large square `cblas_dgemm`
/// with one BLAS thread and with one thread per core.
///
/// Measured, not computed from a formula: it is what this OpenBLAS build (kernel family, e.g. Haswell AVX2)
/// can reach here, so "% of peak" says how close a case gets to the achievable rate rather than to the
/// hardware's nominal FMA throughput.
public struct PeakMeasurement: Sendable, Equatable {
    /// Order n of the square product used.
    public let order: Int
    /// Best single-thread GFLOP/s.
    public let singleThread: Double
    /// Best GFLOP/s with `allThreadCount` threads.
    public let allThreads: Double
    /// Threads used for `allThreads` (the core count).
    public let allThreadCount: Int
    /// Calls timed per thread count (the best is kept).
    public let calls: Int

    public init(order: Int, singleThread: Double, allThreads: Double, allThreadCount: Int, calls: Int) {
        self.order = order
        self.singleThread = singleThread
        self.allThreads = allThreads
        self.allThreadCount = allThreadCount
        self.calls = calls
    }

    /// The peak that applies to a run with `threads` BLAS threads.
    public func peak(forThreads threads: Int) -> Double { threads <= 1 ? singleThread : allThreads }

    var json: JSON {
        .object([
            "method": .string("best of \(calls) cblas_dgemm calls at n=\(order), measured in this run"),
            "order": .integer(order),
            "singleThread": .finite(singleThread),
            "allThreads": .finite(allThreads),
            "allThreadCount": .integer(allThreadCount),
        ])
    }
}
