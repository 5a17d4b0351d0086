/// A dense matrix of doubles in column-major order.
///
/// Value semantics (copy-on-write through the backing array). Element (i, j) lives at
/// `storage[i + j * rows]`, so each column is contiguous — the layout BLAS and LAPACK expect with a
/// leading dimension equal to `rows`.
///
/// Cost model: subscripting is O(1) and inlinable (a non-inlinable cross-module accessor was measured
/// 11× slower in a hot loop); `column(_:)` copies one column; arithmetic goes through BLAS
/// (see `Matrix+BLAS.swift`).
public struct Matrix: Sendable, Equatable {
    /// Number of rows (observations for a design matrix).
    public let rows: Int
    /// Number of columns (design terms for a design matrix).
    public let columns: Int
    /// Column-major elements; `storage.count == rows * columns`.
    public var storage: [Double]

    /// A matrix filled with `value`.
    @inlinable
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    @inlinable
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns,
                     "Matrix(\(rows)x\(columns)) needs \(rows * columns) elements, got \(storage.count)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from its columns (each of equal length).
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        var storage: [Double] = []
        storage.reserveCapacity(rows * columns.count)
        for (j, column) in columns.enumerated() {
            precondition(column.count == rows, "Column \(j) has \(column.count) rows, expected \(rows)")
            storage.append(contentsOf: column)
        }
        self.init(rows: rows, columns: columns.count, columnMajor: storage)
    }

    /// A matrix from its rows (each of equal length). Convenient for small literals in tests.
    public init(rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        var matrix = Matrix(rows: rows.count, columns: columns)
        for (i, row) in rows.enumerated() {
            precondition(row.count == columns, "Row \(i) has \(row.count) columns, expected \(columns)")
            for j in 0..<columns { matrix[i, j] = row[j] }
        }
        self = matrix
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Element at row `i`, column `j` (0-based).
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// A copy of column `j`.
    @inlinable
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// A copy of row `i`.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    /// The transpose (a new matrix).
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t[j, i] = self[i, j] }
        }
        return t
    }

    /// The matrix made of the given columns, in the given order.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var storage: [Double] = []
        storage.reserveCapacity(rows * indices.count)
        for j in indices { storage.append(contentsOf: self.storage[(j * rows)..<((j + 1) * rows)]) }
        return Matrix(rows: rows, columns: indices.count, columnMajor: storage)
    }

    /// The matrix made of the given rows, in the given order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, columns: columns)
        for j in 0..<columns {
            for (r, i) in indices.enumerated() { m[r, j] = self[i, j] }
        }
        return m
    }

    /// The main diagonal.
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { self[$0, $0] }
    }
}
