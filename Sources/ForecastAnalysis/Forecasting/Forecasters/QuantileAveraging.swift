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

import ForecastCore
import ForecastData
import ForecastModels
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
                if !Self.countingSort(&column) { column.sort() }
                for i in 0..<n { sum[i] += column[i] }
            }
            // The reference's day-t row copied once: the index sort then compares plain array elements.
            members[reference].storage.withUnsafeBufferPointer { values in
                for p in 0..<n { referenceRow[p] = values[p * rows + t] }
            }
            let order = Self.countingOrder(referenceRow) ?? (0..<n).sorted { referenceRow[$0] < referenceRow[$1] }
            for (rank, p) in order.enumerated() {
                let value = sum[rank] * scale
                result[t, p] = roundToCounts ? max(0, value.rounded()) : value
            }
        }
        return result
    }

    /// Counts (integers 0…4·count, as NB2 draws are) in ascending order by counting: the same array as `sort()`.
    /// False, with `values` untouched, for any other value.
    static func countingSort(_ values: inout [Double]) -> Bool {
        guard let tallies = tally(values) else { return false }
        var i = 0
        for (value, tally) in tallies.enumerated() {
            for _ in 0..<tally { values[i] = Double(value); i += 1 }
        }
        return true
    }

    /// The indices of `values` in ascending order of value, ties in index order (the order of the stable
    /// `sorted(by:)`), by counting; nil unless every value is an integer in 0…4·count.
    static func countingOrder(_ values: [Double]) -> [Int]? {
        guard var starts = tally(values) else { return nil }
        var position = 0
        for value in starts.indices {
            let tally = starts[value]
            starts[value] = position
            position += tally
        }
        var order = [Int](repeating: 0, count: values.count)
        for (index, value) in values.enumerated() {
            order[starts[Int(value)]] = index
            starts[Int(value)] += 1
        }
        return order
    }

    /// How often each integer 0…max occurs, or nil when a value is not an integer in +0…4·count (−0 and NaN
    /// included, so that the comparison sort keeps their bits; past 4·count it is also the cheaper one).
    private static func tally(_ values: [Double]) -> [Int]? {
        let limit = Double(4 * values.count)
        var largest = 0.0
        for value in values {
            guard value.sign == .plus, value <= limit, value == value.rounded(.towardZero) else { return nil }
            largest = max(largest, value)
        }
        var tallies = [Int](repeating: 0, count: Int(largest) + 1)
        for value in values { tallies[Int(value)] += 1 }
        return tallies
    }
}
