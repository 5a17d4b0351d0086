/// A case with its inputs generated: the two subjects, the work per call, and what `--export-data` writes.
public struct PreparedCase {
    /// The library's implementation.
    public var ours: Subject
    /// The reference implementation timed on the same inputs (nil: ours is timed alone).
    public var baseline: Subject?
    /// Floating-point operations of one call of `ours` when GFLOP/s means something (gemm: 2n³), else nil.
    public var flopCount: Double?
    /// The inputs, for `--export-data` (e.g. `x` n×p and `y` n×1).
    public var inputs: [ExportedArray]
    /// Results of ours worth exporting after the agreement run (e.g. `estimates`, `standardErrors`).
    public var results: () -> [(name: String, values: [Double])]

    public init(ours: Subject, baseline: Subject?, flopCount: Double? = nil, inputs: [ExportedArray] = [],
                results: @escaping () -> [(name: String, values: [Double])] = { [] }) {
        self.ours = ours
        self.baseline = baseline
        self.flopCount = flopCount
        self.inputs = inputs
        self.results = results
    }
}

/// A named column-major array exported as a `.npy` file (a vector when it has one dimension).
public struct ExportedArray: Sendable {
    /// File stem (`x`, `y`, `a`, `b`).
    public let name: String
    /// `[n]` for a vector, `[rows, columns]` for a matrix.
    public let shape: [Int]
    /// Column-major elements (product of `shape` of them).
    public let values: [Double]
    /// Identifies inputs shared between cases (same generator and size), so they are written once.
    public let identity: String

    /// A rows×columns matrix.
    public init(name: String, rows: Int, columns: Int, values: [Double], identity: String) {
        precondition(values.count == rows * columns, "ExportedArray \(name): \(values.count) values for \(rows)x\(columns)")
        self.name = name
        self.shape = [rows, columns]
        self.values = values
        self.identity = identity
    }

    /// A vector.
    public init(name: String, vector: [Double], identity: String) {
        self.name = name
        self.shape = [vector.count]
        self.values = vector
        self.identity = identity
    }

    /// File name inside the export directory, e.g. `ls_10000x20_x.npy`.
    public var fileName: String { "\(identity)_\(name).npy" }
}
