/// A numerical failure reported by LAPACK that is a property of the data (LAPACK `info > 0`).
///
/// `info < 0` (an illegal argument) is a bug in Forecast, never the user's data: it traps with the
/// routine and argument number instead (see `LAPACK.check`).
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A triangular or general factor has an exactly zero pivot at `index` (0-based).
    case singular(routine: String, index: Int)
    /// A symmetric matrix is not positive definite; the leading minor of order `order` is not positive.
    case notPositiveDefinite(routine: String, order: Int)
    /// An iterative LAPACK routine (SVD, eigenvalues) did not converge.
    case noConvergence(routine: String, info: Int)

    public var description: String {
        switch self {
        case let .singular(routine, index):
            return "\(routine): the matrix is singular (zero pivot at position \(index + 1))"
        case let .notPositiveDefinite(routine, order):
            return "\(routine): the matrix is not positive definite (leading minor of order \(order))"
        case let .noConvergence(routine, info):
            return "\(routine): did not converge (info = \(info))"
        }
    }
}
