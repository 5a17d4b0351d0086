/// One implementation under test: a timed operation and the numbers it produced.
///
/// `run` is the whole operation being timed (it may reuse buffers captured by the closure, as a caller
/// reusing a workspace would); `output` returns, after a `run`, the vector compared with the other subject
/// (coefficients for least squares, the product's elements for gemm). `output` is never timed.
///
/// Subjects capture mutable state (workspaces, buffers) and are therefore not `Sendable`: a case is prepared,
/// checked and timed on one thread.
public struct Subject {
    /// Human-readable name shown in reports (e.g. `dgeqrf+dormqr+dtrtrs`).
    public let name: String
    /// The timed operation.
    public let run: () throws -> Void
    /// The result of the most recent `run`, for the agreement check.
    public let output: () -> [Double]

    public init(name: String, run: @escaping () throws -> Void, output: @escaping () -> [Double]) {
        self.name = name
        self.run = run
        self.output = output
    }
}
