// QuantileAveraging — the combination rule of the local-level ensemble: average the members' quantile functions.
//
// Policy:
// 1. Each member gives N draws per day. Sorting them gives the member's empirical quantile function at the levels
//    (i − ½)/N; averaging the sorted draws rank by rank averages the quantile functions (Vincentization; Genest
//    1992, Lichtendahl, Grushka-Cockayne & Winkler 2013). Unlike a mixture of the members (pooling their draws),
//    the average keeps the members' common shape and is never wider than the widest member.
// 2. The averaged values are handed back to paths in the rank order of a reference member's paths (the
//    Schaake-shuffle idea), so a path keeps that member's dependence across days (totals, "any day ≥ N").
// 3. Counts: values are rounded to integers ≥ 0 after averaging.

enum QuantileAveraging {
    /// The rank-by-rank average of `members` (each horizon × N, same shape), reordered by the ranks of
    /// `members[reference]` per day. Precondition: at least one member; equal shapes.
    static func combine(_ members: [Matrix], reference: Int, roundToCounts: Bool) -> Matrix {
        precondition(!members.isEmpty, "QuantileAveraging: at least one member")
        let rows = members[0].rows, n = members[0].columns
        precondition(members.allSatisfy { $0.rows == rows && $0.columns == n }, "QuantileAveraging: equal shapes")
        var result = Matrix(rows: rows, columns: n)
        var sum = [Double](repeating: 0, count: n)
        var column = [Double](repeating: 0, count: n)
        var referenceRow = [Double](repeating: 0, count: n)
        let scale = 1 / Double(members.count)
        for t in 0..<rows {
            for i in 0..<n { sum[i] = 0 }
            for member in members {
                member.storage.withUnsafeBufferPointer { values in
                    for p in 0..<n { column[p] = values[p * rows + t] }
                }
                column.sort()
                for i in 0..<n { sum[i] += column[i] }
            }
            // The reference's day-t row copied once: the index sort then compares plain array elements.
            members[reference].storage.withUnsafeBufferPointer { values in
                for p in 0..<n { referenceRow[p] = values[p * rows + t] }
            }
            let order = (0..<n).sorted { referenceRow[$0] < referenceRow[$1] }
            for (rank, p) in order.enumerated() {
                let value = sum[rank] * scale
                result[t, p] = roundToCounts ? max(0, value.rounded()) : value
            }
        }
        return result
    }
}
