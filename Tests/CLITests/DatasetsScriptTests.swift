// `scripts/datasets` rebuilds every shipped series of datasets/ from datasets/raw/ (the commands of
// datasets/README.md); the rebuilt files must equal the shipped ones byte for byte.
import Foundation
import Testing

@Suite("scripts/datasets (end to end)")
struct DatasetsScriptTests {
    static let datasets = ForecastBinary.packageRoot.appendingPathComponent("datasets")

    @Test("Every datasets/*.csv is rebuilt from datasets/raw byte for byte")
    func reproducesShippedFiles() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("forecast-datasets-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: output)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [ForecastBinary.packageRoot.appendingPathComponent("scripts/datasets").path, output.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["FORECAST": ForecastBinary.url.path]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/datasets failed: \(stderr)")

        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.datasets.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        // The five shipped files; a file added to datasets/ without a command in the script fails here.
        #expect(shipped == ["equipment_daily.csv", "events.csv", "personnel_daily.csv", "shahed_daily.csv",
                            "strikes_daily.csv"])
        let rebuilt = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(rebuilt == shipped)
        for name in shipped {
            let original = try Data(contentsOf: Self.datasets.appendingPathComponent(name))
            let copy = try Data(contentsOf: output.appendingPathComponent(name))
            #expect(!original.isEmpty && original == copy, "\(name) differs from its rebuild (\(original.count) vs \(copy.count) bytes)")
        }
    }

    @Test("datasets/README.md lists the same ingest commands as scripts/datasets, on datasets/raw")
    func readmeMatchesScript() throws {
        let readme = try String(contentsOf: Self.datasets.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = readme.split(separator: "\n").filter { $0.contains("$F ingest") }
        #expect(commands.count == 4, "one command per derived series")
        for command in commands {
            #expect(command.contains("datasets/raw/") && !command.contains("../shared"), "\(command)")
        }
    }
}
