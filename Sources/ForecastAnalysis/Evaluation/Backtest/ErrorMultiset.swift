import ForecastCore

// ErrorMultiset — a multiset of one lag's in-sample errors with its order statistics and the ensemble CRPS of
// its empirical distribution, each in O(log N), and inserts and removes in O(log N) (N = errors of the lag in
// the whole series).
//
// Policy:
// 1. Members are drawn from a fixed universe, `RankedErrors` (every error of the lag, ranked once); the multiset
//    holds a subset of them by rank. A Fenwick (binary indexed) tree over ranks holds counts and value sums, so
//    prefix counts and sums and the k-th smallest member cost O(log N) (Fenwick 1994).
// 2. Sums are double-double: each node is a `CompensatedSum` updated by TwoSum, so a prefix sum is exact to about
//    2⁻¹⁰⁰ of the sum of |e| however members and removals alternate, and the differences below (S − 2S_≤c)
//    cancel without loss when the members share a large offset.
// 3. The spread D = Σ_{i<j} |e_i − e_j| is kept up to date: inserting or removing v changes it by
//    Σ_j |v − e_j| over the other members = S − 2·S_≤v + v·(2·n_≤v − n), accumulated in double-double.
// 4. CRPS of the empirical distribution at c: (1/n)·Σ|e_i − c| − D/n², with Σ|e_i − c| = S − 2·S_≤c + c·(2·n_≤c − n)
//    — properscoring `crps_ensemble`, the biased form of `CRPS.ensemble` (pairs divided by n², not n(n − 1)).
//    The order statistics are the stored values themselves, so quantiles equal a sort's exactly.

/// A multiset of errors from one `RankedErrors` universe (policy 1–4). Value type; O(N) memory.
struct ErrorMultiset: Sendable {
    let universe: RankedErrors
    /// Fenwick nodes, 1-based (index 0 unused): member counts and double-double value sums.
    private var counts: [Int]
    private var sums: [CompensatedSum]
    /// Number of members.
    private(set) var count = 0
    /// Σ e over the members and D = Σ_{i<j} |e_i − e_j| (policy 3).
    private var total = CompensatedSum(), spread = CompensatedSum()

    /// The members at `ranks` (0-based positions in `universe.sorted`, each at most once), built in O(N).
    init(universe: RankedErrors, ranks: [Int]) {
        self.universe = universe
        let n = universe.sorted.count
        counts = [Int](repeating: 0, count: n + 1)
        sums = [CompensatedSum](repeating: CompensatedSum(), count: n + 1)
        for r in ranks {
            precondition(counts[r + 1] == 0, "ErrorMultiset: rank \(r) given twice")
            counts[r + 1] = 1
            sums[r + 1] = CompensatedSum(universe.sorted[r])
        }
        count = ranks.count
        // D = Σ_k (2k − n + 1)·e_(k) over the members in ascending order; S = Σ e.
        var k = 0
        for r in stride(from: 1, through: n, by: 1) where counts[r] == 1 {
            total.add(sums[r].high)
            spread.addProduct(Double(2 * k - count + 1), sums[r].high)
            k += 1
        }
        // Linear-time Fenwick construction: each node passes its sum on to its parent.
        for i in stride(from: 1, through: n, by: 1) {
            let parent = i + (i & -i)
            guard parent <= n else { continue }
            counts[parent] += counts[i]
            sums[parent].add(sums[i])
        }
    }

    /// Adds the error of rank `r` (not a member yet).
    mutating func insert(rank r: Int) {
        let v = universe.sorted[r]
        // Every other member with rank ≤ r is ≤ v; members equal to v on either side add |v − e| = 0.
        spread.add(distances(from: v, prefix: prefix(through: r)))
        update(rank: r, count: 1, value: v)
    }

    /// Removes the error of rank `r` (a member).
    mutating func remove(rank r: Int) {
        let v = universe.sorted[r]
        update(rank: r, count: -1, value: -v)
        spread.subtract(distances(from: v, prefix: prefix(through: r)))
    }

    /// The k-th smallest member (0-based, k < count).
    func orderStatistic(_ k: Int) -> Double {
        precondition(k >= 0 && k < count, "ErrorMultiset: order statistic \(k) of \(count) members")
        var position = 0, remaining = k
        var step = 1
        while step * 2 < counts.count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next < counts.count && counts[next] <= remaining {
                position = next
                remaining -= counts[next]
            }
            step /= 2
        }
        return universe.sorted[position]  // node position + 1, 0-based: position
    }

    /// The ensemble CRPS of the members' empirical distribution at c (policy 4); NaN for no member or NaN c.
    func crps(at c: Double) -> Double {
        if c.isNaN || count == 0 { return .nan }
        let distance = distances(from: c, prefix: prefix(through: universe.rankCount(atMost: c) - 1))
        let n = Double(count)
        return distance.value / n - spread.value / (n * n)
    }

    /// Σ|e − v| over the members, from the count and sum of the members ≤ v (`prefix`): S − 2·S_≤ + v·(2·n_≤ − n).
    private func distances(from v: Double, prefix: (count: Int, sum: CompensatedSum)) -> CompensatedSum {
        var d = total
        d.subtract(prefix.sum)
        d.subtract(prefix.sum)
        d.addProduct(v, Double(2 * prefix.count - count))
        return d
    }

    /// Count and sum of the members of rank ≤ r (r = −1: none).
    private func prefix(through r: Int) -> (count: Int, sum: CompensatedSum) {
        var i = r + 1, n = 0
        var sum = CompensatedSum()
        while i > 0 {
            n += counts[i]
            sum.add(sums[i])
            i -= i & -i
        }
        return (n, sum)
    }

    private mutating func update(rank r: Int, count delta: Int, value v: Double) {
        count += delta
        total.add(v)
        var i = r + 1
        while i < counts.count {
            counts[i] += delta
            sums[i].add(v)
            i += i & -i
        }
    }
}
