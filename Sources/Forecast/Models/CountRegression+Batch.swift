import Dispatch
import Foundation

extension CountRegression {
    /// Fits the same design to many response series in parallel across cores, returning results in input order.
    ///
    /// Each task owns its workspace; OpenBLAS is set to one thread for the duration (BLAS threads competing
    /// with parallel tasks were measured 2× slower on 2 cores) and restored afterwards. A series that cannot be
    /// fitted yields `.failure` with its error; the others are unaffected.
    /// - Parameters:
    ///   - design: n×p design shared by every series.
    ///   - responses: m series of n counts each.
    ///   - concurrency: number of parallel workers (default: active processor count).
    public func fitMany(_ design: DesignMatrix, responses: [[Double]], offset: [Double]? = nil,
                        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Result<CountRegressionFit, ModelError>] {
        let count = responses.count
        guard count > 0 else { return [] }
        let workers = max(1, min(concurrency, count))
        let results = ResultSlots<CountRegressionFit>(count: count)
        let previousThreads = BLASThreads.count
        BLASThreads.set(1)
        defer { BLASThreads.set(previousThreads) }
        let options = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var workspace = LeastSquaresWorkspace()
            var index = worker
            while index < count {
                do throws(ModelError) {
                    let fit = try options.fit(design, response: responses[index], offset: offset, workspace: &workspace)
                    results.store(.success(fit), at: index)
                } catch {
                    results.store(.failure(error), at: index)
                }
                index += workers
            }
        }
        return results.values
    }
}

/// Write-once result slots filled concurrently at distinct indices (each index is written by exactly one worker).
/// The buffer is allocated once, so concurrent stores never touch shared Swift array state.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result<Value, ModelError>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Result<Value, ModelError>, at index: Int) {
        precondition(index >= 0 && index < count, "slot index out of range")
        slots[index] = value
    }

    /// All results, after every worker has finished.
    var values: [Result<Value, ModelError>] { (0..<count).map { slots[$0]! } }
}
