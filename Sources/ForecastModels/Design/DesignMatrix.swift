/// A model matrix with a name per column: the input every model in Forecast fits.
///
/// Shape: `values` is n×p (rows = observations, columns = terms), column-major. `names[j]` names column j
/// (e.g. `const`, `trend`, `dow_tue`, `event_kursk`); names are unique.
import ForecastCore
import ForecastData
public struct DesignMatrix: Sendable, Equatable {
    /// Column names, one per column, unique.
    public let names: [String]
    /// The n×p values.
    public let values: Matrix

    /// A design from named columns. Precondition: names are unique and `names.count == values.columns`.
    public init(names: [String], values: Matrix) {
        precondition(names.count == values.columns, "DesignMatrix: \(names.count) names for \(values.columns) columns")
        precondition(Set(names).count == names.count, "DesignMatrix: column names must be unique")
        self.names = names
        self.values = values
    }

    /// A design from (name, column) pairs of equal length.
    public init(columns: [(name: String, values: [Double])]) {
        self.init(names: columns.map(\.name), values: Matrix(columns: columns.map(\.values)))
    }

    /// Number of observations (rows).
    public var rowCount: Int { values.rows }
    /// Number of terms (columns).
    public var columnCount: Int { values.columns }

    /// Index of the column named `name`, if any.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// Indices of columns that are constant and non-zero (an intercept, explicit or not named `const`).
    /// O(n) per constant column, O(1) per other column (a fit asks for it every time).
    public var constantColumns: [Int] {
        let n = values.rows
        guard n > 0 else { return [] }
        return values.storage.withUnsafeBufferPointer { storage in
            (0..<columnCount).filter { j in
                let column = storage.baseAddress! + j * n
                let first = column[0]
                guard first != 0, first.isFinite else { return false }
                for i in 1..<n where column[i] != first { return false }
                return true
            }
        }
    }
}
