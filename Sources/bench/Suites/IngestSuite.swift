import BenchHarness
import Forecast
import Foundation

/// Reading a per-event file into daily totals: `DailySeries.ingest` on a seeded synthetic file in the shape
/// of the Air Force attacks feed (`PerEventFile`: 22 columns, every row exactly 256 bytes).
///
/// Case `ingest-per-event`: `DailySeries.ingest(path:options:)` with `IngestOptions(mode: .perEvent,
/// valueColumns: ["launched", "destroyed"])` (date column: `time_end`, the per-event default) — read, parse,
/// sum per day, quality report — timed from the path to the `DailySeries`. The file is written once per run,
/// into the `--export-data` directory (kept, as `events_<size>.csv`, for the pandas comparison) or a
/// temporary directory (deleted after the case); never into the repository. No baseline (ratio null).
/// Checked before timing: the sums of `launched` and `destroyed` over all days equal the totals summed while
/// the file was generated, and the series covers every day of the file.
/// Throughput: MB/s = (header + rows × 256 bytes) / 10⁶ / median, appended to the table line (the JSON has
/// no per-case key for it; derive it from `size` and `ours.median` with `PerEventFile.byteCount`).
/// Sizes: rows×columns of the CSV: 390625x22 = 100 MB (quick, full); smoke 4000x22 = 1 MB.
enum IngestSuite: Suite {
    static let name = "ingest"
    static let caseName = "ingest-per-event"
    static let options = IngestOptions(mode: .perEvent, valueColumns: ["launched", "destroyed"])

    static func rows(for profile: Profile) -> Int { profile == .smoke ? 4000 : 390_625 }

    static func cases(for profile: Profile) -> [BenchCase] { cases(for: profile, scratch: .temporary()) }

    static func cases(for profile: Profile, scratch: ScratchDirectory) -> [BenchCase] {
        let file = PerEventFile(rows: rows(for: profile))
        let megabytes = Double(file.byteCount) / 1e6
        return [BenchCase(name: caseName, suite: name, size: file.size,
                          summary: "DailySeries.ingest(--per-event, launched+destroyed) of a \(Format.fixed(megabytes, 1)) MB CSV (no baseline)") {
            try prepare(file: file, scratch: scratch)
        }]
    }

    static func bytesProcessed(forCase name: String, size: CaseSize) -> Int? {
        name == caseName ? PerEventFile(rows: size.rows).byteCount : nil
    }

    /// `events_<rows>x<cols>`: the CSV's file stem in the scratch/export directory and the identity of its
    /// exported totals.
    static func identity(_ file: PerEventFile) -> String { "events_\(file.size)" }

    static func prepare(file: PerEventFile, scratch: ScratchDirectory) throws -> PreparedCase {
        let csv = try scratch.file(named: identity(file) + ".csv")
        let totals = try file.write(to: csv.url)
        let written = try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int
        try SelfCheckFailure.require(written == file.byteCount, "size of \(csv.path)",
                                     expected: "\(file.byteCount) bytes", found: "\(written.map(String.init) ?? "unknown")")
        let path = csv.path
        var series = try DailySeries.ingest(path: path, options: options)
        let sums = try check(series, totals)
        let ours = Subject(name: "Forecast DailySeries.ingest (per event)",
                           run: { try withExtendedLifetime(csv) { series = try DailySeries.ingest(path: path, options: options) } },
                           output: { (try? totalsOf(series)) ?? [] })
        let id = identity(file)
        return PreparedCase(ours: ours, baseline: nil,
                            inputs: [ExportedArray(name: "launched_total", vector: [Double(totals.launched)], identity: id),
                                     ExportedArray(name: "destroyed_total", vector: [Double(totals.destroyed)], identity: id)],
                            results: {
                                [("launchedTotal", [sums[0]]), ("destroyedTotal", [sums[1]]), ("days", [Double(series.dayCount)]),
                                 ("fileBytes", [Double(file.byteCount)])]
                            })
    }

    /// Sums of `launched` and `destroyed` over all days.
    static func totalsOf(_ series: DailySeries) throws -> [Double] {
        try ["launched", "destroyed"].map { try series.column(named: $0).reduce(0, +) }
    }

    static func check(_ series: DailySeries, _ totals: PerEventFile.Totals) throws -> [Double] {
        let sums = try totalsOf(series)
        try SelfCheckFailure.require(sums[0] == Double(totals.launched), "sum of launched over all days",
                                     expected: "\(totals.launched) (summed while generating)", found: "\(sums[0])")
        try SelfCheckFailure.require(sums[1] == Double(totals.destroyed), "sum of destroyed over all days",
                                     expected: "\(totals.destroyed) (summed while generating)", found: "\(sums[1])")
        try SelfCheckFailure.require(series.dayCount == totals.days, "days covered",
                                     expected: "\(totals.days)", found: "\(series.dayCount)")
        return sums
    }
}
