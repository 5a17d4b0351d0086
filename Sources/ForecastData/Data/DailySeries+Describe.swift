// DailySeries+Describe — what `forecast describe` prints: the quality report and statistics per column.

import ForecastCore
extension DescriptiveStatistics {
    /// The statistics as a JSON object (non-finite values → null).
    public func json() -> JSONValue {
        .object([
            ("count", .integer(count)), ("missing", .integer(missing)), ("zeros", .integer(zeros)),
            ("sum", .finite(sum)), ("mean", .finite(mean)), ("standardDeviation", .finite(standardDeviation)),
            ("variance", .finite(variance)), ("minimum", .finite(minimum)), ("maximum", .finite(maximum)),
            ("median", .finite(median)),
            ("quantiles", .array(zip(probabilities, quantiles).map {
                .object([("probability", .number($0)), ("value", .finite($1))])
            })),
            ("autocorrelations", .array(autocorrelations.enumerated().map {
                .object([("lag", .integer($0 + 1)), ("value", .finite($1))])
            })),
            ("dispersionIndex", .finite(dispersionIndex)),
        ])
    }
}

extension DailySeries {
    /// Statistics of every column (autocorrelations up to `maxLag`), in column order.
    public func statistics(maxLag: Int = 7) -> [(name: String, statistics: DescriptiveStatistics)] {
        zip(names, values).map { ($0, DescriptiveStatistics($1, maxLag: maxLag)) }
    }

    /// `{"quality": <report>, "statistics": [{"column": name, ...statistics}]}`.
    public func describeJSON(maxLag: Int = 7) -> JSONValue {
        .object([
            ("quality", quality.json()),
            ("statistics", .array(statistics(maxLag: maxLag).map { name, s in
                guard case .object(let members) = s.json() else { return .null }
                return .object([("column", .string(name))] + members)
            })),
        ])
    }

    /// The quality summary, then one block of statistics per column (plain text, fixed-width columns).
    public func describeTable(maxLag: Int = 7) -> String {
        var out = quality.summary() + "\n"
        let rows: [(String, (DescriptiveStatistics) -> String)] = [
            ("days with a value", { "\($0.count)" }), ("missing", { "\($0.missing)" }), ("zeros", { "\($0.zeros)" }),
            ("sum", { Self.number($0.sum) }), ("mean", { Self.number($0.mean) }),
            ("standard deviation", { Self.number($0.standardDeviation) }),
            ("minimum", { Self.number($0.minimum) }), ("maximum", { Self.number($0.maximum) }),
        ]
        let stats = statistics(maxLag: maxLag)
        var table: [[String]] = [["statistic"] + stats.map(\.name)]
        for (label, value) in rows { table.append([label] + stats.map { value($0.statistics) }) }
        if let first = stats.first?.statistics {
            for (k, p) in first.probabilities.enumerated() {
                table.append(["quantile \(Self.number(p))"] + stats.map { Self.number($0.statistics.quantiles[k]) })
            }
            for lag in 0..<first.autocorrelations.count {
                table.append(["autocorrelation lag \(lag + 1)"] + stats.map { Self.number($0.statistics.autocorrelations[lag]) })
            }
        }
        table.append(["variance / mean"] + stats.map { Self.number($0.statistics.dispersionIndex) })
        let widths = (0..<table[0].count).map { k in table.map { $0[k].count }.max() ?? 0 }
        for row in table {
            out += row.enumerated().map { k, cell in
                k == 0 ? cell.padding(to: widths[k]) : String(repeating: " ", count: widths[k] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        return out
    }

    /// Up to 6 significant digits, integers as integers, NaN and ±∞ (a variance beyond the double range) as "–".
    static func number(_ v: Double) -> String {
        if !v.isFinite { return "–" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        let magnitude = abs(v) >= 1 ? Int(log10Floor(abs(v))) + 1 : 0
        let decimals = max(0, 6 - magnitude)
        let scale = pow10(decimals)
        let rounded = (v * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : rounded.description
    }

    private static func log10Floor(_ v: Double) -> Double {
        var (x, k) = (v, 0.0)
        while x >= 10 { x /= 10; k += 1 }
        return k
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}

extension String {
    fileprivate func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
