// Tall-skinny QR (TSQR; Demmel, Grigori, Hoemmen & Langou 2012, one reduction level) for least squares with
// n ≫ k.
//
// Policy:
// 1. Why: a Householder QR of a tall matrix applies each reflector to the whole trailing matrix — Level-2 BLAS
//    streaming n×k doubles from memory k times. Cutting the rows into blocks that fit in L2, copying each block
//    (row-scaled) from X and factoring it at once while it is in cache (`TallSkinnyChoice.automaticBlockRows`: the
//    reflector pair and the column it updates in L1, the block in L2), reads X once; the blocks are independent,
//    so they run in parallel (`ParallelMap`, one BLAS thread per worker, `BLASThreads.count` workers).
// 2. Reduction: the blocks' triangles (min(m_b, K) rows each, K = factored columns incl. the response) are stacked
//    in block order and factored once more; its top K×K is R of [X | y] (up to the signs of rows, which cancel in
//    every quantity used). Qᵀy rides along in the response column, as in the plain route.
// 3. Aliasing: R's rule is applied to the stacked R, with each column's norm summed over blocks — the same test as
//    the plain route; a block's own triangle is never tested (a column may be degenerate inside one block and not
//    overall). An aliased column is dropped and the whole factorization redone, as in the plain route.
// 4. Q = diag(Q_1 … Q_B) · Pᵀ · diag(Q_s, I), P gathering each block's top min(m_b, K) rows in block order:
//    `applyQ` keeps the gathered part first (its top k entries are Q₁ᵀv) and the blocks' other rows after it in
//    block order; leverages are row norms of diag(Q_b) · (Q_s's first k columns, scattered to the block tops).
// 5. Fallback: a column whose summed square is zero, non-finite or outside [1e-290, 1e290] sends the fit to the
//    plain route, which handles those columns (a zero column is aliased, a non-finite one reported).
// 6. Determinism: blocks depend on the shape only and the per-block sums are combined in block order, so results
//    do not depend on the number of workers.
// 7. Memory: each block is factored in a per-worker, cache-sized scratch block and only its triangle is kept, so a
//    fit needs no n×K copy: one 1000000x20 fit added 185 MB to the process with the copy, 17 MB without (bench's
//    peak RSS), and ran at 2.03–2.41 × bare LAPACK against 2.05–2.08 (alternating runs). The reflectors are rebuilt —
//    the same copies and factorizations, the same bits — only when Q is asked for (leverages for HC2/HC3,
//    refinement, another right-hand side).

/// The row blocks of a tall-skinny factorization of an n×K matrix: blocks of `blockRows` rows, the last one with
/// the remainder (possibly fewer rows than columns).
@usableFromInline
struct TallSkinnyBlocks: Sendable, Equatable {
    /// n.
    let rows: Int
    /// K (columns factored, the response included).
    let columns: Int
    /// Rows of every block but possibly the last.
    let blockRows: Int

    var count: Int { (rows + blockRows - 1) / blockRows }
    func start(_ b: Int) -> Int { b * blockRows }
    func rows(_ b: Int) -> Int { min(blockRows, rows - b * blockRows) }
    /// Rows block b contributes to the stacked matrix (its triangle).
    func topRows(_ b: Int) -> Int { min(rows(b), columns) }
    /// First row of block b's triangle in the stacked matrix.
    func stackedStart(_ b: Int) -> Int { b * min(blockRows, columns) }
    var stackedRows: Int { stackedStart(count - 1) + topRows(count - 1) }
}

/// When a least-squares workspace factors by row blocks.
@usableFromInline
enum TallSkinnyChoice: Sendable, Equatable {
    /// By shape (`automaticBlocks`).
    case automatic
    /// Always the plain Householder route.
    case never
    /// Always by blocks of the given rows (tests: block edges on small inputs).
    case always(blockRows: Int)

