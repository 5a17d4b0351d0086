/// The shape of a benchmark case's input: rows × columns (n×p for least squares, n×n for gemm).
///
/// Printed as `"<rows>x<columns>"` with plain integers (`"10000x20"`), the form used in case keys, the
/// table, the JSON `size` field and exported file names.
public struct CaseSize: Sendable, Hashable, CustomStringConvertible {
    /// Number of rows (observations, or n for a square product).
    public let rows: Int
    /// Number of columns (design columns, or n for a square product).
    public let columns: Int

    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0, "CaseSize needs positive dimensions, got \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
    }

    /// A square n×n size.
    public static func square(_ n: Int) -> CaseSize { CaseSize(rows: n, columns: n) }

    public var description: String { "\(rows)x\(columns)" }
}
