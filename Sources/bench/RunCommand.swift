import ArgumentParser
import BenchHarness
import Forecast
import Foundation

/// `bench run`: check, then time, every selected case; print the report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check agreement, then time every selected case against its baseline.")

    @OptionGroup var selection: CaseSelection

    @Option(help: "OpenBLAS threads for the cases (default: as OpenBLAS starts, usually one per core).")
    var threads: Int?

    @Option(help: "Report format.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write each case's inputs (.npy) and a manifest.json into this directory.",
                               valueName: "dir"))
    var exportData: String?

    @Flag(help: "Allow timing a debug build (every line and the JSON are then marked debug).")
    var allowDebug = false

    func validate() throws {
        // OpenBLAS takes a 32-bit count and caps it at its build's maximum; a count beyond 1024 only trapped here.
        if let threads, !(1...1024).contains(threads) { throw ValidationError("--threads must be in 1...1024, got \(threads)") }
        if let exportData {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: exportData, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw ValidationError("--export-data \(exportData) exists and is not a directory; give a directory (it is created when missing)")
            }
        }
        if BuildConfiguration.isDebug && !allowDebug {
            throw ValidationError("""
                this is a debug build, whose timings mean nothing. Build with `swift build -c release` and run \
                .build/release/bench, or pass --allow-debug (every line is then marked DEBUG).
                """)
        }
    }

    func run() throws {
        let started = SystemInfo.timestamp()
        if let threads { BLASThreads.set(threads) }
        let threadCount = BLASThreads.count
        // Files written by cases (the per-event CSV): the export directory, kept; else a temporary one, removed.
        let scratch = exportData.map { ScratchDirectory(url: URL(fileURLWithPath: $0), keepsFiles: true) }
            ?? .temporary()
        defer { scratch.removeIfTemporary() }
        let cases = try selection.selectedCases(scratch: scratch)
        guard !cases.isEmpty else {
            throw ValidationError("no case of profile \(selection.profile.rawValue) matches --filter '\(selection.filter ?? "")'")
        }
        if BuildConfiguration.isDebug { printError("bench: \(RunEnvironment.debugWarning)") }

        var peak: PeakMeasurement? = nil
        if cases.contains(where: { $0.suite == GEMMSuite.name }) {
            printError("bench: measuring the dgemm peak…")
            peak = GEMMSuite.measurePeak(profile: selection.profile, restoring: threadCount)
        }
        var exporter = try exportData.map { try DataExporter(directory: URL(fileURLWithPath: $0)) }
        var results: [CaseResult] = []
        var peaks: [(peak: Int, before: Int)?] = []
        for (index, benchCase) in cases.enumerated() {
            do {
                let runner = Runner(policy: selection.profile.sampling,
                                    tolerance: Suites.agreementTolerance(for: benchCase))
                let prepared: PreparedCase
                do { prepared = try benchCase.prepare() } catch {
                    throw HarnessError.preparationFailed(caseKey: benchCase.key, message: "\(error)")
                }
                try exporter?.addInputs(of: benchCase, prepared.inputs)
                // One extra, untimed call of ours first: the peak resident memory of a call (fresh workspaces).
                let memory = try? ResidentMemory.measurePeak { try prepared.ours.run() }
                let result = try runner.measure(benchCase, prepared)
                try exporter?.addResults(ofCaseWithKey: benchCase.key, prepared.results())
                results.append(result)
                peaks.append(memory)
                printError("[\(index + 1)/\(cases.count)] \(benchCase.key): ours \(Format.timing(result.ours))"
                    + (result.ratio.map { ", ratio \(Format.fixed($0, 2))" } ?? "")
                    + (Self.throughput(of: result).map { ", \($0)" } ?? "")
                    + (memory.map { ", " + ResidentMemory.describe($0) } ?? ""))
            } catch let error as HarnessError {
                printError("bench: error: \(error)")
                throw ExitCode(1)
            } catch {
                printError("bench: error: \(benchCase.key): \(error)")
                throw ExitCode(1)
            }
        }

        let environment = EnvironmentProbe.collect(profile: selection.profile, filter: selection.filter,
                                                   peak: peak, started: started)
        let report = Report(environment: environment, cases: results)
        let text = format == .json ? report.json.serialized() + "\n" : Self.addingThroughput(to: report.table, results, peaks: peaks)
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                let reason = underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
                printError("bench: error: --output \(output): cannot write the report (\(reason))")
                throw ExitCode(1)
            }
            printError("bench: wrote \(output)")
        } else {
            print(text, terminator: "")
        }
    }

    /// "412 MB/s" for a case that reads a file (bytes per call / 10⁶ / ours' median), else nil.
    static func throughput(of result: CaseResult) -> String? {
        guard let bytes = Suites.bytesProcessed(by: result), result.ours.median > 0 else { return nil }
        return Format.fixed(Double(bytes) / 1e6 / result.ours.median, 0) + " MB/s"
    }

    /// The table with the throughput appended to the line of every case that has one, and a note on how it is
    /// computed (the JSON keeps its schema: MB/s follows from `size` and `ours.median`, see Benchmarks/README.md).
    static func addingThroughput(to table: String, _ results: [CaseResult],
                                 peaks: [(peak: Int, before: Int)?] = []) -> String {
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // The case rows are the table's last lines, one per result, in run order.
        let first = lines.count - results.count
        guard first >= 0 else { return table }
        var any = false
        for (offset, result) in results.enumerated() {
            if let text = throughput(of: result) {
                lines[first + offset] += "  " + text
                any = true
            }
            if offset < peaks.count, let peak = peaks[offset] { lines[first + offset] += "  " + ResidentMemory.describe(peak) }
        }
        if any {
            lines.append("")
            lines.append("MB/s = bytes read per call / 10⁶ / median (ingest-per-event: 1 header line + rows × "
                + "\(PerEventFile.rowBytes) bytes)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