    /// Rows per block, by rule from this machine's caches (`CacheSizes`): the pair of reflectors being applied and
    /// the column they update stay in L1 (three columns of m doubles ≤ L1d: `HouseholderQR`'s kernel), the block
    /// (m×K) fits in half of L2, and a block has at least 4K rows (the stacked triangles stay ≤ a quarter of n).
    /// 48 KiB L1d and 2 MiB L2 (this machine) give 2048 rows for every K ≤ 64; a 32 KiB L1d gives 1365.
    /// Checked, not tuned (copy + block factorizations + stacked reduction of 1000000x21, thread CPU time, best of
    /// 3, load average 16): 110 / 112 / 125 / 151 / 193 ms with blocks of 1024 / 2048 / 1536 / 3072 / 4681 rows, and
    /// 166 ms for the previous rule (4681 rows, `dgemv` + `dger`); 100000x51 ran at 94–100 ms from 512 to 2048 rows.
    static func automaticBlockRows(columns: Int) -> Int {
        max(4 * columns, min(CacheSizes.level1Data / (3 * 8), CacheSizes.level2 / (2 * 8 * columns)))
    }

    /// Blocks are used from `minimumRows` rows and up to `maximumColumns` factored columns. Chosen by a
    /// measurement on the previous machine (AMD Zen, blocks of 768 KiB, `dgemv` + `dger` per reflector): at
    /// 10000x20 the blocked route ran at 0.86–0.92 of bare LAPACK and the plain route at 1.27, so blocks start at
    /// twice that; at 100000x50 and 1000000x20 blocks won by 1.7–2.3×. Past 64 columns a block of
    /// 768 KiB holds too few rows for the stacked reduction to stay small, and LAPACK's blocked `dgeqrf` takes over.
    static let minimumRows = 20_000
    static let maximumColumns = 64

    func blocks(rows: Int, columns: Int) -> TallSkinnyBlocks? {
        switch self {
        case .never:
            return nil
        case let .always(blockRows):
            return columns > 0 && rows >= columns ? TallSkinnyBlocks(rows: rows, columns: columns, blockRows: blockRows) : nil
        case .automatic:
            guard rows >= Self.minimumRows, columns > 0, columns <= Self.maximumColumns else { return nil }
            let blockRows = Self.automaticBlockRows(columns: columns)
            return rows >= 4 * blockRows ? TallSkinnyBlocks(rows: rows, columns: columns, blockRows: blockRows) : nil
        }
    }
}

/// What a tall-skinny factorization was made from (the caller's arrays, shared, not copied), to rebuild its block
/// reflectors when Q is needed.
@usableFromInline
struct TallSkinnySource: Sendable {
    let x: Matrix
    let candidates: [Int]
    let rowScale: [Double]?
    let response: [Double]?
    /// The kernels it was factored with (a rebuild uses the same, for the same bits).
    let path: KernelPath
}

/// A raw buffer handed to parallel tasks that write disjoint parts of it.
private struct SharedBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
}

