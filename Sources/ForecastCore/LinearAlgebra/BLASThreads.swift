import CBLAS
import Foundation

/// OpenBLAS thread-count control. When fitting many series in parallel, use one BLAS thread per task
/// (two cores measured 2× faster that way than with OpenBLAS threads competing with Swift tasks):
/// `withOneThreadPerTask` scopes that setting.
///
/// The thread count is also the library's parallelism budget for one call: a tall-skinny least-squares fit
/// factors its row blocks on `count` workers (see `TallSkinnyQR`).
///
/// OpenBLAS may round differently with another thread count (its parallel blocking; measured with 0.3.21 at 1
/// and 2 threads: `dpotrf` and `dgeqrf` from order 64, `dgemm` and `dgemv` at 400×100). The library's small dense
/// steps give the same bits at any count (the covariance R⁻¹R⁻ᵀ is `dtrtri` and a loop of ours, not `dlauum`);
/// a large design's fit is reproducible bit for bit at a fixed count.
public enum BLASThreads {
    /// The number of threads OpenBLAS uses for one call.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count for subsequent calls (process-wide). Called inside a
    /// `withOneThreadPerTask` scope, it is undone when the outermost scope ends (that restores the count it found).
    public static func set(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be at least 1")
        openblas_set_num_threads(LAPACK.int32(count, "threads"))
    }

    /// Runs `body` with OpenBLAS at one thread, for code that runs BLAS calls in parallel tasks of its own.
    ///
    /// Scopes nest and may overlap across threads: the first scope to start saves the current count and sets 1,
    /// the last to end restores the saved count (a per-scope save/restore would restore 1 when two scopes
    /// overlap out of order).
    public static func withOneThreadPerTask<Result>(_ body: () throws -> Result) rethrows -> Result {
        singleThreadScopes.enter()
        defer { singleThreadScopes.leave() }
        return try body()
    }

    /// The kernel family OpenBLAS picked (e.g. "Haswell"), as set by OPENBLAS_CORETYPE or detected.
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// OpenBLAS' build configuration string (version, threading model).
    public static var configuration: String { String(cString: openblas_get_config()) }
}

/// The process-wide single-thread scopes of OpenBLAS.
private let singleThreadScopes = SingleThreadScopes(read: { BLASThreads.count }, write: BLASThreads.set)

/// Counts open single-thread scopes: the first to enter saves the thread count and sets 1, the last to leave
/// restores it (`read`/`write` are the thread-count accessors; tests pass their own).
final class SingleThreadScopes: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0
    private var saved = 1
    private let read: () -> Int
    private let write: (Int) -> Void

    init(read: @escaping () -> Int, write: @escaping (Int) -> Void) {
        self.read = read
        self.write = write
    }

    func enter() {
        lock.lock()
        defer { lock.unlock() }
        if open == 0 {
            saved = read()
            if saved != 1 { write(1) }
        }
        open += 1
    }

    func leave() {
        lock.lock()
        defer { lock.unlock() }
        open -= 1
        if open == 0 && saved != 1 { write(saved) }
    }
}
