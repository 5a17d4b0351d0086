import Dispatch
import Foundation

// ParallelMap — the one parallel loop of the library (batch count fits, backtest runs, placebo fits, TSQR blocks).
//
// Policy:
// 1. Results are stored at their index, so the output does not depend on the number of workers or on scheduling.
// 2. Workers take the next unclaimed index from a shared counter (dynamic scheduling: tasks of unequal cost — a
//    series that needs more IRLS steps, a longer backtest run — do not leave a core idle while another still
//    holds a queue of its own).
// 3. The loop runs inside `BLASThreads.withOneThreadPerTask`, also with one worker, so every task's BLAS calls
//    run single-threaded whatever the worker count: OpenBLAS threads competing with parallel tasks were measured
//    2× slower on 2 cores, and a reduction split across BLAS threads could round differently from a serial one.
// 4. Each worker owns one `State` (a workspace), made by `makeState` on that worker: nothing mutable is shared.
// 5. Workers run with the calling task's `KernelPath.portableOnly` (a task-local value threads do not inherit).
package enum ParallelMap {
    /// `body(&state, i)` for every i in 0..<count on up to `workers` threads; the values in index order.
    /// - Parameters:
    ///   - count: number of tasks (0 returns []).
    ///   - workers: requested parallelism (clamped to 1…count).
    ///   - makeState: makes one worker's private state (called once per worker, on that worker).
    ///   - body: one task; it may mutate its worker's state.
    package static func map<State, Value>(count: Int, workers: Int, makeState: @Sendable () -> State,
                                          _ body: @Sendable (inout State, Int) -> Value) -> [Value] {
        guard count > 0 else { return [] }
        let slots = IndexedSlots<Value>(count: count)
        let next = TaskCounter()
        let workerCount = max(1, min(workers, count))
        let portableOnly = KernelPath.portableOnly
        BLASThreads.withOneThreadPerTask {
            DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
                KernelPath.$portableOnly.withValue(portableOnly) {
                    var state = makeState()
                    while let index = next.claim(below: count) {
                        slots.store(body(&state, index), at: index)
                    }
                }
            }
        }
        return slots.values
    }

    /// `map` without per-worker state.
    package static func map<Value>(count: Int, workers: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        map(count: count, workers: workers, makeState: { () }) { _, index in body(index) }
    }

    /// The default worker count: the active processor count.
    package static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The next unclaimed task index, shared by the workers of one `ParallelMap.map`.
private final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// Claims the next index, or nil when all `count` are taken.
    func claim(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Write-once slots filled concurrently at distinct indices (each index is written by exactly one worker).
/// The buffer is allocated once, so concurrent stores never touch shared Swift array state.
private final class IndexedSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
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

    func store(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count, "slot index out of range")
        slots[index] = value
    }

    /// All values, after every worker has finished (every index was stored exactly once).
    var values: [Value] {
        (0..<count).map { index in
            guard let value = slots[index] else { preconditionFailure("ParallelMap: task \(index) stored no value") }
            return value
        }
    }
}
