extension Report {
    /// The plain-text report: header lines, then one aligned row per case.
    ///
    /// Columns: case, size, ours median [min–max], baseline name, baseline median [min–max], ratio
    /// (baseline / ours), GFLOP/s of ours and its percentage of the measured dgemm peak for the run's thread
    /// count. In a debug build every row ends with `DEBUG`.
    public var table: String {
        var lines = environment.headerLines
        lines.append("")
        let header = ["case", "size", "ours", "baseline", "baseline time", "ratio", "GFLOP/s", "% peak"]
        var rows: [[String]] = [header]
        let peak = environment.peak?.peak(forThreads: environment.blasThreads)
        for result in cases {
            let gflops = result.gflops
            let percent = gflops.flatMap { value in peak.map { Format.fixed(100 * value / $0, 0) + "%" } }
            rows.append([
                result.name,
                result.size.description,
                Format.timing(result.ours),
                result.baselineName ?? "—",
                result.baseline.map(Format.timing) ?? "—",
                result.ratio.map { Format.fixed($0, 2) } ?? "—",
                gflops.map { Format.fixed($0, 1) } ?? "—",
                percent ?? "—",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [5, 6, 7]
        for (index, row) in rows.enumerated() {
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                cells.append(numeric.contains(column) ? Format.right(cell, widths[column]) : Format.left(cell, widths[column]))
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            if environment.isDebugBuild && index > 0 { line += "  DEBUG" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