extension LeastSquaresWorkspace {
    /// Factors diag(rowScale) · [X_candidates | y] by blocks (policy 1–2); returns the candidates' norms, or nil
    /// for the plain route (policy 5). R is left on top of `stacked`; the blocks' reflectors are not kept
    /// (policy 7) until `keepBlockReflectors` rebuilds them.
    mutating func factorTallSkinny(_ x: Matrix, candidates: [Int], rowScale: [Double]?, response: [Double]?,
                                   blocks: TallSkinnyBlocks, path: KernelPath) -> [Double]? {
        let columns = blocks.columns, k = candidates.count, s = blocks.stackedRows
        if stacked.count < s * columns { stacked = [Double](repeating: 0, count: s * columns) }
        if stackedTau.count < columns { stackedTau = [Double](repeating: 0, count: columns) }
        if work.count < columns { work = [Double](repeating: 0, count: columns) }
        let source = TallSkinnySource(x: x, candidates: candidates, rowScale: rowScale, response: response, path: path)
        tallSkinnySource = source
        blockReflectorsKept = false
        let sums = stacked.withUnsafeMutableBufferPointer { triangles in
            Self.factorBlocks(source, blocks: blocks, reflectors: nil, triangles: SharedBuffer(base: triangles.baseAddress!))
        }
        var norms = [Double](repeating: 0, count: k)
        for c in 0..<k {
            var total = 0.0
            for b in 0..<blocks.count { total += sums[b][c] }
            guard total.isFinite, total >= 1e-290, total <= 1e290 else { return nil }
            norms[c] = total.squareRoot()
        }
        stacked.withUnsafeMutableBufferPointer { a in
            stackedTau.withUnsafeMutableBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    HouseholderQR.factor(rows: s, columns: columns, a: a.baseAddress!, tau: t.baseAddress!,
                                         work: w.baseAddress!, workCount: w.count, path: path)
                }
            }
        }
        return norms
    }

    /// Rebuilds the blocks' reflectors in `packed` and `tau` (policy 7): the same copies and the same
    /// factorizations as `factorTallSkinny`, so the same bits.
    mutating func keepBlockReflectors(_ blocks: TallSkinnyBlocks) {
        guard !blockReflectorsKept, let source = tallSkinnySource else { return }
        let columns = blocks.columns
        if packed.count < blocks.rows * columns { packed = [Double](repeating: 0, count: blocks.rows * columns) }
        if tau.count < blocks.count * columns { tau = [Double](repeating: 0, count: blocks.count * columns) }
        packed.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { t in
                _ = Self.factorBlocks(source, blocks: blocks,
                                      reflectors: (SharedBuffer(base: a.baseAddress!), SharedBuffer(base: t.baseAddress!)),
                                      triangles: nil)
            }
        }
        blockReflectorsKept = true
    }

    /// Copies and factors every block in parallel: into `reflectors` (block b at row offset start·K, τ at b·K)
    /// when given, else into a per-worker scratch block whose triangle is written to `triangles` (S×K, lda S).
    /// Returns each block's column sums of squares of the candidates.
    private static func factorBlocks(_ source: TallSkinnySource, blocks: TallSkinnyBlocks,
                                     reflectors: (a: SharedBuffer, tau: SharedBuffer)?,
                                     triangles: SharedBuffer?) -> [[Double]] {
        let x = source.x, candidates = source.candidates, rowScale = source.rowScale, response = source.response
        let path = source.path
        let n = x.rows, columns = blocks.columns, k = candidates.count, s = blocks.stackedRows
        let scratchCount = reflectors == nil ? blocks.blockRows * columns : 0
        return ParallelMap.map(count: blocks.count, workers: BLASThreads.count, makeState: {
            (work: [Double](repeating: 0, count: columns), block: [Double](repeating: 0, count: scratchCount),
             tau: [Double](repeating: 0, count: columns))
        }) { state, b in
            let start = blocks.start(b), m = blocks.rows(b)
            var squares = [Double](repeating: 0, count: k)
            state.block.withUnsafeMutableBufferPointer { scratch in
                state.tau.withUnsafeMutableBufferPointer { scratchTau in
                    let block = reflectors.map { $0.a.base + start * columns } ?? scratch.baseAddress!
                    let tau = reflectors.map { $0.tau.base + b * columns } ?? scratchTau.baseAddress!
                    x.storage.withUnsafeBufferPointer { xs in
                        for c in 0..<columns {
                            let destination = block + c * m
                            let copy = { (values: UnsafePointer<Double>) in
                                if let rowScale {
                                    rowScale.withUnsafeBufferPointer { scale in
                                        for i in 0..<m { destination[i] = values[i] * scale[start + i] }
                                    }
                                } else {
                                    destination.update(from: values, count: m)
                                }
                            }
                            if c < k {
                                copy(xs.baseAddress! + candidates[c] * n + start)
                                squares[c] = HouseholderQR.sumOfSquares(destination, count: m, path: path)
                            } else if let response {
                                response.withUnsafeBufferPointer { copy($0.baseAddress! + start) }
                            }
                        }
                    }
                    state.work.withUnsafeMutableBufferPointer { w in
                        HouseholderQR.factor(rows: m, columns: columns, a: block, tau: tau, work: w.baseAddress!,
                                             workCount: w.count, path: path)
                    }
                    // The block's triangle (zeros below its diagonal) into its rows of the stacked matrix.
                    if let triangles {
                        let first = blocks.stackedStart(b)
                        for c in 0..<columns {
                            for i in 0..<blocks.topRows(b) { triangles.base[first + i + c * s] = i <= c ? block[i + c * m] : 0 }
                        }
                    }
                }
            }
            return squares
        }
    }

    /// v := Q v or Qᵀ v for a tall-skinny factorization (policy 4): Qᵀv holds the stacked part first.
    mutating func applyTallSkinnyQ(transpose: Bool, to v: inout [Double], rank k: Int, blocks: TallSkinnyBlocks) {
        keepBlockReflectors(blocks)
        let columns = blocks.columns, s = blocks.stackedRows
        let longest = max(blocks.blockRows, s)
        let workCount = LAPACK.ormqrWorkSize(rows: longest, rightHandSides: 1, reflectors: min(longest, columns))
        if work.count < workCount { work = [Double](repeating: 0, count: workCount) }
        var reordered = [Double](repeating: 0, count: v.count)
        func applyBlocks(_ vector: inout [Double]) {
            for b in 0..<blocks.count {
                Self.applyReflectors(transpose: transpose, rows: blocks.rows(b), reflectors: blocks.topRows(b), a: packed,
                                     offset: blocks.start(b) * columns, tau: tau, tauOffset: b * columns, to: &vector,
                                     start: blocks.start(b), work: &work)
            }
        }
        func applyStacked(_ vector: inout [Double]) {
            Self.applyReflectors(transpose: transpose, rows: s, reflectors: k, a: stacked, tau: stackedTau, to: &vector,
                                 work: &work)
        }
        // Block b's rows in the reordered vector: its top rows at stackedStart(b), the others after all tops.
        func permute(gathering: Bool) {
            var rest = s
            for b in 0..<blocks.count {
                let start = blocks.start(b), top = blocks.topRows(b), m = blocks.rows(b), first = blocks.stackedStart(b)
                for i in 0..<top {
                    if gathering { reordered[first + i] = v[start + i] } else { v[start + i] = reordered[first + i] }
                }
                for i in top..<m {
                    if gathering { reordered[rest] = v[start + i] } else { v[start + i] = reordered[rest] }
                    rest += 1
                }
            }
        }
        if transpose {
            applyBlocks(&v)
            permute(gathering: true)
            var head = Array(reordered[0..<s])
            applyStacked(&head)
            reordered.replaceSubrange(0..<s, with: head)
            v = reordered
        } else {
            var head = Array(v[0..<s])
            applyStacked(&head)
            reordered = v
            reordered.replaceSubrange(0..<s, with: head)
            permute(gathering: false)
            applyBlocks(&v)
        }
    }

    /// Leverages for a tall-skinny factorization (policy 4): per block, Q_b applied to its rows of Q_s's first k
    /// columns, then row sums of squares.
    mutating func tallSkinnyLeverages(rank k: Int, blocks: TallSkinnyBlocks) -> [Double] {
        keepBlockReflectors(blocks)
        let columns = blocks.columns, s = blocks.stackedRows, n = blocks.rows
        var top = Array(stacked.prefix(s * k))
        top.withUnsafeMutableBufferPointer { a in
            stackedTau.withUnsafeBufferPointer { t in
                LAPACK.orgqr(rows: s, columns: k, reflectors: k, a: a.baseAddress!, tau: t.baseAddress!)
            }
        }
        let workCount = LAPACK.ormqrWorkSize(rows: blocks.blockRows, rightHandSides: k,
                                             reflectors: min(blocks.blockRows, columns))
        let packed = self.packed, tau = self.tau, stackedQ = top
        let perBlock = ParallelMap.map(count: blocks.count, workers: BLASThreads.count,
                                       makeState: { [Double](repeating: 0, count: workCount) }) { work, b -> [Double] in
            let m = blocks.rows(b), rowsOnTop = blocks.topRows(b), first = blocks.stackedStart(b)
            var q = [Double](repeating: 0, count: m * k)
            for c in 0..<k { for i in 0..<rowsOnTop { q[i + c * m] = stackedQ[first + i + c * s] } }
            packed.withUnsafeBufferPointer { a in
                tau.withUnsafeBufferPointer { t in
                    work.withUnsafeMutableBufferPointer { w in
                        q.withUnsafeMutableBufferPointer { c in
                            LAPACK.ormqr(transpose: false, rows: m, rightHandSides: k, reflectors: rowsOnTop,
                                         a: a.baseAddress! + blocks.start(b) * columns, tau: t.baseAddress! + b * columns,
                                         c: c.baseAddress!, work: w.baseAddress!, workCount: w.count)
                        }
                    }
                }
            }
            var h = [Double](repeating: 0, count: m)
            for c in 0..<k { for i in 0..<m { h[i] += q[i + c * m] * q[i + c * m] } }
            return h
        }
        var h: [Double] = []
        h.reserveCapacity(n)
        for block in perBlock { h.append(contentsOf: block) }
        return h
    }
}
