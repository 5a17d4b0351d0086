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
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
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
        let cases = try selection.selectedCases()
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
        let runner = Runner(policy: selection.profile.sampling)
        var results: [CaseResult] = []
        for (index, benchCase) in cases.enumerated() {
            do {
                let prepared: PreparedCase
                do { prepared = try benchCase.prepare() } catch {
                    throw HarnessError.preparationFailed(caseKey: benchCase.key, message: "\(error)")
                }
                try exporter?.addInputs(of: benchCase, prepared.inputs)
                let result = try runner.measure(benchCase, prepared)
                try exporter?.addResults(ofCaseWithKey: benchCase.key, prepared.results())
                results.append(result)
                printError("[\(index + 1)/\(cases.count)] \(benchCase.key): ours \(Format.timing(result.ours))"
                    + (result.ratio.map { ", ratio \(Format.fixed($0, 2))" } ?? ""))
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
        let text = format == .json ? report.json.serialized() + "\n" : report.table
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                printError("bench: error: cannot write \(output): \(error)")
                throw ExitCode(1)
            }
            printError("bench: wrote \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
